//! Validation errors: data first (pointer, keyword, what was expected), text second.

use core::fmt;
use std::borrow::Cow;

use smol_str::SmolStr;

use crate::FieldPath;
use crate::rules::message::{self, Message, Num};
use crate::rules::{
    constant, format, len, media_type, multiple_of, pattern, range, requires, unique,
};

/// The JSON Schema keyword a finding is about. `Display` prints the keyword as JSON Schema
/// spells it (`minLength`, `additionalProperties`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Keyword {
    /// The value is not valid JSON at all (empty input, bad UTF-8, a syntax error).
    Syntax,
    /// The value has the wrong JSON type (`"ci": "x"` where an object is expected).
    Type,
    /// A required property is missing.
    Required,
    /// A property that the schema does not declare (`deny_unknown_fields`).
    AdditionalProperties,
    /// A property given twice in one object.
    DuplicateKey,
    /// A value outside a fixed list (an enum's variants).
    Enum,
    /// A value that must equal one constant.
    Const,
    /// A string shorter than allowed, in Unicode code points.
    MinLength,
    /// A string longer than allowed, in Unicode code points.
    MaxLength,
    /// A list with fewer items than allowed.
    MinItems,
    /// A list with more items than allowed.
    MaxItems,
    /// A map with fewer members than allowed.
    MinProperties,
    /// A map with more members than allowed.
    MaxProperties,
    /// A string the pattern does not match anywhere.
    Pattern,
    /// A number below the lower bound.
    Minimum,
    /// A number above the upper bound.
    Maximum,
    /// A number not above the exclusive lower bound.
    ExclusiveMinimum,
    /// A number not below the exclusive upper bound.
    ExclusiveMaximum,
    /// A number that is not a multiple of the declared one.
    MultipleOf,
    /// A list item equal to an earlier one.
    UniqueItems,
    /// A map's key that breaks one of the key rules (`#[keys]`): the finding's detail is the
    /// rule's (`Detail::Pattern`, `Detail::Length`, …), its pointer the member's.
    PropertyNames,
    /// A property given without a property it requires.
    DependentRequired,
    /// A string not in the declared format.
    Format,
    /// A string that does not hold the declared media type (a JSON text).
    ContentMediaType,
}

impl Keyword {
    /// The keyword as JSON Schema spells it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Keyword::Syntax => "syntax",
            Keyword::Type => "type",
            Keyword::Required => "required",
            Keyword::AdditionalProperties => "additionalProperties",
            Keyword::DuplicateKey => "duplicateKey",
            Keyword::Enum => "enum",
            Keyword::Const => "const",
            Keyword::MinLength => "minLength",
            Keyword::MaxLength => "maxLength",
            Keyword::MinItems => "minItems",
            Keyword::MaxItems => "maxItems",
            Keyword::MinProperties => "minProperties",
            Keyword::MaxProperties => "maxProperties",
            Keyword::Pattern => "pattern",
            Keyword::Minimum => "minimum",
            Keyword::Maximum => "maximum",
            Keyword::ExclusiveMinimum => "exclusiveMinimum",
            Keyword::ExclusiveMaximum => "exclusiveMaximum",
            Keyword::MultipleOf => "multipleOf",
            Keyword::DependentRequired => "dependentRequired",
            Keyword::UniqueItems => "uniqueItems",
            Keyword::PropertyNames => "propertyNames",
            Keyword::Format => "format",
            Keyword::ContentMediaType => "contentMediaType",
        }
    }
}

