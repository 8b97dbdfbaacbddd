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

use crate::error::Keyword;
use crate::meta::Shape;
use crate::path::FieldPath;

use super::dfa::Dfa;
use super::json::check_json_text;
use super::length::{chars_within, count_chars};

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
    pub const fn is_empty(&self) -> bool {
        self.written == 0 && self.omitted == 0
    }

    /// The number of findings.
    pub const fn count(&self) -> usize {
        self.written + self.omitted
    }

    /// The findings, a line each.
    pub const fn as_str(&self) -> &str {
        let (bytes, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(bytes) {
            Ok(text) => text,
            // Only whole UTF-8 strings are ever written.
            Err(_) => "",
        }
    }

    /// The number of findings left out for want of room.
    pub const fn omitted(&self) -> usize {
        self.omitted
    }

    const fn push_str(&mut self, text: &str) {
        self.push_bytes(text.as_bytes());
    }

    /// Appends `bytes` (whole UTF-8 text), or as much as fits, cut at a character boundary:
    /// a report that ran out of room is shortened, never made unreadable.
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

    const fn push_usize(&mut self, n: usize) {
        self.push_u128(n as u128);
    }

    const fn push_i128(&mut self, n: i128) {
        if n < 0 {
            self.push_str("-");
        }
        self.push_u128(n.unsigned_abs());
    }

    /// The pointer of `path`, RFC 6901-escaped.
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

    const fn end(&mut self, keyword: Keyword) {
        self.push_str(" (");
        self.push_str(keyword.as_str());
        self.push_str(")");
    }

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

    const fn push_found(&mut self, number: Found) {
        match number {
            Found::Int(n) => self.push_i128(n),
            Found::Text(text) => self.push_str(text),
        }
    }

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

const fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A number a range finding shows: exact, or as the runtime prints it.
#[derive(Clone, Copy)]
enum Found {
    Int(i128),
    Text(&'static str),
}

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
pub const fn check(shape: &ConstShape, node: &Node, report: &mut Report) {
    value(shape, node, &FieldPath::ROOT, report);
}

/// `false` when the type is wrong, so that nothing below it (nor the field's rules) is
/// reported.
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

const fn field_name(field: &ConstField, names: Names) -> &'static str {
    match names {
        Names::Serialized => field.name,
        Names::Rust => field.ident,
    }
}

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

const fn rules(rules: &[ConstRule], node: &Node, path: &FieldPath<'_>, report: &mut Report) {
    let mut i = 0;
    while i < rules.len() {
        rule(&rules[i], node, path, report);
        i += 1;
    }
}

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
const fn found(number: &JsonNumber) -> Found {
    match number.int {
        Some(n) => Found::Int(n),
        None => Found::Text(number.float),
    }
}

/// `value < bound` (`below`) or `bound < value`, across integer and float as the runtime
/// compares them.
#[allow(clippy::cast_precision_loss)]
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

/// Strings longer than this (in code points) get no did-you-mean.
const SUGGEST_MAX_CHARS: usize = 64;

/// The most edits a near miss may take.
const NEAR: usize = 2;

/// The allowed value closest to a near miss: the same letters in another case, or a typo or
/// two (optimal string alignment distance: edits and adjacent transpositions). Used by the
/// runtime too, so both word their suggestions alike.
pub const fn closest(value: &str, candidates: &[&'static str]) -> Option<&'static str> {
    let mut i = 0;
    while i < candidates.len() {
        if candidates[i].eq_ignore_ascii_case(value) {
            return Some(candidates[i]);
        }
        i += 1;
    }
    let Some(value) = Word::of(value) else {
        return None;
    };
    // The first of the nearest.
    let mut best: Option<(usize, &'static str)> = None;
    let mut i = 0;
    while i < candidates.len() {
        let candidate = candidates[i];
        i += 1;
        let Some(distance) = value.near_miss(candidate) else {
            continue;
        };
        match best {
            Some((nearest, _)) if nearest <= distance => {}
            _ => best = Some((distance, candidate)),
        }
        if distance == 1 {
            // Nothing nearer can follow: 0 is the same letters, found above.
            break;
        }
    }
    match best {
        Some((_, candidate)) => Some(candidate),
        None => None,
    }
}

/// The edit distance of `value` from `candidate` if it makes a near miss: within two edits
/// and fewer than the shorter one's length.
pub(crate) const fn near_miss(value: &str, candidate: &str) -> Option<usize> {
    match Word::of(value) {
        Some(value) => value.near_miss(candidate),
        None => None,
    }
}

/// A string of at most [`SUGGEST_MAX_CHARS`] code points, to compare with candidates.
struct Word<'a> {
    text: &'a str,
    /// Its code points.
    len: usize,
    /// ASCII (the usual case): the bit-parallel distance; otherwise the banded one.
    ascii: bool,
}

impl<'a> Word<'a> {
    /// `None` beyond [`SUGGEST_MAX_CHARS`] code points: such a string is no near miss.
    const fn of(text: &'a str) -> Option<Word<'a>> {
        let bytes = text.as_bytes();
        let ascii = bytes.is_ascii();
        let len = if ascii {
            bytes.len()
        } else {
            code_points(bytes)
        };
        if len > SUGGEST_MAX_CHARS {
            return None;
        }
        Some(Word { text, len, ascii })
    }

    const fn near_miss(&self, candidate: &str) -> Option<usize> {
        let (len, bytes) = (self.len, candidate.as_bytes());
        // Every edit changes the length by one at most, and a code point takes one to four
        // bytes: the bytes first, the code points only when they may differ from them.
        if bytes.len() + NEAR < len {
            return None;
        }
        if self.ascii && bytes.len() <= len + NEAR && bytes.len() <= SUGGEST_MAX_CHARS {
            return ascii_near_miss(self.text.as_bytes(), bytes);
        }
        let chars = code_points(bytes);
        if chars.abs_diff(len) > NEAR || chars > SUGGEST_MAX_CHARS {
            return None;
        }
        if self.ascii {
            return ascii_near_miss(self.text.as_bytes(), bytes);
        }
        let (Some(value), Some(other)) = (Points::of(self.text), Points::of(candidate)) else {
            return None;
        };
        match value.distance_within(&other) {
            Some(distance) if distance < len && distance < chars => Some(distance),
            _ => None,
        }
    }
}

/// A string's code points, at most [`SUGGEST_MAX_CHARS`] of them: its bytes if it is ASCII
/// (read in place), decoded otherwise.
struct Points<'a> {
    ascii: &'a [u8],
    decoded: Option<[u32; SUGGEST_MAX_CHARS]>,
    len: usize,
}

impl<'a> Points<'a> {
    /// `None` beyond [`SUGGEST_MAX_CHARS`] code points.
    const fn of(text: &'a str) -> Option<Points<'a>> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            if bytes.len() > SUGGEST_MAX_CHARS {
                return None;
            }
            return Some(Points {
                ascii: bytes,
                decoded: None,
                len: bytes.len(),
            });
        }
        let mut points = [0u32; SUGGEST_MAX_CHARS];
        let (mut i, mut len) = (0, 0);
        while i < bytes.len() {
            if len == SUGGEST_MAX_CHARS {
                return None;
            }
            let lead = bytes[i] as u32;
            let (mut code, width) = match lead {
                0x00..=0x7F => (lead, 1),
                0xC0..=0xDF => (lead & 0x1F, 2),
                0xE0..=0xEF => (lead & 0x0F, 3),
                _ => (lead & 0x07, 4),
            };
            let mut k = 1;
            while k < width {
                code = (code << 6) | (bytes[i + k] as u32 & 0x3F);
                k += 1;
            }
            points[len] = code;
            len += 1;
            i += width;
        }
        Some(Points {
            ascii: &[],
            decoded: Some(points),
            len,
        })
    }

    /// The code point at `i`.
    const fn at(&self, i: usize) -> u32 {
        match &self.decoded {
            Some(points) => points[i],
            None => self.ascii[i] as u32,
        }
    }

    /// The optimal string alignment distance to `other` (whose length is within [`NEAR`] of
    /// this one's), if it is at most [`NEAR`]. Only the cells within [`NEAR`] of the diagonal
    /// are computed (the others are farther), and the rows stop as soon as one has no cell
    /// within reach.
    ///
    /// A row keeps the band: cell `(i, j)` at `j + NEAR + 1 - i`, so that the cell above is
    /// at the next index of the previous row, the diagonal ones at the same index, and both
    /// ends hold `FAR`.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a cell is at most `NEAR + 1`; the row and column written are at most `NEAR`"
    )]
    #[expect(
        clippy::many_single_char_names,
        reason = "the textbook names: strings a and b of lengths n and m, cell i, j"
    )]
    const fn distance_within(&self, other: &Points<'_>) -> Option<usize> {
        const WIDTH: usize = 2 * NEAR + 3;
        const FAR: u8 = NEAR as u8 + 1;
        // What both begin or end with costs no edit: only the rest is aligned, `a` from `p`
        // on, `b` from `p` on, `n` and `m` long.
        let mut p = 0;
        while p < self.len && p < other.len && self.at(p) == other.at(p) {
            p += 1;
        }
        let (mut n, mut m) = (self.len - p, other.len - p);
        while n > 0 && m > 0 && self.at(p + n - 1) == other.at(p + m - 1) {
            n -= 1;
            m -= 1;
        }
        let (a, b) = (self, other);
        // Rows i - 2, i - 1 and i of the edit matrix, at `rows[i % 3]`.
        let mut rows = [[FAR; WIDTH]; 3];
        let mut j = 0;
        while j <= m && j <= NEAR {
            rows[0][j + NEAR + 1] = j as u8;
            j += 1;
        }
        let mut i = 1;
        while i <= n {
            let (current, previous, before) = (i % 3, (i - 1) % 3, (i + 1) % 3);
            rows[current] = [FAR; WIDTH];
            let mut nearest = FAR;
            if i <= NEAR {
                // Cell (i, 0).
                rows[current][NEAR + 1 - i] = i as u8;
                nearest = i as u8;
            }
            let low = if i > NEAR { i - NEAR } else { 1 };
            let high = if i + NEAR < m { i + NEAR } else { m };
            let mut j = low;
            while j <= high {
                let d = j + NEAR + 1 - i;
                let cost = (a.at(p + i - 1) != b.at(p + j - 1)) as u8;
                let mut best = rows[previous][d + 1] + 1;
                if rows[current][d - 1] + 1 < best {
                    best = rows[current][d - 1] + 1;
                }
                if rows[previous][d] + cost < best {
                    best = rows[previous][d] + cost;
                }
                if i > 1
                    && j > 1
                    && a.at(p + i - 1) == b.at(p + j - 2)
                    && a.at(p + i - 2) == b.at(p + j - 1)
                    && rows[before][d] + 1 < best
                {
                    best = rows[before][d] + 1;
                }
                if best > FAR {
                    best = FAR;
                }
                rows[current][d] = best;
                if best < nearest {
                    nearest = best;
                }
                j += 1;
            }
            if nearest > NEAR as u8 {
                return None;
            }
            i += 1;
        }
        let distance = rows[n % 3][m + NEAR + 1 - n] as usize;
        if distance > NEAR {
            None
        } else {
            Some(distance)
        }
    }
}

