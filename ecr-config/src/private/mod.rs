//! Support for the code `#[derive(Validate)]` generates. Not a public API: anything here may
//! change in a patch release.
#![allow(missing_docs, unreachable_pub)]

pub mod dfa;
pub mod json;
pub mod length;
mod rules;

pub use rules::{
    ConstTarget, HasLength, Measure, MediaTypeTarget, PatternTarget, RangeTarget, check_const,
    check_json_media_type, check_length, check_range, pattern_failed,
};

pub use crate::meta::{EnumMeta, FieldMeta, Rule, Shape, StructMeta, VariantMeta};
pub use crate::{FieldPath, Number, UnitEnum, Validate, ValidationErrors};
pub use core::option::Option::{None, Some};
