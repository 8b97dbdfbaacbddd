//! `include_config!("deploy/ecr.json" as EcrConfig)`: the file is read and checked when the
//! calling crate builds. Stages: the invocation is parsed here, the file read into a tree with
//! positions in [`scan`], the tree written as `const` data in [`emit`]; the runtime's
//! `compile_time::verdict` then checks it against the type's declarations in `const`
//! evaluation, so a broken config fails `cargo build`.

mod emit;
mod scan;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

use self::scan::Finding;

const USAGE: &str = "e.g. `include_config!(\"deploy/ecr.json\" as EcrConfig)`";

pub(crate) fn include_config(input: TokenStream) -> TokenStream {
    match syn::parse2::<Invocation>(input) {
        Ok(invocation) => expand(&invocation),
        Err(error) => error.into_compile_error(),
    }
}

/// `"path" as Type`.
struct Invocation {
    path: LitStr,
    ty: Type,
}

impl Parse for Invocation {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error(format!(
                "`include_config!` expects the path of a JSON file, relative to the crate's \
                 Cargo.toml, and the type to read it as: {USAGE}"
            )));
        }
        let path: LitStr = input.parse().map_err(|error| {
            syn::Error::new(
                error.span(),
                format!(
                    "expected the path of a JSON file as a string literal, relative to the \
                     crate's Cargo.toml: {USAGE}"
                ),
            )
        })?;
        if !input.peek(Token![as]) {
            let span = if input.is_empty() {
                path.span()
            } else {
                input.span()
            };
            return Err(syn::Error::new(
                span,
                format!("expected `as` and the type to read the file as: {USAGE}"),
            ));
        }
        input.parse::<Token![as]>()?;
        let ty: Type = input.parse()?;
        if !input.is_empty() {
            return Err(input.error(format!(
                "unexpected tokens after the type: `include_config!` takes a path and a \
                 type, {USAGE}"
            )));
        }
        Ok(Invocation { path, ty })
    }
}

fn expand(invocation: &Invocation) -> TokenStream {
    let Invocation { path: literal, ty } = invocation;
    let span = literal.span();
    let given = literal.value();
    // Beside the error, a value of the type (never built: the crate does not compile), so
    // that the rest of the user's code raises no second wave of errors or warnings.
    let fail = |message: String| {
        let error = syn::Error::new(span, message).into_compile_error();
        quote_spanned! {span=>
            {
                #error
                ::ecr_config::__private::embedded::from_embedded::<#ty>("", #literal)
            }
        }
    };
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let (resolved, bytes) = match load(manifest_dir.as_deref(), &given) {
        Ok(read) => read,
        Err(message) => return fail(message),
    };
    let Some(absolute) = resolved.to_str() else {
        return fail(format!(
            "cannot embed `{given}`: its full path `{}` is not UTF-8",
            resolved.display()
        ));
    };
    let source = format!("`{given}` (embedded as `{}`)", type_name(ty));
    let document = match scan::read(&bytes) {
        Ok(document) => document,
        Err(syntax) => {
            return fail(format!(
                "{source} is not valid JSON:\n{}",
                lines(&given, &[syntax])
            ));
        }
    };
    let duplicates = match &*document.duplicates {
        [] => None,
        [_] => Some(format!(
            "{source} gives a property more than once:\n{}",
            lines(&given, &document.duplicates)
        )),
        _ => Some(format!(
            "{source} gives properties more than once:\n{}",
            lines(&given, &document.duplicates)
        )),
    };
    let duplicates = duplicates.map(|message| syn::Error::new(span, message).into_compile_error());
    let tree = emit::node(&document.root, span);
    let source = LitStr::new(&source, span);
    let prefix = LitStr::new(&format!("{given}:"), span);
    let absolute = LitStr::new(absolute, span);
    // The check panics in a `const` of its own, spanned at the path literal: that is where
    // rustc points, with nothing of the checker's insides.
    let check = quote_spanned! {span=>
        // The check is bounded by the file's size, and a file of some thousands of values
        // takes rustc's interpreter past the point where it suspects an endless loop.
        #[allow(long_running_const_eval)]
        const _: () = {
            let __ecr_verdict = ::ecr_config::__private::compile_time::verdict(
                <#ty as ::ecr_config::Validate>::__CONST_SHAPE,
                &__ECR_DOCUMENT,
                #source,
                #prefix,
                ::ecr_config::__private::compile_time::Names::Serialized,
            );
            if !__ecr_verdict.is_empty() {
                ::core::panic!("{}", __ecr_verdict.as_str());
            }
        };
    };
    quote! {
        {
            #duplicates
            const __ECR_DOCUMENT: ::ecr_config::__private::compile_time::Node = #tree;
            #check
            ::ecr_config::__private::embedded::from_embedded::<#ty>(
                // Also what makes Cargo rebuild the crate when the file changes.
                ::core::include_str!(#absolute),
                #literal,
            )
        }
    }
}

