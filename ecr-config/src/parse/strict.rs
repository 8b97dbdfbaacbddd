//! Deserialization exactly as strict as JSON Schema, for the fast path.
//!
//! `serde_json` with serde's derive accepts a few documents that the schema rejects: a struct
//! written as an array, `null` for an `Option`, an enum in its `{"Variant": …}` form, and
//! duplicate keys in maps (the last one silently wins), and a repeated key a struct does not
//! declare (it ignores both). [`from_str_strict`] deserializes
//! through [`Strict`], a wrapper around the deserializer that re-wraps every nested value (the
//! `serde_path_to_error` pattern) and fails on each of these. A failure only sends the document
//! to the slow, position-tracking path, which is the reference, so when in doubt it fails.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use crate::meta::{FieldMeta, Shape};

use super::check::unwrap;
use super::locate::{any_value_end, skip_ws, string_end};
use super::offset_in;
use super::phantom::{self, Phantom};
use super::secret::field;
use super::strings::Strings;

/// Deserializes `text` as `T` like `serde_json::from_str`, but failing wherever serde is more
/// lenient than JSON Schema, with a new [`Trail`]. Any error means "take the slow path"; the
/// error text is never shown to users.
#[cfg(test)]
pub(crate) fn from_str_strict<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    root: &'static Shape,
) -> Result<(T, Passed<'de>), serde_json::Error> {
    let trail = Trail::new(text, root);
    let value = trail.read()?;
    Ok((value, trail.passed.into_inner()))
}

/// What the reading passed over without stopping.
#[derive(Debug, Default)]
pub(crate) struct Passed<'de> {
    pub(crate) refused: Vec<Refused<'de>>,
    pub(crate) missing: Vec<Missing<'de>>,
}

/// Where a struct's object is in the text: the offsets of the quotes that open its first key
/// and its last, and its keys themselves if the reading kept them all. What reads the text
/// again for where a value is steps over an object from its last key, not its first, and
/// goes straight to a member whose key it knows ([`locate`](super::locate)).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Keys {
    pub(crate) first: usize,
    pub(crate) last: usize,
    /// Where the object's keys are in [`Records`]'s names, if all were kept (at most
    /// [`SEEN`], none with escapes, none refused): `from..from + count`; `count` 0 if not.
    from: u32,
    count: u8,
}

/// The [`Keys`] of the structs' objects, in the order the objects end, and the keys of those
/// whose keys were all kept: the first few inline, so that a valid document of a few structs
/// costs no allocation for them.
#[derive(Debug, Default)]
pub(crate) struct Objects<'de> {
    inline: [Keys; 8],
    len: usize,
    spilled: Vec<Keys>,
    names: Names<'de>,
}

/// Keys as written, each object's together: in `inline` while they fit, then in `spilled`.
#[derive(Debug, Default)]
struct Names<'de> {
    inline: [&'de str; NAMES],
    len: usize,
    spilled: Vec<&'de str>,
}

/// How many keys [`Names`] keeps inline: those of a few small structs.
const NAMES: usize = 32;

impl<'de> Names<'de> {
    /// Keeps `keys`, all in one of the two places; where they are, as [`Keys::from`].
    fn push(&mut self, keys: &[&'de str]) -> Option<u32> {
        if let Some(slots) = self.inline.get_mut(self.len..self.len + keys.len()) {
            slots.copy_from_slice(keys);
            self.len += keys.len();
            return u32::try_from(self.len - keys.len()).ok();
        }
        let from = u32::try_from(NAMES + self.spilled.len()).ok()?;
        self.spilled.extend_from_slice(keys);
        Some(from)
    }

    fn get(&self, keys: &Keys) -> Option<&[&'de str]> {
        if keys.count == 0 {
            return None;
        }
        let (from, count) = (keys.from as usize, usize::from(keys.count));
        match from.checked_sub(NAMES) {
            None => self.inline.get(from..from + count),
            Some(from) => self.spilled.get(from..from + count),
        }
    }
}

impl<'de> Objects<'de> {
    /// Notes an object whose first and last keys are at `first` and `last`, with all its keys
    /// if they were all kept (`all`).
    fn push(&mut self, first: usize, last: usize, all: Option<&[&'de str]>) {
        let (from, count) = all
            .and_then(|names| Some((self.names.push(names)?, u8::try_from(names.len()).ok()?)))
            .unwrap_or_default();
        let keys = Keys {
            first,
            last,
            from,
            count,
        };
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = keys;
                self.len += 1;
            }
            None => self.spilled.push(keys),
        }
    }

    /// Them all, to be looked up: the few inline as they are, more sorted by first key.
    pub(crate) fn records(&self) -> Records<'_, 'de> {
        let keys = if self.spilled.is_empty() {
            Cow::Borrowed(&self.inline[..self.len])
        } else {
            let mut keys = Vec::with_capacity(self.len + self.spilled.len());
            keys.extend_from_slice(&self.spilled);
            keys.extend_from_slice(&self.inline[..self.len]);
            // Inner objects end first: the outer ones, once each, are out of order.
            crate::sort::sort_by(&mut keys, |a, b| a.first.cmp(&b.first));
            Cow::Owned(keys)
        };
        Records {
            keys,
            names: Some(&self.names),
        }
    }
}

