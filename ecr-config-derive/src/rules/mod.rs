//! The rules a field declares, one module each: its syntax, its compile-time checks and what
//! it emits into `validate`, `SHAPE` (`meta::Rule`) and `__CONST_SHAPE` (`ConstRule`). Each
//! is the derive's side of the runtime module of the same name (`ecr-config/src/rules/`),
//! which holds the rule's test, message, schema keywords and docs words.
//!
//! Adding a rule: a module here, a field of [`Rules`] and a line in each function below.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote};
use syn::Attribute;

use crate::attr::{KEEP_ONE, NumberLit, StrAttr, set_once, str_attr};
use crate::errors::Errors;

pub(crate) mod constant;
pub(crate) mod each;
pub(crate) mod format;
pub(crate) mod keys;
pub(crate) mod len;
pub(crate) mod media_type;
pub(crate) mod multiple_of;
pub(crate) mod pattern;
pub(crate) mod range;
pub(crate) mod requires;
pub(crate) mod unique;

use self::each::Each;
use self::keys::Keys;
use self::len::Len;
use self::multiple_of::MultipleOf;
use self::pattern::Matcher;
use self::range::Range;
use self::requires::{Requires, Target};
use self::unique::Unique;

/// The attributes that are rules (they belong on fields only).
pub(crate) const NAMES: &[&str] = &[
    len::NAME,
    pattern::NAME,
    range::NAME,
    multiple_of::NAME,
    unique::NAME,
    each::NAME,
    keys::NAME,
    requires::NAME,
    constant::NAME,
    format::NAME,
    media_type::NAME,
];

/// The rules of one field, each at most once.
#[derive(Default)]
pub(crate) struct Rules {
    pub(crate) len: Option<Len>,
    pub(crate) pattern: Option<StrAttr>,
    pub(crate) range: Option<Range>,
    pub(crate) multiple_of: Option<MultipleOf>,
    pub(crate) unique: Option<Unique>,
    pub(crate) each: Option<Each>,
    pub(crate) keys: Option<Keys>,
    pub(crate) requires: Option<Requires>,
    pub(crate) constant: Option<StrAttr>,
    pub(crate) format: Option<StrAttr>,
    pub(crate) media_type: Option<StrAttr>,
}

/// Reads `attr` into `rules` if it is a rule (`false` if it is not).
pub(crate) fn parse(name: &str, attr: &Attribute, rules: &mut Rules, errors: &mut Errors) -> bool {
    match name {
        len::NAME => {
            if let Some(len) = errors.ok(Len::parse(attr)) {
                set_once(&mut rules.len, len, attr, name, len::DUPLICATE_HINT, errors);
            }
        }
        range::NAME => {
            if let Some(range) = errors.ok(Range::parse(attr)) {
                let hint = range::DUPLICATE_HINT;
                set_once(&mut rules.range, range, attr, name, hint, errors);
            }
        }
        multiple_of::NAME => {
            if let Some(multiple_of) = errors.ok(MultipleOf::parse(attr)) {
                set_once(
                    &mut rules.multiple_of,
                    multiple_of,
                    attr,
                    name,
                    KEEP_ONE,
                    errors,
                );
            }
        }
        each::NAME => {
            if let Some(each) = Each::parse(attr, errors) {
                let hint = ": list every rule of the items in one `#[each(…)]`";
                set_once(&mut rules.each, each, attr, name, hint, errors);
            }
        }
        keys::NAME => {
            if let Some(keys) = Keys::parse(attr, errors) {
                let hint = ": list every rule of the keys in one `#[keys(…)]`";
                set_once(&mut rules.keys, keys, attr, name, hint, errors);
            }
        }
        unique::NAME => {
            if let Some(unique) = errors.ok(Unique::parse(attr)) {
                set_once(&mut rules.unique, unique, attr, name, KEEP_ONE, errors);
            }
        }
        requires::NAME => {
            if let Some(requires) = errors.ok(Requires::parse(attr)) {
                let hint = ": list every field required in one `#[requires(a, b)]`";
                set_once(&mut rules.requires, requires, attr, name, hint, errors);
            }
        }
        pattern::NAME => {
            let (example, hint) = (pattern::EXAMPLE, pattern::DUPLICATE_HINT);
            str_attr(&mut rules.pattern, attr, name, example, hint, true, errors);
        }
        // The rules that take one string literal and are kept once.
        constant::NAME | format::NAME | media_type::NAME => {
            let (slot, example) = match name {
                constant::NAME => (&mut rules.constant, constant::EXAMPLE),
                format::NAME => (&mut rules.format, format::EXAMPLE),
                _ => (&mut rules.media_type, media_type::EXAMPLE),
            };
            str_attr(slot, attr, name, example, KEEP_ONE, true, errors);
        }
        _ => return false,
    }
    true
}

