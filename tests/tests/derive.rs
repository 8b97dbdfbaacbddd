//! The derive on user-defined types: nesting, serde names, containers, generics.

use std::collections::{BTreeMap, HashMap};

use ecr_config::meta::Rule;
use ecr_config::{Detail, Keyword, Number, Secret, Shape, UnitEnum, Validate};

fn findings<T: Validate>(value: &T) -> Vec<(String, Keyword)> {
    value.validate().err().map_or_else(Vec::new, |errors| {
        errors
            .into_iter()
            .map(|e| (e.pointer().to_owned(), e.keyword()))
            .collect()
    })
}

fn at(pointer: &str, keyword: Keyword) -> (String, Keyword) {
    (pointer.to_owned(), keyword)
}

#[derive(serde::Deserialize, Validate)]
struct Mirror {
    #[pattern("^https://")]
    url: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Registry {
    #[len(min = 1, max = 8)]
    display_name: String,
    #[serde(rename = "mirror-list")]
    #[len(max = 2)]
    mirrors: Vec<Mirror>,
    by_name: BTreeMap<String, Mirror>,
    hashed: HashMap<String, Mirror>,
    boxed: Box<Mirror>,
    fallback: Option<Mirror>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(serde::Deserialize, Validate)]
struct Extra {
    #[range(min = -5, max = 5)]
    offset: i64,
}

fn mirror(url: &str) -> Mirror {
    Mirror { url: url.into() }
}

fn registry() -> Registry {
    Registry {
        display_name: "hub".into(),
        mirrors: vec![mirror("https://a")],
        by_name: BTreeMap::new(),
        hashed: HashMap::new(),
        boxed: Box::new(mirror("https://b")),
        fallback: None,
        extra: Extra { offset: 0 },
    }
}

/// Field names the derive knows need escaping in a pointer are escaped, those that do not are
/// not, short pointers and long ones alike.
#[derive(serde::Deserialize, Validate)]
struct Named {
    #[serde(rename = "a~b")]
    #[len(min = 1)]
    tilde: String,
    #[serde(rename = "c/d")]
    #[len(min = 1)]
    slash: String,
    #[serde(rename = "é")]
    inner: Mirror,
    a_field_name_longer_than_any_pointer_kept_inline: Mirror,
}

#[test]
fn derived_field_names_are_escaped_only_where_they_must_be() {
    let value = Named {
        tilde: String::new(),
        slash: String::new(),
        inner: mirror("x"),
        a_field_name_longer_than_any_pointer_kept_inline: mirror("y"),
    };
    assert_eq!(
        findings(&value),
        [
            at("/a~0b", Keyword::MinLength),
            at("/c~1d", Keyword::MinLength),
            at("/é/url", Keyword::Pattern),
            at(
                "/a_field_name_longer_than_any_pointer_kept_inline/url",
                Keyword::Pattern
            ),
        ]
    );
}

#[test]
fn nested_values_are_validated_without_an_attribute() {
    let mut value = registry();
    value.mirrors = vec![mirror("https://a"), mirror("http://b"), mirror("ftp://c")];
    value.by_name.insert("a/b~c".into(), mirror("http://x"));
    value.hashed.insert("z".into(), mirror("http://z"));
    value.hashed.insert("y".into(), mirror("http://y"));
    *value.boxed = mirror("nope");
    value.fallback = Some(mirror("nope"));
    value.extra.offset = 6;
    assert_eq!(
        findings(&value),
        [
            at("/mirror-list", Keyword::MaxItems),
            at("/mirror-list/1/url", Keyword::Pattern),
            at("/mirror-list/2/url", Keyword::Pattern),
            at("/byName/a~1b~0c/url", Keyword::Pattern),
            at("/hashed/y/url", Keyword::Pattern),
            at("/hashed/z/url", Keyword::Pattern),
            at("/boxed/url", Keyword::Pattern),
            at("/fallback/url", Keyword::Pattern),
            at("/offset", Keyword::Maximum),
        ]
    );
}

#[test]
fn a_valid_value_has_no_findings() {
    assert_eq!(findings(&registry()), []);
}

#[test]
fn item_counts_use_min_items_and_max_items() {
    let mut value = registry();
    value.mirrors = Vec::new();
    assert_eq!(findings(&value), []);
    value.mirrors = (0..3).map(|_| mirror("https://a")).collect();
    let errors = value.validate().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "expected at most 2 items, found 3"
    );
}

#[test]
fn range_bounds_are_inclusive_and_accept_negatives() {
    let mut value = registry();
    for ok in [-5, 0, 5] {
        value.extra.offset = ok;
        assert_eq!(findings(&value), [], "{ok}");
    }
    value.extra.offset = -6;
    let errors = value.validate().unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.keyword(), Keyword::Minimum);
    assert_eq!(error.message(), "must be at least -5, found -6");
    assert_eq!(
        error.detail(),
        &Detail::Range {
            bound: Number::Int(-5),
            found: Number::Int(-6)
        }
    );
}

