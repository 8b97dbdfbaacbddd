//! `#[format("…")]`: the runtime's `rules/format.rs`, which holds the formats' tests.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::attr::StrAttr;
use crate::errors::{Errors, did_you_mean};

use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "format";
pub(crate) const EXAMPLE: &str = "date-time";

/// The formats, as JSON Schema names them, and the runtime's `Format` variants: a name here
/// that the runtime lacks fails to compile in every test of it.
const FORMATS: &[(&str, &str)] = &[
    ("date-time", "DateTime"),
    ("date", "Date"),
    ("time", "Time"),
    ("duration", "Duration"),
    ("email", "Email"),
    ("hostname", "Hostname"),
    ("ipv4", "Ipv4"),
    ("ipv6", "Ipv6"),
    ("uri", "Uri"),
    ("uri-reference", "UriReference"),
    ("uuid", "Uuid"),
    ("json-pointer", "JsonPointer"),
];

/// The runtime's `Format` the attribute names, or an error naming the formats.
pub(crate) fn check(format: &StrAttr, errors: &mut Errors) -> Option<TokenStream> {
    let name = format.lit.value();
    if let Some(variant) = variant(&name) {
        return Some(variant);
    }
    let names: Vec<&str> = FORMATS.iter().map(|(name, _)| *name).collect();
    let message = match did_you_mean(&name, &names).or_else(|| spelt_otherwise(&name)) {
        Some(close) => format!("unknown format {name:?}; did you mean \"{close}\"?"),
        None => format!(
            "unknown format {name:?}; `format` supports {}",
            names
                .iter()
                .map(|name| format!("\"{name}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    errors.error_at(&format.lit, message);
    None
}

/// The format a name from another vocabulary means (`date_time`, `DateTime`, `ip`, `url`).
fn spelt_otherwise(name: &str) -> Option<&'static str> {
    let folded: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let known = FORMATS
        .iter()
        .map(|(name, _)| *name)
        .find(|known| known.replace('-', "") == folded);
    known.or(match folded.as_str() {
        "url" => Some("uri"),
        "mail" | "emailaddress" => Some("email"),
        "host" | "domain" => Some("hostname"),
        "ip" | "ipaddress" | "ipv4address" => Some("ipv4"),
        "ipv6address" => Some("ipv6"),
        "guid" => Some("uuid"),
        "datetime" | "timestamp" | "rfc3339" => Some("date-time"),
        _ => None,
    })
}

/// `::ecr_config::__private::format::Format::Date` for `"date"`.
fn variant(name: &str) -> Option<TokenStream> {
    let (_, variant) = FORMATS.iter().find(|(known, _)| *known == name)?;
    let variant = Ident::new(variant, Span::call_site());
    Some(quote!(::ecr_config::__private::format::Format::#variant))
}

/// A constant the format refuses is a declaration no value can satisfy: a const assertion,
/// since the formats' tests are the runtime's `const fn`s.
pub(crate) fn check_constant(
    format: &StrAttr,
    variant: &TokenStream,
    constant: &StrAttr,
) -> TokenStream {
    let value = &constant.lit;
    let message = format!(
        "the constant {:?} is not in the format \"{}\" this field declares: no value satisfies both",
        value.value(),
        format.lit.value()
    );
    quote_spanned! {value.span()=>
        const _: () = ::core::assert!(#variant.test(#value), #message);
    }
}

pub(crate) fn emit_check(
    format: &StrAttr,
    variant: &TokenStream,
    value: &TokenStream,
) -> TokenStream {
    let message = optional_lit(format.message.as_ref());
    let (at, errors) = path_and_errors();
    quote_spanned! {format.span=>
        ::ecr_config::__private::format::check(
            ::ecr_config::__private::format::FormatTarget::__ecr_str(#value),
            #variant,
            #message,
            #at,
            #errors,
        );
    }
}

/// The `Rule` and the `ConstRule` alike.
pub(crate) fn emit_rule(format: &StrAttr, variant: &TokenStream) -> TokenStream {
    let message = optional_lit(format.message.as_ref());
    quote!(Format { format: #variant, message: #message })
}

#[cfg(test)]
mod tests {
    use super::spelt_otherwise;

    #[test]
    fn other_spellings_are_suggested() {
        assert_eq!(spelt_otherwise("date_time"), Some("date-time"));
        assert_eq!(spelt_otherwise("DateTime"), Some("date-time"));
        assert_eq!(spelt_otherwise("JSON_Pointer"), Some("json-pointer"));
        assert_eq!(spelt_otherwise("url"), Some("uri"));
        assert_eq!(spelt_otherwise("regex"), None);
    }
}