/// What the checks of one field's rules produced for the expansion.
#[derive(Default)]
pub(crate) struct Checked {
    /// The compiled `#[pattern]`.
    pub(crate) matcher: Option<Matcher>,
    /// The fields `#[requires]` names, resolved (`check::check`, which sees every field).
    pub(crate) requires: Vec<Target>,
    /// The runtime's `Format` of the `#[format]`.
    pub(crate) format: Option<TokenStream>,
    /// Const assertions, for contradictions only the runtime's `const fn`s can judge.
    pub(crate) assertions: Vec<TokenStream>,
    /// The checks of the `#[each]` rules.
    pub(crate) each: Option<Box<Checked>>,
    /// The checks of the `#[keys]` rules.
    pub(crate) keys: Option<Box<Checked>>,
}

impl Checked {
    /// The items the expansion defines for these rules and the items': matchers, assertions.
    pub(crate) fn items(&self) -> Vec<&TokenStream> {
        let mut items: Vec<&TokenStream> = self.matcher.iter().map(|m| &m.item).collect();
        items.extend(&self.assertions);
        for nested in [&self.each, &self.keys].into_iter().flatten() {
            items.extend(nested.items());
        }
        items
    }
}

/// The compile-time checks of a field's rules, alone and against each other; `tag` names the
/// items the expansion defines for them (the field's position, `3_each` for its items').
pub(crate) fn check(rules: &Rules, tag: &str, errors: &mut Errors) -> Checked {
    if let Some(len) = &rules.len {
        len.check(errors);
    }
    if let Some(range) = &rules.range {
        range.check(errors);
    }
    if let (Some(multiple_of), Some(range)) = (&rules.multiple_of, &rules.range) {
        multiple_of.check_against(range, errors);
    }
    if let Some(media_type) = &rules.media_type {
        media_type::check(media_type, errors);
    }
    if let Some(constant) = &rules.constant {
        constant::check(constant, rules.len.as_ref(), errors);
    }
    let matcher = rules.pattern.as_ref().and_then(|pattern| {
        let (len, constant) = (rules.len.as_ref(), rules.constant.as_ref());
        pattern::check(pattern, len, constant, tag, errors)
    });
    let format = rules
        .format
        .as_ref()
        .and_then(|format| Some((format, format::check(format, errors)?)));
    let mut assertions = Vec::new();
    if let (Some((format, variant)), Some(constant)) = (&format, &rules.constant) {
        assertions.push(format::check_constant(format, variant, constant));
    }
    let each = rules
        .each
        .as_ref()
        .map(|each| Box::new(check(&each.rules, &format!("{tag}_each"), errors)));
    let keys = rules
        .keys
        .as_ref()
        .map(|keys| Box::new(check(&keys.rules, &format!("{tag}_keys"), errors)));
    Checked {
        matcher,
        requires: Vec::new(),
        format: format.map(|(_, variant)| variant),
        assertions,
        each,
        keys,
    }
}

/// The checks `validate` makes, in the rules' order; `value` is the field's value spanned at
/// an attribute, so a rule that does not fit the type is reported there.
pub(crate) fn emit_checks(
    rules: &Rules,
    checked: &Checked,
    value: impl Fn(Span) -> TokenStream,
) -> TokenStream {
    let pattern = rules.pattern.as_ref().zip(checked.matcher.as_ref());
    let mut checks = pattern::emit_checks(rules.len.as_ref(), pattern, &value);
    if let Some(range) = &rules.range {
        checks.extend(range.emit_check(&value(range.span)));
    }
    if let Some(multiple_of) = &rules.multiple_of {
        checks.extend(multiple_of.emit_check(&value(multiple_of.span)));
    }
    let each = rules.each.as_ref().zip(checked.each.as_deref());
    if let Some((keys, inner)) = rules.keys.as_ref().zip(checked.keys.as_deref()) {
        // A member's key before its value, as the parser finds them.
        let each = each.map(|(each, inner)| each.emit_closure(inner));
        checks.extend(keys.emit_check(inner, &value(keys.span), each));
    } else if let Some((each, inner)) = each {
        checks.extend(each.emit_check(inner, &value(each.span)));
    }
    // After the items' own rules, as the parser finds them (it compares once it has all).
    if let Some(unique) = &rules.unique {
        checks.extend(unique.emit_check(&value(unique.span)));
    }
    if let Some(constant) = &rules.constant {
        checks.extend(constant::emit_check(constant, &value(constant.span)));
    }
    if let Some((format, variant)) = rules.format.as_ref().zip(checked.format.as_ref()) {
        checks.extend(format::emit_check(format, variant, &value(format.span)));
    }
    if let Some(media_type) = &rules.media_type {
        checks.extend(media_type::emit_check(media_type, &value(media_type.span)));
    }
    if let Some(requires) = &rules.requires {
        checks.extend(requires.emit_check(&checked.requires, &value(requires.span)));
    }
    checks
}

