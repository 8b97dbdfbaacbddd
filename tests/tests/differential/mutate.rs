//! Changes any document can take, whatever its schema: a property removed, a value of another
//! JSON type anywhere, an unknown or near-miss key, a member given twice, members reordered.

use fastrand::Rng;

use crate::doc::Doc;
use crate::strings::{self, pick};

/// Numbers of every spelling: integers, fractions, exponents, minus zero, beyond `u64`.
pub(crate) const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "20",
    "1.5",
    "-0",
    "1.0",
    "1e2",
    "2E1",
    "0.5e1",
    "65535",
    "1e30",
    "18446744073709551616",
];

/// A value of any JSON type, now and then with something inside.
pub(crate) fn any_value(rng: &mut Rng) -> Doc {
    match rng.u8(..8) {
        0 => Doc::Null,
        1 => Doc::Bool(rng.bool()),
        2 => Doc::num(pick(rng, NUMBERS)),
        3 => {
            let len = rng.usize(..12);
            Doc::Str(strings::any(rng, len))
        }
        4 => Doc::Arr(Vec::new()),
        5 => Doc::Arr(vec![Doc::str("us-east-1"), Doc::num("1")]),
        6 => Doc::Obj(Vec::new()),
        _ => Doc::obj([("region", Doc::str("us-east-1")), ("url", Doc::Null)]),
    }
}

/// Paths of the objects in `doc`.
fn objects(doc: &Doc) -> Vec<Vec<usize>> {
    let mut paths = doc.paths();
    paths.retain(|path| matches!(doc.at(path), Doc::Obj(_)));
    paths
}

/// The members of a random object of `doc`, if it has one.
fn some_object<'d>(rng: &mut Rng, doc: &'d mut Doc) -> Option<&'d mut Vec<(String, Doc)>> {
    let paths = objects(doc);
    if paths.is_empty() {
        return None;
    }
    match doc.at_mut(&paths[rng.usize(..paths.len())]) {
        Doc::Obj(members) => Some(members),
        _ => unreachable!("an object's path"),
    }
}

/// Removes a random member of a random object.
pub(crate) fn remove_member(rng: &mut Rng, doc: &mut Doc) {
    if let Some(members) = some_object(rng, doc)
        && !members.is_empty()
    {
        members.remove(rng.usize(..members.len()));
    }
}

/// Replaces a random value, the root included, with one of any type (often another).
pub(crate) fn retype(rng: &mut Rng, doc: &mut Doc) {
    let paths = doc.paths();
    let path = &paths[rng.usize(..paths.len())];
    *doc.at_mut(path) = any_value(rng);
}

/// Adds to a random object a member named like one of `names` but not quite, or anything.
pub(crate) fn unknown_key(rng: &mut Rng, doc: &mut Doc, names: &[&str]) {
    let name = pick(rng, names);
    let key = near_miss(rng, name);
    let value = if rng.bool() {
        any_value(rng)
    } else {
        Doc::str("us-east-1")
    };
    if let Some(members) = some_object(rng, doc) {
        let at = rng.usize(..=members.len());
        members.insert(at, (key, value));
    }
}

/// `name` misspelt: a letter dropped or swapped, the case or separator changed, a space or
/// an odd character added; or a name a JSON Pointer must escape; or the empty name.
pub(crate) fn near_miss(rng: &mut Rng, name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let at = rng.usize(..chars.len().max(1));
    match rng.u8(..10) {
        0 if !chars.is_empty() => chars
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != at)
            .map(|(_, c)| c)
            .collect(),
        1 if at + 1 < chars.len() => {
            let mut swapped = chars;
            swapped.swap(at, at + 1);
            swapped.into_iter().collect()
        }
        2 => name.to_uppercase(),
        3 => name.replace('_', "-"),
        4 => format!("{name} "),
        5 => pick(rng, &["", "a/b", "~", "~1", "/", "region/"]).to_owned(),
        6 => {
            let len = rng.usize(1..8);
            strings::any(rng, len)
        }
        _ => strings::nudge(rng, name),
    }
}

/// Gives a random member a second time, somewhere in its object, with its value or another.
pub(crate) fn duplicate(rng: &mut Rng, doc: &mut Doc) {
    if let Some(members) = some_object(rng, doc)
        && !members.is_empty()
    {
        let (key, value) = members[rng.usize(..members.len())].clone();
        let value = if rng.bool() { value } else { any_value(rng) };
        let at = rng.usize(..=members.len());
        members.insert(at, (key, value));
    }
}

/// Reorders the members of a random object.
pub(crate) fn shuffle(rng: &mut Rng, doc: &mut Doc) {
    if let Some(members) = some_object(rng, doc) {
        rng.shuffle(members);
    }
}

/// One of the changes above.
pub(crate) fn any_change(rng: &mut Rng, doc: &mut Doc, names: &[&str]) {
    match rng.u8(..5) {
        0 => remove_member(rng, doc),
        1 => retype(rng, doc),
        2 => unknown_key(rng, doc, names),
        3 => duplicate(rng, doc),
        _ => shuffle(rng, doc),
    }
}

/// A document around a schema: a valid one, then (seven times in ten) a few changes, each
/// either aimed at a field of the schema (`set_field`) or any of the changes above.
pub(crate) fn document(
    rng: &mut Rng,
    valid: fn(&mut Rng) -> Doc,
    set_field: fn(&mut Rng, &mut Doc),
    names: &[&str],
) -> Doc {
    let mut doc = valid(rng);
    let changes = match rng.u8(..10) {
        0..=2 => 0,
        3..=6 => 1,
        7..=8 => 2,
        _ => rng.usize(3..7),
    };
    for _ in 0..changes {
        if rng.u8(..5) < 3 {
            set_field(rng, &mut doc);
        } else {
            any_change(rng, &mut doc, names);
        }
    }
    doc
}
