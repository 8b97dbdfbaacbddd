//! `#[unique]`: `uniqueItems`, no two items of a list equal as JSON values: `1` equals `1.0`,
//! objects are equal whatever the order of their members. The finding is at the later item
//! and names the first one's index.
//!
//! `validate` and the parser write each item as a canonical text (numbers by value, members
//! sorted) and find repeats with a hash map: time linear in the list's size, whatever a
//! hostile document holds. The compile-time checker compares the items of a literal it holds
//! pairwise, with the same equality ([`equal`]).

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};
use zeroize::Zeroize;

use crate::__private::compile_time::{Json, Node};
use crate::error::{Detail, Keyword, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::constant::equal as equal_str;
use super::message::Message;
use super::{Lines, rank};

#[diagnostic::on_unimplemented(
    message = "`#[unique]` cannot be applied to `{Self}`",
    label = "`unique` compares the items of a list (`Vec<T>`, a slice, an array, or an `Option` of one) whose items are `Serialize`"
)]
pub trait UniqueTarget {
    type Item: Serialize;
    fn __ecr_items(&self) -> Option<&[Self::Item]>;
}

impl<T: Serialize> UniqueTarget for Vec<T> {
    type Item = T;
    #[inline]
    fn __ecr_items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T: Serialize> UniqueTarget for [T] {
    type Item = T;
    #[inline]
    fn __ecr_items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T: Serialize, const N: usize> UniqueTarget for [T; N] {
    type Item = T;
    #[inline]
    fn __ecr_items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<T: Serialize> UniqueTarget for Box<[T]> {
    type Item = T;
    #[inline]
    fn __ecr_items(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<L: UniqueTarget> UniqueTarget for Option<L> {
    type Item = L::Item;
    #[inline]
    fn __ecr_items(&self) -> Option<&[L::Item]> {
        self.as_ref().and_then(L::__ecr_items)
    }
}

impl<L: UniqueTarget + ?Sized> UniqueTarget for &L {
    type Item = L::Item;
    #[inline]
    fn __ecr_items(&self) -> Option<&[L::Item]> {
        L::__ecr_items(self)
    }
}

/// `must be unique; equals item 1`.
#[inline]
pub const fn message(first: usize) -> Message<'static> {
    Message::new()
        .str("must be unique; equals item ")
        .count(first)
}

/// `#[unique]` in `validate`: each item serialized (a `Secret` as its value, which reaches no
/// output; the canonical texts are wiped, `serde_json`'s intermediate values are not).
/// `validate` compares the Rust values; the parser and the compile-time checker the
/// document's (they differ where serde drops or defaults something).
pub fn check<T: Serialize>(
    items: Option<&[T]>,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let Some(items) = items else {
        return;
    };
    if items.len() < 2 {
        return;
    }
    let keys = items.iter().map(|item| {
        let value = serde_json::to_value(item).ok()?;
        Some(canonical(&value))
    });
    repeats(keys, |later, first| {
        failed(later, first, message, path, errors);
    });
}

/// Calls `found(later, first)` for each item whose key an earlier item has; `None` keys
/// (an item with no JSON value) equal nothing. The keys are wiped once compared: an item may
/// be a secret (earlier copies a growing `String` left behind are not).
pub(crate) fn repeats(
    keys: impl Iterator<Item = Option<String>>,
    mut found: impl FnMut(usize, usize),
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, key) in keys.enumerate() {
        let Some(mut key) = key else {
            continue;
        };
        if let Some(&first) = seen.get(&key) {
            found(index, first);
            key.zeroize();
        } else {
            seen.insert(key, index);
        }
    }
    for (mut key, _) in seen.drain() {
        key.zeroize();
    }
}

/// The finding at item `later`, equal to item `first`.
#[cold]
#[inline(never)]
pub(crate) fn failed(
    later: usize,
    first: usize,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::UniqueItems { first };
    let error = ValidationError::at(&path.index(later), Keyword::UniqueItems, detail);
    errors.push(error.with_message(message));
}

/// A text equal for two values exactly when they are equal as JSON: numbers by value
/// ([`number_key`]), object members sorted by key.
pub(crate) fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    use core::fmt::Write as _;
    match value {
        Value::Null => out.push('n'),
        Value::Bool(true) => out.push('t'),
        Value::Bool(false) => out.push('f'),
        Value::Number(number) => {
            let key = match (number.as_i64(), number.as_u64()) {
                (Some(n), _) => NumberKey::Int(i128::from(n)),
                (None, Some(n)) => NumberKey::Int(i128::from(n)),
                (None, None) => number_key(None, number.as_f64().unwrap_or(f64::NAN)),
            };
            // Writing to a `String` cannot fail.
            let _ = match key {
                NumberKey::Int(n) => write!(out, "#{n}"),
                NumberKey::Float(x) => write!(out, "#{x:e}"),
            };
        }
        Value::String(text) => {
            out.push('s');
            // A length prefix keeps `["a,", "b"]` from reading as `["a", ",b"]`.
            let _ = write!(out, "{}:", text.len());
            out.push_str(text);
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                write(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Object(members) => {
            let mut members: Vec<(&String, &Value)> = members.iter().collect();
            crate::sort::sort_by(&mut members, |a, b| a.0.cmp(b.0));
            out.push('{');
            for (key, member) in members {
                let _ = write!(out, "{}:", key.len());
                out.push_str(key);
                write(member, out);
                out.push(',');
            }
            out.push('}');
        }
    }
}

/// A JSON number by value, as `serde_json` reads it: an integer of `i64` or `u64` exactly, and
/// any other number as the `f64` it reads, which is an integer when it has no fraction (so
/// `1.0` and `1e0` equal `1`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberKey {
    Int(i128),
    Float(f64),
}

/// The key of a number `serde_json` reads as the integer `int` (when in `i64` or `u64`) or else
/// as the float `float`.
#[inline]
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::float_cmp,
    reason = "a float is an integer exactly when it survives the round trip, below 2^64"
)]
pub const fn number_key(int: Option<i128>, float: f64) -> NumberKey {
    // 2^64: every float of smaller magnitude with no fraction is an exact `i128`.
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    if let Some(n) = int
        && n >= i64::MIN as i128
        && n <= u64::MAX as i128
    {
        return NumberKey::Int(n);
    }
    if float.is_finite() && float > -LIMIT && float < LIMIT && (float as i128) as f64 == float {
        return NumberKey::Int(float as i128);
    }
    NumberKey::Float(float)
}

#[allow(clippy::float_cmp, reason = "JSON's equality of numbers is exact")]
const fn number_equal(a: NumberKey, b: NumberKey) -> bool {
    match (a, b) {
        (NumberKey::Int(a), NumberKey::Int(b)) => a == b,
        (NumberKey::Float(a), NumberKey::Float(b)) => a == b,
        _ => false,
    }
}

const fn node_number(number: &crate::__private::compile_time::JsonNumber) -> NumberKey {
    // The compile-time reader has the integer of any integer text; serde_json, only of one
    // in `i64` or `u64` (`number_key` checks).
    number_key(number.int, number.float_value)
}

/// JSON equality of two values of a document the compile-time checker holds. A path (a
/// name in a Rust literal) equals the same path only.
pub const fn equal(a: &Node, b: &Node) -> bool {
    match (a.value, b.value) {
        (Json::Null, Json::Null) => true,
        (Json::Bool(a), Json::Bool(b)) => a == b,
        (Json::Number(a), Json::Number(b)) => number_equal(node_number(&a), node_number(&b)),
        (Json::Str(a), Json::Str(b)) | (Json::Path(a), Json::Path(b)) => equal_str(a, b),
        (Json::Array(a), Json::Array(b)) => {
            if a.len() != b.len() {
                return false;
            }
            let mut i = 0;
            while i < a.len() {
                if !equal(&a[i], &b[i]) {
                    return false;
                }
                i += 1;
            }
            true
        }
        (Json::Object(a), Json::Object(b)) => {
            if a.len() != b.len() {
                return false;
            }
            let mut i = 0;
            while i < a.len() {
                let mut j = 0;
                while j < b.len() && !equal_str(a[i].key, b[j].key) {
                    j += 1;
                }
                if j == b.len() || !equal(&a[i].value, &b[j].value) {
                    return false;
                }
                i += 1;
            }
            true
        }
        _ => false,
    }
}

/// The first item equal to item `later`, before it.
pub const fn first_equal(items: &[Node], later: usize) -> Option<usize> {
    let mut i = 0;
    while i < later {
        if equal(&items[i], &items[later]) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[inline]
pub(crate) fn schema(schema: &mut Map<String, Value>) {
    schema.insert("uniqueItems".into(), true.into());
}

#[inline]
pub(crate) fn docs(lines: &mut Lines) {
    lines.push(rank::UNIQUE, "Unique Items: yes".to_owned());
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::canonical;

    #[test]
    fn json_equality() {
        let equal = [
            (json!(1), json!(1.0)),
            (json!(-0.0), json!(0)),
            (
                json!({"a": 1, "b": [true, null]}),
                json!({"b": [true, null], "a": 1.0}),
            ),
            (json!(1e300), json!(1e300)),
        ];
        for (a, b) in equal {
            assert_eq!(canonical(&a), canonical(&b), "{a} and {b}");
        }
        let different = [
            (json!(1), json!("1")),
            (json!(["a,", "b"]), json!(["a", ",b"])),
            (json!({"a": 1}), json!({"a": 1, "b": 1})),
            (json!([1, 2]), json!([2, 1])),
            (json!(0.5), json!(1)),
            (json!(null), json!(false)),
            (json!({"a,": "b"}), json!({"a": ",b"})),
        ];
        for (a, b) in different {
            assert_ne!(canonical(&a), canonical(&b), "{a} and {b}");
        }
    }
}