/// Where each declared rule is written (its attribute's name).
pub(crate) fn spans(rules: &Rules) -> Vec<Span> {
    let mut out = Vec::new();
    out.extend(rules.len.as_ref().map(|len| len.span));
    out.extend(rules.pattern.as_ref().map(|pattern| pattern.span));
    out.extend(rules.range.as_ref().map(|range| range.span));
    out.extend(rules.requires.as_ref().map(|requires| requires.span));
    out.extend(rules.unique.as_ref().map(|unique| unique.span));
    out.extend(rules.each.as_ref().map(|each| each.span));
    out.extend(rules.keys.as_ref().map(|keys| keys.span));
    out.extend(
        rules
            .multiple_of
            .as_ref()
            .map(|multiple_of| multiple_of.span),
    );
    out.extend(rules.constant.as_ref().map(|constant| constant.span));
    out.extend(rules.format.as_ref().map(|format| format.span));
    out.extend(rules.media_type.as_ref().map(|media_type| media_type.span));
    out
}

/// The `meta::Rule`s of the field, for `SHAPE`.
pub(crate) fn emit_rules(rules: &Rules, checked: &Checked) -> Vec<TokenStream> {
    let mut out = Vec::new();
    out.extend(rules.len.as_ref().map(Len::emit_rule));
    let pattern = rules.pattern.as_ref().zip(checked.matcher.as_ref());
    out.extend(pattern.map(|(pattern, matcher)| pattern::emit_rule(pattern, matcher)));
    out.extend(rules.range.as_ref().map(Range::emit_rule));
    out.extend(rules.multiple_of.as_ref().map(MultipleOf::emit_rule));
    out.extend(rules.unique.as_ref().map(Unique::emit_rule));
    let each = rules.each.as_ref().zip(checked.each.as_deref());
    out.extend(each.map(|(each, inner)| each.emit_rule(inner)));
    let keys = rules.keys.as_ref().zip(checked.keys.as_deref());
    out.extend(keys.map(|(keys, inner)| keys.emit_rule(inner)));
    out.extend(rules.constant.as_ref().map(constant::emit_rule));
    out.extend(emit_format(rules, checked));
    out.extend(rules.media_type.as_ref().map(media_type::emit_rule));
    let requires = rules.requires.as_ref();
    out.extend(requires.map(|requires| requires.emit_rule(&checked.requires)));
    out
}

/// The `ConstRule`s of the field, for `__CONST_SHAPE`, in the same order.
pub(crate) fn emit_const_rules(rules: &Rules, checked: &Checked) -> Vec<TokenStream> {
    let mut out = Vec::new();
    out.extend(rules.len.as_ref().map(Len::emit_rule));
    let pattern = rules.pattern.as_ref().zip(checked.matcher.as_ref());
    out.extend(pattern.map(|(pattern, matcher)| pattern::emit_const_rule(pattern, matcher)));
    out.extend(rules.range.as_ref().map(Range::emit_const_rule));
    out.extend(rules.multiple_of.as_ref().map(MultipleOf::emit_const_rule));
    out.extend(rules.unique.as_ref().map(Unique::emit_rule));
    let each = rules.each.as_ref().zip(checked.each.as_deref());
    out.extend(each.map(|(each, inner)| each.emit_const_rule(inner)));
    let keys = rules.keys.as_ref().zip(checked.keys.as_deref());
    out.extend(keys.map(|(keys, inner)| keys.emit_const_rule(inner)));
    out.extend(rules.constant.as_ref().map(constant::emit_rule));
    out.extend(emit_format(rules, checked));
    out.extend(rules.media_type.as_ref().map(media_type::emit_const_rule));
    let requires = rules.requires.as_ref();
    out.extend(requires.map(|requires| requires.emit_const_rule(&checked.requires)));
    out
}

