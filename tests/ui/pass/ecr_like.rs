//! Everything the attribute language offers, together, on user types.
#![deny(warnings, clippy::pedantic)]

use std::collections::{BTreeMap, HashMap};

use ecr_config::{Secret, Validate};
use serde::Deserialize;

#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[title("Registry")]
/// A registry.
pub struct Registry {
    /// Display name.
    #[title("Name")]
    #[len(min = 1, max = 64)]
    #[pattern(r"^[\w .-]+$")]
    pub display_name: String,
    #[len(20)]
    #[pattern("^[A-Z0-9]{20}$")]
    pub access_key: Option<String>,
    #[len(min = 1)]
    pub secret_key: Secret<String>,
    #[range(min = 1, max = 65535)]
    pub port: u16,
    #[range(min = -1.5, max = 1.5)]
    pub weight: Option<f64>,
    #[constant("registry")]
    #[serde(default)]
    pub kind: String,
    #[content_media_type("application/json")]
    pub policy: Option<Secret<String>>,
    #[len(max = 3)]
    pub mirrors: Vec<Mirror>,
    pub named: BTreeMap<String, Mirror>,
    pub hashed: HashMap<String, Box<Mirror>>,
    pub tier: Tier,
    #[validate(skip)]
    pub raw: serde_json::Value,
    #[serde(flatten)]
    pub extra: Extra,
    pub r#type: Option<Tier>,
}

#[derive(Deserialize, Validate)]
pub struct Mirror {
    #[pattern("^https://")]
    pub url: String,
}

#[derive(Deserialize, Validate)]
pub struct Extra {
    #[len(max = 8)]
    pub labels: Vec<String>,
}

#[derive(Clone, Copy, Deserialize, Validate)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    Free,
    #[serde(rename = "pro")]
    Professional,
}

#[derive(Validate)]
pub struct Wrapper<T, U: Clone> {
    pub inner: T,
    #[len(min = 1)]
    pub items: Vec<U>,
    #[validate(skip)]
    pub marker: std::marker::PhantomData<U>,
}

#[derive(Validate)]
pub struct Empty {}

fn main() {
    fn assert_validate<T: Validate>() {}
    assert_validate::<Registry>();
    assert_validate::<Wrapper<Mirror, String>>();
    assert_validate::<Empty>();
}

/// Users' own types may shadow primitive and prelude names; the expansion uses absolute paths.
mod shadowing {
    #![allow(non_camel_case_types, dead_code)]

    use ecr_config::Validate;

    struct u8;
    struct u64;
    struct usize;
    struct bool;
    struct str;
    struct Option;
    struct Some;
    struct String;

    #[derive(Validate)]
    pub struct Shadowed {
        #[len(min = 1, max = 2048)]
        #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")]
        pub arn: ::std::string::String,
        #[pattern("^(ab|cd)$")]
        pub branching: ::std::string::String,
        #[range(min = 1, max = 3)]
        pub count: ::core::primitive::u8,
    }
}
