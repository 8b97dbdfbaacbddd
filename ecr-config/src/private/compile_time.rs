//! Checking a config known at compile time: a JSON document embedded by `include_config!`
//! (or a literal written in Rust) against a type's declarations, in `const` evaluation, so a
//! config that breaks a constraint fails `cargo build`.
//!
//! `const fn`s cannot call through `fn` pointers, so [`Shape`](crate::Shape) (which reaches
//! nested shapes and compiled matchers through them) is not usable here. The derive emits the
//! same declarations a second time as plain data, [`ConstShape`], with each pattern's DFA as
//! tables; the checker below walks that data exactly as the runtime checker walks a parsed
//! document (`parse/check.rs`), and writes each finding as the runtime prints it:
//! `LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`. A test runs both on the same documents and
//! compares the text.
//!
//! Types that contain themselves (`struct Tree { children: Vec<Tree> }`) have no
//! [`ConstShape`]: as data it would be infinite. Using one at compile time is a
//! "cycle detected" error.
//!
//! Every function here is `#[inline]`: they run in `const` evaluation, never at run time (tests
//! aside), and an inline function is compiled only where it is called at run time, so none of
//! them is compiled into this crate, which every user builds.

use crate::error::Keyword;
use crate::meta::Shape;
use crate::path::FieldPath;

use super::dfa::Dfa;
use super::json::check_json_text;
use super::length::{chars_within, count_chars};
use super::suggest::closest;

// ---------------------------------------------------------------------------------------------
// The document

