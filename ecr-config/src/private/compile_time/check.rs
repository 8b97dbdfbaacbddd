//! The checker: `parse/check.rs` as `const fn`s over the data of `document.rs` and `shape.rs`.
//! Each rule's test and message are its module's (`rules/`), as at run time.

use crate::__private::suggest::closest;
use crate::error::{Keyword, Number};
use crate::path::FieldPath;
use crate::rules::constant::equal as str_eq;
use crate::rules::message::{self, Message, Num};
use crate::rules::{
    constant, format, len, media_type, multiple_of, pattern, range, requires, unique,
};

use super::document::{Json, JsonNumber, Member, Node};
use super::report::{Names, OUT_OF_RANGE, Report};
use super::shape::{ConstEnum, ConstField, ConstNumber, ConstRule, ConstShape, ConstStruct};

/// Checks `node` against `shape`, writing every finding to `report`.
#[inline]
pub const fn check(shape: &ConstShape, node: &Node, report: &mut Report) {
    value(shape, node, &FieldPath::ROOT, report);
}

/// `false` when the type is wrong, so that nothing below it (nor the field's rules) is
/// reported.
#[inline]
const fn value(shape: &ConstShape, node: &Node, path: &FieldPath<'_>, report: &mut Report) -> bool {
    value_with(shape, node, path, &[], &[], report)
}

/// [`value`], with `each` (a field's `#[each]` rules) on every item of the list or value of
/// the map `node` is, once its type is right, and `keys` (its `#[keys]` rules) on every key.
#[inline]
const fn value_with(
    shape: &ConstShape,
    node: &Node,
    path: &FieldPath<'_>,
    each: &[ConstRule],
    keys: &[ConstRule],
    report: &mut Report,
) -> bool {
    match (shape, &node.value) {
        (ConstShape::Any, _)
        | (ConstShape::Boolean, Json::Bool(_))
        | (ConstShape::Str, Json::Str(_)) => true,
        // As at run time: no number beyond `f64`'s range (`1e400`) is read into a float.
        (ConstShape::Number, Json::Number(number)) => {
            if number.float_value.is_finite() {
                return true;
            }
            let message = message::wrong_type("a number", OUT_OF_RANGE);
            report.finding(node.line, node.column, path, Keyword::Type, &message);
            false
        }
        // In a Rust literal `None` is the absent value (in JSON, `null` is a wrong type).
        (ConstShape::Optional(_), Json::Null) if matches!(report.names, Names::Rust) => true,
        (ConstShape::Sensitive(inner) | ConstShape::Optional(inner), _) => {
            value_with(inner, node, path, each, keys, report)
        }
        (ConstShape::Integer { min, max }, Json::Number(number)) => {
            integer(node, number, *min, *max, path, report)
        }
        (ConstShape::Enum(meta), Json::Str(text) | Json::Path(text)) => {
            variant(node, text, meta, path, report);
            true
        }
        (shape, Json::Path(name)) if !matches!(shape, ConstShape::Any) => {
            let message = Message::new()
                .str("expected ")
                .str(expected(shape))
                .str(", found `")
                .str(name)
                .str("`, which is not a literal: only values written out are checked");
            report.finding(node.line, node.column, path, Keyword::Type, &message);
            false
        }
        (ConstShape::Array(item), Json::Array(items)) => {
            let mut index = 0;
            while index < items.len() {
                let at = path.index(index);
                if value(item, &items[index], &at, report) {
                    rules(each, &items[index], &at, report);
                }
                index += 1;
            }
            true
        }
        (ConstShape::Map(item), Json::Object(members)) => {
            let mut index = 0;
            while index < members.len() {
                let member = &members[index];
                let at = path.key(member.key);
                if !keys.is_empty() {
                    let key = Node {
                        line: member.line,
                        column: member.column,
                        value: Json::Str(member.key),
                    };
                    report.on_key = true;
                    rules(keys, &key, &at, report);
                    report.on_key = false;
                }
                if value(item, &member.value, &at, report) {
                    rules(each, &member.value, &at, report);
                }
                index += 1;
            }
            true
        }
        (ConstShape::Object(meta), Json::Object(members)) => {
            object(node, members, meta, path, report);
            true
        }
        _ => {
            type_error(node, shape, path, report);
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
        type_error(node, &ConstShape::Integer { min, max }, path, report);
        return false;
    }
    let (keyword, found) = match number.int {
        Some(n) if n < min => (Keyword::Minimum, Num::Int(n)),
        Some(n) if n > max => (Keyword::Maximum, Num::Int(n)),
        Some(_) => return true,
        // Beyond i128: far outside any Rust integer type.
        None if number.text.as_bytes()[0] == b'-' => (Keyword::Minimum, Num::Text(number.float)),
        None => (Keyword::Maximum, Num::Text(number.float)),
    };
    let bound = if matches!(keyword, Keyword::Minimum) {
        min
    } else {
        max
    };
    let message = range::message(keyword, Num::Int(bound), found);
    report.finding(node.line, node.column, path, keyword, &message);
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
    let message = message::one_of(names, closest(text, names));
    report.finding(node.line, node.column, path, Keyword::Enum, &message);
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
            // A Rust literal may leave out a `#[constant]` (`checked!` writes it in).
            let constant = matches!(report.names, Names::Rust) && has_constant(field.rules);
            if field.required && !constant {
                let message = message::required();
                report.finding(node.line, node.column, &at, Keyword::Required, &message);
            } else if matches!(report.names, Names::Rust)
                && !constant
                && !field.rules.is_empty()
                && !matches!(field.shape, ConstShape::Optional(_))
            {
                // `checked!` fills in serde's default, a value only known at run time.
                let message = Message::new().str(
                    "left out, so it takes its serde default, which its rules cannot check at \
                     build time: write the value",
                );
                report.finding(node.line, node.column, &at, Keyword::Required, &message);
            }
            continue;
        };
        let (each, keys) = (nested(field.rules, false), nested(field.rules, true));
        if value_with(field.shape, &member.value, &at, each, keys, report) {
            rules(field.rules, &member.value, &at, report);
        }
        requires(field, member, members, meta, &at, report);
    }
}