/// The `#[format]`'s `Rule`, the same as its `ConstRule`.
fn emit_format(rules: &Rules, checked: &Checked) -> Option<TokenStream> {
    let (format, variant) = rules.format.as_ref().zip(checked.format.as_ref())?;
    Some(format::emit_rule(format, variant))
}

/// The traits a generic field's type needs for its rules (thiserror's approach: bound field
/// types, not parameters).
pub(crate) fn bounds(rules: &Rules) -> Vec<TokenStream> {
    let declared = [
        (rules.len.is_some(), quote!(len::HasLength)),
        (rules.pattern.is_some(), quote!(pattern::PatternTarget)),
        (rules.range.is_some(), quote!(range::RangeTarget)),
        (
            rules.multiple_of.is_some(),
            quote!(multiple_of::MultipleOfTarget),
        ),
        (rules.unique.is_some(), quote!(unique::UniqueTarget)),
        (rules.each.is_some(), quote!(each::EachTarget)),
        (rules.keys.is_some(), quote!(keys::KeysTarget)),
        (rules.constant.is_some(), quote!(constant::ConstTarget)),
        (rules.format.is_some(), quote!(format::FormatTarget)),
        (
            rules.media_type.is_some(),
            quote!(media_type::MediaTypeTarget),
        ),
    ];
    declared
        .into_iter()
        .filter(|(declared, _)| *declared)
        .map(|(_, bound)| quote!(::ecr_config::__private::#bound))
        .collect()
}

pub(crate) fn optional_number(number: Option<NumberLit>) -> TokenStream {
    optional(number.map(|number| match number {
        NumberLit::Int(n) => {
            let n = Literal::i128_unsuffixed(n);
            quote!(::ecr_config::Number::Int(#n))
        }
        NumberLit::Float(x) => {
            let x = Literal::f64_unsuffixed(x);
            quote!(::ecr_config::Number::Float(#x))
        }
    }))
}

/// A number with the text messages print, as `Number`'s `Display` writes it.
pub(crate) fn const_number(number: NumberLit) -> TokenStream {
    let (int, float, text) = match number {
        #[allow(clippy::cast_precision_loss)]
        NumberLit::Int(n) => (
            optional(Some(Literal::i128_unsuffixed(n).into_token_stream())),
            n as f64,
            n.to_string(),
        ),
        NumberLit::Float(x) => (optional(None), x, x.to_string()),
    };
    let float = Literal::f64_unsuffixed(float);
    quote! {
        ::ecr_config::__private::compile_time::ConstNumber { int: #int, float: #float, text: #text }
    }
}

pub(crate) fn optional_usize(value: Option<usize>) -> TokenStream {
    optional(value.map(|value| Literal::usize_unsuffixed(value).into_token_stream()))
}

/// A name the emitted checks share (`__ecr_at`, …) as the derive's own: interpolated into
/// code spanned at a user's attribute (where type errors are reported), it still resolves
/// when a `macro_rules!` macro wrote the struct, whose spans resolve in that macro.
pub(crate) fn local(name: &str) -> proc_macro2::Ident {
    proc_macro2::Ident::new(name, Span::call_site())
}

/// The path and the findings, as every check takes them last.
pub(crate) fn path_and_errors() -> (proc_macro2::Ident, proc_macro2::Ident) {
    (local("__ecr_at"), local("__ecr_errors"))
}

/// A rule's `message = "…"` as an `Option<&str>`.
pub(crate) fn optional_lit(message: Option<&syn::LitStr>) -> TokenStream {
    optional(message.map(ToTokens::into_token_stream))
}

pub(crate) fn optional(value: Option<TokenStream>) -> TokenStream {
    value.map_or_else(
        || quote!(::core::option::Option::None),
        |value| quote!(::core::option::Option::Some(#value)),
    )
}

#[cfg(test)]
mod tests {
    /// Every rule is an attribute the derive declares (`lib.rs`), or rustc would reject it
    /// before the derive sees it.
    #[test]
    fn every_rule_is_a_declared_attribute() {
        let lib = include_str!("../lib.rs");
        let start = lib.find("attributes(").expect("the derive's attributes");
        let declared = &lib[start..start + lib[start..].find(')').expect("closed")];
        for name in super::NAMES {
            let listed = declared
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == *name);
            assert!(listed, "`{name}` is missing from the derive's attributes");
        }
    }
}