/// A JSON value known at compile time, with where it starts in its file.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// 1-based line of the value's first character.
    pub line: u32,
    /// 1-based column of that character, in characters.
    pub column: u32,
    /// The value.
    pub value: Json,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, Copy)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(JsonNumber),
    /// A string, escapes decoded.
    Str(&'static str),
    /// An array.
    Array(&'static [Node]),
    /// An object; keys are unique (the macro reports duplicates itself and keeps the first).
    Object(&'static [Member]),
    /// In a Rust literal, a path (`Region::UsEast1`): its last segment. A variant where an
    /// enum is expected; anywhere else a name whose value only the compiler knows.
    Path(&'static str),
}

/// A property of an object.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    /// The key, escapes decoded.
    pub key: &'static str,
    /// 1-based line of the key's opening quote.
    pub line: u32,
    /// 1-based column of that quote, in characters.
    pub column: u32,
    /// The value.
    pub value: Node,
}

/// A JSON number, read at expansion time the way the runtime reads it.
#[derive(Debug, Clone, Copy)]
pub struct JsonNumber {
    /// The number as written.
    pub text: &'static str,
    /// `text` as an `i128`, if it is one (`1.0` and `1e2` are not).
    pub int: Option<i128>,
    /// How the runtime prints `text` read as an `f64` (`1e2` prints `100`).
    pub float: &'static str,
    /// `text` read as an `f64`.
    pub float_value: f64,
}

// ---------------------------------------------------------------------------------------------
// The declarations

/// A type's declarations as data: [`Shape`](crate::Shape) without `fn` pointers.
#[derive(Debug, Clone, Copy)]
pub enum ConstShape {
    /// Not described: any value.
    Any,
    /// `true` or `false`.
    Boolean,
    /// A whole number within the Rust type's range.
    Integer {
        /// The smallest value the type holds.
        min: i128,
        /// The largest value the type holds.
        max: i128,
    },
    /// Any number.
    Number,
    /// A string.
    Str,
    /// A secret: the inner shape.
    Sensitive(&'static ConstShape),
    /// An optional property.
    Optional(&'static ConstShape),
    /// An array.
    Array(&'static ConstShape),
    /// An object with arbitrary keys.
    Map(&'static ConstShape),
    /// A struct.
    Object(&'static ConstStruct),
    /// A unit-only enum.
    Enum(&'static ConstEnum),
}

impl ConstShape {
    /// The data form of a shape without nested shapes; anything else is [`ConstShape::Any`]
    /// (containers and structs fill in their own).
    #[inline]
    pub const fn leaf(shape: Shape) -> ConstShape {
        match shape {
            Shape::Boolean => ConstShape::Boolean,
            Shape::Integer { min, max } => ConstShape::Integer { min, max },
            Shape::Number => ConstShape::Number,
            Shape::Str => ConstShape::Str,
            _ => ConstShape::Any,
        }
    }
}

/// A struct's properties.
#[derive(Debug, Clone, Copy)]
pub struct ConstStruct {
    /// `#[serde(deny_unknown_fields)]`.
    pub deny_unknown_fields: bool,
    /// The properties, in declaration order.
    pub fields: &'static [ConstField],
}

/// One property.
#[derive(Debug)]
pub struct ConstField {
    /// The serialized name.
    pub name: &'static str,
    /// The Rust name (what a literal written in Rust uses).
    pub ident: &'static str,
    /// Not `Option`, no `#[serde(default)]`.
    pub required: bool,
    /// `#[serde(flatten)]`.
    pub flatten: bool,
    /// The field type's shape.
    pub shape: &'static ConstShape,
    /// The declared rules.
    pub rules: &'static [ConstRule],
    /// Keeps the derive's field lists from being promoted; see [`shape_of`].
    pub not_promoted: NotPromoted,
}

/// A field that needs dropping, so that rustc extends the lifetime of a derived type's field
/// list instead of promoting it to a constant of its own; see [`shape_of`].
#[derive(Debug)]
pub struct NotPromoted;

impl Drop for NotPromoted {
    #[inline]
    fn drop(&mut self) {}
}

/// `T`'s [`ConstShape`], as the derive refers to the shape of a field's type.
///
/// A type that contains itself (`struct Tree { children: Vec<Tree> }`) has a shape that
/// contains itself, which no constant can hold. rustc evaluates the constants a constant's
/// body names, and the promoted parts of its body, as soon as it compiles the body, so naming
/// `<Vec<Tree>>::__CONST_SHAPE` in `Tree`'s would make such types fail to compile at all.
/// Reached through this call, in a field list that cannot be promoted ([`NotPromoted`]), the
/// shape is only evaluated when a compile-time check uses it; for a recursive type that use
/// is the error ("cycle detected"), and the type itself still compiles.
#[inline]
pub const fn shape_of<T: crate::Validate + ?Sized>() -> &'static ConstShape {
    T::__CONST_SHAPE
}

/// One declared rule.
#[derive(Debug, Clone, Copy)]
pub enum ConstRule {
    /// `#[len]`.
    Length {
        /// Lower bound.
        min: Option<usize>,
        /// Upper bound.
        max: Option<usize>,
    },
    /// `#[pattern]`: the text and the DFA the derive compiled from it.
    Pattern {
        /// The pattern as written.
        pattern: &'static str,
        /// Its tables (the runtime may run the same DFA as straight-line code).
        dfa: &'static Dfa,
    },
    /// `#[range]`.
    Range {
        /// Lower bound.
        min: Option<ConstNumber>,
        /// Upper bound.
        max: Option<ConstNumber>,
    },
    /// `#[constant]`.
    Const(&'static str),
    /// `#[content_media_type]` (always JSON).
    ContentMediaType,
}

/// A bound of `#[range]`, with its text as the runtime prints it.
#[derive(Debug, Clone, Copy)]
pub struct ConstNumber {
    /// Whole-number bounds are compared exactly.
    pub int: Option<i128>,
    /// The bound as an `f64`.
    pub float: f64,
    /// As printed in messages.
    pub text: &'static str,
}

/// A unit-only enum's values.
#[derive(Debug, Clone, Copy)]
pub struct ConstEnum {
    /// Serialized names, in declaration order.
    pub names: &'static [&'static str],
    /// Variant names, in the same order.
    pub idents: &'static [&'static str],
}

// ---------------------------------------------------------------------------------------------
// The report: text in a fixed buffer, since a `const fn` cannot allocate

/// What a number too large for any float is, in a `type` finding (the runtime's words too).
pub(crate) const OUT_OF_RANGE: &str = "a number beyond the range of a 64-bit float";

/// Room for the findings' text; a longer report ends with how many findings were left out.
const CAPACITY: usize = 6 * 1024;
const _: () = assert!(CAPACITY <= u16::MAX as usize);

/// Which names a document uses: a JSON file the serialized ones, a Rust literal the Rust ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Serialized (serde) names, as in JSON.
    Serialized,
    /// Rust field and variant names, as in a struct literal.
    Rust,
}

/// The findings of one check, written as text.
#[derive(Debug)]
pub struct Report {
    buf: [u8; CAPACITY],
    len: usize,
    /// Findings written in full.
    written: usize,
    /// Findings that did not fit.
    omitted: usize,
    /// Each line starts with this (`deploy/ecr.json:` for a file).
    prefix: &'static str,
    names: Names,
    /// Where each written finding starts in `buf` (a finding may hold a line break, in a key).
    starts: [u16; MAX_FINDINGS],
    /// The line and column of each written finding, to list them in document order.
    positions: [(u32, u32); MAX_FINDINGS],
}

/// Findings written in full at most; the rest are counted.
const MAX_FINDINGS: usize = 256;

impl Report {
    /// An empty report whose lines start with `prefix`.
    #[inline]
    pub const fn new(prefix: &'static str, names: Names) -> Self {
        Report {
            buf: [0; CAPACITY],
            len: 0,
            written: 0,
            omitted: 0,
            prefix,
            names,
            starts: [0; MAX_FINDINGS],
            positions: [(0, 0); MAX_FINDINGS],
        }
    }

    /// Each finding's text, in order (run time only: for tests).
    #[inline]
    pub fn findings(&self) -> impl Iterator<Item = &str> {
        let text = self.as_str();
        let starts = &self.starts[..self.written.min(MAX_FINDINGS)];
        starts.iter().enumerate().map(move |(i, &start)| {
            let end = starts
                .get(i + 1)
                .map_or(text.len(), |&next| usize::from(next) - 1);
            &text[usize::from(start)..end]
        })
    }

    /// Whether nothing was found.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.written == 0 && self.omitted == 0
    }

    /// The number of findings.
    #[inline]
    pub const fn count(&self) -> usize {
        self.written + self.omitted
    }

    /// The findings, a line each.
    #[inline]
    pub const fn as_str(&self) -> &str {
        let (bytes, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(bytes) {
            Ok(text) => text,
            // Only whole UTF-8 strings are ever written.
            Err(_) => "",
        }
    }

    /// The number of findings left out for want of room.
    #[inline]
    pub const fn omitted(&self) -> usize {
        self.omitted
    }

    #[inline]
    const fn push_str(&mut self, text: &str) {
        self.push_bytes(text.as_bytes());
    }

    /// Appends `bytes` (whole UTF-8 text), or as much as fits, cut at a character boundary:
    /// a report that ran out of room is shortened, never made unreadable.
    #[inline]
    const fn push_bytes(&mut self, bytes: &[u8]) {
        let mut end = bytes.len();
        if end > CAPACITY - self.len {
            end = CAPACITY - self.len;
            while end > 0 && bytes[end] & 0xC0 == 0x80 {
                end -= 1;
            }
        }
        let mut i = 0;
        while i < end {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
    }

    #[inline]
    const fn push_u128(&mut self, mut n: u128) {
        let mut digits = [0u8; 39];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let (_, digits) = digits.split_at(start);
        self.push_bytes(digits);
    }

    #[inline]
    const fn push_usize(&mut self, n: usize) {
        self.push_u128(n as u128);
    }

    #[inline]
    const fn push_i128(&mut self, n: i128) {
        if n < 0 {
            self.push_str("-");
        }
        self.push_u128(n.unsigned_abs());
    }

    /// The pointer of `path`, RFC 6901-escaped.
    #[inline]
    const fn push_pointer(&mut self, path: &FieldPath<'_>) {
        if let Some(parent) = path.parent() {
            self.push_pointer(parent);
        }
        if let Some(key) = path.key_segment() {
            self.push_str("/");
            // Runs between `~` and `/` go in whole, so a cut falls between characters.
            let mut rest = key.as_bytes();
            let mut i = 0;
            while i < rest.len() {
                let escape = match rest[i] {
                    b'~' => "~0",
                    b'/' => "~1",
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                let (run, after) = rest.split_at(i);
                self.push_bytes(run);
                self.push_str(escape);
                (_, rest) = after.split_at(1);
                i = 0;
            }
            self.push_bytes(rest);
        } else if let Some(index) = path.index_segment() {
            self.push_str("/");
            self.push_usize(index);
        }
    }

    /// Starts a finding's line: `PREFIX LINE:COLUMN: POINTER: `. `false` when there is no room
    /// left, and the finding is counted as omitted.
    #[inline]
    const fn begin(&mut self, line: u32, column: u32, path: &FieldPath<'_>) -> bool {
        // Room for a long finding; the rest is summarized.
        if self.len + 512 > CAPACITY || self.written == MAX_FINDINGS {
            self.omitted += 1;
            return false;
        }
        if self.written > 0 {
            self.push_str("\n");
        }
        // `CAPACITY` fits a `u16`.
        #[allow(clippy::cast_possible_truncation, reason = "`CAPACITY` fits a `u16`")]
        let start = self.len as u16;
        self.starts[self.written] = start;
        self.positions[self.written] = (line, column);
        self.written += 1;
        self.push_str(self.prefix);
        self.push_u128(line as u128);
        self.push_str(":");
        self.push_u128(column as u128);
        self.push_str(": ");
        if path.is_root() {
            self.push_str("/");
        } else {
            self.push_pointer(path);
        }
        self.push_str(": ");
        true
    }

    #[inline]
    const fn end(&mut self, keyword: Keyword) {
        self.push_str(" (");
        self.push_str(keyword.as_str());
        self.push_str(")");
    }

    #[inline]
    const fn type_error(&mut self, node: &Node, shape: &ConstShape, path: &FieldPath<'_>) {
        if self.begin(node.line, node.column, path) {
            self.push_str("expected ");
            self.push_str(expected(shape));
            self.push_str(", found ");
            self.push_str(type_name(&node.value));
            self.end(Keyword::Type);
        }
    }

    /// `must be at least MIN, found FOUND (minimum)` and the like.
    #[inline]
    const fn range_error(
        &mut self,
        node: &Node,
        path: &FieldPath<'_>,
        keyword: Keyword,
        bound: Found,
        found: Found,
    ) {
        if !self.begin(node.line, node.column, path) {
            return;
        }
        self.push_str(if matches!(keyword, Keyword::Minimum) {
            "must be at least "
        } else {
            "must be at most "
        });
        self.push_found(bound);
        self.push_str(", found ");
        self.push_found(found);
        self.end(keyword);
    }

    #[inline]
    const fn push_found(&mut self, number: Found) {
        match number {
            Found::Int(n) => self.push_i128(n),
            Found::Text(text) => self.push_str(text),
        }
    }

    #[inline]
    const fn length_error(
        &mut self,
        node: &Node,
        path: &FieldPath<'_>,
        min: usize,
        max: usize,
        found: usize,
        chars: bool,
    ) {
        if !self.begin(node.line, node.column, path) {
            return;
        }
        let unit = if chars { "character" } else { "item" };
        match (min > 0, max < usize::MAX) {
            (true, true) if min == max => {
                self.push_str("expected exactly ");
                self.push_usize(min);
                self.push_str(" ");
                self.push_str(unit);
                self.push_str(plural(min));
            }
            (true, true) => {
                self.push_str("expected between ");
                self.push_usize(min);
                self.push_str(" and ");
                self.push_usize(max);
                self.push_str(" ");
                self.push_str(unit);
                self.push_str("s");
            }
            (true, false) => {
                self.push_str("expected at least ");
                self.push_usize(min);
                self.push_str(" ");
                self.push_str(unit);
                self.push_str(plural(min));
            }
            (false, true) => {
                self.push_str("expected at most ");
                self.push_usize(max);
                self.push_str(" ");
                self.push_str(unit);
                self.push_str(plural(max));
            }
            (false, false) => {
                self.push_str("unexpected number of ");
                self.push_str(unit);
                self.push_str("s");
            }
        }
        self.push_str(", found ");
        self.push_usize(found);
        let keyword = match (chars, found < min) {
            (true, true) => Keyword::MinLength,
            (true, false) => Keyword::MaxLength,
            (false, true) => Keyword::MinItems,
            (false, false) => Keyword::MaxItems,
        };
        self.end(keyword);
    }

    /// `must be one of: A, B; did you mean "A"?`
    #[inline]
    const fn one_of(&mut self, allowed: &[&str], suggestion: Option<&str>) {
        self.push_str("must be one of: ");
        let mut i = 0;
        while i < allowed.len() {
            if i > 0 {
                self.push_str(", ");
            }
            self.push_str(allowed[i]);
            i += 1;
        }
        if let Some(suggestion) = suggestion {
            self.push_str("; did you mean \"");
            self.push_str(suggestion);
            self.push_str("\"?");
        }
    }
}

#[inline]
const fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A number a range finding shows: exact, or as the runtime prints it.
#[derive(Clone, Copy)]
enum Found {
    Int(i128),
    Text(&'static str),
}

#[inline]
const fn expected(shape: &ConstShape) -> &'static str {
    match shape {
        ConstShape::Boolean => "a boolean",
        ConstShape::Integer { .. } => "an integer",
        ConstShape::Number => "a number",
        ConstShape::Str | ConstShape::Enum(_) => "a string",
        ConstShape::Array(_) => "an array",
        ConstShape::Map(_) | ConstShape::Object(_) => "an object",
        ConstShape::Optional(inner) | ConstShape::Sensitive(inner) => expected(inner),
        ConstShape::Any => "any value",
    }
}

#[inline]
const fn type_name(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::Str(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
        Json::Path(_) => "a path, which is not a literal",
    }
}

// ---------------------------------------------------------------------------------------------
// The checker: `parse/check.rs`, as `const fn`s over the data above

/// Checks `node` against `shape`, writing every finding to `report`.
#[inline]
pub const fn check(shape: &ConstShape, node: &Node, report: &mut Report) {
    value(shape, node, &FieldPath::ROOT, report);
}

/// `false` when the type is wrong, so that nothing below it (nor the field's rules) is
/// reported.
#[inline]
const fn value(shape: &ConstShape, node: &Node, path: &FieldPath<'_>, report: &mut Report) -> bool {
    match (shape, &node.value) {
        (ConstShape::Any, _)
        | (ConstShape::Boolean, Json::Bool(_))
        | (ConstShape::Str, Json::Str(_)) => true,
        // As at run time: no number beyond `f64`'s range (`1e400`) is read into a float.
        (ConstShape::Number, Json::Number(number)) => {
            if number.float_value.is_finite() {
                return true;
            }
            if report.begin(node.line, node.column, path) {
                report.push_str("expected a number, found ");
                report.push_str(OUT_OF_RANGE);
                report.end(Keyword::Type);
            }
            false
        }
        // In a Rust literal `None` is the absent value (in JSON, `null` is a wrong type).
        (ConstShape::Optional(_), Json::Null) if matches!(report.names, Names::Rust) => true,
        (ConstShape::Sensitive(inner) | ConstShape::Optional(inner), _) => {
            value(inner, node, path, report)
        }
        (ConstShape::Integer { min, max }, Json::Number(number)) => {
            integer(node, number, *min, *max, path, report)
        }
        (ConstShape::Enum(meta), Json::Str(text) | Json::Path(text)) => {
            variant(node, text, meta, path, report);
            true
        }
        (shape, Json::Path(name)) if !matches!(shape, ConstShape::Any) => {
            if report.begin(node.line, node.column, path) {
                report.push_str("expected ");
                report.push_str(expected(shape));
                report.push_str(", found `");
                report.push_str(name);
                report.push_str("`, which is not a literal: only values written out are checked");
                report.end(Keyword::Type);
            }
            false
        }
        (ConstShape::Array(item), Json::Array(items)) => {
            let mut index = 0;
            while index < items.len() {
                value(item, &items[index], &path.index(index), report);
                index += 1;
            }
            true
        }
        (ConstShape::Map(item), Json::Object(members)) => {
            let mut index = 0;
            while index < members.len() {
                let member = &members[index];
                value(item, &member.value, &path.key(member.key), report);
                index += 1;
            }
            true
        }
        (ConstShape::Object(meta), Json::Object(members)) => {
            object(node, members, meta, path, report);
            true
        }
        _ => {
            report.type_error(node, shape, path);
            false
        }
    }
}

#[inline]
const fn integer(
    node: &Node,
    number: &JsonNumber,
    min: i128,
    max: i128,
    path: &FieldPath<'_>,
    report: &mut Report,
) -> bool {
    // As at run time: serde reads `1.0`, `1e2` and `-0` into no integer type.
    if !integer_syntax(number.text) {
        report.type_error(node, &ConstShape::Integer { min, max }, path);
        return false;
    }
    let (keyword, bound, found) = match number.int {
        Some(n) if n < min => (Keyword::Minimum, min, Found::Int(n)),
        Some(n) if n > max => (Keyword::Maximum, max, Found::Int(n)),
        Some(_) => return true,
        // Beyond i128: far outside any Rust integer type.
        None if number.text.as_bytes()[0] == b'-' => {
            (Keyword::Minimum, min, Found::Text(number.float))
        }
        None => (Keyword::Maximum, max, Found::Text(number.float)),
    };
    report.range_error(node, path, keyword, Found::Int(bound), found);
    false
}

/// No `.`, `e` or `E`, and not `-0`.
#[inline]
const fn integer_syntax(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() == 2 && bytes[0] == b'-' && bytes[1] == b'0' {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'.' | b'e' | b'E') {
            return false;
        }
        i += 1;
    }
    true
}

#[inline]
const fn variant(
    node: &Node,
    text: &str,
    meta: &ConstEnum,
    path: &FieldPath<'_>,
    report: &mut Report,
) {
    let names = match report.names {
        Names::Serialized => meta.names,
        Names::Rust => meta.idents,
    };
    if contains(names, text) {
        return;
    }
    if report.begin(node.line, node.column, path) {
        report.one_of(names, closest(text, names));
        report.end(Keyword::Enum);
    }
}

#[inline]
const fn contains(names: &[&str], text: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], text) {
            return true;
        }
        i += 1;
    }
    false
}

#[inline]
const fn object(
    node: &Node,
    members: &[Member],
    meta: &ConstStruct,
    path: &FieldPath<'_>,
    report: &mut Report,
) {
    let names = report.names;
    let mut index = 0;
    // In a Rust literal the compiler has checked the field names already.
    while index < members.len() && matches!(names, Names::Serialized) {
        let member = &members[index];
        if meta.deny_unknown_fields && find_field(meta, member.key, names).is_none() {
            unknown(member, meta, path, report);
        }
        index += 1;
    }
    fields(node, members, meta, path, report);
}

/// The fields of `meta` in declaration order, flattened ones in their place.
#[inline]
const fn fields(
    node: &Node,
    members: &[Member],
    meta: &ConstStruct,
    path: &FieldPath<'_>,
    report: &mut Report,
) {
    let mut i = 0;
    while i < meta.fields.len() {
        let field = &meta.fields[i];
        i += 1;
        // In a Rust literal a flattened field is a nested struct like any other.
        if field.flatten
            && matches!(report.names, Names::Serialized)
            && let ConstShape::Object(inner) = field.shape
        {
            fields(node, members, inner, path, report);
            continue;
        }
        let name = field_name(field, report.names);
        let at = path.key(name);
        let Some(member) = find_member(members, name) else {
            // Pointed at the enclosing object's opening brace: where the property belongs.
            if field.required && report.begin(node.line, node.column, &at) {
                report.push_str("required property is missing");
                report.end(Keyword::Required);
            }
            continue;
        };
        if value(field.shape, &member.value, &at, report) {
            rules(field.rules, &member.value, &at, report);
        }
    }
}

#[inline]
const fn field_name(field: &ConstField, names: Names) -> &'static str {
    match names {
        Names::Serialized => field.name,
        Names::Rust => field.ident,
    }
}

#[inline]
const fn find_member<'a>(members: &'a [Member], key: &str) -> Option<&'a Member> {
    let mut i = 0;
    while i < members.len() {
        if str_eq(members[i].key, key) {
            return Some(&members[i]);
        }
        i += 1;
    }
    None
}

