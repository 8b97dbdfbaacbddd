//! Checks a document tree against a type's [`Shape`], collecting every finding with where it
//! is. The constraint checks are the very functions the derived `validate` calls, and the
//! patterns the very matchers, so the two paths cannot word or decide anything differently.

use std::ops::Range;

use crate::__private::compile_time::{OUT_OF_RANGE, closest};
use crate::__private::{
    Measure, check_const, check_json_media_type, check_length, check_range, pattern_failed,
};
use crate::error::{Detail, Keyword, Number, ValidationError};
use crate::meta::{EnumMeta, FieldMeta, Rule, Shape, StructMeta};
use crate::{FieldPath, ValidationErrors};

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
    /// The values of `Secret` fields, which no rendering may show.
    pub(crate) secrets: Vec<Range<usize>>,
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
            (Shape::Sensitive(inner), _) => {
                self.secrets.push(span(node));
                self.value(node, inner(), path)
            }
            // JSON Schema has no "optional" type: `null` is a value of the wrong type.
            (Shape::Optional(inner), _) => self.value(node, inner(), path),
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
                for (index, member) in members.iter().enumerate() {
                    if self.duplicate(members, index, path) {
                        continue;
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

    /// Reports the member at `index` if an earlier one has its key; `true` if so.
    fn duplicate(&mut self, members: &[Member<'_>], index: usize, path: &FieldPath<'_>) -> bool {
        let member = &members[index];
        if !members[..index]
            .iter()
            .any(|earlier| earlier.key == member.key)
        {
            return false;
        }
        let detail = Detail::DuplicateKey {
            property: member.key.clone().into_owned(),
        };
        let key = member.key_start..member.key_start + member.key_len;
        self.push(key, &path.key(&member.key), Keyword::DuplicateKey, detail);
        true
    }

    fn object(
        &mut self,
        node: &Node<'_>,
        members: &[Member<'_>],
        meta: &'static StructMeta,
        path: &FieldPath<'_>,
    ) {
        let mut fields = Vec::new();
        properties(meta, &mut fields);
        let names: Vec<&'static str> = fields.iter().map(|field| field.name).collect();
        for (index, member) in members.iter().enumerate() {
            if self.duplicate(members, index, path) || names.contains(&&*member.key) {
                continue;
            }
            if meta.deny_unknown_fields {
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
        }
        for field in fields {
            let at = path.key(field.name);
            match members.iter().find(|member| member.key == field.name) {
                Some(member) => self.field(&member.value, field, &at),
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

/// The declared properties of `meta`, with those of flattened fields in their place.
fn properties(meta: &'static StructMeta, out: &mut Vec<&'static FieldMeta>) {
    for field in meta.fields {
        match (field.flatten, (field.shape)()) {
            (true, Shape::Object(inner)) => properties(inner, out),
            _ => out.push(field),
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
