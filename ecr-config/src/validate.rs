//! The `Validate` trait and its implementations for the standard types fields are made of.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::hash::BuildHasher;

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

macro_rules! no_constraints {
    ($($ty:ty),* $(,)?) => {$(
        impl Validate for $ty {
            #[inline]
            fn validate_into(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
        }
    )*};
}

no_constraints! {
    bool, char, str, String,
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64,
    core::num::NonZeroU8, core::num::NonZeroU16, core::num::NonZeroU32, core::num::NonZeroU64,
    core::num::NonZeroU128, core::num::NonZeroUsize, core::num::NonZeroI8, core::num::NonZeroI16,
    core::num::NonZeroI32, core::num::NonZeroI64, core::num::NonZeroI128, core::num::NonZeroIsize,
    std::net::IpAddr, std::net::Ipv4Addr, std::net::Ipv6Addr, std::net::SocketAddr,
    std::path::PathBuf, core::time::Duration, (),
}

impl<T: zeroize::Zeroize> Validate for crate::Secret<T> {
    #[inline]
    fn validate_into(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
}

macro_rules! forward {
    ($($ty:ty),* $(,)?) => {$(
        impl<T: Validate + ?Sized> Validate for $ty {
            #[inline]
            fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                T::validate_into(self, path, errors);
            }
        }
    )*};
}

forward!(&T, Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);

impl<T: Validate + ToOwned + ?Sized> Validate for std::borrow::Cow<'_, T> {
    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        T::validate_into(self, path, errors);
    }
}

impl<T: Validate> Validate for Option<T> {
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
    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        validate_items(self, path, errors);
    }
}

impl<K: AsRef<str>, V: Validate> Validate for BTreeMap<K, V> {
    #[inline]
    fn validate_into(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), errors);
        }
    }
}

impl<K: AsRef<str>, V: Validate, S: BuildHasher> Validate for HashMap<K, V, S> {
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
