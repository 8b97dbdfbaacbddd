//! What the strict reading of the fast path ([`strict`]) passed over without stopping, told
//! as findings without a second reading: the keys structs refused, and the required
//! properties the document lacks. The reading knows each refused key's text (so where it
//! is) and, for both, the members and elements the object is in (so the pointer); the shape
//! knows the struct, its names for a did-you-mean, and whether a value may be a secret.
//!
//! [`strict`]: super::strict

use std::ops::Range;

use crate::error::{Detail, Keyword, ValidationError};
use crate::meta::Shape;
use crate::path::push_token;

use super::check::{Located, unknown_property};
use super::locate::{any_value_end, secrets_in, skip_ws};
use super::offset_in;
use super::secret::{Json, Place, Secrets};
use super::strict::{Passed, Refused, Segment};

/// The findings of what the reading passed over.
#[derive(Default)]
pub(crate) struct Told {
    /// The refused keys', where they are.
    pub(crate) located: Vec<Located>,
    /// The spans of the secrets the refused keys' values are or hold.
    pub(crate) secrets: Vec<Range<usize>>,
    /// The missing properties', with the pointer of the object, which they are at.
    pub(crate) required: Vec<(String, ValidationError)>,
    /// The pointers of the stand-ins read for them: what `validate` says of these is not
    /// about the document.
    pub(crate) phantoms: Vec<String>,
}

/// The findings of what the reading of `text` (a document of `root`) `passed` over; `None`
/// where the shape does not say that a struct refuses a key or requires a property there, or
/// where a key's text is not the key: the slow path then reads the document again and tells
/// what it is.
pub(crate) fn told(text: &str, root: &'static Shape, passed: Passed<'_>) -> Option<Told> {
    let secrets = Secrets::of(root);
    let mut told = Told::default();
    for missing in passed.missing {
        let (_, pointer) = object(secrets, root, &missing.within?)?;
        let mut field = pointer.clone();
        field.push('/');
        push_token(missing.field.name, &mut field);
        let error = ValidationError::new(field.clone(), Keyword::Required, Detail::Required);
        told.required.push((pointer, error));
        told.phantoms.push(field);
    }
    for Refused { key, within } in passed.refused {
        let (object, mut pointer) = object(secrets, root, &within?)?;
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
        told.located.push(Located {
            error: unknown_property(pointer, key, meta),
            span: span.clone(),
        });
        // Past the colon, the value: a secret by its name, or holding some.
        let bytes = text.as_bytes();
        let at = skip_ws(bytes, skip_ws(bytes, span.end) + 1);
        let first = *bytes.get(at)?;
        let place = secrets.value(secrets.member(object, key), Json::of_first_byte(first));
        match (place, first) {
            (Place::Secret, _) => told.secrets.push(at..any_value_end(bytes, at)),
            (_, b'{' | b'[') if secrets.look_inside(place) => {
                told.secrets.extend(secrets_in(text, root, at, place));
            }
            _ => {}
        }
    }
    Some(told)
}

/// The place of the object `within` leads to in a document of `root`, and its pointer;
/// `None` if it is not a struct's.
fn object(
    secrets: &'static Secrets,
    root: &'static Shape,
    within: &[Segment<'_>],
) -> Option<(Place, String)> {
    let (mut place, mut pointer) = (Place::Typed(root), String::new());
    for segment in within {
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
    matches!(object, Place::Typed(Shape::Object(_))).then_some((object, pointer))
}
