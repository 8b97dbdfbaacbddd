//! Parsing of the field and container attributes (`#[title]`, `#[validate]`, `#[example]`),
//! doc comments, and the syntax the rules share (bounds, numbers, string literals); each
//! rule's own syntax is its module's, in `crate::rules`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr, Meta, Token};

use crate::errors::{Errors, did_you_mean};
use crate::rules::{self, Rules};

/// What follows the message about a second attribute of a kind.
pub(crate) const KEEP_ONE: &str = ": keep one";

/// A bound written in an attribute, with the span of its literal for error messages.
#[derive(Clone, Copy)]
pub(crate) struct Bound<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

/// A number in `#[range]`, as written.
#[derive(Clone, Copy)]
pub(crate) enum NumberLit {
    Int(i128),
    Float(f64),
}

impl NumberLit {
    fn as_f64(self) -> f64 {
        match self {
            #[allow(clippy::cast_precision_loss)]
            NumberLit::Int(n) => n as f64,
            NumberLit::Float(x) => x,
        }
    }

    pub(crate) fn greater_than(self, other: NumberLit) -> bool {
        match (self, other) {
            (NumberLit::Int(a), NumberLit::Int(b)) => a > b,
            (a, b) => a.as_f64() > b.as_f64(),
        }
    }
}

impl std::fmt::Display for NumberLit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumberLit::Int(n) => write!(f, "{n}"),
            NumberLit::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// An attribute holding one string literal: `#[pattern("…")]`, `#[title("…")]`, ….
pub(crate) struct StrAttr {
    /// The attribute's name, where type errors about it are reported.
    pub(crate) span: Span,
    pub(crate) lit: LitStr,
    /// A rule's `message = "…"` after the literal.
    pub(crate) message: Option<LitStr>,
}

/// The attributes of one field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// The rules (`crate::rules`).
    pub(crate) rules: Rules,
    pub(crate) title: Option<StrAttr>,
    /// `#[validate(skip)]`: the field's type is not validated.
    pub(crate) skip: bool,
}

/// The attributes of a struct or enum (and of enum variants: nothing but docs).
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub(crate) title: Option<StrAttr>,
    /// `#[example(r#"{…}"#)]` on a struct, any number: valid documents for the schema.
    pub(crate) examples: Vec<LitStr>,
}

pub(crate) fn field_attrs(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let Some(name) = attr.path().get_ident().map(ToString::to_string) else {
            continue;
        };
        if rules::parse(&name, attr, &mut out.rules, errors) {
            continue;
        }
        match name.as_str() {
            "title" => str_attr(
                &mut out.title,
                attr,
                "title",
                "AWS Region",
                KEEP_ONE,
                false,
                errors,
            ),
            "validate" => {
                if let Some(skip) = errors.ok(parse_validate(attr)) {
                    out.skip |= skip;
                }
            }
            "example" => errors.error_at(
                attr.path(),
                "`example` applies to a struct: it holds a whole JSON document valid for it",
            ),
            _ => {}
        }
    }
    out
}

/// `what` is "struct", "enum" or "enum variant", for the message about misplaced rules.
pub(crate) fn container_attrs(
    attrs: &[Attribute],
    what: &str,
    errors: &mut Errors,
) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs {
        let Some(ident) = attr.path().get_ident() else {
            continue;
        };
        let name = ident.to_string();
        if name == "title" && what != "enum variant" {
            str_attr(
                &mut out.title,
                attr,
                "title",
                "AWS ECR",
                KEEP_ONE,
                false,
                errors,
            );
        } else if name == "example" && what == "struct" {
            let mut example = None;
            str_attr(
                &mut example,
                attr,
                "example",
                "{\"region\": \"us-east-1\"}",
                KEEP_ONE,
                false,
                errors,
            );
            out.examples.extend(example.map(|example| example.lit));
        } else if name == "example" {
            let article = if what.starts_with('e') { "an" } else { "a" };
            errors.error_at(
                ident,
                format!("`example` applies to a struct, not to {article} {what}"),
            );
        } else if rules::NAMES.contains(&name.as_str()) || name == "validate" || name == "title" {
            let article = if what.starts_with('e') { "an" } else { "a" };
            errors.error_at(
                ident,
                format!("`{name}` applies to struct fields, not to {article} {what}"),
            );
        }
    }
    out
}

