//! Every mistake of an item comes out in one build: errors are collected, never thrown.

use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// Collected compile errors, combined into one `syn::Error` at the end (serde's `Ctxt`).
///
/// Parsing and checking are separate passes over the fields; each error is filed under the
/// field it is about, so the user reads them in source order.
#[derive(Default)]
pub(crate) struct Errors {
    errors: Vec<(usize, syn::Error)>,
    position: usize,
}

impl Errors {
    /// Files the following errors under item `position` (0: the container, `i + 1`: field `i`).
    pub(crate) fn at_position(&mut self, position: usize) {
        self.position = position;
    }

    pub(crate) fn push(&mut self, error: syn::Error) {
        self.errors.push((self.position, error));
    }

    pub(crate) fn error_at(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    pub(crate) fn error_span(&mut self, span: proc_macro2::Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records the error of a fallible step and returns its value, if any.
    pub(crate) fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    pub(crate) fn into_error(mut self) -> Option<syn::Error> {
        self.errors.sort_by_key(|&(position, _)| position);
        self.errors
            .into_iter()
            .map(|(_, error)| error)
            .reduce(|mut combined, error| {
                combined.combine(error);
                combined
            })
    }

    pub(crate) fn into_compile_errors(self) -> Option<TokenStream> {
        self.into_error().map(syn::Error::into_compile_error)
    }
}

/// The closest of `candidates` to a misspelt `name`, if one is close enough to suggest.
///
/// Edit distance (with transpositions) suits short keys: `mx` is one edit from `max`.
pub(crate) fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|&c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|&(distance, c)| distance <= 2 && distance < c.len().min(name.len().max(1)))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}
