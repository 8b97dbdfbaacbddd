//! The serde attributes that decide what the JSON looks like: names (`rename`, `rename_all`),
//! optional properties (`default`), `deny_unknown_fields`, `flatten`, `skip`. Anything else is
//! serde's business; malformed serde attributes are left for serde's derive to report.

use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Lit, Meta, Token};

/// Where serde takes a missing property's value from.
#[derive(Clone)]
pub(crate) enum DefaultFrom {
    /// `#[serde(default)]`: `Default::default()`.
    Trait,
    /// `#[serde(default = "path")]`: `path()`.
    Function(syn::ExprPath),
}

#[derive(Default)]
pub(crate) struct SerdeContainer {
    pub(crate) rename_all: Option<RenameRule>,
    pub(crate) deny_unknown_fields: bool,
    pub(crate) default: Option<DefaultFrom>,
}

#[derive(Default)]
pub(crate) struct SerdeField {
    pub(crate) rename: Option<String>,
    pub(crate) default: Option<DefaultFrom>,
    pub(crate) flatten: bool,
    pub(crate) skip: bool,
}

pub(crate) fn container(attrs: &[Attribute]) -> SerdeContainer {
    let mut out = SerdeContainer::default();
    for meta in serde_metas(attrs) {
        let path = meta.path();
        if path.is_ident("rename_all") {
            out.rename_all = deserialize_name(&meta).and_then(|rule| RenameRule::parse(&rule));
        } else if path.is_ident("deny_unknown_fields") {
            out.deny_unknown_fields = true;
        } else if path.is_ident("default") {
            out.default = default_from(&meta);
        }
    }
    out
}

/// `default` or `default = "path"`; `None` for a malformed one (serde reports it).
fn default_from(meta: &Meta) -> Option<DefaultFrom> {
    match meta {
        Meta::Path(_) => Some(DefaultFrom::Trait),
        Meta::NameValue(nv) => str_value(&nv.value)
            .and_then(|path| syn::parse_str(&path).ok())
            .map(DefaultFrom::Function),
        Meta::List(_) => None,
    }
}

pub(crate) fn field(attrs: &[Attribute]) -> SerdeField {
    let mut out = SerdeField::default();
    for meta in serde_metas(attrs) {
        let path = meta.path();
        if path.is_ident("rename") {
            out.rename = deserialize_name(&meta);
        } else if path.is_ident("default") {
            out.default = default_from(&meta);
        } else if path.is_ident("flatten") {
            out.flatten = true;
        } else if path.is_ident("skip") || path.is_ident("skip_deserializing") {
            out.skip = true;
        }
    }
    out
}

fn serde_metas(attrs: &[Attribute]) -> impl Iterator<Item = Meta> + '_ {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .filter_map(|attr| {
            attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
}

/// `rename = "x"` or `rename(deserialize = "x")`: the name read from JSON.
fn deserialize_name(meta: &Meta) -> Option<String> {
    match meta {
        Meta::NameValue(nv) => str_value(&nv.value),
        Meta::List(list) => {
            let inner = list
                .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .ok()?;
            inner.iter().find_map(|m| match m {
                Meta::NameValue(nv) if nv.path.is_ident("deserialize") => str_value(&nv.value),
                _ => None,
            })
        }
        Meta::Path(_) => None,
    }
}

fn str_value(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.value()),
        _ => None,
    }
}

/// serde's `rename_all` rules, applied exactly as serde applies them.
#[derive(Clone, Copy)]
pub(crate) enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    fn parse(rule: &str) -> Option<Self> {
        Some(match rule {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// A field name, written in `snake_case` in Rust.
    pub(crate) fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_lowercase().to_string() + chars.as_str()
                })
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// A variant name, written in `PascalCase` in Rust.
    pub(crate) fn apply_to_variant(self, variant: &str) -> String {
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_lowercase().to_string() + chars.as_str()
                })
            }
            RenameRule::Snake => {
                let mut snake = String::new();
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule::{self, *};

    #[test]
    fn field_rules_match_serde() {
        let cases: [(RenameRule, &str); 8] = [
            (Lower, "access_key"),
            (Upper, "ACCESS_KEY"),
            (Pascal, "AccessKey"),
            (Camel, "accessKey"),
            (Snake, "access_key"),
            (ScreamingSnake, "ACCESS_KEY"),
            (Kebab, "access-key"),
            (ScreamingKebab, "ACCESS-KEY"),
        ];
        for (rule, expected) in cases {
            assert_eq!(rule.apply_to_field("access_key"), expected);
        }
    }

    #[test]
    fn variant_rules_match_serde() {
        let cases: [(RenameRule, &str); 8] = [
            (Lower, "useast1"),
            (Upper, "USEAST1"),
            (Pascal, "UsEast1"),
            (Camel, "usEast1"),
            (Snake, "us_east1"),
            (ScreamingSnake, "US_EAST1"),
            (Kebab, "us-east1"),
            (ScreamingKebab, "US-EAST1"),
        ];
        for (rule, expected) in cases {
            assert_eq!(rule.apply_to_variant("UsEast1"), expected);
        }
    }
}
