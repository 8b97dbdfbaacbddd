//! `include_config!` without the `include-config` feature, which brings the build-time JSON
//! reader (a host copy of `serde_json`): every invocation is an error that says which feature
//! to enable, in the runtime crate, whose features are the ones users choose.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

const MESSAGE: &str = "`include_config!` needs the `include-config` feature of `ecr-config`, \
                       which reads the file when the crate builds: add \
                       `features = [\"include-config\"]` to its dependency in Cargo.toml";

pub(crate) fn include_config(input: TokenStream) -> TokenStream {
    let Ok(Invocation { path, ty }) = syn::parse2::<Invocation>(input) else {
        return syn::Error::new(Span::call_site(), MESSAGE).into_compile_error();
    };
    let span = path.span();
    let error = syn::Error::new(span, MESSAGE).into_compile_error();
    // Beside the error, a value of the type (never built), as `include/mod.rs` does for every
    // error, so that the rest of the user's code raises no second wave of errors.
    quote_spanned! {span=>
        {
            #error
            ::ecr_config::__private::embedded::from_embedded::<#ty>("", #path)
        }
    }
}

/// `"path" as Type`, read only to give the error its span and the stub its type.
struct Invocation {
    path: LitStr,
    ty: Type,
}

impl Parse for Invocation {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path = input.parse()?;
        input.parse::<Token![as]>()?;
        let ty = input.parse()?;
        Ok(Invocation { path, ty })
    }
}

/// Without the build-time JSON reader, a struct's `#[example]`s are not checked when it
/// builds (a test of the type can parse them: `ecr_config::from_json_str`).
pub(crate) fn examples(_: &syn::Ident, _: &[LitStr]) -> TokenStream {
    TokenStream::new()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    #[test]
    fn every_invocation_names_the_feature_it_needs() {
        let expanded = super::include_config(quote!("deploy/ecr.json" as EcrConfig)).to_string();
        assert!(expanded.contains("needs the `include-config` feature of `ecr-config`"));
        assert!(expanded.contains(r#"from_embedded :: < EcrConfig > ("" , "deploy/ecr.json")"#));
        let malformed = super::include_config(quote!(ecr.json)).to_string();
        assert!(malformed.contains(r#"add `features = [\"include-config\"]` to its dependency"#));
    }
}