// The bit-parallel distance keeps a column in a `u64`, a bit a code point of the value.
const _: () = assert!(SUGGEST_MAX_CHARS <= 64);

/// [`near_miss`] of an ASCII `value` and a `candidate` (UTF-8), of at most
/// [`SUGGEST_MAX_CHARS`] code points each.
const fn ascii_near_miss(value: &[u8], candidate: &[u8]) -> Option<usize> {
    // What both begin or end with costs no edit: only `tail` (of the value) and `rest` (of
    // the candidate) are aligned. The bytes matched are ASCII, whole code points.
    let p = common_prefix(value, candidate);
    // On the whole strings, to compare eight bytes at a time; then clear of the prefix.
    let mut q = common_suffix(value, candidate);
    let (_, tail) = value.split_at(p);
    let (_, rest) = candidate.split_at(p);
    if q > tail.len() {
        q = tail.len();
    }
    if q > rest.len() {
        q = rest.len();
    }
    let (tail, _) = tail.split_at(tail.len() - q);
    let (rest, _) = rest.split_at(rest.len() - q);
    let distance = if tail.is_empty() {
        code_points(rest)
    } else if rest.is_empty() {
        tail.len()
    } else {
        match aligned(tail, rest) {
            Some(distance) => distance,
            None => return None,
        }
    };
    // More than `4 * NEAR` bytes are more than `NEAR` code points; fewer are counted.
    if distance <= NEAR
        && distance < value.len()
        && (candidate.len() > 4 * NEAR || distance < code_points(candidate))
    {
        Some(distance)
    } else {
        None
    }
}

