//! `#[pattern("…")]`: compiles a JSON Schema (ECMA-262) regex to a DFA while the derive
//! expands, so validation at run time is a table walk with no regex engine and no
//! allocation, and a bad pattern is a compile error instead of a runtime surprise.
//!
//! Pipeline: parse with `regex-syntax`, rewrite the AST to ECMA-262 semantics ([`ecma`]),
//! translate to HIR, add the search prefix ourselves, compile to an NFA, determinize and
//! minimize when cheap ([`automaton`]), then re-encode the DFA as compact tables
//! ([`tables`]).

mod automaton;
mod code;
mod ecma;
mod lengths;
mod tables;
#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;
use quote::quote;
use regex_syntax::ast::{self, parse::Parser};
use regex_syntax::hir::{self, Dot, Hir, Look, translate::TranslatorBuilder};

use self::automaton::BuildError;
pub(crate) use self::lengths::{Lengths, describe as describe_lengths};
pub(crate) use self::tables::Tables;
use self::tables::{MAX_ENTRIES, TooLarge};

/// Compiles the pattern literal to its tables; errors are spanned at the literal.
pub(crate) fn compile(pattern: &syn::LitStr) -> syn::Result<Tables> {
    build(&pattern.value()).map_err(|message| syn::Error::new(pattern.span(), message))
}

/// Emits the pattern's tables as `const #tables: Dfa`, which checks in `const` evaluation
/// walk, and `const fn #name(haystack: &str) -> bool`, which `validate` calls: straight-line
/// code when the DFA is a chain ([`code`]; the tests hold it to the tables' answers), else a
/// walk over the same tables.
pub(crate) fn emit(
    tables: &Tables,
    name: &proc_macro2::Ident,
    tables_name: &proc_macro2::Ident,
) -> TokenStream {
    let dfa = tables.to_tokens();
    let body = code::chain(tables).map_or_else(
        || quote!(#tables_name.is_match(haystack)),
        |links| code::emit(&links, tables.start == tables.stride),
    );
    quote! {
        const #tables_name: ::ecr_config::__private::dfa::Dfa = #dfa;

        const fn #name(haystack: &::core::primitive::str) -> ::core::primitive::bool {
            #body
        }
    }
}

/// Builds the tables for `pattern`, or the error message to report.
pub(crate) fn build(pattern: &str) -> Result<Tables, String> {
    let translated =
        ecma::translate(pattern).map_err(|r| diagnostic(pattern, &r.message, &r.span))?;
    // Every span below is of the translated text: reported where the pattern has it.
    let text = &translated.text;
    let original = |span: &ast::Span| translated.original(pattern, span);
    let mut ast = Parser::new()
        .parse(text)
        .map_err(|e| parse_error(pattern, &original(e.span()), e.kind()))?;
    let facts =
        ecma::rewrite(&mut ast).map_err(|r| diagnostic(pattern, &r.message, &original(&r.span)))?;
    unicode_tables(pattern, facts.unicode_class.map(|span| original(&span)))?;
    let hir = TranslatorBuilder::new()
        .unicode(true)
        .utf8(true)
        .build()
        .translate(text, &ast)
        .map_err(|e| {
            let message = format!("invalid pattern: {}", e.kind());
            diagnostic(pattern, &message, &original(e.span()))
        })?;
    let hir = with_search_prefix(hir, facts.mid_code_point_assertion);

    let dfa = automaton::build(&hir).map_err(|e| match e {
        BuildError::TooLarge => too_large_while_building(),
        BuildError::UnicodeWordBoundary => {
            "pattern cannot be compiled to a DFA: it needs Unicode word boundaries".to_owned()
        }
    })?;
    Tables::from_dfa(&dfa).map_err(|TooLarge { states, classes }| {
        format!(
            "pattern is too large: its DFA has {states} states and {classes} byte classes, \
             over the limit of {MAX_ENTRIES} table entries; use smaller repetition counts or \
             narrower classes"
        )
    })
}

/// Without the `unicode` feature regex-syntax has no property tables and would call
/// `\p{Greek}` an unknown property; say which feature the pattern needs instead.
fn unicode_tables(pattern: &str, unicode_class: Option<ast::Span>) -> Result<(), String> {
    match unicode_class {
        Some(span) if cfg!(not(feature = "unicode")) => {
            let text = &pattern[span.start.offset..span.end.offset];
            let message = format!(
                "the Unicode property class `{text}` needs the `unicode` feature of \
                 `ecr-config`: add `features = [\"unicode\"]` to its dependency in Cargo.toml"
            );
            Err(diagnostic(pattern, &message, &span))
        }
        _ => Ok(()),
    }
}

/// JSON Schema patterns are unanchored: prepend a lazy "anything" loop unless every branch
/// starts with `^`. Doing it here rather than with an unanchored start state lets
/// the loop step over whole code points when an assertion could otherwise hold inside one
/// (see [`ecma::Facts`]); otherwise bytes are cheaper (fewer states).
fn with_search_prefix(hir: Hir, whole_code_points: bool) -> Hir {
    if hir.properties().look_set_prefix().contains(Look::Start) {
        return hir;
    }
    let any = Hir::dot(if whole_code_points {
        Dot::AnyChar
    } else {
        Dot::AnyByte
    });
    let prefix = Hir::repetition(hir::Repetition {
        min: 0,
        max: None,
        greedy: false,
        sub: Box::new(any),
    });
    Hir::concat(vec![prefix, hir])
}

fn too_large_while_building() -> String {
    format!(
        "pattern is too large: its DFA would exceed the limit of {MAX_ENTRIES} table \
         entries; use smaller repetition counts or narrower classes"
    )
}

const DFA_ONLY: &str = "patterns are compiled to a DFA at build time; rewrite the pattern \
                        without it";

fn parse_error(pattern: &str, span: &ast::Span, kind: &ast::ErrorKind) -> String {
    let text = &pattern[span.start.offset..span.end.offset];
    let message = match kind {
        ast::ErrorKind::UnsupportedLookAround => {
            format!("lookaround `{text}…)` is not supported: {DFA_ONLY}")
        }
        // Octal escapes are off so that `\1` is reported rather than silently read as octal.
        ast::ErrorKind::UnsupportedBackreference if text == r"\0" => {
            r"`\0` is not supported: write `\x00` for the NUL character".to_owned()
        }
        ast::ErrorKind::UnsupportedBackreference => {
            format!("backreferences like `{text}` are not supported: {DFA_ONLY}")
        }
        ast::ErrorKind::EscapeUnrecognized
            if text == r"\k" && pattern[span.end.offset..].starts_with('<') =>
        {
            format!("backreferences like `\\k<name>` are not supported: {DFA_ONLY}")
        }
        kind => format!("invalid pattern: {kind}"),
    };
    diagnostic(pattern, &message, span)
}

/// `message`, then the offending line of the pattern with carets under `span`, like
/// `regex-syntax`'s own rendering but without its "regex parse error:" preamble.
fn diagnostic(pattern: &str, message: &str, span: &ast::Span) -> String {
    let line = pattern
        .split('\n')
        .nth(span.start.line - 1)
        .unwrap_or_default();
    let column = span.start.column - 1;
    let width = if span.is_one_line() {
        span.end.column - span.start.column
    } else {
        line.chars().count().saturating_sub(column)
    };
    format!(
        "{message}\n    {line}\n    {}{}",
        " ".repeat(column),
        "^".repeat(width.max(1))
    )
}