/// The field named `key`, looking through flattened fields.
#[inline]
const fn find_field(meta: &ConstStruct, key: &str, names: Names) -> Option<&'static ConstField> {
    let mut i = 0;
    while i < meta.fields.len() {
        let field = &meta.fields[i];
        i += 1;
        if field.flatten
            && let ConstShape::Object(inner) = field.shape
        {
            if let Some(found) = find_field(inner, key, names) {
                return Some(found);
            }
            continue;
        }
        if str_eq(field_name(field, names), key) {
            return Some(field);
        }
    }
    None
}

/// Room for a struct's property names, flattened ones included; beyond it names are not
/// suggested (a did-you-mean only).
const MAX_PROPERTIES: usize = 512;

/// The property names of `meta` in declaration order, flattened ones in their place, as the
/// runtime lists them for [`closest`].
#[inline]
const fn property_names(
    meta: &ConstStruct,
    names: Names,
    out: &mut [&'static str; MAX_PROPERTIES],
    len: &mut usize,
) {
    let mut i = 0;
    while i < meta.fields.len() && *len < MAX_PROPERTIES {
        let field = &meta.fields[i];
        i += 1;
        if field.flatten
            && let ConstShape::Object(inner) = field.shape
        {
            property_names(inner, names, out, len);
            continue;
        }
        out[*len] = field_name(field, names);
        *len += 1;
    }
}

#[inline]
const fn unknown(member: &Member, meta: &ConstStruct, path: &FieldPath<'_>, report: &mut Report) {
    let at = path.key(member.key);
    if !report.begin(member.line, member.column, &at) {
        return;
    }
    report.push_str("unknown property \"");
    report.push_str(member.key);
    report.push_str("\"");
    let mut names = [""; MAX_PROPERTIES];
    let mut len = 0;
    property_names(meta, report.names, &mut names, &mut len);
    let (names, _) = names.split_at(len);
    if let Some(suggestion) = closest(member.key, names) {
        report.push_str("; did you mean \"");
        report.push_str(suggestion);
        report.push_str("\"?");
    }
    report.end(Keyword::AdditionalProperties);
}

#[inline]
const fn rules(rules: &[ConstRule], node: &Node, path: &FieldPath<'_>, report: &mut Report) {
    let mut i = 0;
    while i < rules.len() {
        rule(&rules[i], node, path, report);
        i += 1;
    }
}

#[inline]
const fn rule(rule: &ConstRule, node: &Node, path: &FieldPath<'_>, report: &mut Report) {
    let text = match node.value {
        Json::Str(text) => Some(text),
        _ => None,
    };
    match *rule {
        ConstRule::Length { min, max } => {
            let min = match min {
                Some(min) => min,
                None => 0,
            };
            let max = match max {
                Some(max) => max,
                None => usize::MAX,
            };
            let (found, chars) = match node.value {
                Json::Str(text) => match chars_within(text, min, max) {
                    Ok(()) => return,
                    Err(found) => (found, true),
                },
                Json::Array(items) => (items.len(), false),
                Json::Object(members) => (members.len(), false),
                _ => return,
            };
            if !chars && found >= min && found <= max {
                return;
            }
            report.length_error(node, path, min, max, found, chars);
        }
        ConstRule::Pattern { pattern, dfa } => {
            if let Some(text) = text
                && !dfa.is_match(text)
                && report.begin(node.line, node.column, path)
            {
                report.push_str("must match ");
                report.push_str(pattern);
                report.end(Keyword::Pattern);
            }
        }
        ConstRule::Range { min, max } => {
            let Json::Number(number) = node.value else {
                return;
            };
            if let Some(bound) = min
                && less(number, bound, true)
            {
                report.range_error(
                    node,
                    path,
                    Keyword::Minimum,
                    Found::Text(bound.text),
                    found(&number),
                );
            }
            if let Some(bound) = max
                && less(number, bound, false)
            {
                report.range_error(
                    node,
                    path,
                    Keyword::Maximum,
                    Found::Text(bound.text),
                    found(&number),
                );
            }
        }
        ConstRule::Const(expected) => {
            if let Some(text) = text
                && !str_eq(text, expected)
                && report.begin(node.line, node.column, path)
            {
                report.push_str("must be \"");
                report.push_str(expected);
                report.push_str("\"");
                report.end(Keyword::Const);
            }
        }
        ConstRule::ContentMediaType => {
            if let Some(text) = text
                && let Err(error) = check_json_text(text)
                && report.begin(node.line, node.column, path)
            {
                let (before, _) = text.as_bytes().split_at(error.offset);
                let at = match core::str::from_utf8(before) {
                    Ok(before) => count_chars(before),
                    Err(_) => error.offset,
                };
                report.push_str("must be a JSON text (application/json): ");
                report.push_str(error.reason.describe());
                report.push_str(" at character ");
                report.push_usize(at + 1);
                report.end(Keyword::ContentMediaType);
            }
        }
    }
}

/// The number as the runtime reads it for a range: an `i128` if it parses as one.
#[inline]
const fn found(number: &JsonNumber) -> Found {
    match number.int {
        Some(n) => Found::Int(n),
        None => Found::Text(number.float),
    }
}

/// `value < bound` (`below`) or `bound < value`, across integer and float as the runtime
/// compares them.
#[allow(clippy::cast_precision_loss)]
#[inline]
const fn less(value: JsonNumber, bound: ConstNumber, below: bool) -> bool {
    let (a, b) = match (value.int, bound.int) {
        (Some(a), Some(b)) => return if below { a < b } else { b < a },
        (Some(a), None) => (a as f64, bound.float),
        (None, Some(b)) => (value.float_value, b as f64),
        (None, None) => (value.float_value, bound.float),
    };
    let (a, b) = if below { (a, b) } else { (b, a) };
    // NaN is below and above everything, as at run time.
    #[allow(
        clippy::neg_cmp_op_on_partial_ord,
        reason = "`!(a >= b)` is true for NaN"
    )]
    let less = !(a >= b);
    less
}