/// The [`Keys`] of the structs' objects a reading found, by where their first keys are:
/// sorted, or (borrowed) the few that fit inline, looked through.
#[derive(Debug, Default)]
pub(crate) struct Records<'a, 'de> {
    keys: Cow<'a, [Keys]>,
    names: Option<&'a Names<'de>>,
}

impl<'de> Records<'_, 'de> {
    /// The object whose first key's quote is at `first`, if the reading noted it.
    pub(crate) fn at(&self, first: usize) -> Option<&Keys> {
        match &self.keys {
            Cow::Borrowed(few) => few.iter().find(|keys| keys.first == first),
            Cow::Owned(sorted) => {
                let k = sorted
                    .binary_search_by_key(&first, |keys| keys.first)
                    .ok()?;
                sorted.get(k)
            }
        }
    }

    /// All the keys of the object of `keys`, as written, if the reading kept them all.
    pub(crate) fn names(&self, keys: &Keys) -> Option<&[&'de str]> {
        self.names?.get(keys)
    }
}

impl Passed<'_> {
    pub(crate) fn is_empty(&self) -> bool {
        self.refused.is_empty() && self.missing.is_empty()
    }
}

/// A required property a document lacks: the struct's field, and where its object is (as
/// in [`Refused`]).
#[derive(Debug)]
pub(crate) struct Missing<'de> {
    pub(crate) field: &'static FieldMeta,
    pub(crate) within: Option<Vec<Segment<'de>>>,
}

/// A strict reading of a document: its text, the type's shape, what the reading passed over,
/// and where the structs' objects are (kept here, where the reading leaves them, rather than
/// returned: they are most of a kilobyte).
pub(crate) struct Trail<'de> {
    text: &'de str,
    root: &'static Shape,
    passed: RefCell<Passed<'de>>,
    objects: RefCell<Objects<'de>>,
}

impl<'de> Trail<'de> {
    pub(crate) fn new(text: &'de str, root: &'static Shape) -> Trail<'de> {
        Trail {
            text,
            root,
            passed: RefCell::default(),
            objects: RefCell::default(),
        }
    }

    /// Deserializes the text as `T` like `serde_json::from_str`, but failing wherever serde
    /// is more lenient than JSON Schema. Any error means "take the slow path"; the error text
    /// is never shown to users.
    ///
    /// Two mistakes do not stop the reading, and are kept ([`Passed`]): a key a struct refuses
    /// (`deny_unknown_fields`), as the text of the document it is, its value skipped; and a
    /// property a struct of the shape requires and the document lacks, read as a stand-in
    /// ([`Phantom`]).
    pub(crate) fn read<T: serde::Deserialize<'de>>(&self) -> Result<T, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(self.text);
        let scope = Scope {
            trail: self,
            at: &Step::Root,
        };
        let value = T::deserialize(Strict(&mut deserializer, scope))?;
        deserializer.end()?;
        Ok(value)
    }

    /// What the reading passed over.
    pub(crate) fn passed(&self) -> std::cell::Ref<'_, Passed<'de>> {
        self.passed.borrow()
    }

    /// What the reading passed over, taken out.
    pub(crate) fn take_passed(&self) -> Passed<'de> {
        self.passed.take()
    }

    /// Where the structs' objects are, to be looked up.
    pub(crate) fn objects(&self) -> std::cell::Ref<'_, Objects<'de>> {
        self.objects.borrow()
    }
}

/// A key a struct refused, as the text of the document it is, and where its object is: the
/// members and elements it is in, outermost first; `None` if a member's key has escapes
/// (its text is not the key).
#[derive(Debug, PartialEq)]
pub(crate) struct Refused<'de> {
    pub(crate) key: &'de str,
    pub(crate) within: Option<Vec<Segment<'de>>>,
}

/// A step into a value: a member, by its key as written, or an element, by its index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Segment<'de> {
    Key(&'de str),
    Index(usize),
}

/// What a wrapper needs of the reading around it: where to tell what it passes over, and
/// where its value is.
#[derive(Clone, Copy)]
struct Scope<'t, 'de> {
    trail: &'t Trail<'de>,
    at: &'t Step<'t, 'de>,
}

/// Where a value is in the document: the whole of it, or a member or element of a value.
enum Step<'t, 'de> {
    Root,
    Member(&'t Step<'t, 'de>, Name<'de>),
    Element(&'t Step<'t, 'de>, usize),
}

impl<'de> Step<'_, 'de> {
    /// The shape of the value here, in a document of `root`: `None` where no shape is told.
    fn shape(&self, root: &'static Shape) -> Option<&'static Shape> {
        match *self {
            Step::Root => Some(root),
            Step::Member(parent, Name::Plain(key)) => match unwrap(parent.shape(root)?) {
                Shape::Object(meta) => field(meta, key).map(|field| (field.shape)()),
                Shape::Map(value) => Some(value()),
                _ => None,
            },
            Step::Member(..) => None,
            Step::Element(parent, _) => match unwrap(parent.shape(root)?) {
                Shape::Array(item) => Some(item()),
                _ => None,
            },
        }
    }

    /// The steps from the document to here, outermost first; `None` past a key with escapes.
    fn segments(&self) -> Option<Vec<Segment<'de>>> {
        let (parent, segment) = match *self {
            Step::Root => return Some(Vec::new()),
            Step::Member(parent, Name::Plain(key)) => (parent, Segment::Key(key)),
            Step::Member(..) => return None,
            Step::Element(parent, index) => (parent, Segment::Index(index)),
        };
        let mut segments = parent.segments()?;
        segments.push(segment);
        Some(segments)
    }
}

