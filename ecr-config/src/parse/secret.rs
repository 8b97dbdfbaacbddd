//! Which values of a document are secret: the one rule every reading of a document follows
//! (the shape checker, the locator of the fast path, the salvage of a document that is not
//! JSON), so that a report masks the same values whichever way it was made.
//!
//! A value is secret when it is, or may be meant as, a secret, by the type and nothing else:
//! - the value of a field whose type is [`Secret`](crate::Secret), wherever it sits
//!   (duplicates included: every occurrence of a property is looked at the same way);
//! - the value of an unknown property whose name is a secret field's name, or close to one
//!   (the did-you-mean distance: `secret_kye`, `Secret-Key`), anywhere in the document;
//! - everything inside a value of the wrong type that sits where a secret belongs
//!   (`"secret_key": ["…"]`, `"ci": "…"`): where in it the secret is cannot be known.
//!
//! Values the type does not describe (unknown properties, values of the wrong type elsewhere,
//! [`Shape::Any`]) are looked into for the second rule. An unknown property close to a field
//! that holds secrets (`"cj"` for `"ci"`) is looked at as that field.
//!
//! And a secret's value (a string, or a word that is no JSON literal) is masked wherever else
//! it is written ([`Copies`]): as another property's value, as a key (in the source, and in
//! the messages and pointers of findings; a pointer's all-digit tokens, which may be array
//! indices, are left as they are).
//! Nothing else is secret: a misspelt `region`'s value, `null`, numbers are shown as typed.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{LazyLock, PoisonError, RwLock};

use memchr::memmem::Finder;

use crate::__private::suggest::near_miss;
use crate::meta::{FieldMeta, Shape, StructMeta};

use super::locate::same;
use super::salvage::{Lexer, Token, is_literal, key_text};
use super::strings::Strings;

/// What a value's place in the document says about it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    /// Described by the type: the shape expected there.
    Typed(&'static Shape),
    /// Not described: only a key close to a secret field's name makes a secret here.
    Unknown,
    /// Secret, and so is everything inside.
    Secret,
}

/// A value's JSON type, as far as places go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Json {
    Object,
    Array,
    Scalar,
}

impl Json {
    /// The type of the value whose text starts with `byte`.
    pub(crate) fn of_first_byte(byte: u8) -> Json {
        match byte {
            b'{' => Json::Object,
            b'[' => Json::Array,
            _ => Json::Scalar,
        }
    }
}