/// Keeps the first of an attribute given twice, reporting the second; `hint` follows the
/// message (`": keep one"`).
pub(crate) fn set_once<T>(
    slot: &mut Option<T>,
    value: T,
    attr: &Attribute,
    name: &str,
    hint: &str,
    errors: &mut Errors,
) {
    if slot.is_some() {
        errors.error_at(attr, format!("duplicate `#[{name}]` on this field{hint}"));
    } else {
        *slot = Some(value);
    }
}

/// `#[name("…")]` into `slot`; `example` shows the syntax in errors, `duplicate_hint` follows
/// the message about a second one. A rule (`rule`) may add `message = "…"`.
pub(crate) fn str_attr(
    slot: &mut Option<StrAttr>,
    attr: &Attribute,
    name: &str,
    example: &str,
    duplicate_hint: &str,
    rule: bool,
    errors: &mut Errors,
) {
    // A literal holding quotes is valid Rust as a raw string.
    let shown = if example.contains('"') {
        format!("r#\"{example}\"#")
    } else {
        format!("\"{example}\"")
    };
    let usage = format!("`{name}` expects a string literal, e.g. `#[{name}({shown})]`");
    let (lit, message) = match &attr.meta {
        Meta::List(list) if list.tokens.is_empty() => {
            errors.error_span(list.delimiter.span().join(), usage);
            return;
        }
        Meta::List(list) => {
            let parser = |input: ParseStream<'_>| {
                let text: LitStr = input.parse()?;
                if input.is_empty() {
                    return Ok((text, None));
                }
                input.parse::<Token![,]>()?;
                if !rule {
                    return Err(input.error(format!("`{name}` takes one string literal")));
                }
                let keyed = parse_keys(input, name, &usage, &[], parse_usize)?;
                Ok((text, keyed.message))
            };
            // A literal first: an error is about what follows it.
            let first: TokenStream = list.tokens.clone().into_iter().take(1).collect();
            match parser.parse2(list.tokens.clone()) {
                Ok(read) => read,
                Err(error) if syn::parse2::<LitStr>(first).is_ok() => {
                    errors.push(error);
                    return;
                }
                Err(_) => {
                    let hint = if name == "pattern" {
                        " (patterns are compiled at build time, so they must be written out, not named)"
                    } else {
                        ""
                    };
                    errors.error_at(&list.tokens, format!("{usage}{hint}"));
                    return;
                }
            }
        }
        Meta::Path(path) => {
            errors.error_at(path, usage);
            return;
        }
        Meta::NameValue(nv) => {
            errors.error_at(nv, format!("{usage}, not `{name} = …`"));
            return;
        }
    };
    let value = StrAttr {
        span: attr.path().span(),
        lit,
        message,
    };
    set_once(slot, value, attr, name, duplicate_hint, errors);
}

pub(crate) fn list_tokens<'a>(attr: &'a Attribute, usage: &str) -> syn::Result<&'a syn::MetaList> {
    match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => Ok(list),
        Meta::List(list) => Err(syn::Error::new(list.delimiter.span().join(), usage)),
        other => Err(syn::Error::new_spanned(other, usage)),
    }
}

/// What `parse_keys` read: a value for each key (in the keys' order) and the rule's
/// `message = "…"`.
pub(crate) struct Keyed<T> {
    pub(crate) values: Vec<Option<Bound<T>>>,
    pub(crate) message: Option<LitStr>,
}