/// A deserializer that checks the value it gives and wraps every value nested in it.
struct Strict<'t, 'de, D>(D, Scope<'t, 'de>);

/// Wraps a visitor so the containers, options and newtypes it is given stay [`Strict`].
struct Wrap<'t, 'de, V>(V, Scope<'t, 'de>);

/// Wraps the elements of a sequence.
struct Seq<'t, 'de, A> {
    access: A,
    scope: Scope<'t, 'de>,
    /// The index of the next element.
    next: usize,
}

/// Wraps the keys and values of an object, and tells the keys whose values serde ignores
/// apart, to find those given twice.
struct Map<'t, 'de, A> {
    access: A,
    scope: Scope<'t, 'de>,
    /// A struct's keys, as serde's derive names them to `deserialize_struct` (aliases too).
    fields: Option<&'static [&'static str]>,
    /// The first [`SEEN`] keys read, as written (`""` if with escapes), and how many were:
    /// if fewer than the struct's, some required property may be missing. (Past `SEEN`, the
    /// object's keys are read again from the first to tell.)
    seen: [&'de str; SEEN],
    given: usize,
    /// The stand-ins of the missing required properties, once the object ended.
    phantoms: Option<std::vec::IntoIter<&'static FieldMeta>>,
    /// The key just read, if it names a struct's field (or would).
    key: Name<'de>,
    /// The object's first key, if the struct refused it (else it is `seen[0]`).
    first: Option<&'de str>,
    /// The last key read.
    last: Name<'de>,
    /// Whether `seen` holds every key read so far (none had escapes or was refused).
    kept_all: bool,
    /// The keys whose values were ignored so far.
    ignored: Strings<'de>,
}

/// How many keys of an object are kept as they are read.
const SEEN: usize = 8;

/// The visitor of a struct's object, whose keys serde names (`.1`).
struct Struct<'t, 'de, V>(V, &'static [&'static str], Scope<'t, 'de>);

/// A key read as a field's name.
#[derive(Clone, Copy)]
enum Name<'de> {
    None,
    /// As written in the text.
    Plain(&'de str),
    /// With escapes: not kept, and a value ignored after it takes the slow path (rare).
    Escaped,
    /// As written, and refused by the struct: an unknown property.
    Refused(&'de str),
    /// A required property the object lacks, read as a stand-in.
    Phantom(&'static FieldMeta),
}

/// Deserializes a struct's key, keeping its text.
struct KeySeed<'k, 't, 'de, S>(S, &'k mut Name<'de>, Scope<'t, 'de>);

/// The deserializer of a key: a field's name is kept as it is read.
struct KeyStrict<'k, 't, 'de, D>(D, &'k mut Name<'de>, Scope<'t, 'de>);

/// The visitor of a field's name, which keeps it.
struct KeyName<'k, 't, 'de, V>(V, &'k mut Name<'de>, Scope<'t, 'de>);

/// Deserializes a nested value through [`Strict`].
struct Seed<'t, 'de, S>(S, Scope<'t, 'de>);

/// The visitor of `deserialize_option`: `null` is an error, `Some` stays strict.
struct NotNull<'t, 'de, V>(V, Scope<'t, 'de>);

/// The visitor of `deserialize_enum`: a string is taken as a unit variant.
struct UnitVariant<V>(V);

/// Forwards `deserialize_*` methods to the inner deserializer, with the visitor wrapped.
macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* Wrap(visitor, self.1))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, 'de, D> {
    type Error = D::Error;

    // `deserialize_any` (reached by untagged and internally tagged enums, `serde_json::Value`,
    // and the unknown entries collected next to a `#[serde(flatten)]` field) stays wrapped:
    // what the visitor reads directly is checked. But serde's derive buffers such values into
    // its private `Content` and deserializes the target type from that buffer later, through
    // its own deserializer, which this wrapper never sees: `null` for an `Option` or a struct
    // written as an array under an untagged enum is then accepted. Structs with a flattened
    // field are not affected: the derive reads them with `deserialize_map`, rejected below.
    // This crate's `Validate` derive only takes structs and unit-only enums, so such types can
    // only appear under `#[validate(skip)]` or in hand-written impls.
    forward_deserialize! {
        deserialize_any(); deserialize_bool(); deserialize_char(); deserialize_unit();
        deserialize_i8(); deserialize_i16(); deserialize_i32(); deserialize_i64();
        deserialize_u8(); deserialize_u16(); deserialize_u32(); deserialize_u64();
        deserialize_i128(); deserialize_u128(); deserialize_f32(); deserialize_f64();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_identifier();
    }

    /// Rule 2: an explicit `null` is a type error in JSON Schema, not an absent optional (an
    /// absent field never gets here: serde's derive fills in `None` itself).
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_option(NotNull(visitor, self.1))
    }

    /// Rule 1: only an object. `serde_json`'s `deserialize_struct` also takes an array of the
    /// fields' values in order. This calls the *inner* `deserialize_map` (the wrapper's own
    /// rejects every map), with the visitor wrapped so the fields' values stay strict.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Struct(visitor, fields, self.1))
    }

    /// Rule 3: only a string, the unit variant's name; never the `{"Variant": …}` form.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_str(UnitVariant(visitor))
    }

    /// Rule 4: maps (`HashMap`, `BTreeMap`, structs with a flattened field) keep the last of
    /// duplicate keys without a word, so a document with a map always takes the slow path.
    fn deserialize_map<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, D::Error> {
        Err(de::Error::custom("strict: maps take the slow path"))
    }

    /// Rule 5: an unknown field's value is skipped as it is.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// The error of the visits where serde's derive words what is wrong (an unknown field, an