// ---------------------------------------------------------------------------------------------
// Strings

#[inline]
const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

// ---------------------------------------------------------------------------------------------
// The entry points the macros expand to

/// The compile error for `node`, if it breaks `shape`: `source` as a header line, then every
/// finding; empty when `node` is valid. The macros panic with it in a `const` block of their
/// own, so rustc points at the macro call.
#[inline]
pub const fn verdict(
    shape: &ConstShape,
    node: &Node,
    source: &'static str,
    prefix: &'static str,
    names: Names,
) -> Report {
    let mut report = Report::new(prefix, names);
    check(shape, node, &mut report);
    let mut message = Report::new("", names);
    if report.is_empty() {
        return message;
    }
    message.written = 1;
    message.push_str(source);
    message.push_str(if report.count() == 1 {
        " breaks a constraint:\n"
    } else {
        " breaks constraints:\n"
    });
    // In document order, as the runtime lists them; among equal positions, as found.
    let mut order = [0usize; MAX_FINDINGS];
    let mut i = 0;
    while i < report.written {
        let mut j = i;
        while j > 0 && before(report.positions[i], report.positions[order[j - 1]]) {
            order[j] = order[j - 1];
            j -= 1;
        }
        order[j] = i;
        i += 1;
    }
    let text = report.as_str().as_bytes();
    let mut k = 0;
    while k < report.written {
        let index = order[k];
        let start = report.starts[index] as usize;
        let end = if index + 1 < report.written {
            report.starts[index + 1] as usize - 1
        } else {
            text.len()
        };
        let (head, _) = text.split_at(end);
        let (_, finding) = head.split_at(start);
        if k > 0 {
            message.push_str("\n");
        }
        message.push_bytes(finding);
        k += 1;
    }
    if report.omitted() > 0 {
        message.push_str("\n… and ");
        message.push_usize(report.omitted());
        message.push_str(" more");
    }
    message
}

/// Whether position `a` comes before `b` in the document.
#[inline]
const fn before(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}