/// The optimal string alignment distance of `a` (ASCII, 1 to 64 bytes) and `b` (UTF-8, not
/// empty), if it is at most [`NEAR`].
///
/// First a bound: each code point of one that the other lacks takes an edit of its own (an
/// insertion or a substitution). Then the distance a column of the edit matrix at a time,
/// each column as bit vectors of the differences between vertically adjacent cells (Hyyrö,
/// "A bit-vector algorithm for computing Levenshtein and Damerau edit distances", Nordic
/// Journal of Computing, 2003; the variant with transpositions): `a`'s bytes are the rows,
/// `b`'s code points the columns. The columns stop as soon as the distance can no longer be
/// within [`NEAR`].
#[expect(
    clippy::many_single_char_names,
    reason = "the paper's names: strings a and b, bit vectors vp, vn, hp, hn, d0"
)]
const fn aligned(a: &[u8], b: &[u8]) -> Option<usize> {
    // The bytes in each, a bit each (`byte % 64`: a byte may seem present for another's
    // sake, which only lowers the bound), how many of one the other lacks, and the code
    // points of `b`, `m`.
    let (mut in_a, mut in_b, mut rest) = (0u64, 0u64, a);
    while let [byte, after @ ..] = rest {
        in_a |= 1 << (*byte & 63);
        rest = after;
    }
    let (mut lacking, mut m) = (0, 0);
    rest = b;
    while let [byte, after @ ..] = rest {
        rest = after;
        if *byte < 0x80 {
            in_b |= 1 << (*byte & 63);
            lacking += (in_a & (1 << (*byte & 63)) == 0) as usize;
            m += 1;
        } else if *byte >= 0xC0 {
            // A code point beyond ASCII, at its first byte.
            lacking += 1;
            m += 1;
        }
        if lacking > NEAR {
            return None;
        }
    }
    (lacking, rest) = (0, a);
    while let [byte, after @ ..] = rest {
        rest = after;
        lacking += (in_b & (1 << (*byte & 63)) == 0) as usize;
        if lacking > NEAR {
            return None;
        }
    }
    // `a` eight bytes a word, little-endian: byte `i` in word `i / 8`.
    let mut words = [0u64; SUGGEST_MAX_CHARS.div_ceil(8)];
    let (mut w, mut shift) = (0, 0);
    rest = a;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        words[w] = u64::from_le_bytes(*chunk);
        (rest, w) = (after, w + 1);
    }
    while let [byte, after @ ..] = rest {
        words[w] |= (*byte as u64) << shift;
        (rest, shift) = (after, shift + 8);
    }
    let (n, used) = (a.len(), a.len().div_ceil(8));
    // The cell in column `j` of the diagonal that ends at the last cell (row `n + j - m`,
    // from the first column that has that row). Cells never fall along a diagonal, and the
    // end is no nearer from any other cell of the column, so once it is past `NEAR` the
    // distance is too; in the last column it is the distance.
    let mut diagonal = n.saturating_sub(m);
    // Vertical differences +1 and -1, the diagonal zero differences, and the previous
    // column's matches.
    let (mut vp, mut vn, mut d0, mut previous) = (u64::MAX, 0u64, 0u64, 0u64);
    let mut j = 0;
    rest = b;
    while let [byte, after @ ..] = rest {
        rest = after;
        let matches = if *byte < 0x80 {
            // The rows whose byte it is, a word at a time. (NUL matches the zeros past `a`
            // too: rows above the last, which carries and shifts, going up, never reach.)
            let spread = *byte as u64 * 0x0101_0101_0101_0101;
            let (mut matches, mut w) = (0, 0);
            while w < used {
                matches |= zero_bytes(words[w] ^ spread) << (8 * w);
                w += 1;
            }
            matches
        } else if *byte < 0xC0 {
            // A continuation byte: the code point is a column already.
            continue;
        } else {
            // Not in `a`.
            0
        };
        j += 1;
        // Adjacent transpositions: row `i` matches the previous column and row `i - 1`
        // this one, where the previous diagonal step cost an edit.
        let transposed = ((!d0 & matches) << 1) & previous;
        d0 = (((matches & vp).wrapping_add(vp)) ^ vp) | matches | vn | transposed;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        let hp = (hp << 1) | 1;
        vp = (hn << 1) | !(d0 | hp);
        vn = hp & d0;
        previous = matches;
        if n + j > m {
            // One more, unless the step was free (bit `i - 1` of `d0` for row `i`).
            diagonal += 1 - ((d0 >> (n + j - m - 1)) & 1) as usize;
        } else if n + j == m {
            // Row 0.
            diagonal = j;
        }
        if diagonal > NEAR {
            return None;
        }
    }
    Some(diagonal)
}