/// unknown variant): since no one reads it, it is never written. (The message lists every
/// name the type has; writing it cost more than reading the rest of the document.)
#[derive(Debug)]
pub(crate) struct Fail;

impl fmt::Display for Fail {
    /// Nothing: the text would only be made, and searched by `serde_json` for a position, to
    /// be dropped (a key a struct refuses costs one).
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

impl std::error::Error for Fail {}

impl de::Error for Fail {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Fail
    }
}

impl Fail {
    /// As the error of the deserializer that made the visit.
    fn into<E: de::Error>(self) -> E {
        E::custom(self)
    }
}

/// Forwards `visit_*` methods of scalars to the inner visitor, erring with [`Fail`].
macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.0.$method::<Fail>(value).map_err(Fail::into)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit! {
        visit_bool(bool); visit_char(char); visit_f32(f32); visit_f64(f64);
        visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64); visit_i128(i128);
        visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64); visit_u128(u128);
        visit_str(&str); visit_borrowed_str(&'de str); visit_string(String);
        visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Strict(deserializer, self.1))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(deserializer, self.1))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Seq {
            access: seq,
            scope: self.1,
            next: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map::new(map, self.1, None))
    }

    /// `serde_json` only calls `visit_enum` from its `deserialize_enum`, which [`Strict`] never
    /// calls (rule 3 reads a string instead); any other enum form is rejected, when in doubt.
    fn visit_enum<A: EnumAccess<'de>>(self, _data: A) -> Result<V::Value, A::Error> {
        Err(de::Error::custom("strict: enums must be strings"))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, 'de, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let step = Step::Element(self.scope.at, self.next);
        self.next += 1;
        let scope = Scope {
            at: &step,
            ..self.scope
        };
        self.access.next_element_seed(Seed(seed, scope))
    }

    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'t, 'de, A: MapAccess<'de>> Map<'t, 'de, A> {
    fn new(
        access: A,
        scope: Scope<'t, 'de>,
        fields: Option<&'static [&'static str]>,
    ) -> Map<'t, 'de, A> {
        Map {
            access,
            scope,
            fields,
            seen: [""; SEEN],
            given: 0,
            phantoms: None,
            key: Name::None,
            first: None,
            last: Name::None,
            kept_all: true,
            ignored: Strings::default(),
        }
    }

    /// At the object's end: where its first key and its last are, if they have no escapes.
    fn note_keys(&self) {
        let first = match self.first {
            Some(first) => first,
            // `""`: the first key had escapes, and is not kept.
            None if self.given > 0 && !self.seen[0].is_empty() => self.seen[0],
            None => return,
        };
        let (Name::Plain(last) | Name::Refused(last)) = self.last else {
            return;
        };
        if let (Some(first), Some(last)) = (self.quote_of(first), self.quote_of(last)) {
            let all = self.seen.get(..self.given).filter(|_| self.kept_all);
            let mut objects = self.scope.trail.objects.borrow_mut();
            objects.push(first, last, all);
        }
    }

    /// The offset of the quote that opens `key`, a key as written in the text.
    fn quote_of(&self, key: &str) -> Option<usize> {
        offset_in(self.scope.trail.text, key)?.checked_sub(1)
    }

    /// The key of the stand-in `field` (none: the object ends), the value to read next.
    fn key_of_phantom<K: serde::Deserialize<'de>>(
        &mut self,
        field: Option<&'static FieldMeta>,
    ) -> Result<Option<K>, A::Error> {
        let Some(field) = field else {
            return Ok(None);
        };
        self.key = Name::Phantom(field);
        K::deserialize(BorrowedStrDeserializer::new(field.name)).map(Some)
    }

    /// At the end of a struct's object: the stand-ins of the required properties it lacks,
    /// each told; none where the struct's shape is not known, or its first key has escapes
    /// (serde then tells what is missing).
    fn phantoms(&mut self) -> std::vec::IntoIter<&'static FieldMeta> {
        let missing = self.missing().unwrap_or_default();
        if !missing.is_empty() {
            let within = self.scope.at.segments();
            let mut passed = self.scope.trail.passed.borrow_mut();
            passed.missing.extend(missing.iter().map(|&field| Missing {
                field,
                within: within.clone(),
            }));
        }
        missing.into_iter()
    }

    /// The required properties the struct's object lacks; none where too many are required
    /// to tell (serde then tells). Allocates only for what is missing.
    fn missing(&self) -> Option<Vec<&'static FieldMeta>> {
        if self.given >= self.fields?.len() {
            return Some(Vec::new());
        }
        let Shape::Object(meta) = unwrap(self.scope.at.shape(self.scope.trail.root)?) else {
            return None;
        };
        if meta.fields.len() > 64 {
            return None;
        }
        // Bit `k`: field `k` was given.
        let mut given = 0u64;
        let mut mark = |key: &str| {
            if let Some(k) = meta.fields.iter().position(|field| field.name == key) {
                given |= 1 << k;
            }
        };
        match self.seen.get(..self.given) {
            Some(seen) => seen.iter().for_each(|key| mark(key)),
            None if self.seen[0].is_empty() => return None,
            None => each_key(self.scope.trail.text, self.seen[0], mark)?,
        }
        let missing = meta
            .fields
            .iter()
            .enumerate()
            .filter(|&(k, field)| phantom::stands_in_for(field) && given & (1 << k) == 0);
        Some(missing.map(|(_, field)| field).collect())
    }
}