/// `KEY = VALUE` pairs for `keys`, and `message = "…"`, in any order, each at most once;
/// errors name the attribute. At least one of `keys` must be given unless `keys` is empty.
pub(crate) fn parse_keys<T>(
    input: ParseStream<'_>,
    attr: &str,
    usage: &str,
    keys: &[&str],
    value: fn(ParseStream<'_>) -> syn::Result<Bound<T>>,
) -> syn::Result<Keyed<T>> {
    let mut values: Vec<Option<Bound<T>>> = keys.iter().map(|_| None).collect();
    let mut message = None;
    let mut errors = Errors::default();
    let mut known: Vec<&str> = keys.to_vec();
    known.push("message");
    while !input.is_empty() {
        if !input.peek(syn::Ident) {
            return Err(input.error(usage));
        }
        let key: syn::Ident = input.parse()?;
        input
            .parse::<Token![=]>()
            .map_err(|_| syn::Error::new(key.span(), format!("expected `{key} = …`; {usage}")))?;
        let name = key.to_string();
        if name == "message" {
            let text = parse_message(input)?;
            if message.is_some() {
                errors.error_span(key.span(), format!("duplicate `message` in `{attr}`"));
            }
            message = Some(text);
            continue_after_comma(input)?;
            continue;
        }
        let slot = keys.iter().position(|k| *k == name);
        // An unknown key's value is not read: its error would be about the wrong thing.
        let bound = if slot.is_some() {
            Some(value(input)?)
        } else {
            while !input.is_empty() && !input.peek(Token![,]) {
                input.parse::<proc_macro2::TokenTree>()?;
            }
            None
        };
        let (Some(slot), Some(bound)) = (slot, bound) else {
            let expected = match known.as_slice() {
                [one] => format!("`{one}`"),
                [rest @ .., last] => format!(
                    "{} or `{last}`",
                    rest.iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                [] => String::new(),
            };
            let message = match did_you_mean(&name, &known) {
                Some(close) => format!("unknown key `{name}` in `{attr}`, did you mean `{close}`?"),
                None => format!("unknown key `{name}` in `{attr}`; expected {expected}"),
            };
            errors.error_span(key.span(), message);
            continue_after_comma(input)?;
            continue;
        };
        if values[slot].is_some() {
            errors.error_span(key.span(), format!("duplicate `{key}` in `{attr}`"));
        }
        values[slot] = Some(bound);
        continue_after_comma(input)?;
    }
    if let Some(error) = errors.into_error() {
        return Err(error);
    }
    if !keys.is_empty() && values.iter().all(Option::is_none) {
        return Err(input.error(usage));
    }
    Ok(Keyed { values, message })
}

/// The string of `message = "…"`: what a finding of the rule says instead of its own words.
fn parse_message(input: ParseStream<'_>) -> syn::Result<LitStr> {
    let text: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "`message` expects a string literal, e.g. `message = \"lowercase letters only\"`",
        )
    })?;
    if text.value().trim().is_empty() {
        return Err(syn::Error::new(
            text.span(),
            "an empty `message` would leave the finding unexplained; write what is expected",
        ));
    }
    Ok(text)
}

fn continue_after_comma(input: ParseStream<'_>) -> syn::Result<()> {
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

pub(crate) fn parse_usize(input: ParseStream<'_>) -> syn::Result<Bound<usize>> {
    let lit: syn::LitInt = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected a length: a non-negative integer literal",
        )
    })?;
    let value = lit.base10_parse::<usize>().map_err(|_| {
        syn::Error::new(
            lit.span(),
            "expected a length: a non-negative integer literal",
        )
    })?;
    Ok(Bound {
        value,
        span: lit.span(),
    })
}

pub(crate) fn parse_number(input: ParseStream<'_>) -> syn::Result<Bound<NumberLit>> {
    let expr: Expr = input.parse()?;
    let (negative, lit) = match &expr {
        Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => (true, &*unary.expr),
        other => (false, other),
    };
    let number = match lit {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int
            .base10_parse::<i128>()
            .ok()
            .map(|n| NumberLit::Int(if negative { -n } else { n })),
        Expr::Lit(ExprLit {
            lit: Lit::Float(float),
            ..
        }) => float
            .base10_parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(|x| NumberLit::Float(if negative { -x } else { x })),
        _ => None,
    };
    match number {
        Some(value) => Ok(Bound {
            value,
            span: expr.span(),
        }),
        None => Err(syn::Error::new_spanned(
            &expr,
            "expected a number literal such as `1`, `-5` or `0.5`",
        )),
    }
}

fn parse_validate(attr: &Attribute) -> syn::Result<bool> {
    let mut skip = false;
    attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("skip") {
            skip = true;
            Ok(())
        } else {
            Err(meta.error("unknown option in `validate`; the only option is `#[validate(skip)]`"))
        }
    })
    .map_err(|error| {
        if matches!(attr.meta, Meta::Path(_)) {
            syn::Error::new_spanned(attr, "`validate` expects an option: `#[validate(skip)]`")
        } else {
            error
        }
    })?;
    Ok(skip)
}

/// The doc comment: lines of a paragraph joined with spaces, paragraphs with a blank line.
pub(crate) fn docs(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs {
        if let Meta::NameValue(nv) = &attr.meta
            && nv.path.is_ident("doc")
            && let Expr::Lit(ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
        {
            let value = s.value();
            for line in value.split('\n') {
                lines.push(line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned());
            }
        }
    }
    let mut out = String::new();
    let mut blank = false;
    for line in &lines {
        if line.trim().is_empty() {
            blank = !out.is_empty();
        } else {
            if blank {
                out.push_str("\n\n");
            } else if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(line.trim());
            blank = false;
        }
    }
    (!out.is_empty()).then_some(out)
}