/// The file `given` names, a relative path taken from `manifest_dir`: the calling crate's
/// directory, its `CARGO_MANIFEST_DIR` (rustc runs macros with the crate's environment), or
/// the current directory without one. Returns the full path with the bytes, or the message.
fn load(manifest_dir: Option<&Path>, given: &str) -> Result<(PathBuf, Vec<u8>), String> {
    let path = Path::new(given);
    let joined = manifest_dir.unwrap_or(Path::new(".")).join(path);
    let resolved = std::path::absolute(&joined).unwrap_or(joined);
    match std::fs::read(&resolved) {
        Ok(bytes) => Ok((resolved, bytes)),
        // An absolute path is looked for as written: nothing to explain.
        Err(error) if path.is_absolute() => Err(format!("cannot read `{given}`: {error}")),
        Err(error) => Err(format!(
            "cannot read `{given}`: {error}\n\
             paths are relative to the directory of the crate's Cargo.toml \
             (`CARGO_MANIFEST_DIR`); looked for `{}`",
            resolved.display()
        )),
    }
}

/// Each finding on its own line, starting with the path as given.
fn lines(path: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    for (i, finding) in findings.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = write!(out, "{path}:{finding}");
    }
    out
}

/// The type as written, without the spaces token printing puts around `::` and `<>`.
fn type_name(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
}

/// The checks of a struct's `#[example]`s, with `include_config!`'s reader and checker: an
/// example that is not JSON, or gives a property twice, is an error at its literal; one that
/// breaks the type's declarations fails the build with the findings, in `const` evaluation.
pub(crate) fn examples(ident: &syn::Ident, examples: &[LitStr]) -> TokenStream {
    let mut out = TokenStream::new();
    for (index, example) in examples.iter().enumerate() {
        let span = example.span();
        let name = format!("example {} of `{ident}`", index + 1);
        let document = match scan::read(example.value().as_bytes()) {
            Ok(document) => document,
            Err(syntax) => {
                let message = format!(
                    "this `#[example]` is not JSON: {}\nan example is a JSON document, \
                     written as a raw string: `#[example(r#\"{{\"region\": \"us-east-1\"}}\"#)]`",
                    lines("example", &[syntax])
                );
                out.extend(syn::Error::new(span, message).into_compile_error());
                continue;
            }
        };
        if !document.duplicates.is_empty() {
            let message = format!(
                "this `#[example]` gives a property more than once:\n{}",
                lines("example", &document.duplicates)
            );
            out.extend(syn::Error::new(span, message).into_compile_error());
            continue;
        }
        let tree = emit::node(&document.root, span);
        let source = LitStr::new(&name, span);
        let prefix = LitStr::new("example:", span);
        out.extend(quote_spanned! {span=>
            #[allow(long_running_const_eval)]
            const _: () = {
                const __ECR_EXAMPLE: ::ecr_config::__private::compile_time::Node = #tree;
                let __ecr_verdict = ::ecr_config::__private::compile_time::verdict(
                    <#ident as ::ecr_config::Validate>::__CONST_SHAPE,
                    &__ECR_EXAMPLE,
                    #source,
                    #prefix,
                    ::ecr_config::__private::compile_time::Names::Serialized,
                );
                ::core::assert!(__ecr_verdict.is_empty(), "{}", __ecr_verdict.as_str());
            };
        });
    }
    out
}