/// Calls `each` on the keys, as written, of the object whose first key is `first`, in
/// `text`, which serde has read.
fn each_key<'de>(text: &'de str, first: &'de str, mut each: impl FnMut(&'de str)) -> Option<()> {
    let bytes = text.as_bytes();
    // At the quote that opens a key.
    let mut at = offset_in(text, first)?.checked_sub(1)?;
    loop {
        let end = string_end(bytes, at);
        each(text.get(at + 1..end.checked_sub(1)?)?);
        let colon = skip_ws(bytes, end);
        let value = skip_ws(bytes, colon + 1);
        let after = skip_ws(bytes, any_value_end(bytes, value));
        if bytes.get(after) != Some(&b',') {
            return Some(());
        }
        at = skip_ws(bytes, after + 1);
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Struct<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map::new(map, self.2, Some(self.1)))
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.key = Name::None;
        self.access
            .next_key_seed(KeySeed(seed, &mut self.key, self.scope))
    }

    /// serde's derive reads a struct's keys here. A key the struct refuses is kept and its
    /// value skipped, and the next key read in its place: the document has a finding there,
    /// which the report tells with the others, and no reason to be read again.
    fn next_key<K: serde::Deserialize<'de>>(&mut self) -> Result<Option<K>, A::Error> {
        if let Some(phantoms) = &mut self.phantoms {
            let next = phantoms.next();
            return self.key_of_phantom(next);
        }
        loop {
            self.key = Name::None;
            let seed = KeySeed(PhantomData::<K>, &mut self.key, self.scope);
            match self.access.next_key_seed(seed) {
                Ok(None) if self.fields.is_some() => {
                    self.note_keys();
                    let mut phantoms = self.phantoms();
                    let first = phantoms.next();
                    self.phantoms = Some(phantoms);
                    return self.key_of_phantom(first);
                }
                Ok(Some(key)) => {
                    self.last = self.key;
                    match (self.seen.get_mut(self.given), self.key) {
                        (Some(slot), Name::Plain(name)) => *slot = name,
                        _ => self.kept_all = false,
                    }
                    self.given += 1;
                    return Ok(Some(key));
                }
                Err(error) => {
                    // Refused twice, the second is a duplicate key: the slow path tells it.
                    let Name::Refused(name) = self.key else {
                        return Err(error);
                    };
                    if !self.ignored.insert(Cow::Borrowed(name)) {
                        return Err(error);
                    }
                    if self.given == 0 && self.first.is_none() {
                        self.first = Some(name);
                    }
                    self.kept_all = false;
                    self.last = self.key;
                    let within = self.scope.at.segments();
                    let mut passed = self.scope.trail.passed.borrow_mut();
                    passed.refused.push(Refused { key: name, within });
                    drop(passed);
                    self.access.next_value::<IgnoredAny>()?;
                }
                key => return key,
            }
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        if let Name::Phantom(field) = self.key {
            return seed.deserialize(Phantom::new((field.shape)()));
        }
        // A value of no size is one serde skips (`IgnoredAny`: a property its struct does not
        // declare), or a unit, which serde's derive would tell as a duplicate itself. Given
        // twice, serde would let it pass; the schema does not.
        if size_of::<T::Value>() == 0 {
            let repeated = match self.key {
                Name::None => false,
                Name::Plain(key) => !self.ignored.insert(Cow::Borrowed(key)),
                Name::Escaped | Name::Refused(_) | Name::Phantom(_) => true,
            };
            if repeated {
                return Err(Fail.into());
            }
        }
        let step = Step::Member(self.scope.at, self.key);
        let scope = Scope {
            at: &step,
            ..self.scope
        };
        self.access.next_value_seed(Seed(seed, scope))
    }

    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, '_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(KeyStrict(deserializer, self.1, self.2))
    }
}

