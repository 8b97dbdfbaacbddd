//! Support for the code `#[derive(Validate)]` generates. Not a public API: anything here may
//! change in a patch release.
#![allow(missing_docs, unreachable_pub)]

pub mod compile_time;
pub mod dfa;
pub mod embedded;
pub mod json;
pub mod length;
pub(crate) mod suggest;

/// Each rule's module (`rules/`): the derive calls their checks and names their traits.
pub use crate::rules::{
    constant, each, format, keys, len, media_type, message, multiple_of, pattern, range, requires,
    unique,
};

pub use crate::meta::{EnumMeta, FieldMeta, Rule, Shape, StructMeta, VariantMeta};
pub use crate::path::is_token;
pub use crate::{FieldPath, Number, UnitEnum, Validate, ValidationErrors};
pub use core::option::Option::{None, Some};

#[cfg(feature = "schemars")]
pub use crate::schema::schemars::{json_schema as schemars_json_schema, name as schemars_name};
#[cfg(feature = "schemars")]
pub use schemars;
/// Spelled here, where `str` cannot be shadowed by the user's code.
#[cfg(feature = "schemars")]
pub type CowStr = std::borrow::Cow<'static, str>;

/// A schemars id unique per type, generic arguments included.
#[cfg(feature = "schemars")]
pub fn schemars_id<T: ?Sized>() -> CowStr {
    CowStr::Borrowed(core::any::type_name::<T>())
}

/// `schemars::JsonSchema` for a derived type, from its `Validate::SHAPE`. Invoked by the
/// derive with `{impl generics} {type} {where clause}`.
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_json_schema {
    ({$($generics:tt)*} {$($ty:tt)*} {$($where_clause:tt)*}) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::schemars::JsonSchema for $($ty)* $($where_clause)* {
            fn schema_name() -> $crate::__private::CowStr {
                $crate::__private::schemars_name(&<Self as $crate::Validate>::SHAPE)
            }

            fn schema_id() -> $crate::__private::CowStr {
                $crate::__private::schemars_id::<Self>()
            }

            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars_json_schema(
                    &<Self as $crate::Validate>::SHAPE,
                    generator,
                )
            }
        }
    };
}

/// Without the `schemars` feature, derived types implement no schemars trait.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_json_schema {
    ($($tokens:tt)*) => {};
}

/// A serde default as JSON, when its type is `Serialize`: the derive calls
/// `(&&DefaultJson(&value)).__ecr_json()`, which finds [`DefaultViaSerialize`] for a
/// `Serialize` type and [`DefaultNotSerialized`] for any other (autoref specialization).
#[derive(Debug)]
pub struct DefaultJson<'a, T>(pub &'a T);

pub trait DefaultViaSerialize {
    fn __ecr_json(&self) -> Option<serde_json::Value>;
}

impl<T: serde::Serialize> DefaultViaSerialize for &DefaultJson<'_, T> {
    #[inline]
    fn __ecr_json(&self) -> Option<serde_json::Value> {
        serde_json::to_value(self.0).ok()
    }
}

pub trait DefaultNotSerialized {
    fn __ecr_json(&self) -> Option<serde_json::Value>;
}

impl<T> DefaultNotSerialized for DefaultJson<'_, T> {
    #[inline]
    fn __ecr_json(&self) -> Option<serde_json::Value> {
        None
    }
}

/// For tests comparing the compile-time checker with the runtime parser.
pub use crate::parse::const_document;
