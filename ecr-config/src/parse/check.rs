//! Checks a document against a type's [`Shape`] in one pass over its text, collecting every
//! finding with where it is, and the spans of the secrets.
//!
//! The pass reads the text as JSON itself, builds nothing, and allocates only for what it
//! reports (and for a string with escapes, decoded by `serde_json`), so a document with a
//! mistake costs about what reading it costs. It is exact where the text is JSON; where it
//! is not, it stops ([`Stop`]) and `serde_json`, the parser of record, says why.
//!
//! The constraint checks are the very functions the derived `validate` calls, and the
//! patterns the very matchers, so the two paths cannot word or decide anything differently.

use std::borrow::Cow;
use std::ops::Range;

use crate::__private::compile_time::OUT_OF_RANGE;
use crate::__private::suggest::closest;
use crate::error::{Detail, Keyword, Number, ValidationError};
use crate::meta::{EnumMeta, FieldMeta, Rule, Shape, StructMeta};
use crate::rules::{
    constant, format, len, media_type, multiple_of, pattern, range, requires, unique,
};
use crate::{FieldPath, ValidationErrors};

use super::reader::{Key, Reader, Stop};
use super::secret::{Json, Place, Secrets, properties};
use super::strings::Strings;
use super::syntax::{MAX_DEPTH, SyntaxError};

/// A finding and the bytes of the document it is about.
#[derive(Debug)]
pub(crate) struct Located {
    pub(crate) error: ValidationError,
    pub(crate) span: Range<usize>,
}

/// What a value read turned out to be, as far as the rules go.
enum Read<'a> {
    Null,
    Bool,
    /// The number as written.
    Number(&'a str),
    Str(Cow<'a, str>),
    /// An array of this many items.
    Array(usize),
    /// An object of this many members (duplicates included).
    Object(usize),
}

impl Read<'_> {
    /// The JSON type, as a message names it.
    fn type_name(&self) -> &'static str {
        match self {
            Read::Null => "null",
            Read::Bool => "a boolean",
            Read::Number(_) => "a number",
            Read::Str(_) => "a string",
            Read::Array(_) => "an array",
            Read::Object(_) => "an object",
        }
    }
}

/// What the shape checker found in a document.
pub(crate) struct Checked<'a> {
    pub(crate) findings: Vec<Located>,
    /// The spans of the secret values.
    pub(crate) secrets: Vec<Range<usize>>,
    /// The values of those that are strings, decoded, and their spans.
    pub(crate) secret_strings: Vec<(Cow<'a, str>, Range<usize>)>,
    /// The span of every key and scalar.
    pub(crate) tokens: Vec<Range<usize>>,
}

/// The findings and secrets of `text` against `root`, or where the text stops being JSON.
pub(crate) fn check<'a>(text: &'a str, root: &'static Shape) -> Result<Checked<'a>, Stop> {
    let mut checker = Checker {
        reader: Reader::new(text),
        secrets: Secrets::of(root),
        findings: Vec::new(),
        secret_spans: Vec::new(),
        secret_strings: Vec::new(),
        // About one token in 16 bytes of a config; grown past that.
        tokens: Vec::with_capacity(text.len() / 16),
        inner: None,
        items: Vec::new(),
    };
    checker.value(Some(root), Some(Place::Typed(root)), &FieldPath::ROOT, 0)?;
    checker.reader.end()?;
    Ok(Checked {
        findings: checker.findings,
        secrets: checker.secret_spans,
        secret_strings: checker.secret_strings,
        tokens: checker.tokens,
    })
}

struct Checker<'a> {
    reader: Reader<'a>,
    secrets: &'static Secrets,
    findings: Vec<Located>,
    secret_spans: Vec<Range<usize>>,
    /// The secrets that are strings, decoded, and their spans.
    secret_strings: Vec<(Cow<'a, str>, Range<usize>)>,
    /// The span of every key and scalar, where a secret's value may be copied.
    tokens: Vec<Range<usize>>,
    /// What the field being read asks of its items.
    inner: Option<Inner>,
    /// The spans of its items, for `#[unique]`.
    items: Vec<Range<usize>>,
}

/// What a field's rules ask of the items of the list or map it holds, at `depth`.
#[derive(Clone, Copy)]
struct Inner {
    depth: usize,
    /// `#[unique]`: the items' spans are kept.
    unique: bool,
    /// `#[each]`'s rules.
    each: &'static [Rule],
    /// `#[keys]`'s rules.
    keys: &'static [Rule],
}

