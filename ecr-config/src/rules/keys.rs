//! `#[keys(RULES)]`: the rules, written as on a field, apply to every key of a map:
//! `propertyNames` in the schema. A finding is at the key (its line and column), under the
//! member's pointer, with the keyword `propertyNames` and the rule's sentence after `key `
//! (`key must match ^[a-z]+$`) and the rule's detail.

use serde_json::{Map, Value};

use crate::{FieldPath, ValidationErrors};

use super::{Lines, Rule, rank};

#[diagnostic::on_unimplemented(
    message = "`#[keys]` cannot be applied to `{Self}`",
    label = "`keys` applies rules to the keys of a map (`BTreeMap`, `HashMap`, or an `Option` of one)"
)]
pub trait KeysTarget {
    type Value;
    /// A map whose order is not the document's: findings are sorted by pointer.
    const UNORDERED: bool = false;
    fn __ecr_members<F: FnMut(&FieldPath<'_>, &str, &Self::Value)>(
        &self,
        path: &FieldPath<'_>,
        f: F,
    );
}

impl<K: AsRef<str>, V> KeysTarget for std::collections::BTreeMap<K, V> {
    type Value = V;
    #[inline]
    fn __ecr_members<F: FnMut(&FieldPath<'_>, &str, &V)>(&self, path: &FieldPath<'_>, mut f: F) {
        for (key, value) in self {
            f(&path.key(key.as_ref()), key.as_ref(), value);
        }
    }
}

impl<K: AsRef<str>, V, S> KeysTarget for std::collections::HashMap<K, V, S> {
    type Value = V;
    const UNORDERED: bool = true;
    #[inline]
    fn __ecr_members<F: FnMut(&FieldPath<'_>, &str, &V)>(&self, path: &FieldPath<'_>, mut f: F) {
        for (key, value) in self {
            f(&path.key(key.as_ref()), key.as_ref(), value);
        }
    }
}

impl<M: KeysTarget> KeysTarget for Option<M> {
    type Value = M::Value;
    const UNORDERED: bool = M::UNORDERED;
    #[inline]
    fn __ecr_members<F: FnMut(&FieldPath<'_>, &str, &M::Value)>(&self, path: &FieldPath<'_>, f: F) {
        if let Some(map) = self {
            map.__ecr_members(path, f);
        }
    }
}

impl<M: KeysTarget + ?Sized> KeysTarget for &M {
    type Value = M::Value;
    const UNORDERED: bool = M::UNORDERED;
    #[inline]
    fn __ecr_members<F: FnMut(&FieldPath<'_>, &str, &M::Value)>(&self, path: &FieldPath<'_>, f: F) {
        M::__ecr_members(self, path, f);
    }
}

/// `#[keys]` in `validate`: `key` (the key's checks, as the derive wrote them) on every key,
/// its findings made the key's, then `value` (a `#[each]`'s checks, if the field has one) on
/// its value: a member's findings in the document's order.
#[inline]
pub fn keys<M: KeysTarget + ?Sized>(
    map: &M,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
    mut key: impl FnMut(&FieldPath<'_>, &str, &mut ValidationErrors),
    mut value: impl FnMut(&FieldPath<'_>, &M::Value, &mut ValidationErrors),
) {
    let start = errors.len();
    map.__ecr_members(path, |at, name, member| {
        let before = errors.len();
        key(at, name, errors);
        if errors.len() > before {
            errors.keys_from(before);
        }
        value(at, member, errors);
    });
    if M::UNORDERED {
        errors.sort_from(start);
    }
}

/// `propertyNames`, with the key rules' keywords.
#[inline]
pub(crate) fn schema(rules: &[Rule], out: &mut Map<String, Value>) {
    let mut names = Map::new();
    super::schema(rules, &crate::meta::Shape::Str, true, &mut names);
    out.insert("propertyNames".into(), Value::Object(names));
}

/// `Each key: …`, one line per line of the key rules.
#[inline]
pub(crate) fn docs(rules: &[Rule], lines: &mut Lines) {
    let mut inner = Lines::default();
    super::docs(rules, &crate::meta::Shape::Str, false, &mut inner);
    for line in inner.into_sorted() {
        lines.push(rank::EACH, format!("Each key: {line}"));
    }
}
