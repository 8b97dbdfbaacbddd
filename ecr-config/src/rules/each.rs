//! `#[each(RULES)]`: the rules, written as on a field, apply to every item of a list and every
//! value of a map: `items` (`additionalProperties` for a map) in the schema, findings at
//! `/tags/3` and `/labels/team`. Each rule keeps its own keyword and message.
//!
//! `validate` runs the item checks the derive wrote in a closure ([`each`]); the parser runs
//! the rules on each item as it reads it (`parse/check.rs`), the compile-time checker on each
//! item of the literal (`private/compile_time/check.rs`).

use serde_json::{Map, Value};

use crate::meta::Shape;
use crate::{FieldPath, ValidationErrors};

use super::{Lines, Rule, rank};

#[diagnostic::on_unimplemented(
    message = "`#[each]` cannot be applied to `{Self}`",
    label = "`each` applies rules to the items of a list (`Vec<T>`, a slice, an array) or the values of a map, or an `Option` of one"
)]
pub trait EachTarget {
    type Item: ?Sized;
    /// A container whose order is not the document's: findings are sorted by pointer.
    const UNORDERED: bool = false;
    fn __ecr_each<F: FnMut(&FieldPath<'_>, &Self::Item)>(&self, path: &FieldPath<'_>, f: F);
}

impl<T> EachTarget for [T] {
    type Item = T;
    #[inline]
    fn __ecr_each<F: FnMut(&FieldPath<'_>, &T)>(&self, path: &FieldPath<'_>, mut f: F) {
        for (index, item) in self.iter().enumerate() {
            f(&path.index(index), item);
        }
    }
}

/// The list types, through their slice.
macro_rules! through_slice {
    ($($ty:ty $(, $n:ident)?;)*) => {$(
        impl<T $(, const $n: usize)?> EachTarget for $ty {
            type Item = T;
            #[inline]
            fn __ecr_each<F: FnMut(&FieldPath<'_>, &T)>(&self, path: &FieldPath<'_>, f: F) {
                <[T]>::__ecr_each(self, path, f);
            }
        }
    )*};
}

through_slice! {
    Vec<T>;
    Box<[T]>;
    [T; N], N;
}

impl<K: AsRef<str>, V> EachTarget for std::collections::BTreeMap<K, V> {
    type Item = V;
    #[inline]
    fn __ecr_each<F: FnMut(&FieldPath<'_>, &V)>(&self, path: &FieldPath<'_>, mut f: F) {
        for (key, value) in self {
            f(&path.key(key.as_ref()), value);
        }
    }
}

impl<K: AsRef<str>, V, S> EachTarget for std::collections::HashMap<K, V, S> {
    type Item = V;
    const UNORDERED: bool = true;
    #[inline]
    fn __ecr_each<F: FnMut(&FieldPath<'_>, &V)>(&self, path: &FieldPath<'_>, mut f: F) {
        for (key, value) in self {
            f(&path.key(key.as_ref()), value);
        }
    }
}

impl<L: EachTarget> EachTarget for Option<L> {
    type Item = L::Item;
    const UNORDERED: bool = L::UNORDERED;
    #[inline]
    fn __ecr_each<F: FnMut(&FieldPath<'_>, &L::Item)>(&self, path: &FieldPath<'_>, f: F) {
        if let Some(list) = self {
            list.__ecr_each(path, f);
        }
    }
}

impl<L: EachTarget + ?Sized> EachTarget for &L {
    type Item = L::Item;
    const UNORDERED: bool = L::UNORDERED;
    #[inline]
    fn __ecr_each<F: FnMut(&FieldPath<'_>, &L::Item)>(&self, path: &FieldPath<'_>, f: F) {
        L::__ecr_each(self, path, f);
    }
}

/// `#[each]` in `validate`: `check` (the item's checks, as the derive wrote them) on every item
/// at its path.
#[inline]
pub fn each<L: EachTarget + ?Sized>(
    list: &L,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
    mut check: impl FnMut(&FieldPath<'_>, &L::Item, &mut ValidationErrors),
) {
    let start = errors.len();
    list.__ecr_each(path, |at, item| check(at, item, errors));
    if L::UNORDERED {
        errors.sort_from(start);
    }
}

/// The item rules' keywords in the schema of the items (`shape` the list's or map's).
#[inline]
pub(crate) fn schema(rules: &[Rule], shape: &Shape, out: &mut Map<String, Value>) {
    let (key, item) = match shape {
        Shape::Array(item) => ("items", item()),
        Shape::Map(value) => ("additionalProperties", value()),
        _ => return,
    };
    if let Some(Value::Object(items)) = out.get_mut(key) {
        super::schema(rules, crate::parse::check::unwrap(item), true, items);
    }
}

/// `Each item: …` (`Each value: …` for a map), one line per line of the item rules.
#[inline]
pub(crate) fn docs(rules: &[Rule], shape: &Shape, lines: &mut Lines) {
    let (what, item) = match shape {
        Shape::Array(item) => ("Each item", item()),
        Shape::Map(value) => ("Each value", value()),
        _ => return,
    };
    let mut inner = Lines::default();
    super::docs(rules, crate::parse::check::unwrap(item), false, &mut inner);
    for line in inner.into_sorted() {
        lines.push(rank::EACH, format!("{what}: {line}"));
    }
}