/// The secrets of one type: the names of its secret fields and where secrets can sit.
#[derive(Debug)]
pub(crate) struct Secrets {
    /// The names of the fields holding secrets (`Secret`, or lists, maps, options of it),
    /// anywhere in the type.
    names: Vec<&'static str>,
    /// `names`, lowercase.
    lower_names: Vec<String>,
    /// The structs the type reaches, and whether a secret can sit inside each.
    structs: Vec<(&'static StructMeta, bool)>,
    /// For each of `structs`, its properties that can hold a secret.
    holders: Vec<Vec<&'static FieldMeta>>,
    /// Every property name the type declares.
    declared: HashSet<&'static str>,
    /// Whether the type reaches a value it does not describe ([`Shape::Any`]) or a struct that
    /// accepts unknown properties: where, in a document the type reads, a key close to a
    /// secret's name may sit.
    open: bool,
}

impl Secrets {
    /// The secrets of the type whose shape is `root`, worked out once and kept for the life
    /// of the program. A type's shape is a constant promoted to static memory, so its address
    /// names it; the same shape at two addresses is two entries that agree, and two types can
    /// share an address only if their shapes are the same bytes, which make the same secrets.
    pub(crate) fn of(root: &'static Shape) -> &'static Secrets {
        static KNOWN: RwLock<Vec<(usize, &'static Secrets)>> = RwLock::new(Vec::new());
        let key = std::ptr::from_ref(root) as usize;
        let find = |known: &[(usize, &'static Secrets)]| {
            known
                .iter()
                .find(|(shape, _)| *shape == key)
                .map(|(_, secrets)| *secrets)
        };
        if let Some(secrets) = find(&KNOWN.read().unwrap_or_else(PoisonError::into_inner)) {
            return secrets;
        }
        let mut known = KNOWN.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(secrets) = find(&known) {
            return secrets;
        }
        let secrets: &'static Secrets = Box::leak(Box::new(Secrets::work_out(root)));
        known.push((key, secrets));
        secrets
    }

    fn work_out(root: &'static Shape) -> Secrets {
        let mut secrets = Secrets {
            names: Vec::new(),
            lower_names: Vec::new(),
            structs: Vec::new(),
            holders: Vec::new(),
            declared: HashSet::new(),
            open: false,
        };
        secrets.reach(root);
        // Whether a struct holds a secret may depend on itself (recursive types): iterate to
        // the fixed point, from "none does".
        loop {
            let mut changed = false;
            for k in 0..secrets.structs.len() {
                let (meta, holds) = secrets.structs[k];
                if !holds && meta.fields.iter().any(|f| secrets.holds((f.shape)())) {
                    secrets.structs[k].1 = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        secrets.lower_names = secrets.names.iter().map(|n| n.to_lowercase()).collect();
        secrets.holders = secrets
            .structs
            .iter()
            .map(|(meta, _)| {
                let mut holders = Vec::new();
                properties(meta, &mut |field| {
                    if secrets.holds((field.shape)()) {
                        holders.push(field);
                    }
                });
                holders
            })
            .collect();
        secrets
    }

    /// Records the structs, secret names and open places reachable from `shape`.
    fn reach(&mut self, shape: &'static Shape) {
        match shape {
            Shape::Any => self.open = true,
            Shape::Optional(inner)
            | Shape::Sensitive(inner)
            | Shape::Array(inner)
            | Shape::Map(inner) => self.reach(inner()),
            Shape::Object(meta) => {
                if self
                    .structs
                    .iter()
                    .any(|(seen, _)| std::ptr::eq(*seen, *meta))
                {
                    return;
                }
                self.structs.push((meta, false));
                self.open |= !meta.deny_unknown_fields;
                for field in meta.fields {
                    self.declared.insert(field.name);
                    if is_secret_field(field) && !self.names.contains(&field.name) {
                        self.names.push(field.name);
                    }
                    self.reach((field.shape)());
                }
            }
            Shape::Boolean
            | Shape::Integer { .. }
            | Shape::Number
            | Shape::Str
            | Shape::Enum(_) => {}
        }
    }

    /// Whether a secret can sit in a value of `shape` (as typed: a reached struct).
    pub(crate) fn holds(&self, shape: &'static Shape) -> bool {
        match shape {
            Shape::Sensitive(_) => true,
            Shape::Optional(inner) | Shape::Array(inner) | Shape::Map(inner) => self.holds(inner()),
            Shape::Object(meta) => self
                .structs
                .iter()
                .any(|(seen, holds)| *holds && std::ptr::eq(*seen, *meta)),
            _ => false,
        }
    }

    /// Whether the type declares a property named `name` (a name from the schema, which no
    /// document chose).
    pub(crate) fn is_declared(&self, name: &str) -> bool {
        self.declared.contains(name)
    }

    /// Whether an unknown property named `key` may hold a secret: its name is, or is close
    /// to, a secret field's.
    pub(crate) fn is_secret_name(&self, key: &str) -> bool {
        if self.names.is_empty() {
            return false;
        }
        // Case aside too: `SECRET-KEY` is one edit from `secret_key`.
        let lower = if key.chars().any(char::is_uppercase) {
            Cow::Owned(key.to_lowercase())
        } else {
            Cow::Borrowed(key)
        };
        self.names
            .iter()
            .zip(&self.lower_names)
            .any(|(name, lower_name)| {
                name.eq_ignore_ascii_case(key)
                    || near_miss(key, name).is_some()
                    // (The same question again when neither had capitals.)
                    || ((*lower != *key || **lower_name != **name)
                        && near_miss(&lower, lower_name).is_some())
            })
    }

    /// The place of a value at `place` whose JSON type is `json`.
    pub(crate) fn value(&self, place: Place, json: Json) -> Place {
        let Place::Typed(shape) = place else {
            return place;
        };
        match (shape, json) {
            (Shape::Optional(inner), _) => self.value(Place::Typed(inner()), json),
            (Shape::Sensitive(_), _) => Place::Secret,
            (Shape::Any, _) => Place::Unknown,
            (Shape::Object(_) | Shape::Map(_), Json::Object)
            | (Shape::Array(_), Json::Array)
            | (
                Shape::Boolean
                | Shape::Integer { .. }
                | Shape::Number
                | Shape::Str
                | Shape::Enum(_),
                Json::Scalar,
            ) => place,
            // The wrong type: what it holds is not described.
            _ if self.holds(shape) => Place::Secret,
            _ => Place::Unknown,
        }
    }

    /// The place of the member `key` of an object at `parent` (a place [`value`] gave).
    ///
    /// [`value`]: Secrets::value
    pub(crate) fn member(&self, parent: Place, key: &str) -> Place {
        match parent {
            Place::Secret => Place::Secret,
            Place::Typed(Shape::Map(inner)) => Place::Typed(inner()),
            Place::Typed(Shape::Object(meta)) => match field(meta, key) {
                Some(field) => Place::Typed((field.shape)()),
                None => self.unknown(key, Some(meta)),
            },
            Place::Typed(_) | Place::Unknown => self.unknown(key, None),
        }
    }

    /// The place of the declared property `field` of an object at `parent` (a place
    /// [`value`] gave): [`member`] for a key the struct declares.
    ///
    /// [`value`]: Secrets::value
    /// [`member`]: Secrets::member
    pub(crate) fn declared(&self, parent: Place, field: &FieldMeta) -> Place {
        match parent {
            Place::Typed(Shape::Object(_)) => Place::Typed((field.shape)()),
            other => self.member(other, field.name),
        }
    }

    /// The place of an unknown property `key` of an object of `meta` (if described).
    fn unknown(&self, key: &str, meta: Option<&'static StructMeta>) -> Place {
        if self.is_secret_name(key) {
            return Place::Secret;
        }
        // Close to a field that holds secrets (`cj` for `ci`): looked at as that field.
        for field in meta.map(|meta| self.holders(meta)).unwrap_or_default() {
            if field.name.eq_ignore_ascii_case(key) || near_miss(key, field.name).is_some() {
                return Place::Typed((field.shape)());
            }
        }
        Place::Unknown
    }

    /// The properties of `meta` that can hold a secret by the type; none if the type does
    /// not reach `meta`.
    pub(crate) fn holders(&self, meta: &'static StructMeta) -> &[&'static FieldMeta] {
        self.structs
            .iter()
            .position(|(seen, _)| std::ptr::eq(*seen, meta))
            .map_or(&[], |k| &self.holders[k])
    }

    /// Whether, in a document the type has read, the type alone says where the secrets are:
    /// no unknown property named like a secret field can be in it (no struct accepts them,
    /// nothing is left undescribed), or the type has no secret field to be named like.
    pub(crate) fn by_type_alone(&self) -> bool {
        !self.open || self.names.is_empty()
    }

    /// The place of an element of an array at `parent` (a place [`value`] gave).
    ///
    /// [`value`]: Secrets::value
    pub(crate) fn element(parent: Place) -> Place {
        match parent {
            Place::Secret => Place::Secret,
            Place::Typed(Shape::Array(inner)) => Place::Typed(inner()),
            Place::Typed(_) | Place::Unknown => Place::Unknown,
        }
    }

    /// Whether a container at `place` (a place [`value`] gave) must be looked into to find
    /// its secrets: it may hold one by the type, or an unknown property named like one may
    /// be in it. (A secret container is secret whole.)
    ///
    /// [`value`]: Secrets::value
    pub(crate) fn look_inside(&self, place: Place) -> bool {
        match place {
            Place::Secret => false,
            Place::Typed(shape) => self.holds(shape) || !self.names.is_empty(),
            Place::Unknown => !self.names.is_empty(),
        }
    }

    /// Whether a secret may sit in a value at `place` (a place [`value`] gave) by the type:
    /// it is one, or it holds one. (Not counting unknown properties named like one.)
    ///
    /// [`value`]: Secrets::value
    pub(crate) fn holds_by_type(&self, place: Place) -> bool {
        match place {
            Place::Secret => true,
            Place::Typed(shape) => self.holds(shape),
            Place::Unknown => false,
        }
    }

    /// [`look_inside`] for a document serde has read into the type, where an unknown
    /// property can only be in a struct that accepts them.
    ///
    /// [`look_inside`]: Secrets::look_inside
    pub(crate) fn look_inside_read(&self, place: Place) -> bool {
        match place {
            Place::Typed(shape) => self.holds(shape) || (self.open && !self.names.is_empty()),
            other => self.look_inside(other),
        }
    }
}

/// A field that holds secrets itself: `Secret`, or an option, list or map of it.
fn is_secret_field(field: &FieldMeta) -> bool {
    let mut shape = (field.shape)();
    loop {
        match shape {
            Shape::Sensitive(_) => return true,
            Shape::Optional(inner) | Shape::Array(inner) | Shape::Map(inner) => shape = inner(),
            _ => return false,
        }
    }
}

/// The declared property `key` of `meta`, flattened fields' included.
pub(crate) fn field(meta: &'static StructMeta, key: &str) -> Option<&'static FieldMeta> {
    for field in meta.fields {
        if field.flatten {
            if let Shape::Object(inner) = (field.shape)()
                && let Some(found) = self::field(inner, key)
            {
                return Some(found);
            }
        // Names first: a shape is a function call.
        } else if same(field.name.as_bytes(), key.as_bytes()) {
            return Some(field);
        }
    }
    None
}

/// Calls `each` on the declared properties of `meta`, with those of flattened fields in their
/// place.
pub(crate) fn properties(meta: &'static StructMeta, each: &mut impl FnMut(&'static FieldMeta)) {
    for field in meta.fields {
        match (field.flatten, (field.shape)()) {
            (true, Shape::Object(inner)) => properties(inner, each),
            _ => each(field),
        }
    }
}

/// The values of a document's secrets, to find them wherever else they are written: a
/// secret copied into another property's value, or used as a key, is still the secret.
/// Borrowed from the document where they are written as they read.
#[derive(Debug, Default)]
pub(crate) struct Copies<'a> {
    /// Every secret value, decoded.
    exact: Strings<'a>,
    /// The first [`Copies::CONTAINED`] values of [`Copies::LONG`] characters or more, also
    /// looked for inside other strings. (A few: each costs a search of every string.)
    long: Vec<Cow<'a, str>>,
    /// The secrets as written (escapes and all), for a quick look at the text.
    written: Vec<Cow<'a, str>>,
    /// Bit `n % 64` for each secret `n` bytes long: most texts are no secret's length.
    lengths: u64,
    /// The length of the shortest of `long`.
    shortest_long: usize,
    /// The length of the shortest secret.
    shortest: usize,
    /// Whether a secret has a `/`, which JSON also writes `\/`.
    slash: bool,
}

impl<'a> Copies<'a> {
    /// How long a secret is looked for inside longer strings; shorter ones only as a whole
    /// (a one-letter secret is in every word).
    const LONG: usize = 8;
    /// How many secrets are looked for inside longer strings.
    const CONTAINED: usize = 16;
    /// Up to how many secrets' written forms are looked for in the text before it is read
    /// token by token: each is a pass over the text, and a token read costs a few of them.
    const LOOKED_FOR: usize = 2;

    /// The values of the secrets of `input` that are one string or word (a report's secret
    /// spans). What sits in a secret container is not looked for elsewhere: `"us-east-1"` in
    /// `"ci": ["us-east-1", …]` may be the secret, and is surely a region elsewhere.
    pub(crate) fn of(input: &'a [u8], spans: &[Range<usize>]) -> Copies<'a> {
        let mut copies = Copies::default();
        for span in spans {
            let end = span.end.min(input.len());
            let part = &input[span.start.min(end)..end];
            let mut tokens = Lexer::new(part);
            let (Some(lexed), None) = (tokens.next(), tokens.next()) else {
                continue;
            };
            // A string or a word; a number, `true`, `false` or `null` where a secret belongs
            // is not looked for elsewhere (every `0` would go).
            let named = match lexed.token {
                Token::Str => true,
                Token::Word => !is_literal(part),
                _ => false,
            };
            if named && lexed.span.len() == part.len() {
                copies.insert(key_text(part), part);
            }
        }
        copies
    }

    /// The values of secrets that are strings, as the shape checker read them: each value
    /// and its literal (quotes included), in document order.
    pub(crate) fn of_strings(strings: impl IntoIterator<Item = (Cow<'a, str>, &'a [u8])>) -> Self {
        let mut copies = Copies::default();
        for (value, literal) in strings {
            copies.insert(value, literal);
        }
        copies
    }

    /// [`Copies::of`] for `text`, a JSON document: a secret span that starts with a quote is
    /// one string, and the other tokens of JSON (numbers, literals) are not looked for.
    pub(crate) fn of_json(text: &'a str, spans: &[Range<usize>]) -> Copies<'a> {
        Copies::of_strings(spans.iter().filter_map(|span| {
            let token = &text[span.clone()];
            let inner = token.strip_prefix('"')?.strip_suffix('"')?;
            let value = if inner.contains('\\') {
                key_text(token.as_bytes())
            } else {
                Cow::Borrowed(inner)
            };
            Some((value, token.as_bytes()))
        }))
    }

    /// Records the secret `value`, a string or a word written `token`.
    fn insert(&mut self, value: Cow<'a, str>, token: &'a [u8]) {
        if value.is_empty() || self.exact.contains(&value) {
            return;
        }
        if self.written.len() <= Copies::LOOKED_FOR {
            let written = token.strip_prefix(b"\"").unwrap_or(token);
            let written = written.strip_suffix(b"\"").unwrap_or(written);
            // Mostly UTF-8 (a JSON document's token): checked the quick way first.
            let written = std::str::from_utf8(written)
                .map_or_else(|_| String::from_utf8_lossy(written), Cow::Borrowed);
            if written != value {
                self.written.push(value.clone());
            }
            self.written.push(written);
        }
        // At most four bytes a character: a long enough text is counted no further.
        let long = value.len() >= 4 * Copies::LONG || value.chars().count() >= Copies::LONG;
        if self.long.len() < Copies::CONTAINED && long {
            self.long.push(value.clone());
            self.shortest_long = self
                .long
                .iter()
                .map(|long| long.len())
                .min()
                .unwrap_or_default();
        }
        self.lengths |= Copies::length_bit(&value);
        self.slash |= value.contains('/');
        self.shortest = if self.exact.is_empty() {
            value.len()
        } else {
            self.shortest.min(value.len())
        };
        self.exact.insert(value);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// Whether `text` (a string's value, a word, a key) holds a secret's value.
    pub(crate) fn holds(&self, text: &str) -> bool {
        !text.is_empty()
            && ((self.lengths & Copies::length_bit(text) != 0 && self.exact.contains(text))
                || (text.len() > self.shortest_long
                    && self.long.iter().any(|secret| {
                        text.len() > secret.len()
                            && occurs(text.as_bytes(), secret.as_bytes(), |_| true)
                    })))
    }

    fn length_bit(text: &str) -> u64 {
        1 << (text.len() % 64)
    }

    /// [`Copies::spans`] for a document that is JSON, where `tokens` are the spans of every
    /// string, key, number and literal of `text`: only those are looked at.
    pub(crate) fn among(
        &self,
        text: &str,
        spans: &[Range<usize>],
        tokens: impl IntoIterator<Item = Range<usize>>,
    ) -> Vec<Range<usize>> {
        if self.exact.is_empty() || !self.may_be_copied(text.as_bytes(), spans) {
            return Vec::new();
        }
        tokens
            .into_iter()
            .filter(|span| {
                let token = &text[span.clone()];
                // A string's value is at most as long as its body.
                if token.len() < self.shortest {
                    return false;
                }
                match token.strip_prefix('"') {
                    Some(quoted) => {
                        let inner = quoted.strip_suffix('"').unwrap_or(quoted);
                        if inner.contains('\\') {
                            self.holds(&key_text(token.as_bytes()))
                        } else {
                            self.holds(inner)
                        }
                    }
                    None => self.holds(token),
                }
            })
            .collect()
    }

    /// The strings and words of `input` outside `spans` (the secret spans, sorted) that hold
    /// a secret's value, keys included.
    pub(crate) fn spans(&self, input: &[u8], spans: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if self.exact.is_empty() || !self.may_be_copied(input, spans) {
            return found;
        }
        let mut lexer = Lexer::new(input);
        while let Some(lexed) = lexer.next() {
            if matches!(lexed.token, Token::Str | Token::Word)
                && self.holds(&key_text(&input[lexed.span.clone()]))
            {
                found.push(lexed.span);
            }
        }
        found
    }

    /// Whether a secret may be written outside `spans`: one secret is looked for in the text
    /// as written and as decoded; a copy spelt with other escapes has a `\u` outside, or a
    /// `\/` where the secret has a `/` (the only other character JSON lets be written two
    /// ways). With more secrets, every token is read.
    fn may_be_copied(&self, input: &[u8], spans: &[Range<usize>]) -> bool {
        // Set up once, for every document: a search set up for two bytes costs more than it
        // finds.
        static ESCAPE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\\u"));
        static SLASH: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\\/"));
        if self.written.len() > Copies::LOOKED_FOR {
            return true;
        }
        let outside = |at: usize| {
            let k = spans.partition_point(|span| span.end <= at);
            spans.get(k).is_none_or(|span| span.start > at)
        };
        self.written
            .iter()
            .any(|needle| occurs(input, needle.as_bytes(), outside))
            || ESCAPE.find_iter(input).any(outside)
            || (self.slash && SLASH.find_iter(input).any(outside))
    }
}

/// Whether `needle` occurs in `text` at an offset `at` that is `wanted`.
fn occurs(text: &[u8], needle: &[u8], wanted: impl Fn(usize) -> bool) -> bool {
    /// Up to this length, the occurrences of the first byte are compared directly (at most
    /// this many bytes an offset): setting up a substring search costs more.
    const SHORT: usize = 64;
    match needle.split_first() {
        None => false,
        Some((&first, rest)) if needle.len() <= SHORT => memchr::memchr_iter(first, text)
            .any(|at| text[at + 1..].starts_with(rest) && wanted(at)),
        Some(_) => memchr::memmem::find_iter(text, needle).any(wanted),
    }
}
