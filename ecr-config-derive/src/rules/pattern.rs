//! `#[pattern("…")]`: the runtime's `rules/pattern.rs`. The regex is compiled here, at build
//! time (`crate::pattern`), to a matcher `validate` and the parser run and the tables the
//! compile-time checker runs.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::LitStr;

use crate::attr::StrAttr;
use crate::errors::Errors;
use crate::pattern::{self, Lengths, describe_lengths};

use super::len::Len;
use super::{local, optional_lit, path_and_errors};

pub(crate) const NAME: &str = "pattern";
pub(crate) const EXAMPLE: &str = "^[A-Z0-9]{20}$";
pub(crate) const DUPLICATE_HINT: &str =
    ": a field takes one pattern, so combine the two regexes into one";

/// A pattern compiled to `const fn #name(haystack: &str) -> bool` and `const #tables: Dfa`
/// (the `item`).
pub(crate) struct Matcher {
    pub(crate) name: Ident,
    pub(crate) tables: Ident,
    pub(crate) item: TokenStream,
    /// Every string the pattern matches has a length the field's `len` allows, so the length
    /// needs counting only when the pattern fails.
    pub(crate) implies_len: bool,
}

/// Compiles the field's pattern and checks it against the field's `len`; `tag` names
/// the items.
pub(crate) fn check(
    pattern: &StrAttr,
    len: Option<&Len>,
    constant: Option<&StrAttr>,
    tag: &str,
    errors: &mut Errors,
) -> Option<Matcher> {
    let tables = errors.ok(pattern::compile(&pattern.lit))?;
    if let Some(constant) = constant
        && !tables.is_match(&constant.lit.value())
    {
        errors.error_at(
            &constant.lit,
            format!(
                "the constant {:?} does not match `{}`: no value satisfies both",
                constant.lit.value(),
                pattern.lit.value()
            ),
        );
    }
    // Lengths that are not periodic soon enough are not judged: no error beats a wrong one.
    let lengths = Lengths::of(&tables);
    if let Some(lengths) = &lengths {
        check_satisfiable(&pattern.lit, lengths, len, errors);
    }
    let implies_len = len
        .zip(lengths.as_ref())
        .is_some_and(|(len, lengths)| lengths.all_in(len.lower(), len.upper()));
    let name = format_ident!("__ecr_pattern_{}", tag);
    let tables_name = format_ident!("__ECR_PATTERN_{}", tag);
    let item = pattern::emit(&tables, &name, &tables_name);
    Some(Matcher {
        name,
        tables: tables_name,
        item,
        implies_len,
    })
}

/// A pattern no string matches, or none of the lengths `len` allows, is a declaration no
/// value can satisfy: reported here rather than by every document at run time. Lengths count
/// code points, as `len` does.
fn check_satisfiable(lit: &LitStr, lengths: &Lengths, len: Option<&Len>, errors: &mut Errors) {
    let pattern = lit.value();
    if !lengths.any_in(0, None) {
        errors.error_at(lit, format!("no string matches `{pattern}`"));
        return;
    }
    let Some(len) = len else { return };
    let (min, max) = (len.lower(), len.upper());
    // `min > max` is reported on its own.
    if max.is_some_and(|max| max < min) || lengths.any_in(min, max) {
        return;
    }
    let hint = lengths.interval().map_or_else(String::new, |(low, high)| {
        format!(
            ": it matches only strings of {}",
            describe_lengths(low, high)
        )
    });
    errors.error_span(
        len.span,
        format!(
            "no string of {} matches `{pattern}`{hint}",
            describe_lengths(min, max)
        ),
    );
}

/// `#[len]` and `#[pattern]` in `validate`, which share their work when the pattern implies
/// the length. `value` spans the field's value at an attribute.
pub(crate) fn emit_checks(
    len: Option<&Len>,
    pattern: Option<(&StrAttr, &Matcher)>,
    value: impl Fn(proc_macro2::Span) -> TokenStream,
) -> TokenStream {
    let mut checks = TokenStream::new();
    let length = len.map(|len| len.emit_check(&value(len.span)));
    let (at, errors) = path_and_errors();
    let text = local("__ecr_str");
    match (length, pattern) {
        (Some((measure, check_length)), Some((StrAttr { span, lit, message }, matcher)))
            if matcher.implies_len =>
        {
            // Every match has an allowed length (`Matcher::implies_len`), so the code points
            // are counted only for a value the pattern rejects, and the findings keep their
            // order: length, then pattern.
            let name = &matcher.name;
            let value = value(*span);
            let message = optional_lit(message.as_ref());
            checks.extend(quote! { let __ecr_length = #measure; });
            checks.extend(quote_spanned! {*span=>
                match ::ecr_config::__private::pattern::PatternTarget::__ecr_str(#value) {
                    ::core::option::Option::Some(#text) if #name(#text) => {}
                    ::core::option::Option::Some(_) => {
                        #check_length
                        ::ecr_config::__private::pattern::failed(
                            #lit, #message, #at, #errors,
                        );
                    }
                    ::core::option::Option::None => {
                        #check_length
                    }
                }
            });
        }
        (length, pattern) => {
            if let Some((measure, check_length)) = length {
                checks.extend(quote! {
                    let __ecr_length = #measure;
                    #check_length
                });
            }
            if let Some((StrAttr { span, lit, message }, Matcher { name, .. })) = pattern {
                let value = value(*span);
                let message = optional_lit(message.as_ref());
                checks.extend(quote_spanned! {*span=>
                    if let ::core::option::Option::Some(#text) =
                        ::ecr_config::__private::pattern::PatternTarget::__ecr_str(#value)
                    {
                        if !#name(#text) {
                            ::ecr_config::__private::pattern::failed(
                                #lit, #message, #at, #errors,
                            );
                        }
                    }
                });
            }
        }
    }
    checks
}

pub(crate) fn emit_rule(pattern: &StrAttr, matcher: &Matcher) -> TokenStream {
    let (lit, name) = (&pattern.lit, &matcher.name);
    let message = optional_lit(pattern.message.as_ref());
    quote!(Pattern { pattern: #lit, is_match: #name, message: #message })
}

pub(crate) fn emit_const_rule(pattern: &StrAttr, matcher: &Matcher) -> TokenStream {
    let (lit, tables) = (&pattern.lit, &matcher.tables);
    let message = optional_lit(pattern.message.as_ref());
    quote!(Pattern { pattern: #lit, dfa: &#tables, message: #message })
}
