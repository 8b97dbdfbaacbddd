//! The keys that structs refused while the fast path read a document ([`strict`]), told as
//! findings without a second reading: the strict reading knows each key's text (so where it
//! is) and the members and elements its object is in (so its pointer), and the shape knows
//! the struct, its names for a did-you-mean, and whether the value may be a secret.
//!
//! [`strict`]: super::strict

use std::ops::Range;

use crate::meta::Shape;
use crate::path::push_token;

use super::check::{Located, unknown_property};
use super::locate::{secrets_in, skip_ws, string_end, value_end};
use super::offset_in;
use super::secret::{Json, Place, Secrets};
use super::strict::{Refused, Segment};

/// The findings of the `refused` keys of `text` (a document of `root`), and the spans of
/// the secrets their values are or hold; `None` where the shape does not say that a struct
/// refuses the key there, or where a key's text is not the key: the slow path then reads
/// the document again and tells what it is.
pub(crate) fn findings(
    text: &str,
    root: &'static Shape,
    refused: Vec<Refused<'_>>,
) -> Option<(Vec<Located>, Vec<Range<usize>>)> {
    let secrets = Secrets::of(root);
    let mut located = Vec::with_capacity(refused.len());
    let mut secret_spans = Vec::new();
    for Refused { key, within } in refused {
        let within = within?;
        // The object's place, and its pointer, member by member and element by element.
        let (mut place, mut pointer) = (Place::Typed(root), String::new());
        for segment in &within {
            pointer.push('/');
            place = match *segment {
                Segment::Key(name) => {
                    push_token(name, &mut pointer);
                    secrets.member(secrets.value(place, Json::Object), name)
                }
                Segment::Index(index) => {
                    pointer.push_str(&index.to_string());
                    Secrets::element(secrets.value(place, Json::Array))
                }
            };
        }
        let object = secrets.value(place, Json::Object);
        let Place::Typed(Shape::Object(meta)) = object else {
            return None;
        };
        if !meta.deny_unknown_fields {
            return None;
        }
        pointer.push('/');
        push_token(key, &mut pointer);
        let start = offset_in(text, key)?;
        // The key's literal, its quotes included: it has no escapes.
        let span = start - 1..start + key.len() + 1;
        located.push(Located {
            error: unknown_property(pointer, key, meta),
            span: span.clone(),
        });
        // Past the colon, the value: a secret by its name, or holding some.
        let bytes = text.as_bytes();
        let at = skip_ws(bytes, skip_ws(bytes, span.end) + 1);
        let first = *bytes.get(at)?;
        let place = secrets.value(secrets.member(object, key), Json::of_first_byte(first));
        match (place, first) {
            (Place::Secret, _) => secret_spans.push(at..value_span_end(bytes, at)),
            (_, b'{' | b'[') if secrets.look_inside(place) => {
                secret_spans.extend(secrets_in(text, root, at, place));
            }
            _ => {}
        }
    }
    Some((located, secret_spans))
}

/// The end of the value at `at`.
fn value_span_end(bytes: &[u8], at: usize) -> usize {
    match bytes[at] {
        b'{' | b'[' => value_end(bytes, at),
        b'"' => string_end(bytes, at),
        _ => {
            let rest = &bytes[at..];
            at + rest
                .iter()
                .position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(rest.len())
        }
    }
}
