//! Checks a document tree against a type's [`Shape`], collecting every finding with where it
//! is. The constraint checks are the very functions the derived `validate` calls, and the
//! patterns the very matchers, so the two paths cannot word or decide anything differently.

use std::collections::HashSet;
use std::ops::Range;

use crate::__private::compile_time::{OUT_OF_RANGE, closest};
use crate::__private::{
    Measure, check_const, check_json_media_type, check_length, check_range, pattern_failed,
};
use crate::error::{Detail, Keyword, Number, ValidationError};
use crate::meta::{EnumMeta, FieldMeta, Rule, Shape, StructMeta};
use crate::{FieldPath, ValidationErrors};

use super::secret::properties;
use super::tree::{Kind, Member, Node};

/// A finding and the bytes of the document it is about.
#[derive(Debug)]
pub(crate) struct Located {
    pub(crate) error: ValidationError,
    pub(crate) span: Range<usize>,
}

#[derive(Default)]
pub(crate) struct Checker {
    pub(crate) findings: Vec<Located>,
}

fn span(node: &Node<'_>) -> Range<usize> {
    node.start..node.start + node.len
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

impl Checker {
    fn push(&mut self, span: Range<usize>, path: &FieldPath<'_>, keyword: Keyword, detail: Detail) {
        self.findings.push(Located {
            error: ValidationError::new(path.to_pointer(), keyword, detail),
            span,
        });
    }

    /// Moves the findings of a shared check function over, all located at `span`.
    fn take(&mut self, errors: ValidationErrors, span: &Range<usize>) {
        self.findings
            .extend(errors.into_iter().map(|error| Located {
                error,
                span: span.clone(),
            }));
    }

    fn wrong_type(&mut self, node: &Node<'_>, shape: &Shape, path: &FieldPath<'_>) {
        let detail = Detail::Type {
            expected: expected(shape),
            found: node.kind.type_name(),
        };
        self.push(span(node), path, Keyword::Type, detail);
    }

    /// Checks `node` against `shape`; `false` when its type is wrong, so that nothing below
    /// it (nor the field's rules) is reported.
    pub(crate) fn value(&mut self, node: &Node<'_>, shape: &Shape, path: &FieldPath<'_>) -> bool {
        match (shape, &node.kind) {
            (Shape::Any, _) | (Shape::Boolean, Kind::Bool) | (Shape::Str, Kind::Str(_)) => true,
            // serde_json reads no number beyond `f64`'s range (`1e400`) into a float.
            (Shape::Number, Kind::Number(raw)) => {
                if raw.parse::<f64>().is_ok_and(f64::is_finite) {
                    return true;
                }
                let detail = Detail::Type {
                    expected: expected(shape),
                    found: OUT_OF_RANGE,
                };
                self.push(span(node), path, Keyword::Type, detail);
                false
            }
            // JSON Schema has no "optional" type: `null` is a value of the wrong type.
            (Shape::Optional(inner) | Shape::Sensitive(inner), _) => {
                self.value(node, inner(), path)
            }
            (Shape::Integer { min, max }, Kind::Number(raw)) => {
                self.integer(node, raw, *min, *max, path)
            }
            (Shape::Enum(meta), Kind::Str(value)) => {
                self.variant(node, value, meta, path);
                true
            }
            (Shape::Array(item), Kind::Array(items)) => {
                for (index, element) in items.iter().enumerate() {
                    self.value(element, item(), &path.index(index));
                }
                true
            }
            (Shape::Map(value), Kind::Object(members)) => {
                let mut keys = Keys::new(members);
                for member in members {
                    // A duplicate is reported, and its value checked like the first's.
                    if keys.seen_before(&member.key) {
                        self.duplicate(member, path);
                    }
                    self.value(&member.value, value(), &path.key(&member.key));
                }
                true
            }
            (Shape::Object(meta), Kind::Object(members)) => {
                self.object(node, members, meta, path);
                true
            }
            _ => {
                self.wrong_type(node, shape, path);
                false
            }
        }
    }

    fn integer(
        &mut self,
        node: &Node<'_>,
        raw: &str,
        min: i128,
        max: i128,
        path: &FieldPath<'_>,
    ) -> bool {
        // serde reads `1.0` or `1e2` into no integer type, so neither is an integer here; nor
        // `-0`, which serde_json reads as the float `-0.0`.
        if raw.contains(['.', 'e', 'E']) || raw == "-0" {
            self.wrong_type(node, &Shape::Integer { min, max }, path);
            return false;
        }
        let bounds = (Some(Number::Int(min)), Some(Number::Int(max)));
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
        let detail = Detail::Range {
            min: bounds.0,
            max: bounds.1,
            found,
        };
        self.push(span(node), path, keyword, detail);
        false
    }

    fn variant(&mut self, node: &Node<'_>, value: &str, meta: &EnumMeta, path: &FieldPath<'_>) {
        if meta.names.contains(&value) {
            return;
        }
        let detail = Detail::Enum {
            allowed: meta.names,
            suggestion: closest(value, meta.names),
        };
        self.push(span(node), path, Keyword::Enum, detail);
    }

    /// Reports `member` as a duplicate of an earlier one.
    fn duplicate(&mut self, member: &Member<'_>, path: &FieldPath<'_>) {
        let detail = Detail::DuplicateKey {
            property: member.key.clone().into_owned(),
        };
        let key = member.key_start..member.key_start + member.key_len;
        self.push(key, &path.key(&member.key), Keyword::DuplicateKey, detail);
    }

    fn object(
        &mut self,
        node: &Node<'_>,
        members: &[Member<'_>],
        meta: &'static StructMeta,
        path: &FieldPath<'_>,
    ) {
        let mut fields = Vec::new();
        properties(meta, &mut |field| fields.push(field));
        let names: Vec<&'static str> = fields.iter().map(|field| field.name).collect();
        // The first member of each declared property, checked below in declaration order.
        let mut firsts: Vec<Option<&Node<'_>>> = vec![None; fields.len()];
        let mut keys = Keys::new(members);
        for member in members {
            let declared = names.iter().position(|name| *name == member.key);
            if keys.seen_before(&member.key) {
                // Reported, and its value checked like the first's.
                self.duplicate(member, path);
                if let Some(k) = declared {
                    self.field(&member.value, fields[k], &path.key(fields[k].name));
                }
                continue;
            }
            match declared {
                Some(k) => firsts[k] = Some(&member.value),
                None if meta.deny_unknown_fields => {
                    let detail = Detail::AdditionalProperty {
                        property: member.key.clone().into_owned(),
                        suggestion: closest(&member.key, &names),
                    };
                    let key = member.key_start..member.key_start + member.key_len;
                    self.push(
                        key,
                        &path.key(&member.key),
                        Keyword::AdditionalProperties,
                        detail,
                    );
                }
                None => {}
            }
        }
        for (field, first) in fields.into_iter().zip(firsts) {
            let at = path.key(field.name);
            match first {
                Some(value) => self.field(value, field, &at),
                // Pointed at the enclosing object's opening brace: where the property belongs.
                None if field.required => self.push(
                    node.start..node.start + 1,
                    &at,
                    Keyword::Required,
                    Detail::Required,
                ),
                None => {}
            }
        }
    }

    fn field(&mut self, node: &Node<'_>, field: &FieldMeta, path: &FieldPath<'_>) {
        if !self.value(node, (field.shape)(), path) || field.rules.is_empty() {
            return;
        }
        let mut errors = ValidationErrors::new();
        for rule in field.rules {
            rule_check(rule, node, path, &mut errors);
        }
        self.take(errors, &span(node));
    }
}

/// The keys of an object seen so far, to tell duplicates in time linear in the members: a
/// few are compared directly, many go through a hash set (`SipHash`, keyed at random, so no
/// document can make it quadratic).
enum Keys<'k> {
    Few(&'k [Member<'k>], usize),
    Many(HashSet<&'k str>),
}

impl<'k> Keys<'k> {
    /// Up to this many members, comparing with each earlier key is the faster way.
    const FEW: usize = 16;

    /// For the members of one object, to be given in order to [`Keys::seen_before`].
    fn new(members: &'k [Member<'k>]) -> Keys<'k> {
        if members.len() <= Keys::FEW {
            Keys::Few(members, 0)
        } else {
            Keys::Many(HashSet::with_capacity(members.len()))
        }
    }

    /// Records the key of the next member; `true` if an earlier member had it.
    fn seen_before(&mut self, key: &'k str) -> bool {
        match self {
            Keys::Few(members, next) => {
                let earlier = &members[..*next];
                *next += 1;
                earlier.iter().any(|member| member.key == key)
            }
            Keys::Many(keys) => !keys.insert(key),
        }
    }
}