/// Bit `i` set for each zero byte `i` of `x`.
const fn zero_bytes(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // 0x80 in each zero byte, exactly (no carry crosses a byte)...
    let high = !(((x & LOW) + LOW) | x | LOW);
    // ...gathered into the top byte: the product puts byte `i`'s bit at `56 + i`, and no
    // two of its terms share a bit, so nothing carries.
    (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// How many bytes `a` and `b` begin with alike, compared eight at a time where they can be.
const fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let (mut a, mut b, mut alike) = (a, b, 0);
    while let (Some((x, after_x)), Some((y, after_y))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        let differ = u64::from_le_bytes(*x) ^ u64::from_le_bytes(*y);
        if differ != 0 {
            // The first byte that differs is the lowest.
            return alike + (differ.trailing_zeros() / 8) as usize;
        }
        (a, b, alike) = (after_x, after_y, alike + 8);
    }
    while let ([x, after_x @ ..], [y, after_y @ ..]) = (a, b)
        && *x == *y
    {
        (a, b, alike) = (after_x, after_y, alike + 1);
    }
    alike
}

/// How many bytes `a` and `b` end with alike, as [`common_prefix`].
const fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let (mut a, mut b, mut alike) = (a, b, 0);
    while let (Some((before_x, x)), Some((before_y, y))) =
        (a.split_last_chunk::<8>(), b.split_last_chunk::<8>())
    {
        let differ = u64::from_le_bytes(*x) ^ u64::from_le_bytes(*y);
        if differ != 0 {
            // The last byte that differs is the highest.
            return alike + (differ.leading_zeros() / 8) as usize;
        }
        (a, b, alike) = (before_x, before_y, alike + 8);
    }
    while let ([before_x @ .., x], [before_y @ .., y]) = (a, b)
        && *x == *y
    {
        (a, b, alike) = (before_x, before_y, alike + 1);
    }
    alike
}