#[derive(serde::Deserialize, Validate)]
struct Floats {
    #[range(min = 0.5, max = 1)]
    ratio: f64,
    #[range(max = 10)]
    maybe: Option<f32>,
}

#[test]
fn float_ranges_and_nan() {
    let ok = Floats {
        ratio: 0.5,
        maybe: None,
    };
    assert_eq!(findings(&ok), []);
    let bad = Floats {
        ratio: 1.5,
        maybe: Some(10.5),
    };
    assert_eq!(
        findings(&bad),
        [
            at("/ratio", Keyword::Maximum),
            at("/maybe", Keyword::Maximum)
        ]
    );
    let nan = Floats {
        ratio: f64::NAN,
        maybe: None,
    };
    assert_eq!(
        findings(&nan),
        [
            at("/ratio", Keyword::Minimum),
            at("/ratio", Keyword::Maximum)
        ]
    );
}

#[derive(serde::Deserialize, Validate)]
struct Generic<T> {
    #[len(min = 1)]
    items: Vec<T>,
    #[validate(skip)]
    opaque: std::marker::PhantomData<T>,
}

#[test]
fn generic_fields_are_validated_through_their_parameter() {
    let value = Generic {
        items: vec![mirror("https://ok"), mirror("bad")],
        opaque: std::marker::PhantomData,
    };
    assert_eq!(findings(&value), [at("/items/1/url", Keyword::Pattern)]);
    let empty: Generic<Mirror> = Generic {
        items: vec![],
        opaque: std::marker::PhantomData,
    };
    assert_eq!(findings(&empty), [at("/items", Keyword::MinItems)]);
}

#[derive(Clone, Copy, serde::Deserialize, Validate)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Tier {
    FreePlan,
    #[serde(rename = "pro")]
    Professional,
    Enterprise,
}

#[test]
fn unit_enums_record_their_serialized_names() {
    assert_eq!(Tier::NAMES, ["FREE_PLAN", "pro", "ENTERPRISE"]);
    assert_eq!(Tier::Professional.as_str(), "pro");
    assert_eq!(findings(&Tier::FreePlan), []);
    let Shape::Enum(meta) = Tier::SHAPE else {
        panic!("Tier is an enum")
    };
    assert_eq!(meta.variants.len(), 3);
}

#[derive(serde::Deserialize, Validate)]
struct Credentials {
    /// The user.
    ///
    /// Second paragraph,
    /// on two lines.
    #[title("User name")]
    #[pattern(r"^\w+$")]
    user: String,
    #[len(min = 12, max = 64)]
    #[pattern(r"[0-9]")]
    password: Secret<String>,
    #[constant("v1")]
    version: Option<String>,
    #[content_media_type("application/json")]
    extra: Option<Secret<String>>,
    #[serde(skip)]
    #[allow(dead_code)]
    cache: Vec<u8>,
}

#[test]
fn secrets_are_checked_but_never_reported_by_value() {
    let value = Credentials {
        user: "ünïcode".into(),
        password: Secret::from("short-no-digit"),
        version: Some("v2".into()),
        extra: Some(Secret::from("{\"token\": \"tok-12345\"")),
        cache: vec![],
    };
    let errors = value.validate().unwrap_err();
    let found: Vec<_> = errors.iter().map(|e| (e.pointer(), e.keyword())).collect();
    assert_eq!(
        found,
        [
            ("/user", Keyword::Pattern),
            ("/password", Keyword::Pattern),
            ("/version", Keyword::Const),
            ("/extra", Keyword::ContentMediaType),
        ]
    );
    let text = format!("{errors} {errors:?}");
    for secret in ["short-no-digit", "tok-12345"] {
        assert!(!text.contains(secret), "{secret} leaked into {text}");
    }
}

#[test]
fn doc_comments_and_titles_are_recorded() {
    let Shape::Object(meta) = Credentials::SHAPE else {
        panic!("a struct")
    };
    let user = &meta.fields[0];
    assert_eq!(user.title, Some("User name"));
    assert_eq!(
        user.description,
        Some("The user.\n\nSecond paragraph, on two lines.")
    );
    let [
        Rule::Pattern {
            pattern,
            is_match,
            message: None,
        },
    ] = user.rules
    else {
        panic!("one pattern rule: {:?}", user.rules)
    };
    assert_eq!(*pattern, r"^\w+$");
    // The recorded matcher is the one `validate` runs.
    assert!(is_match("ascii_word") && !is_match("ünïcode"));
    assert!(user.required);
    assert!(!meta.fields[2].required, "an Option is not required");
    assert!(!meta.deny_unknown_fields);
}

#[derive(serde::Deserialize, Validate)]
struct Raw {
    #[len(max = 3)]
    r#type: String,
}

#[test]
fn raw_identifiers_use_the_serde_name() {
    let value = Raw {
        r#type: "long".into(),
    };
    assert_eq!(findings(&value), [at("/type", Keyword::MaxLength)]);
}