/// One rule on a value whose type is right; the same checks the derived `validate` runs.
fn rule_check(rule: &Rule, node: &Node<'_>, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
    let text = match &node.kind {
        Kind::Str(text) => Some(&**text),
        _ => None,
    };
    match *rule {
        Rule::Length { min, max } => {
            let measure = match &node.kind {
                Kind::Str(text) => Measure::Chars(text),
                Kind::Array(items) => Measure::Items(items.len()),
                Kind::Object(members) => Measure::Items(members.len()),
                _ => Measure::Absent,
            };
            check_length(
                measure,
                min.unwrap_or(0),
                max.unwrap_or(usize::MAX),
                path,
                errors,
            );
        }
        Rule::Pattern { pattern, is_match } => {
            if let Some(text) = text
                && !is_match(text)
            {
                pattern_failed(pattern, path, errors);
            }
        }
        Rule::Range { min, max } => {
            if let Kind::Number(raw) = node.kind {
                let number = raw
                    .parse::<i128>()
                    .map(Number::Int)
                    .or_else(|_| raw.parse::<f64>().map(Number::Float))
                    .ok();
                check_range(number, min, max, path, errors);
            }
        }
        Rule::Const(expected) => check_const(text, expected, path, errors),
        Rule::ContentMediaType(_) => check_json_media_type(text, path, errors),
    }
}