impl fmt::Display for Keyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A number in a `minimum`/`maximum` finding: the bound and the value found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// Any integer up to 128 bits (every Rust integer type but `u128` above `i128::MAX`).
    Int(i128),
    /// A floating-point number.
    Float(f64),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(n) => write!(f, "{n}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

/// What a failing keyword expected, with what was found where that is safe to show.
///
/// Never holds the value of a string: a string may be a secret, so findings on strings carry
/// counts and the rule, not the text.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Detail {
    /// `minLength`/`maxLength` (code points), `minItems`/`maxItems` (items of a list) or
    /// `minProperties`/`maxProperties` (members of a map).
    Length {
        /// The declared lower bound.
        min: Option<usize>,
        /// The declared upper bound.
        max: Option<usize>,
        /// The length found.
        found: usize,
    },
    /// `pattern`: the regex the string must match somewhere.
    Pattern {
        /// The pattern as written in the attribute.
        pattern: &'static str,
    },
    /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (the keyword says which).
    Range {
        /// The bound the number breaks.
        bound: Number,
        /// The number found.
        found: Number,
    },
    /// `multipleOf`.
    MultipleOf {
        /// The number the value must be a multiple of.
        divisor: Number,
        /// The number found.
        found: Number,
    },
    /// `uniqueItems`: the item (the pointer names it) equals an earlier one.
    UniqueItems {
        /// The earlier item's index.
        first: usize,
    },
    /// `dependentRequired`: the property (the pointer names it) is given without `missing`.
    DependentRequired {
        /// The serialized name of the property required and missing.
        missing: &'static str,
    },
    /// `enum`: the allowed (serialized) values.
    Enum {
        /// Every allowed value, in declaration order.
        allowed: &'static [&'static str],
        /// A close allowed value, when the input was a near miss.
        suggestion: Option<&'static str>,
    },
    /// `const`: the only allowed value.
    Const {
        /// The constant, as serialized.
        expected: &'static str,
    },
    /// `format`: the string is not in the declared format.
    Format {
        /// The format's name, as JSON Schema spells it (`date-time`).
        format: &'static str,
    },
    /// `contentMediaType`: the string does not hold a document of this media type.
    ContentMediaType {
        /// The declared media type (`application/json`).
        media_type: &'static str,
        /// Why the content is not of that type.
        reason: &'static str,
        /// Where in the string (in characters from its start) the problem is.
        at: usize,
    },
    /// `type`: the value has another JSON type than the schema's.
    Type {
        /// What the schema expects: `a string`, `an object`, …
        expected: &'static str,
        /// What the document has: `a number`, `null`, …
        found: &'static str,
    },
    /// `required`: the property is missing (the pointer names it).
    Required,
    /// `additionalProperties`: a property the schema does not declare.
    AdditionalProperty {
        /// The property as written in the document.
        property: String,
        /// A declared property with a close name.
        suggestion: Option<&'static str>,
    },
    /// `duplicateKey`: a property given more than once in one object.
    DuplicateKey {
        /// The property as written in the document.
        property: String,
    },
    /// Any other finding, already phrased.
    Message(Cow<'static, str>),
}

/// One failing constraint: where (a JSON Pointer), which keyword, and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    /// Most pointers are short: those inline, with no allocation.
    pointer: SmolStr,
    keyword: Keyword,
    detail: Detail,
    /// The rule's `message = "…"`, which replaces the sentence the detail makes.
    custom: Option<&'static str>,
}

impl ValidationError {
    /// A finding at `pointer` (an RFC 6901 JSON Pointer, `""` for the whole document).
    pub fn new(pointer: impl Into<String>, keyword: Keyword, detail: Detail) -> Self {
        ValidationError {
            pointer: SmolStr::from(pointer.into()),
            keyword,
            detail,
            custom: None,
        }
    }

    /// The finding with `message` as its sentence in place of the one its detail makes (a
    /// rule's `message = "…"`); the keyword and the detail stay.
    #[must_use]
    pub fn with_message(mut self, message: Option<&'static str>) -> Self {
        self.custom = message;
        self
    }

    /// [`new`](ValidationError::new) at `path`.
    pub(crate) fn at(path: &FieldPath<'_>, keyword: Keyword, detail: Detail) -> Self {
        ValidationError {
            pointer: path.pointer(),
            keyword,
            detail,
            custom: None,
        }
    }

    /// The RFC 6901 JSON Pointer of the failing value, from the serialized names:
    /// `/ci/access_key`, `/mirrors/1/url`.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The JSON Schema keyword that failed.
    pub fn keyword(&self) -> Keyword {
        self.keyword
    }

    /// What the keyword expected, as data.
    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    /// The expectation as a sentence: `expected exactly 20 characters, found 19`,
    /// `must match ^[A-Z0-9]{20}$`, `must be one of: us-east-1, …`.
    pub fn message(&self) -> String {
        self.sentence().to_string()
    }

    /// The rule's own message if it has one, else the detail's.
    fn sentence(&self) -> Message<'_> {
        match self.custom {
            Some(custom) => Message::new().str(custom),
            None => self.detail.message(self.keyword),
        }
    }

    /// Masks, in the pointer and in the property a message names, every property name that
    /// `secret` says holds a secret: each of its characters becomes `*`. (A pointer's
    /// all-digit tokens may be array indices, and are left alone.)
    pub(crate) fn redact(&mut self, secret: impl Fn(&str) -> bool) {
        let mask = |name: &str| "*".repeat(name.chars().count());
        let secret_key = |name: &str| !name.bytes().all(|b| b.is_ascii_digit()) && secret(name);
        if self
            .pointer
            .split('/')
            .skip(1)
            .any(|token| secret_key(&unescape(token)))
        {
            let mut pointer = String::with_capacity(self.pointer.len());
            for token in self.pointer.split('/').skip(1) {
                pointer.push('/');
                let name = unescape(token);
                if secret_key(&name) {
                    pointer.push_str(&mask(&name));
                } else {
                    pointer.push_str(token);
                }
            }
            self.pointer = SmolStr::from(pointer);
        }
        if let Detail::AdditionalProperty { property, .. } | Detail::DuplicateKey { property } =
            &mut self.detail
            && secret(property)
        {
            *property = mask(property);
        }
    }
}