/// `#[requires]` of a field given as `member`: at its key, each required property missing.
#[inline]
const fn requires(
    field: &ConstField,
    member: &Member,
    members: &[Member],
    meta: &ConstStruct,
    at: &FieldPath<'_>,
    report: &mut Report,
) {
    if given(Some(member), report.names).is_none() {
        return;
    }
    let mut i = 0;
    while i < field.rules.len() {
        if let ConstRule::Requires {
            properties,
            idents,
            message,
        } = field.rules[i]
        {
            let names = match report.names {
                Names::Serialized => properties,
                Names::Rust => idents,
            };
            let mut k = 0;
            while k < names.len() {
                // A required property missing is that property's finding (`required`).
                let required = match find_field(meta, names[k], report.names) {
                    Some(target) => target.required,
                    None => false,
                };
                if !required && given(find_member(members, names[k]), report.names).is_none() {
                    let words = requires::message(properties[k]).unless(message);
                    let keyword = Keyword::DependentRequired;
                    report.finding(member.line, member.column, at, keyword, &words);
                }
                k += 1;
            }
        }
        i += 1;
    }
}

/// The member, unless it is absent: in a Rust literal, `None` is an absent property.
#[inline]
const fn given(member: Option<&Member>, names: Names) -> Option<&Member> {
    match member {
        Some(Member {
            value: Node {
                value: Json::Null, ..
            },
            ..
        }) if matches!(names, Names::Rust) => None,
        other => other,
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
    let mut names = [""; MAX_PROPERTIES];
    let mut len = 0;
    property_names(meta, report.names, &mut names, &mut len);
    let (names, _) = names.split_at(len);
    let message = message::unknown_property(member.key, closest(member.key, names));
    let at = path.key(member.key);
    report.finding(
        member.line,
        member.column,
        &at,
        Keyword::AdditionalProperties,
        &message,
    );
}

#[inline]
const fn rules(rules: &[ConstRule], node: &Node, path: &FieldPath<'_>, report: &mut Report) {
    let mut i = 0;
    while i < rules.len() {
        rule(&rules[i], node, path, report);
        i += 1;
    }
}

/// One rule on a value whose type is right: its module's test and message, as at run time.
#[inline]
const fn rule(rule: &ConstRule, node: &Node, path: &FieldPath<'_>, report: &mut Report) {
    let text = match node.value {
        Json::Str(text) => Some(text),
        _ => None,
    };
    let (line, column) = (node.line, node.column);
    match *rule {
        ConstRule::Length { min, max, message } => {
            let measure = match node.value {
                Json::Str(text) => len::Measure::Chars(text),
                Json::Array(items) => len::Measure::Items(items.len()),
                Json::Object(members) => len::Measure::Properties(members.len()),
                _ => len::Measure::Absent,
            };
            let (lower, upper) = (unwrap_or(min, 0), unwrap_or(max, usize::MAX));
            if let Err(found) = len::test(measure, lower, upper) {
                let keyword = len::keyword(measure, found, lower);
                let words = len::message(keyword, min, max, found).unless(message);
                report.finding(line, column, path, keyword, &words);
            }
        }
        ConstRule::Pattern {
            pattern,
            dfa,
            message,
        } => {
            if let Some(text) = text
                && !dfa.is_match(text)
            {
                let words = pattern::message(pattern).unless(message);
                report.finding(line, column, path, Keyword::Pattern, &words);
            }
        }
        ConstRule::Range { bounds, message } => {
            let Json::Number(number) = node.value else {
                return;
            };
            let mut i = 0;
            while i < bounds.len() {
                let keyword = range::KEYWORDS[i];
                if let Some(bound) = bounds[i]
                    && range::breaks(keyword, value_of(&number), number_of(bound))
                {
                    let words = range::message(keyword, Num::Text(bound.text), found(&number));
                    report.finding(line, column, path, keyword, &words.unless(message));
                }
                i += 1;
            }
        }
        ConstRule::MultipleOf { divisor, message } => {
            if let Json::Number(number) = node.value
                && !multiple_of::test_text(number.text, divisor)
            {
                let words = multiple_of::message(Num::Text(divisor.text), found(&number));
                report.finding(
                    line,
                    column,
                    path,
                    Keyword::MultipleOf,
                    &words.unless(message),
                );
            }
        }
        ConstRule::Unique { message } => {
            if let Json::Array(items) = node.value {
                unique_items(items, message, path, report);
            }
        }
        // The object's rule, checked with its members (`requires`), and the items' rules,
        // checked with the items (`value_with`).
        ConstRule::Requires { .. } | ConstRule::Each { .. } | ConstRule::Keys { .. } => {}
        ConstRule::Const { value, message } => {
            if let Some(text) = text
                && !constant::equal(text, value)
            {
                let words = constant::message(value).unless(message);
                report.finding(line, column, path, Keyword::Const, &words);
            }
        }
        ConstRule::Format { format, message } => {
            if let Some(text) = text
                && !format.test(text)
            {
                let words = format::message(format).unless(message);
                report.finding(line, column, path, Keyword::Format, &words);
            }
        }
        ConstRule::ContentMediaType { message } => {
            if let Some(text) = text
                && let Err((reason, at)) = media_type::test(text)
            {
                let words = media_type::message(media_type::JSON, reason, at).unless(message);
                report.finding(line, column, path, Keyword::ContentMediaType, &words);
            }
        }
    }
}

/// Whether `rules` declare a `#[constant]`.
const fn has_constant(rules: &[ConstRule]) -> bool {
    let mut i = 0;
    while i < rules.len() {
        if let ConstRule::Const { .. } = rules[i] {
            return true;
        }
        i += 1;
    }
    false
}

/// The `#[each]` rules among `rules`, or the `#[keys]` rules (none if there is none).
const fn nested(rules: &[ConstRule], keys: bool) -> &[ConstRule] {
    let mut i = 0;
    while i < rules.len() {
        match rules[i] {
            ConstRule::Each { rules } if !keys => return rules,
            ConstRule::Keys { rules } if keys => return rules,
            _ => {}
        }
        i += 1;
    }
    &[]
}

/// `#[unique]`: each item equal to an earlier one, at the item. The items are compared
/// pairwise: a literal in the source is not a hostile document.
const fn unique_items(
    items: &[Node],
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    report: &mut Report,
) {
    let mut later = 1;
    while later < items.len() {
        if let Some(first) = unique::first_equal(items, later) {
            let item = &items[later];
            let words = unique::message(first).unless(message);
            let at = path.index(later);
            report.finding(item.line, item.column, &at, Keyword::UniqueItems, &words);
        }
        later += 1;
    }
}

#[inline]
const fn unwrap_or(value: Option<usize>, default: usize) -> usize {
    match value {
        Some(value) => value,
        None => default,
    }
}

/// The number as the runtime reads it for a range: an `i128` if it parses as one.
#[inline]
const fn value_of(number: &JsonNumber) -> Number {
    match number.int {
        Some(n) => Number::Int(n),
        None => Number::Float(number.float_value),
    }
}

/// The number as a message shows it: exact, or as the runtime prints it.
#[inline]
const fn found(number: &JsonNumber) -> Num<'static> {
    match number.int {
        Some(n) => Num::Int(n),
        None => Num::Text(number.float),
    }
}

/// A bound as the runtime holds it.
#[inline]
const fn number_of(bound: ConstNumber) -> Number {
    match bound.int {
        Some(n) => Number::Int(n),
        None => Number::Float(bound.float),
    }
}

/// `expected a string, found a number (type)`.
#[inline]
const fn type_error(node: &Node, shape: &ConstShape, path: &FieldPath<'_>, report: &mut Report) {
    let message = message::wrong_type(expected(shape), type_name(&node.value));
    report.finding(node.line, node.column, path, Keyword::Type, &message);
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