impl Inner {
    /// What `rules` ask of the items at `depth`, if anything.
    fn of(rules: &'static [Rule], depth: usize) -> Option<Inner> {
        let mut inner = Inner {
            depth,
            unique: false,
            each: &[],
            keys: &[],
        };
        for rule in rules {
            match *rule {
                Rule::Unique { .. } => inner.unique = true,
                Rule::Each { rules } => inner.each = rules,
                Rule::Keys { rules } => inner.keys = rules,
                _ => {}
            }
        }
        (inner.unique || !inner.each.is_empty() || !inner.keys.is_empty()).then_some(inner)
    }
}

fn expected(shape: &Shape) -> &'static str {
    match shape {
        Shape::Boolean => "a boolean",
        Shape::Integer { .. } => "an integer",
        Shape::Number => "a number",
        Shape::Str | Shape::Enum(_) => "a string",
        Shape::Array(_) => "an array",
        Shape::Map(_) | Shape::Object(_) => "an object",
        Shape::Optional(inner) | Shape::Sensitive(inner) => expected(inner()),
        Shape::Any => "any value",
    }
}

/// The shape a value is checked against: JSON Schema has no "optional" type (`null` is a
/// value of the wrong type), and a secret is checked like its value.
pub(crate) fn unwrap(mut shape: &'static Shape) -> &'static Shape {
    while let Shape::Optional(inner) | Shape::Sensitive(inner) = shape {
        shape = inner();
    }
    shape
}

impl<'a> Checker<'a> {
    /// Out of line: a finding is rare, and [`Checker::verdict`], called for every value,
    /// stays small without it.
    #[cold]
    #[inline(never)]
    fn push(&mut self, span: Range<usize>, path: &FieldPath<'_>, keyword: Keyword, detail: Detail) {
        self.findings.push(Located {
            error: ValidationError::at(path, keyword, detail),
            span,
        });
    }

    /// Reads the value at the cursor (after white space) and checks it against `shape` (none:
    /// not described, nothing to check), collecting its secrets from `place` (none: none can
    /// be in it). `true` when its type is right and its number in range, so that the field's
    /// rules apply; and where the value starts.
    fn value(
        &mut self,
        shape: Option<&'static Shape>,
        place: Option<Place>,
        path: &FieldPath<'_>,
        depth: usize,
    ) -> Result<(Read<'a>, bool, usize), Stop> {
        let first = self.reader.peek()?;
        let start = self.reader.at;
        let place = place.map(|place| self.secrets.value(place, Json::of_first_byte(first)));
        // Inside a secret, nothing more is: it is masked whole.
        let inner_place = match place {
            Some(Place::Secret) => None,
            Some(place) if first == b'{' || first == b'[' => {
                self.secrets.look_inside(place).then_some(place)
            }
            other => other,
        };
        let shape = shape.map(unwrap);
        let read = match first {
            b'{' | b'[' if depth == MAX_DEPTH => {
                return Err(Stop::Syntax(SyntaxError {
                    message: format!("nesting deeper than {MAX_DEPTH} levels"),
                    offset: start,
                }));
            }
            b'{' => {
                let members = match shape {
                    Some(Shape::Object(meta)) => self.object(meta, inner_place, path, depth)?,
                    Some(Shape::Map(value)) => self.map(value(), inner_place, path, depth)?,
                    _ => self.skip_object(inner_place, depth)?,
                };
                Read::Object(members)
            }
            b'[' => {
                let item = match shape {
                    Some(Shape::Array(item)) => Some(item()),
                    _ => None,
                };
                Read::Array(self.array(item, inner_place, path, depth)?)
            }
            b'"' => Read::Str(self.reader.string()?),
            b't' => self.reader.literal(b"true").map(|()| Read::Bool)?,
            b'f' => self.reader.literal(b"false").map(|()| Read::Bool)?,
            b'n' => self.reader.literal(b"null").map(|()| Read::Null)?,
            _ => Read::Number(self.reader.number()?),
        };
        let span = start..self.reader.at;
        if !matches!(read, Read::Array(_) | Read::Object(_)) {
            self.tokens.push(span.clone());
        }
        if let Some(Place::Secret) = place {
            if let Read::Str(value) = &read {
                self.secret_strings.push((value.clone(), span.clone()));
            }
            self.secret_spans.push(span.clone());
        }
        let ok = match shape {
            Some(shape) => self.verdict(shape, &read, span, path),
            None => false,
        };
        Ok((read, ok, start))
    }

    /// Whether `read` (at `span`) has `shape`'s type, reporting it if not, and the checks a
    /// type makes by itself: an enum's names, an integer type's range, a float's.
    fn verdict(
        &mut self,
        shape: &'static Shape,
        read: &Read<'_>,
        span: Range<usize>,
        path: &FieldPath<'_>,
    ) -> bool {
        match (shape, read) {
            (Shape::Any, _)
            | (Shape::Boolean, Read::Bool)
            | (Shape::Str, Read::Str(_))
            | (Shape::Array(_), Read::Array(_))
            | (Shape::Map(_) | Shape::Object(_), Read::Object(_)) => true,
            // serde_json reads no number beyond `f64`'s range (`1e400`) into a float.
            (Shape::Number, Read::Number(raw)) => {
                if raw.parse::<f64>().is_ok_and(f64::is_finite) {
                    return true;
                }
                let detail = Detail::Type {
                    expected: expected(shape),
                    found: OUT_OF_RANGE,
                };
                self.push(span, path, Keyword::Type, detail);
                false
            }
            (Shape::Integer { min, max }, Read::Number(raw)) => {
                self.integer(span, raw, *min, *max, path)
            }
            (Shape::Enum(meta), Read::Str(value)) => {
                self.variant(span, value, meta, path);
                true
            }
            _ => {
                let detail = Detail::Type {
                    expected: expected(shape),
                    found: read.type_name(),
                };
                self.push(span, path, Keyword::Type, detail);
                false
            }
        }
    }

    fn integer(
        &mut self,
        span: Range<usize>,
        raw: &str,
        min: i128,
        max: i128,
        path: &FieldPath<'_>,
    ) -> bool {
        // serde reads `1.0` or `1e2` into no integer type, so neither is an integer here; nor
        // `-0`, which serde_json reads as the float `-0.0`.
        if raw.contains(['.', 'e', 'E']) || raw == "-0" {
            let detail = Detail::Type {
                expected: expected(&Shape::Integer { min, max }),
                found: "a number",
            };
            self.push(span, path, Keyword::Type, detail);
            return false;
        }
        let (keyword, found) = match raw.parse::<i128>() {
            Ok(n) if n < min => (Keyword::Minimum, Number::Int(n)),
            Ok(n) if n > max => (Keyword::Maximum, Number::Int(n)),
            Ok(_) => return true,
            // Beyond i128: far outside any Rust integer type.
            #[allow(clippy::cast_precision_loss)]
            Err(_) => {
                let found = raw.parse::<f64>().unwrap_or(f64::INFINITY);
                let keyword = if raw.starts_with('-') {
                    Keyword::Minimum
                } else {
                    Keyword::Maximum
                };
                (keyword, Number::Float(found))
            }
        };
        let bound = Number::Int(if matches!(keyword, Keyword::Minimum) {
            min
        } else {
            max
        });
        let detail = Detail::Range { bound, found };
        self.push(span, path, keyword, detail);
        false
    }

    fn variant(&mut self, span: Range<usize>, value: &str, meta: &EnumMeta, path: &FieldPath<'_>) {
        if meta.names.contains(&value) {
            return;
        }
        let detail = Detail::Enum {
            allowed: meta.names,
            suggestion: closest(value, meta.names),
        };
        self.push(span, path, Keyword::Enum, detail);
    }

    /// Reports the member `key` (its string at `span`) as a duplicate of an earlier one.
    fn duplicate(&mut self, key: &str, span: Range<usize>, path: &FieldPath<'_>) {
        let detail = Detail::DuplicateKey {
            property: key.to_owned(),
        };
        self.push(span, &path.key(key), Keyword::DuplicateKey, detail);
    }

    /// The next member's key ([`Reader::key`]), its span kept among the tokens.
    fn key(&mut self, first: bool) -> Result<Option<Key<'a>>, Stop> {
        let key = self.reader.key(first)?;
        if let Some((_, span)) = &key {
            self.tokens.push(span.clone());
        }
        Ok(key)
    }

    /// The object of a struct at the cursor; returns its number of members.
    fn object(
        &mut self,
        meta: &'static StructMeta,
        place: Option<Place>,
        path: &FieldPath<'_>,
        depth: usize,
    ) -> Result<usize, Stop> {
        let start = self.reader.at;
        self.reader.at += 1;
        let fields = Fields::of(meta);
        let mut given = Given::new(fields.len());
        // The keys given that the struct does not declare, to tell their duplicates.
        let mut others = Strings::default();
        let mut count = 0;
        // The fields given that require others, and where their keys are.
        let mut dependents = Vec::new();
        while let Some((key, key_span)) = self.key(count == 0)? {
            count += 1;
            if let Some(k) = fields.position(&key) {
                let field = fields.get(k);
                let member_place = place.map(|place| self.secrets.declared(place, field));
                if given.insert(k) {
                    // Reported, and its value checked like the first's.
                    self.duplicate(&key, key_span.clone(), path);
                } else if field
                    .rules
                    .iter()
                    .any(|rule| matches!(rule, Rule::Requires { .. }))
                {
                    dependents.push((field, key_span));
                }
                self.field(field, member_place, &path.key(field.name), depth)?;
            } else {
                let member_place = place.map(|place| self.secrets.member(place, &key));
                if !others.insert(key.clone()) {
                    self.duplicate(&key, key_span, path);
                } else if meta.deny_unknown_fields {
                    self.findings.push(Located {
                        error: unknown_property(path.key(&key).to_pointer(), &key, meta),
                        span: key_span,
                    });
                }
                self.value(None, member_place, &path.key(&key), depth + 1)?;
            }
            if !self.reader.next(b'}')? {
                break;
            }
        }
        for k in 0..fields.len() {
            let field = fields.get(k);
            if field.required && !given.contains(k) {
                // Pointed at the object's opening brace: where the property belongs.
                self.push(
                    start..start + 1,
                    &path.key(field.name),
                    Keyword::Required,
                    Detail::Required,
                );
            }
        }
        if !dependents.is_empty() {
            self.dependents(&dependents, &fields, &given, path);
        }
        Ok(count)
    }

    /// `#[requires]` of the fields given (`dependents`, with their keys' spans): each
    /// property required and not given is a finding at the key.
    #[inline(never)]
    fn dependents(
        &mut self,
        dependents: &[(&'static FieldMeta, Range<usize>)],
        fields: &Fields,
        given: &Given,
        path: &FieldPath<'_>,
    ) {
        for (field, key_span) in dependents {
            let mut errors = ValidationErrors::new();
            for rule in field.rules {
                let &Rule::Requires {
                    properties,
                    message,
                } = rule
                else {
                    continue;
                };
                for &property in properties {
                    // A required property missing is that property's finding (`required`).
                    let missing = fields
                        .position(property)
                        .is_some_and(|k| !given.contains(k) && !fields.get(k).required);
                    if missing {
                        requires::failed(property, message, &path.key(field.name), &mut errors);
                    }
                }
            }
            self.findings
                .extend(errors.into_iter().map(|error| Located {
                    error,
                    span: key_span.clone(),
                }));
        }
    }

    /// A declared field's value at the cursor, its type and then its rules.
    fn field(
        &mut self,
        field: &FieldMeta,
        place: Option<Place>,
        path: &FieldPath<'_>,
        depth: usize,
    ) -> Result<(), Stop> {
        if field.rules.is_empty() {
            self.value(Some((field.shape)()), place, path, depth + 1)?;
            return Ok(());
        }
        // Only a list or a map has items for `#[unique]`, `#[each]` and `#[keys]`.
        let container = matches!(self.reader.peek()?, b'[' | b'{');
        let inner = if container {
            Inner::of(field.rules, depth + 1)
        } else {
            None
        };
        let outer =
            inner.map(|inner| (self.inner.replace(inner), core::mem::take(&mut self.items)));
        let (read, ok, start) = self.value(Some((field.shape)()), place, path, depth + 1)?;
        if let Some((outer, items)) = outer {
            self.inner = outer;
            let items = core::mem::replace(&mut self.items, items);
            let unique = field.rules.iter().find_map(|rule| match *rule {
                Rule::Unique { message } => Some(message),
                _ => None,
            });
            if let (true, Some(message)) = (ok, unique) {
                self.unique(&items, message, path);
            }
        }
        if ok {
            self.rules(field.rules, &read, path, start..self.reader.at, false);
        }
        Ok(())
    }

    /// `rules` on the value read at `span` (`read`) at `path`; a map's key's with `key`.
    fn rules(
        &mut self,
        rules: &[Rule],
        read: &Read<'_>,
        path: &FieldPath<'_>,
        span: Range<usize>,
        key: bool,
    ) {
        let mut errors = ValidationErrors::new();
        for rule in rules {
            rule_check(rule, read, path, &mut errors);
        }
        if !errors.is_empty() {
            if key {
                errors.keys_from(0);
            }
            self.findings
                .extend(errors.into_iter().map(|error| Located {
                    error,
                    span: span.clone(),
                }));
        }
    }

    /// The object of a map at the cursor: every member's value checked against `value`.
    fn map(
        &mut self,
        value: &'static Shape,
        place: Option<Place>,
        path: &FieldPath<'_>,
        depth: usize,
    ) -> Result<usize, Stop> {
        self.reader.at += 1;
        let inner = self.inner.filter(|inner| inner.depth == depth);
        let mut keys = Strings::default();
        let mut count = 0;
        while let Some((key, key_span)) = self.key(count == 0)? {
            count += 1;
            let member_place = place.map(|place| self.secrets.member(place, &key));
            // A duplicate is reported, and its value checked like the first's.
            if !keys.insert(key.clone()) {
                self.duplicate(&key, key_span.clone(), path);
            }
            let at = path.key(&key);
            if let Some(inner) = inner {
                let read = Read::Str(key.clone());
                self.rules(inner.keys, &read, &at, key_span.clone(), true);
            }
            let (read, ok, start) = self.value(Some(value), member_place, &at, depth + 1)?;
            if let Some(inner) = inner
                && ok
            {
                self.rules(inner.each, &read, &at, start..self.reader.at, false);
            }
            if !self.reader.next(b'}')? {
                break;
            }
        }
        Ok(count)
    }

    /// An object nothing describes: only its secrets are looked for.
    fn skip_object(&mut self, place: Option<Place>, depth: usize) -> Result<usize, Stop> {
        self.reader.at += 1;
        let mut count = 0;
        while let Some((key, _)) = self.key(count == 0)? {
            count += 1;
            let member_place = place.map(|place| self.secrets.member(place, &key));
            self.value(None, member_place, &FieldPath::ROOT, depth + 1)?;
            if !self.reader.next(b'}')? {
                break;
            }
        }
        Ok(count)
    }

    /// `#[unique]` on the items at `items`: each read as `serde_json` reads it, and compared as
    /// `validate` compares them.
    #[cold]
    #[inline(never)]
    fn unique(
        &mut self,
        items: &[Range<usize>],
        message: Option<&'static str>,
        path: &FieldPath<'_>,
    ) {
        let text = self.reader.text;
        let keys = items.iter().map(|span| {
            let value = serde_json::from_str::<serde_json::Value>(text.get(span.clone())?).ok()?;
            Some(unique::canonical(&value))
        });
        let mut errors = ValidationErrors::new();
        let mut spans = Vec::new();
        unique::repeats(keys, |later, first| {
            unique::failed(later, first, message, path, &mut errors);
            spans.push(items[later].clone());
        });
        self.findings.extend(
            errors
                .into_iter()
                .zip(spans)
                .map(|(error, span)| Located { error, span }),
        );
    }

    /// The array at the cursor, each item checked against `item` (if described).
    fn array(
        &mut self,
        item: Option<&'static Shape>,
        place: Option<Place>,
        path: &FieldPath<'_>,
        depth: usize,
    ) -> Result<usize, Stop> {
        if !self.reader.open_array() {
            return Ok(0);
        }
        let place = place.map(Secrets::element);
        let inner = self.inner.filter(|inner| inner.depth == depth);
        let mut count = 0;
        loop {
            let at = path.index(count);
            let (read, ok, start) = self.value(item, place, &at, depth + 1)?;
            if let Some(inner) = inner {
                if inner.unique {
                    self.items.push(start..self.reader.at);
                }
                if ok {
                    self.rules(inner.each, &read, &at, start..self.reader.at, false);
                }
            }
            count += 1;
            if !self.reader.next(b']')? {
                return Ok(count);
            }
        }
    }
}

/// The finding of the property `key` (at `pointer`) that `meta` does not declare and
/// refuses, with the declared name it is closest to.
pub(crate) fn unknown_property(
    pointer: String,
    key: &str,
    meta: &'static StructMeta,
) -> ValidationError {
    let names = Fields::of(meta).names();
    let detail = Detail::AdditionalProperty {
        property: key.to_owned(),
        suggestion: closest(key, &names),
    };
    ValidationError::new(pointer, Keyword::AdditionalProperties, detail)
}

/// The declared properties of a struct, flattened fields' in their place.
enum Fields {
    /// No field is flattened: the struct's own.
    Direct(&'static [FieldMeta]),
    Flattened(Vec<&'static FieldMeta>),
}

impl Fields {
    fn of(meta: &'static StructMeta) -> Fields {
        if meta.fields.iter().all(|field| !field.flatten) {
            return Fields::Direct(meta.fields);
        }
        let mut fields = Vec::new();
        properties(meta, &mut |field| fields.push(field));
        Fields::Flattened(fields)
    }

    fn len(&self) -> usize {
        match self {
            Fields::Direct(fields) => fields.len(),
            Fields::Flattened(fields) => fields.len(),
        }
    }

    fn get(&self, k: usize) -> &'static FieldMeta {
        match self {
            Fields::Direct(fields) => &fields[k],
            Fields::Flattened(fields) => fields[k],
        }
    }

    fn position(&self, key: &str) -> Option<usize> {
        match self {
            Fields::Direct(fields) => fields.iter().position(|field| field.name == key),
            Fields::Flattened(fields) => fields.iter().position(|field| field.name == key),
        }
    }

    /// The names, for a did-you-mean.
    fn names(&self) -> Vec<&'static str> {
        (0..self.len()).map(|k| self.get(k).name).collect()
    }
}

/// Which declared properties an object has given so far.
enum Given {
    Few(u64),
    Many(Vec<bool>),
}

impl Given {
    fn new(fields: usize) -> Given {
        if fields <= 64 {
            Given::Few(0)
        } else {
            Given::Many(vec![false; fields])
        }
    }

    /// Records property `k`; `true` if it was given before.
    fn insert(&mut self, k: usize) -> bool {
        match self {
            Given::Few(bits) => {
                let before = *bits & (1 << k) != 0;
                *bits |= 1 << k;
                before
            }
            Given::Many(given) => std::mem::replace(&mut given[k], true),
        }
    }

    fn contains(&self, k: usize) -> bool {
        match self {
            Given::Few(bits) => *bits & (1 << k) != 0,
            Given::Many(given) => given[k],
        }
    }
}

/// One rule on a value whose type is right; the same checks the derived `validate` runs.
fn rule_check(rule: &Rule, read: &Read<'_>, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
    let text = match read {
        Read::Str(text) => Some(&**text),
        _ => None,
    };
    match *rule {
        Rule::Length { min, max, message } => {
            let measure = match read {
                Read::Str(text) => len::Measure::Chars(text),
                Read::Array(items) => len::Measure::Items(*items),
                Read::Object(members) => len::Measure::Properties(*members),
                _ => len::Measure::Absent,
            };
            let (min, max) = (min.unwrap_or(0), max.unwrap_or(usize::MAX));
            len::check(measure, min, max, message, path, errors);
        }
        Rule::Pattern {
            pattern,
            is_match,
            message,
        } => {
            if let Some(text) = text
                && !is_match(text)
            {
                pattern::failed(pattern, message, path, errors);
            }
        }
        Rule::Range {
            ref bounds,
            message,
        } => {
            if let Read::Number(raw) = *read {
                let number = raw
                    .parse::<i128>()
                    .map(Number::Int)
                    .or_else(|_| raw.parse::<f64>().map(Number::Float))
                    .ok();
                range::check(number, bounds, message, path, errors);
            }
        }
        Rule::MultipleOf {
            ref divisor,
            message,
        } => {
            if let Read::Number(raw) = *read {
                multiple_of::check_text(raw, divisor, message, path, errors);
            }
        }
        // The object's rule, checked with its members (`Checker::object`), and the items'
        // rules, checked with the items (`Checker::array`, `Checker::map`).
        Rule::Requires { .. } | Rule::Unique { .. } | Rule::Each { .. } | Rule::Keys { .. } => {}
        Rule::Const { value, message } => constant::check(text, value, message, path, errors),
        Rule::Format { format, message } => format::check(text, format, message, path, errors),
        Rule::ContentMediaType { message, .. } => media_type::check(text, message, path, errors),
    }
}