/// An RFC 6901 reference token's text.
pub(crate) fn unescape(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

impl Detail {
    /// The expectation as a sentence, as every product words it: each rule's module writes
    /// its own (`rules/`), and the compile-time checker calls the same functions.
    pub(crate) fn message(&self, keyword: Keyword) -> Message<'_> {
        let message = self.words(keyword);
        if matches!(keyword, Keyword::PropertyNames) {
            message.of_key()
        } else {
            message
        }
    }

    fn words(&self, keyword: Keyword) -> Message<'_> {
        match self {
            Detail::Length { min, max, found } => len::message(keyword, *min, *max, *found),
            Detail::Pattern { pattern } => pattern::message(pattern),
            Detail::Range { bound, found } => {
                range::message(keyword, Num::from(*bound), Num::from(*found))
            }
            Detail::MultipleOf { divisor, found } => {
                multiple_of::message(Num::from(*divisor), Num::from(*found))
            }
            Detail::UniqueItems { first } => unique::message(*first),
            Detail::DependentRequired { missing } => requires::message(missing),
            Detail::Const { expected } => constant::message(expected),
            Detail::Format { format } => match format::Format::named(format) {
                Some(format) => format::message(format),
                None => Message::new().str("must be in the format ").str(format),
            },
            Detail::ContentMediaType {
                media_type,
                reason,
                at,
            } => media_type::message(media_type, reason, *at),
            Detail::Enum {
                allowed,
                suggestion,
            } => message::one_of(allowed, *suggestion),
            Detail::Type { expected, found } => message::wrong_type(expected, found),
            Detail::Required => message::required(),
            Detail::AdditionalProperty {
                property,
                suggestion,
            } => message::unknown_property(property, *suggestion),
            Detail::DuplicateKey { property } => message::duplicate_key(property),
            Detail::Message(text) => Message::new().str(text),
        }
    }
}

impl fmt::Display for ValidationError {
    /// `/ci/access_key: expected exactly 20 characters, found 19 (minLength)`; the whole
    /// document is written `/` rather than the empty pointer so the line stays readable.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {} ({})", self.sentence(), self.keyword)
    }
}

impl std::error::Error for ValidationError {}

/// Every failing constraint of a value, in declaration order: fields as the struct declares
/// them, each field's rules before its nested values, list elements by index.
///
/// Never empty when returned as an `Err`. Creating an empty collection does not allocate, so
/// validating a valid value allocates nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
}

impl ValidationErrors {
    /// An empty collection (does not allocate).
    pub const fn new() -> Self {
        ValidationErrors { errors: Vec::new() }
    }

    /// Adds one finding.
    pub fn push(&mut self, error: ValidationError) {
        self.errors.push(error);
    }

    /// The number of findings.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether there is no finding.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The findings, in declaration order.
    pub fn iter(&self) -> core::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// The findings as a slice.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.errors
    }

    /// Makes the findings from `start` on those of a map's keys: `propertyNames`, each with
    /// its rule's detail.
    pub(crate) fn keys_from(&mut self, start: usize) {
        for error in self.errors.iter_mut().skip(start) {
            error.keyword = Keyword::PropertyNames;
        }
    }

    /// Sorts the findings from `start` on by pointer (stable), for unordered containers.
    pub(crate) fn sort_from(&mut self, start: usize) {
        if let Some(found) = self.errors.get_mut(start..) {
            crate::sort::sort_by(found, |a, b| a.pointer.cmp(&b.pointer));
        }
    }

    /// `Ok(())` when empty, else `Err(self)`.
    #[inline]
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.errors.capacity() == 0 {
            // Nothing to free: skips the call that would drop no elements (the valid path's).
            std::mem::forget(self);
            Ok(())
        } else if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    /// One finding a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = core::slice::Iter<'a, ValidationError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl FromIterator<ValidationError> for ValidationErrors {
    fn from_iter<I: IntoIterator<Item = ValidationError>>(iter: I) -> Self {
        ValidationErrors {
            errors: iter.into_iter().collect(),
        }
    }
}

impl Extend<ValidationError> for ValidationErrors {
    fn extend<I: IntoIterator<Item = ValidationError>>(&mut self, iter: I) {
        self.errors.extend(iter);
    }
}

impl From<ValidationErrors> for Vec<ValidationError> {
    fn from(errors: ValidationErrors) -> Self {
        errors.errors
    }
}
