//! The `Validate` trait and its implementations for the standard types fields are made of.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::hash::BuildHasher;

use crate::__private::compile_time::ConstShape;
use crate::meta::Shape;
use crate::{FieldPath, ValidationErrors};

/// A value that can check its own constraints.
///
/// Derive it with `#[derive(Validate)]`; the derive validates every field through this trait,
/// so a nested struct needs no attribute and cannot be forgotten. The standard types a config
/// is made of (strings, numbers, `Option`, `Vec`, maps, `Box`, …) implement it: leaves have
/// no constraint of their own, containers validate their contents.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`, so this field cannot be validated",
    label = "the field's type must implement `Validate`",
    note = "derive `Validate` for `{Self}`, or mark the field `#[validate(skip)]` to leave it unchecked"
)]
pub trait Validate {
    /// The JSON this type reads, with the rules of its fields: what the parser checks a
    /// document against and the schema is generated from. [`Shape::Any`] unless described.
    const SHAPE: Shape = Shape::Any;

    /// [`Validate::SHAPE`] as plain data, for the checks `include_config!` and `checked!` run
    /// in `const` evaluation (which cannot call the `fn` pointers `SHAPE` holds). Filled in by
    /// the derive; not a public API.
    #[doc(hidden)]
    const __CONST_SHAPE: &'static ConstShape = &ConstShape::Any;

    /// The JSON Schema (draft 2020-12) of this type, generated from [`Validate::SHAPE`]: the
    /// same declarations `validate` and the parser check.
    fn json_schema() -> serde_json::Value
    where
        Self: Sized,
    {
        crate::schema::generate(&Self::SHAPE)
    }

    /// A Markdown reference of this type, generated from [`Validate::SHAPE`] like
    /// [`Validate::json_schema`]: a section per object with a `Name | Type | Description |
    /// Required` table, each property's rules in words (enum values, lengths, patterns,
    /// bounds, defaults, constants), whether unknown properties are allowed, and the object's
    /// first `#[example]`. Objects nested in lists or maps get sections too; a type that
    /// contains itself links back to its section.
    ///
    /// ```
    /// use ecr_config::{Validate, ecr::EcrConfig};
    ///
    /// let docs = EcrConfig::markdown_reference();
    /// assert!(docs.starts_with("# AWS ECR\n"));
    /// assert!(docs.contains("\n## ci: CI/CD Image Push Configuration\n"));
    /// assert!(docs.contains("<br>Pattern: `^[A-Z0-9]{20}$` | yes |\n"));
    /// ```
    fn markdown_reference() -> String
    where
        Self: Sized,
    {
        crate::docs::generate(&Self::SHAPE)
    }

    /// Checks every constraint of the whole value and returns all failures, not only the
    /// first.
    ///
    /// # Errors
    /// [`ValidationErrors`] with one entry per failing keyword, in declaration order.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_into(&FieldPath::ROOT, &mut errors);
        errors.into_result()
    }

    /// Checks the value found at `path`, pushing each failure onto `errors`.
    ///
    /// Implement this (not [`Validate::validate`]) by hand for a type the derive cannot see
    /// into; build nested paths with [`FieldPath::key`] and [`FieldPath::index`].
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors);
}