/// The code points of UTF-8 `bytes`, counted.
const fn code_points(bytes: &[u8]) -> usize {
    let (mut i, mut count) = (0, 0);
    while i < bytes.len() {
        // Continuation bytes are 0b10xx_xxxx.
        count += ((bytes[i] & 0xC0) != 0x80) as usize;
        i += 1;
    }
    count
}

// ---------------------------------------------------------------------------------------------
// The entry points the macros expand to

/// The compile error for `node`, if it breaks `shape`: `source` as a header line, then every
/// finding; empty when `node` is valid. The macros panic with it in a `const` block of their
/// own, so rustc points at the macro call.
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
const fn before(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

#[cfg(test)]
mod tests {
    use super::{NEAR, SUGGEST_MAX_CHARS, closest, near_miss};

    /// The whole edit matrix, unbounded: what the bit-parallel and banded distances must
    /// agree with.
    fn osa(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    }

    fn expected(a: &str, b: &str) -> Option<usize> {
        let (n, m) = (a.chars().count(), b.chars().count());
        if n > SUGGEST_MAX_CHARS || m > SUGGEST_MAX_CHARS {
            return None;
        }
        let distance = osa(a, b);
        (distance <= NEAR && distance < n && distance < m).then_some(distance)
    }

    /// [`closest`] from the whole matrix: the same letters in another case, else the first
    /// of the nearest.
    fn expected_closest(value: &str, candidates: &[&'static str]) -> Option<&'static str> {
        if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(value)) {
            return Some(same);
        }
        let mut best: Option<(usize, &'static str)> = None;
        for &candidate in candidates {
            if let Some(distance) = expected(value, candidate)
                && best.is_none_or(|(nearest, _)| distance < nearest)
            {
                best = Some((distance, candidate));
            }
        }
        best.map(|(_, candidate)| candidate)
    }

    /// Small alphabets, so that near misses and transpositions are common: ASCII (the
    /// bit-parallel distance), with code points beyond it (the banded one, or a column no
    /// ASCII byte matches), and a larger one, where letters one lacks often rule out a
    /// near miss early (and NUL, as the zero bytes after a word).
    const ALPHABETS: [&[char]; 3] = [
        &['a', 'b', 'c', '-', 'A'],
        &['a', 'b', 'c', '-', 'é', '中'],
        &[
            'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', '_', '\0', '\x7f', 'é',
        ],
    ];

    fn word(rng: &mut fastrand::Rng, alphabet: &[char]) -> String {
        // Mostly short, as keys and values are; sometimes up to the limit and past it.
        let len = if rng.u8(0..4) == 0 {
            rng.usize(0..=SUGGEST_MAX_CHARS + 2)
        } else {
            rng.usize(0..12)
        };
        (0..len)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect()
    }

    /// Often an edit or two of `a` (some in another alphabet), sometimes anything.
    fn other(rng: &mut fastrand::Rng, a: &str) -> String {
        let alphabet = ALPHABETS[rng.usize(..ALPHABETS.len())];
        if rng.u8(0..4) == 0 {
            return word(rng, alphabet);
        }
        let mut b: Vec<char> = a.chars().collect();
        for _ in 0..rng.usize(0..4) {
            let at = rng.usize(0..=b.len());
            match rng.u8(0..4) {
                0 => b.insert(at, alphabet[rng.usize(..alphabet.len())]),
                1 if at < b.len() => drop(b.remove(at)),
                2 if at + 1 < b.len() => b.swap(at, at + 1),
                _ if at < b.len() => b[at] = alphabet[rng.usize(..alphabet.len())],
                _ => {}
            }
        }
        b.into_iter().collect()
    }

    #[test]
    fn the_distance_agrees_with_the_whole_matrix() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..100_000 {
            let alphabet = ALPHABETS[rng.usize(..ALPHABETS.len())];
            let a = word(&mut rng, alphabet);
            let b = other(&mut rng, &a);
            let want = expected(&a, &b);
            assert_eq!(near_miss(&a, &b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn the_closest_agrees_with_the_whole_matrix() {
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..20_000 {
            let alphabet = ALPHABETS[rng.usize(..ALPHABETS.len())];
            let value = word(&mut rng, alphabet);
            let candidates: Vec<&'static str> = (0..rng.usize(0..8))
                .map(|_| &*other(&mut rng, &value).leak())
                .collect();
            assert_eq!(
                closest(&value, &candidates),
                expected_closest(&value, &candidates),
                "{value:?} {candidates:?}"
            );
        }
    }

    #[test]
    fn the_closest_is_found_in_const_evaluation() {
        const NAMES: [&str; 6] = [
            "policy",
            "region",
            "role_arn",
            "external_id",
            "intermediate_role",
            "intermediate_external_id",
        ];
        const SUGGESTED: Option<&str> = closest("extrnal_id", &NAMES);
        const UNICODE: Option<&str> = closest("rëgion", &NAMES);
        assert_eq!(SUGGESTED, Some("external_id"));
        assert_eq!(UNICODE, Some("region"));
    }

    #[test]
    fn the_first_of_the_nearest_is_suggested() {
        assert_eq!(
            closest("US-EAST-1", &["us-east-2", "us-east-1"]),
            Some("us-east-1")
        );
        assert_eq!(
            closest("us-east1", &["us-west-1", "us-east-1"]),
            Some("us-east-1")
        );
        assert_eq!(
            closest("us-eats-1", &["us-east-1", "us-east-2"]),
            Some("us-east-1")
        );
        assert_eq!(
            closest("us-est-2", &["us-east-1", "us-east-2"]),
            Some("us-east-2")
        );
        assert_eq!(closest("eu-north-9", &["us-east-1", "ap-south-1"]), None);
        assert_eq!(closest("ab", &["ba", "xy"]), Some("ba"));
        // Two edits of a two-letter word is anything.
        assert_eq!(closest("ab", &["xy"]), None);
        let long = "a".repeat(65);
        assert_eq!(closest(&long, &["a"]), None);
    }
}