#[derive(serde::Deserialize, Validate)]
struct Ecma {
    #[pattern(r"^\d+$")]
    digits: String,
    #[pattern(r"[0-9]")]
    has_digit: String,
    #[pattern(r"^a.c$")]
    dot: String,
}

#[test]
fn patterns_follow_ecma_262() {
    let check = |digits: &str, has_digit: &str, dot: &str| {
        findings(&Ecma {
            digits: digits.into(),
            has_digit: has_digit.into(),
            dot: dot.into(),
        })
        .into_iter()
        .map(|(pointer, _)| pointer)
        .collect::<Vec<_>>()
    };
    assert_eq!(check("0123", "abc1def", "abc"), Vec::<String>::new());
    // `\d` is ASCII-only: Arabic-Indic digits are not digits.
    assert_eq!(check("٣٤٥", "x", "abc"), ["/digits", "/has_digit"]);
    // `$` does not match before a trailing newline; `.` matches no line terminator.
    assert_eq!(check("123\n", "1", "a\nc"), ["/digits", "/dot"]);
    assert_eq!(check("1", "1", "a\u{2028}c"), ["/dot"]);
    // An astral character is one code point for `.`.
    assert_eq!(check("1", "1", "a😀c"), Vec::<String>::new());
}

#[derive(serde::Deserialize, Validate)]
struct Tree {
    #[len(max = 2)]
    children: Vec<Tree>,
    #[range(min = 0)]
    weight: u8,
}

#[test]
fn recursive_types_validate_and_describe_themselves() {
    let tree = Tree {
        children: vec![
            Tree {
                children: Vec::new(),
                weight: 1,
            },
            Tree {
                children: (0..3)
                    .map(|weight| Tree {
                        children: Vec::new(),
                        weight,
                    })
                    .collect(),
                weight: 2,
            },
        ],
        weight: 0,
    };
    assert_eq!(
        findings(&tree),
        [at("/children/1/children", Keyword::MaxItems)]
    );

    let Shape::Object(meta) = Tree::SHAPE else {
        panic!("a struct")
    };
    let Shape::Array(items) = (meta.fields[0].shape)() else {
        panic!("children is an array")
    };
    assert!(matches!(items(), Shape::Object(inner) if inner.ident == "Tree"));
    assert!(matches!(
        (meta.fields[1].shape)(),
        Shape::Integer { min: 0, max: 255 }
    ));
}

#[test]
fn field_shapes_follow_the_rust_types() {
    use ecr_config::ecr::{CiConfig, EcrConfig};
    let Shape::Object(root) = EcrConfig::SHAPE else {
        panic!("a struct")
    };
    let types: Vec<_> = root
        .fields
        .iter()
        .map(|f| {
            (
                (f.shape)().json_type(),
                matches!((f.shape)(), Shape::Optional(_)),
            )
        })
        .collect();
    assert_eq!(
        types,
        [
            (Some("object"), false),
            (Some("object"), true),
            (Some("object"), false),
            (Some("string"), false),
        ]
    );
    let Shape::Object(ci) = CiConfig::SHAPE else {
        panic!("a struct")
    };
    let Shape::Enum(region) = (ci.fields[0].shape)() else {
        panic!("region is an enum")
    };
    assert_eq!(region.variants.len(), 18);
    let secret = (ci.fields[2].shape)();
    assert!(
        matches!(secret, Shape::Sensitive(inner) if matches!(inner(), Shape::Str)),
        "a Secret<String> is a secret string"
    );
    assert_eq!(secret.json_type(), Some("string"));
}

/// A struct declared by a `macro_rules!` macro, rules and field type included: the code the
/// derive emits at the attributes (so that errors point there) still resolves its own names
/// and `self`, whose spans would otherwise resolve in the macro.
macro_rules! declare {
    ($name:ident { $(#[$rule:meta])* $field:ident: $ty:ty }) => {
        #[derive(serde::Deserialize, Validate)]
        struct $name {
            $(#[$rule])*
            $field: $ty,
        }
    };
}

declare!(DeclaredText {
    #[len(max = 3)]
    #[pattern("^[a-z]+$")]
    #[constant("abc")]
    name: String
});
declare!(DeclaredNumber {
    #[range(min = 1, max = 3)]
    count: u8
});

#[test]
fn a_struct_declared_by_a_macro_is_validated() {
    let text = DeclaredText {
        name: "ABCD".into(),
    };
    let keywords: Vec<Keyword> = text
        .validate()
        .unwrap_err()
        .iter()
        .map(ecr_config::ValidationError::keyword)
        .collect();
    assert_eq!(
        keywords,
        [Keyword::MaxLength, Keyword::Pattern, Keyword::Const]
    );
    assert!(DeclaredNumber { count: 0 }.validate().is_err());
    assert!(DeclaredNumber { count: 2 }.validate().is_ok());
}