macro_rules! leaves {
    ($($shape:expr => $($ty:ty),*;)*) => {$($(
        impl Validate for $ty {
            const SHAPE: Shape = $shape;
            const __CONST_SHAPE: &'static ConstShape = &ConstShape::leaf(Self::SHAPE);

            #[inline]
            fn validate_into(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
        }
    )*)*};
}

/// `$ty` holds the values of the primitive `$int` from `$min` up.
macro_rules! integers {
    ($($ty:ty => $int:ty, $min:expr;)*) => {$(
        impl Validate for $ty {
            #[allow(clippy::cast_lossless, clippy::cast_possible_wrap)]
            const SHAPE: Shape = Shape::Integer {
                min: $min as i128,
                // `u128::MAX` does not fit; no JSON number that large reaches a config.
                max: if <$int>::MAX as u128 > i128::MAX as u128 { i128::MAX } else { <$int>::MAX as i128 },
            };
            const __CONST_SHAPE: &'static ConstShape = &ConstShape::leaf(Self::SHAPE);

            #[inline]
            fn validate_into(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
        }
    )*};
}

integers! {
    i8 => i8, i8::MIN; i16 => i16, i16::MIN; i32 => i32, i32::MIN; i64 => i64, i64::MIN;
    i128 => i128, i128::MIN; isize => isize, isize::MIN;
    u8 => u8, 0; u16 => u16, 0; u32 => u32, 0; u64 => u64, 0; u128 => u128, 0; usize => usize, 0;
    core::num::NonZeroU8 => u8, 1; core::num::NonZeroU16 => u16, 1;
    core::num::NonZeroU32 => u32, 1; core::num::NonZeroU64 => u64, 1;
    core::num::NonZeroU128 => u128, 1; core::num::NonZeroUsize => usize, 1;
}

leaves! {
    Shape::Boolean => bool;
    Shape::Number => f32, f64;
    Shape::Str => char, str, String, std::net::IpAddr, std::net::Ipv4Addr,
        std::net::Ipv6Addr, std::net::SocketAddr, std::path::PathBuf;
    // Signed non-zero integers exclude a value in the middle, which no bound describes.
    Shape::Any => core::num::NonZeroI8, core::num::NonZeroI16, core::num::NonZeroI32,
        core::num::NonZeroI64, core::num::NonZeroI128, core::num::NonZeroIsize,
        core::time::Duration, ();
    // Free-form parts of a config (labels, annotations): any JSON value.
    Shape::Any => serde_json::Value;
}

impl<T: zeroize::Zeroize + Validate> Validate for crate::Secret<T> {
    const SHAPE: Shape = Shape::Sensitive(|| &T::SHAPE);
    const __CONST_SHAPE: &'static ConstShape = &ConstShape::Sensitive(T::__CONST_SHAPE);

    #[inline]
    fn validate_into(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
}

macro_rules! forward {
    ($($ty:ty),* $(,)?) => {$(
        impl<T: Validate + ?Sized> Validate for $ty {
            const SHAPE: Shape = T::SHAPE;
            const __CONST_SHAPE: &'static ConstShape = T::__CONST_SHAPE;

            #[inline]
            fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                T::validate_into(self, path, errors);
            }
        }
    )*};
}

forward!(&T, Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);

impl<T: Validate + ToOwned + ?Sized> Validate for std::borrow::Cow<'_, T> {
    const SHAPE: Shape = T::SHAPE;
    const __CONST_SHAPE: &'static ConstShape = T::__CONST_SHAPE;

    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        T::validate_into(self, path, errors);
    }
}

impl<T: Validate> Validate for Option<T> {
    const SHAPE: Shape = Shape::Optional(|| &T::SHAPE);
    const __CONST_SHAPE: &'static ConstShape = &ConstShape::Optional(T::__CONST_SHAPE);

    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_into(path, errors);
        }
    }
}

fn validate_items<'a, T: Validate + 'a>(
    items: impl IntoIterator<Item = &'a T>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    for (index, item) in items.into_iter().enumerate() {
        item.validate_into(&path.index(index), errors);
    }
}

macro_rules! sequence {
    ($($ty:ty),* $(,)?) => {$(
        impl<T: Validate> Validate for $ty {
            const SHAPE: Shape = Shape::Array(|| &T::SHAPE);
            const __CONST_SHAPE: &'static ConstShape = &ConstShape::Array(T::__CONST_SHAPE);

            #[inline]
            fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                validate_items(self, path, errors);
            }
        }
    )*};
}

// Sets are left out on purpose: their iteration order is not the document's, so an index
// in a pointer would point at the wrong element.
sequence!(Vec<T>, [T], VecDeque<T>);

impl<T: Validate, const N: usize> Validate for [T; N] {
    const SHAPE: Shape = Shape::Array(|| &T::SHAPE);
    const __CONST_SHAPE: &'static ConstShape = &ConstShape::Array(T::__CONST_SHAPE);

    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        validate_items(self, path, errors);
    }
}

impl<K: AsRef<str>, V: Validate> Validate for BTreeMap<K, V> {
    const SHAPE: Shape = Shape::Map(|| &V::SHAPE);
    const __CONST_SHAPE: &'static ConstShape = &ConstShape::Map(V::__CONST_SHAPE);

    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), errors);
        }
    }
}

impl<K: AsRef<str>, V: Validate, S: BuildHasher> Validate for HashMap<K, V, S> {
    const SHAPE: Shape = Shape::Map(|| &V::SHAPE);
    const __CONST_SHAPE: &'static ConstShape = &ConstShape::Map(V::__CONST_SHAPE);

    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        let start = errors.len();
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), errors);
        }
        // A HashMap iterates in random order; sorting only what was found keeps the output
        // stable across runs without allocating when the map is valid.
        errors.sort_from(start);
    }
}