/// Forwards `deserialize_*` methods to [`Strict`]: a key is only kept as a field's name.
macro_rules! forward_to_strict {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            Strict(self.0, self.2).$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyStrict<'_, '_, 'de, D> {
    type Error = D::Error;

    forward_to_strict! {
        deserialize_any(); deserialize_bool(); deserialize_char(); deserialize_unit();
        deserialize_i8(); deserialize_i16(); deserialize_i32(); deserialize_i64();
        deserialize_u8(); deserialize_u16(); deserialize_u32(); deserialize_u64();
        deserialize_i128(); deserialize_u128(); deserialize_f32(); deserialize_f64();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_ignored_any();
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0
            .deserialize_identifier(KeyName(visitor, self.1, self.2))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyName<'_, '_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<V::Value, E> {
        *self.1 = Name::Plain(name);
        let name_slot = self.1;
        Wrap(self.0, self.2)
            .visit_borrowed_str(name)
            .inspect_err(|_| *name_slot = Name::Refused(name))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<V::Value, E> {
        *self.1 = Name::Escaped;
        Wrap(self.0, self.2).visit_str(name)
    }
    // `serde_json` gives a key no other way; any other visit fails by default.
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer, self.1))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for NotNull<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        Err(E::custom("strict: null is not an absent optional"))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Strict(deserializer, self.1))
    }
    // serde_json's `deserialize_option` calls nothing else; other calls fail by default.
}

/// Visits `visitor`'s enum as the unit variant `name`: the one `EnumAccess` type both the
/// strict reading and the stand-ins give an enum's visitor.
pub(crate) fn unit_variant<'de, V: Visitor<'de>, E: de::Error>(
    visitor: V,
    name: &str,
) -> Result<V::Value, E> {
    visitor
        .visit_enum(StrDeserializer::<Fail>::new(name))
        .map_err(Fail::into)
}

impl<'de, V: Visitor<'de>> Visitor<'de> for UnitVariant<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    // A [`UnitVariant`] `EnumAccess`, whose variants can only be unit variants; one type
    // for every string, so that the enum's `visit_enum` is compiled once for it.
    fn visit_str<E: de::Error>(self, value: &str) -> Result<V::Value, E> {
        unit_variant(self.0, value)
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<V::Value, E> {
        unit_variant(self.0, value)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<V::Value, E> {
        unit_variant(self.0, &value)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use serde::Deserialize;

    use super::{Segment, from_str_strict};
    use crate::meta::Shape;

    /// No shape: no stand-in is read for a missing property.
    const ANY: &Shape = &Shape::Any;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Config {
        name: String,
        port: u16,
        ratio: f64,
        enabled: bool,
        region: Region,
        tags: Vec<String>,
        registry: Option<Registry>,
        note: Option<String>,
        mirrors: Vec<Mirror>,
        id: Id,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Registry {
        host: String,
        #[serde(default)]
        insecure: bool,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Mirror {
        url: String,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Id(u32);

    #[derive(Debug, PartialEq, Deserialize)]
    enum Region {
        #[serde(rename = "us-east-1")]
        UsEast1,
        #[serde(rename = "eu-west-1")]
        EuWest1,
    }

    const GOOD: &str = r#"{
        "name": "a\"b\u00e9",
        "port": 443,
        "ratio": 0.5,
        "enabled": true,
        "region": "us-east-1",
        "tags": ["x", "y"],
        "registry": { "host": "registry.example", "unknown": { "k": [null, {"a": 1}] } },
        "mirrors": [{ "url": "https://a.example" }, { "url": "https://b.example" }],
        "id": 7
    } "#;

    /// Both parsers accept `text` (`T` as given by the caller) and agree.
    fn both_accept<T: for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(text: &str) -> T {
        let lenient: T = serde_json::from_str(text).expect("serde_json accepts");
        let (strict, refused): (T, _) = from_str_strict(text, ANY).expect("strict accepts");
        assert_eq!(strict, lenient);
        assert!(refused.is_empty(), "{refused:?}");
        strict
    }

    /// `serde_json` accepts `text`, the strict reading rejects it.
    fn only_lenient_accepts<T: for<'de> Deserialize<'de> + std::fmt::Debug>(text: &str) {
        serde_json::from_str::<T>(text).expect("serde_json accepts");
        from_str_strict::<T>(text, ANY).expect_err("strict rejects");
    }

    #[test]
    fn accepts_a_nested_document_like_serde_json() {
        let config: Config = both_accept(GOOD);
        assert_eq!(config.region, Region::UsEast1);
        assert_eq!(config.name, "a\"b\u{e9}");
        assert_eq!(config.note, None);
        assert_eq!(config.registry.unwrap().host, "registry.example");
        assert_eq!(config.mirrors.len(), 2);
    }

    #[test]
    fn rejects_a_struct_written_as_an_array() {
        only_lenient_accepts::<Mirror>(r#"["https://a.example"]"#);
        only_lenient_accepts::<Registry>(r#"["h", true]"#);
        let nested = GOOD.replace(
            r#"{ "host": "registry.example", "#,
            r#"["h", true], "x": {"#,
        );
        only_lenient_accepts::<Config>(&nested);
    }

    #[test]
    fn rejects_null_for_an_option_and_accepts_it_missing() {
        let registry = r#"{ "host": "registry.example", "unknown": { "k": [null, {"a": 1}] } }"#;
        assert!(GOOD.contains(registry));
        only_lenient_accepts::<Config>(&GOOD.replace(registry, "null"));
        let missing: Config =
            both_accept(&GOOD.replace(&format!(r#""registry": {registry},"#), ""));
        assert_eq!(missing.registry, None);
        only_lenient_accepts::<Config>(&GOOD.replace(r#""id""#, r#""note": null, "id""#));
        let with_note: Config = both_accept(&GOOD.replace(r#""id""#, r#""note": "n", "id""#));
        assert_eq!(with_note.note.as_deref(), Some("n"));
        both_accept::<Option<Mirror>>(r#"{"url": "u"}"#);
        only_lenient_accepts::<Option<Mirror>>("null");
        // Inside `Some`, the value stays strict.
        only_lenient_accepts::<Option<Mirror>>(r#"["u"]"#);
    }

    #[test]
    fn enums_are_strings_only() {
        #[derive(Debug, PartialEq, Deserialize)]
        struct Holder {
            region: Region,
        }
        #[derive(Debug, Deserialize)]
        enum Plain {
            UsEast1,
        }
        #[derive(Debug, Deserialize)]
        enum Data {
            A { _n: u32 },
        }
        let holder: Holder = both_accept(r#"{"region": "eu-west-1"}"#);
        assert_eq!(holder.region, Region::EuWest1);
        // An escaped string is not borrowed: the `visit_str` path.
        both_accept::<Region>(r#""us-east\u002d1""#);
        only_lenient_accepts::<Plain>(r#"{"UsEast1": null}"#);
        from_str_strict::<Region>(r#"{"us-east-1": null}"#, ANY).unwrap_err();
        from_str_strict::<Region>(r#""UsEast1""#, ANY).unwrap_err();
        from_str_strict::<Region>("1", ANY).unwrap_err();
        // A non-unit variant written as a bare string fails in both.
        serde_json::from_str::<Data>(r#""A""#).unwrap_err();
        from_str_strict::<Data>(r#""A""#, ANY).unwrap_err();
    }

    #[test]
    fn rejects_every_map() {
        #[derive(Debug, Deserialize)]
        struct WithMaps {
            #[serde(default, rename = "hash")]
            _hash: HashMap<String, Mirror>,
            #[serde(default, rename = "btree")]
            _btree: BTreeMap<String, u32>,
        }
        only_lenient_accepts::<WithMaps>(r#"{"hash": {}}"#);
        only_lenient_accepts::<WithMaps>(r#"{"hash": {"a": {"url": "u"}}}"#);
        only_lenient_accepts::<WithMaps>(r#"{"btree": {"a": 1, "a": 2}}"#);
        only_lenient_accepts::<HashMap<String, u32>>(r#"{"a": 1}"#);
        // Without the map field in the document, nothing is read as a map.
        from_str_strict::<WithMaps>("{}", ANY).unwrap();
    }

    #[test]
    fn vec_elements_are_strict() {
        let mirrors: Vec<Mirror> = both_accept(r#"[{"url": "a"}, {"url": "b"}]"#);
        assert_eq!(mirrors[1].url, "b");
        only_lenient_accepts::<Vec<Mirror>>(r#"[{"url": "a"}, ["b"]]"#);
        only_lenient_accepts::<Vec<Option<u32>>>("[1, null]");
        both_accept::<Vec<Vec<u32>>>("[[1], [], [2, 3]]");
    }

    #[test]
    fn rejects_trailing_characters() {
        from_str_strict::<Mirror>(r#"{"url": "a"} x"#, ANY).unwrap_err();
        from_str_strict::<Mirror>(r#"{"url": "a"}{}"#, ANY).unwrap_err();
        from_str_strict::<Mirror>(" {\"url\": \"a\"} \n\t", ANY).unwrap();
    }

    #[test]
    fn rejects_duplicate_struct_fields() {
        serde_json::from_str::<Mirror>(r#"{"url": "a", "url": "b"}"#).unwrap_err();
        from_str_strict::<Mirror>(r#"{"url": "a", "url": "b"}"#, ANY).unwrap_err();
    }

    #[test]
    fn unknown_fields_are_skipped_whatever_they_hold() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Closed {
            a: u32,
        }
        #[derive(Debug, Deserialize)]
        struct Outer {
            #[serde(rename = "o")]
            _o: Vec<Closed>,
        }
        both_accept::<Mirror>(r#"{"x": null, "url": "a", "y": {"k": {"k": [null]}}, "z": [[]]}"#);
        // A struct that refuses them does not stop the reading: each key is told, as the
        // text of the document it is, and its value skipped.
        let text = r#"{"b": {"a": [1]}, "a": 1, "c": 2}"#;
        let (closed, passed) = from_str_strict::<Closed>(text, ANY).unwrap();
        let refused = passed.refused;
        assert_eq!(closed.a, 1);
        let keys: Vec<&str> = refused.iter().map(|refused| refused.key).collect();
        assert_eq!(keys, ["b", "c"]);
        // Borrowed from the text: where they are is where they point.
        assert_eq!(keys[0].as_ptr(), text[2..].as_ptr());
        assert_eq!(
            keys[1].as_ptr(),
            text[text.rfind("c\"").unwrap()..].as_ptr()
        );
        assert_eq!(refused[0].within, Some(Vec::new()));
        // Inside members and elements: where the object is, outermost first.
        let text = r#"{"o": [{"a": 1}, {"a": 2, "b": 3}]}"#;
        let refused = from_str_strict::<Outer>(text, ANY).unwrap().1.refused;
        assert_eq!(refused.len(), 1);
        let within = refused[0].within.as_ref().unwrap();
        assert_eq!(within, &[Segment::Key("o"), Segment::Index(1)]);
        assert!(matches!(within[0], Segment::Key(o) if o.as_ptr() == text[2..].as_ptr()));
        let escaped = r#"{"\u006f": [{"a": 2, "b": 3}]}"#;
        let refused = from_str_strict::<Outer>(escaped, ANY).unwrap().1.refused;
        assert_eq!(refused[0].within, None);
        // Refused twice, or with escapes: the slow path tells it.
        from_str_strict::<Closed>(r#"{"a": 1, "b": 2, "b": 3}"#, ANY).unwrap_err();
        from_str_strict::<Closed>(r#"{"a": 1, "\u0062": 2}"#, ANY).unwrap_err();
        // A missing field stops it where no shape says what the struct requires.
        from_str_strict::<Closed>(r#"{"b": 2}"#, ANY).unwrap_err();
    }

    #[test]
    fn a_repeated_key_no_struct_reads_is_rejected() {
        // serde ignores both; the schema's `duplicateKey` does not.
        serde_json::from_str::<Mirror>(r#"{"url": "a", "x": 1, "x": [2]}"#).unwrap();
        from_str_strict::<Mirror>(r#"{"url": "a", "x": 1, "x": [2]}"#, ANY).unwrap_err();
        from_str_strict::<Mirror>(r#"{"x": 1, "url": "a", "x0": 2, "y": {"x": 1}}"#, ANY).unwrap();
        // One with escapes is not kept: ignored, it takes the slow path, which tells.
        from_str_strict::<Mirror>(r#"{"x": 1, "url": "a", "\u0078": 2}"#, ANY).unwrap_err();
        from_str_strict::<Mirror>(r#"{"url": "a", "\u0079": 2}"#, ANY).unwrap_err();
        // Nested, and with many keys (past the few compared directly).
        let many = (0..40).fold(String::new(), |mut many, n| {
            std::fmt::Write::write_fmt(&mut many, format_args!(r#""k{n}": {n}, "#)).unwrap();
            many
        });
        let nested = format!(r#"{{"url": "a", "k": {{{many}"url": "b"}}}}"#);
        from_str_strict::<Mirror>(&nested, ANY).unwrap();
        let text = format!(r#"[{{"url": "a", {many}"k7": 0}}]"#);
        from_str_strict::<Vec<Mirror>>(&text, ANY).unwrap_err();
    }

    #[test]
    fn flatten_does_not_panic() {
        #[derive(Debug, PartialEq, Deserialize)]
        struct Outer {
            name: String,
            #[serde(flatten)]
            inner: Registry,
        }
        let text = r#"{"name": "n", "host": "h", "insecure": true}"#;
        let lenient: Outer = serde_json::from_str(text).unwrap();
        assert!(lenient.inner.insecure);
        // The derive reads a struct with a flattened field as a map: always the slow path.
        from_str_strict::<Outer>(text, ANY).unwrap_err();
        from_str_strict::<Outer>(r#"{"name": null, "host": [1]}"#, ANY).unwrap_err();
        from_str_strict::<Vec<Outer>>(r#"[{"name": "n", "host": "h"}]"#, ANY).unwrap_err();
    }

    #[test]
    fn newtypes_boxes_and_values_pass_through() {
        #[derive(Debug, PartialEq, Deserialize)]
        struct Wrapper(Option<Box<Mirror>>);
        both_accept::<Wrapper>(r#"{"url": "u"}"#);
        only_lenient_accepts::<Wrapper>("null");
        only_lenient_accepts::<Wrapper>(r#"["u"]"#);
        let value: serde_json::Value = both_accept(r#"{"a": [1, null, {"b": "c"}], "d": 1.5}"#);
        assert_eq!(value["a"][2]["b"], "c");
        let (raw, _): (Box<serde_json::value::RawValue>, _) =
            from_str_strict(r#" {"a": [1]} "#, ANY).unwrap();
        assert_eq!(raw.get(), r#"{"a": [1]}"#);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        #[derive(Debug, Deserialize)]
        struct Node {
            #[serde(rename = "c")]
            _c: Vec<Node>,
        }
        let too_deep = |error: serde_json::Error| {
            assert!(
                error.to_string().starts_with("recursion limit exceeded"),
                "{error}"
            );
        };
        let arrays = "[".repeat(5000);
        too_deep(from_str_strict::<serde_json::Value>(&arrays, ANY).unwrap_err());
        too_deep(from_str_strict::<Vec<serde_json::Value>>(&arrays, ANY).unwrap_err());
        from_str_strict::<Node>(&arrays, ANY).unwrap_err(); // an array for a struct
        too_deep(from_str_strict::<Node>(&r#"{"c":["#.repeat(5000), ANY).unwrap_err());
        let balanced = "[".repeat(5000) + &"]".repeat(5000);
        too_deep(from_str_strict::<serde_json::Value>(&balanced, ANY).unwrap_err());
        // Within the limit (127 levels, like `serde_json::Value`), it works.
        let shallow = format!("{}1{}", "[".repeat(127), "]".repeat(127));
        from_str_strict::<serde_json::Value>(&shallow, ANY).unwrap();
    }
}
