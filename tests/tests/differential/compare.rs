//! One document through both validators, and the documented ways their answers may differ
//! (see the crate docs of `differential.rs` for why each is right).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::marker::PhantomData;

use ecr_config::{Keyword, Validate};
use jsonschema::error::ValidationErrorKind;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::doc::{Doc, Style};

/// `(JSON Pointer, keyword)` pairs.
pub(crate) type Findings = BTreeSet<(String, String)>;

/// What we report that JSON Schema does not assert; dropped from our side, and only these.
pub(crate) const EXTRAS: [Keyword; 2] = [Keyword::DuplicateKey, Keyword::ContentMediaType];

/// Keywords JSON Schema still evaluates on a value of the wrong type: `enum` and `const` apply
/// to any value, `minimum` and `maximum` to any number (a fraction in an integer field).
const BESIDE_TYPE: [&str; 4] = ["enum", "const", "minimum", "maximum"];

/// `T`'s generated schema compiled by `jsonschema`, next to our parser for `T`.
pub(crate) struct Oracle<T> {
    schema: Value,
    validator: jsonschema::Validator,
    model: PhantomData<fn() -> T>,
}

/// Both answers on one document.
#[derive(Debug)]
pub(crate) struct Comparison {
    pub(crate) text: String,
    /// Our findings, [`EXTRAS`] removed.
    pub(crate) ours: Findings,
    /// The [`EXTRAS`] we reported.
    pub(crate) extras: Vec<Keyword>,
    /// `jsonschema`'s findings as it reports them, each at the value's pointer.
    pub(crate) theirs: Findings,
    /// `theirs` with the documented differences applied: what we must report.
    pub(crate) expected: Findings,
    /// [`BESIDE_TYPE`] findings of `jsonschema` next to a `type` one at the same pointer.
    pub(crate) beside_type: usize,
    /// Integers written as `1.0`, `1e2` or `-0` in integer fields.
    pub(crate) integral: usize,
}

impl Comparison {
    pub(crate) fn agrees(&self) -> bool {
        self.ours == self.expected
    }

    /// Both finding sets and where they differ.
    pub(crate) fn explain(&self) -> String {
        let mut out = String::new();
        let list = |set: &Findings| {
            set.iter()
                .map(|(pointer, keyword)| format!("({pointer:?}, {keyword})"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let only_ours: Findings = self.ours.difference(&self.expected).cloned().collect();
        let only_theirs: Findings = self.expected.difference(&self.ours).cloned().collect();
        writeln!(out, "  ecr-config: [{}]", list(&self.ours)).unwrap();
        writeln!(out, "  jsonschema: [{}]", list(&self.theirs)).unwrap();
        writeln!(out, "  expected:   [{}]", list(&self.expected)).unwrap();
        writeln!(out, "  only ecr-config: [{}]", list(&only_ours)).unwrap();
        write!(out, "  only expected:   [{}]", list(&only_theirs)).unwrap();
        out
    }
}

impl<T: DeserializeOwned + Validate> Oracle<T> {
    pub(crate) fn new() -> Self {
        Self::with_schema(T::json_schema())
    }

    /// Our parser for `T` against another schema: to show that a difference is caught.
    pub(crate) fn with_schema(schema: Value) -> Self {
        // The engine with ECMA-262's lookaround and backreferences; either engine reads the
        // pattern after jsonschema's ECMA-262 translation (`\d`, `\w`, `\s`, `.`).
        let validator = jsonschema::draft202012::options()
            .with_pattern_options(jsonschema::PatternOptions::fancy_regex())
            .build(&schema)
            .expect("the generated schema compiles");
        Self {
            schema,
            validator,
            model: PhantomData,
        }
    }

    pub(crate) fn compare(&self, doc: &Doc, style: Style) -> Comparison {
        let text = doc.text(style);
        let (ours, extras, secrets) = ours::<T>(&text);
        // The instance is the very text we read, except that of duplicate members it keeps
        // the first, as we do, where `serde_json` would keep the last.
        let instance = if doc.has_duplicate_keys() {
            doc.value()
        } else {
            serde_json::from_str(&text).expect("the generators write JSON")
        };
        let theirs = self.theirs(&instance);
        let mut expected = theirs.clone();
        let beside_type = beside_type(&mut expected);
        let integral = self.integral(doc, &mut expected);
        self.masked_keys(&secrets, &mut expected);
        Comparison {
            text,
            ours,
            extras,
            theirs,
            expected,
            beside_type,
            integral,
        }
    }

    /// `jsonschema`'s errors, all of them, each at the pointer of the value it is about:
    /// `required` at the missing property, `additionalProperties` at each unknown one.
    pub(crate) fn theirs(&self, instance: &Value) -> Findings {
        let mut findings = Findings::new();
        for error in self.validator.iter_errors(instance) {
            let at = error.instance_path().as_str();
            match error.kind() {
                ValidationErrorKind::Required { property } => {
                    let name = property.as_str().expect("a property name");
                    findings.insert((child(at, name), "required".into()));
                }
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    for name in unexpected {
                        findings.insert((child(at, name), "additionalProperties".into()));
                    }
                }
                // Spelt `pattern` too, but no answer: never let one pass for agreement.
                ValidationErrorKind::BacktrackLimitExceeded { .. }
                | ValidationErrorKind::RegexEngineFailure { .. } => {
                    panic!("jsonschema's regex engine failed at {at:?}: {error}")
                }
                kind => {
                    findings.insert((at.to_owned(), kind.keyword().to_owned()));
                }
            }
        }
        findings
    }

    /// Applies the documented masking of keys: a key the document chose that spells one of
    /// its `secrets` (the values of its secret strings) is masked in our pointers, each
    /// character a `*`; all-digit tokens (maybe array indices) and the schema's own property
    /// names are not.
    fn masked_keys(&self, secrets: &[String], expected: &mut Findings) {
        if secrets.is_empty() {
            return;
        }
        let mut declared = BTreeSet::new();
        property_names(&self.schema, &mut declared);
        let spells = |token: &str| {
            !token.bytes().all(|b| b.is_ascii_digit())
                && !declared.contains(token)
                && secrets.iter().any(|secret| {
                    token == secret || (secret.chars().count() >= 8 && token.contains(&**secret))
                })
        };
        *expected = std::mem::take(expected)
            .into_iter()
            .map(|(pointer, keyword)| {
                let masked: String = pointer
                    .split('/')
                    .skip(1)
                    .map(|token| {
                        let name = token.replace("~1", "/").replace("~0", "~");
                        if spells(&name) {
                            format!("/{}", "*".repeat(name.chars().count()))
                        } else {
                            format!("/{token}")
                        }
                    })
                    .collect();
                (masked, keyword)
            })
            .collect();
    }

    /// Applies the documented integer difference: JSON Schema's `integer` is any number
    /// without a fractional part, serde's integers are written without a fraction, an
    /// exponent or a minus zero. Where such a number stands for an integer, we report `type`
    /// instead of whatever `minimum`/`maximum` say. Returns how many such numbers there were.
    fn integral(&self, doc: &Doc, expected: &mut Findings) -> usize {
        let mut pointers = Vec::new();
        integers_spelt_as_floats(&self.schema, doc, &mut String::new(), &mut pointers);
        for pointer in &pointers {
            for keyword in ["minimum", "maximum"] {
                expected.remove(&(pointer.clone(), keyword.to_owned()));
            }
            expected.insert((pointer.clone(), "type".to_owned()));
        }
        pointers.len()
    }
}

/// The pointers of whole numbers spelt `1.0`, `1e2` or `-0` where `schema` asks for an
/// integer, found the way a validator descends: into the properties of an object (the first
/// of duplicate members) and the items of an array, where the schema has them.
fn integers_spelt_as_floats(
    schema: &Value,
    doc: &Doc,
    pointer: &mut String,
    out: &mut Vec<String>,
) {
    let len = pointer.len();
    match doc {
        Doc::Num(raw) if schema["type"] == "integer" => {
            let float_syntax = raw.contains(['.', 'e', 'E']) || raw == "-0";
            let whole = raw.parse::<f64>().is_ok_and(|n| n.fract() == 0.0);
            if float_syntax && whole {
                out.push(pointer.clone());
            }
        }
        Doc::Obj(members) => {
            for (index, (key, value)) in members.iter().enumerate() {
                let first = !members[..index].iter().any(|(earlier, _)| earlier == key);
                if let Some(property) = schema["properties"].get(key)
                    && first
                {
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    integers_spelt_as_floats(property, value, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        Doc::Arr(items) => {
            if let Some(item) = schema.get("items") {
                for (index, value) in items.iter().enumerate() {
                    write!(pointer, "/{index}").expect("writing to a String");
                    integers_spelt_as_floats(item, value, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        _ => {}
    }
}

/// Every property name `schema` declares, at any depth.
fn property_names(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(members) => {
            for (key, value) in members {
                if key == "properties"
                    && let Value::Object(properties) = value
                {
                    out.extend(properties.keys().cloned());
                }
                property_names(value, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                property_names(item, out);
            }
        }
        _ => {}
    }
}

/// Our findings on `text` with [`EXTRAS`] set apart, and the values of the secret strings
/// the report masks.
pub(crate) fn ours<T: DeserializeOwned + Validate>(
    text: &str,
) -> (Findings, Vec<Keyword>, Vec<String>) {
    let mut findings = Findings::new();
    let mut extras = Vec::new();
    let mut secrets = Vec::new();
    if let Err(report) = ecr_config::from_json_str::<T>(text) {
        secrets = report
            .secret_spans()
            .iter()
            .filter_map(|span| serde_json::from_str::<String>(&text[span.clone()]).ok())
            .filter(|secret| !secret.is_empty())
            .collect();
        let firsts = crate::doc::first_occurrences(text, &report);
        for finding in report.findings() {
            if EXTRAS.contains(&finding.keyword()) {
                extras.push(finding.keyword());
            } else if firsts.contains(&finding) {
                findings.insert((
                    finding.pointer().to_owned(),
                    finding.keyword().as_str().to_owned(),
                ));
            }
        }
    }
    (findings, extras, secrets)
}

/// Applies the documented one-finding-per-wrong-type difference: where JSON Schema reports
/// `type`, it may also report [`BESIDE_TYPE`] keywords at the same pointer; we report `type`
/// alone. Returns how many findings that drops.
fn beside_type(expected: &mut Findings) -> usize {
    let wrong_type: Vec<String> = expected
        .iter()
        .filter(|(_, keyword)| keyword == "type")
        .map(|(pointer, _)| pointer.clone())
        .collect();
    let before = expected.len();
    expected.retain(|(pointer, keyword)| {
        !(BESIDE_TYPE.contains(&keyword.as_str()) && wrong_type.contains(pointer))
    });
    before - expected.len()
}

/// `pointer` extended by one property name, escaped per RFC 6901.
fn child(pointer: &str, name: &str) -> String {
    format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// What a run produced, to show it tested something.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    pub(crate) documents: usize,
    /// Documents jsonschema found valid.
    pub(crate) valid: usize,
    /// jsonschema's findings by keyword.
    pub(crate) keywords: BTreeMap<String, usize>,
    /// Our [`EXTRAS`] by keyword.
    pub(crate) extras: BTreeMap<&'static str, usize>,
    pub(crate) beside_type: usize,
    pub(crate) integral: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, comparison: &Comparison) {
        self.documents += 1;
        self.valid += usize::from(comparison.theirs.is_empty());
        for (_, keyword) in &comparison.theirs {
            *self.keywords.entry(keyword.clone()).or_default() += 1;
        }
        for keyword in &comparison.extras {
            *self.extras.entry(keyword.as_str()).or_default() += 1;
        }
        self.beside_type += comparison.beside_type;
        self.integral += comparison.integral;
    }

    /// Panics unless every keyword in `keywords` was reported at least `times` times and at
    /// least `valid_share` of the documents were valid.
    pub(crate) fn assert_covers(&self, keywords: &[&str], times: usize, valid_share: f64) {
        for keyword in keywords {
            let seen = self.keywords.get(*keyword).copied().unwrap_or(0);
            assert!(seen >= times, "`{keyword}` reported {seen} times: {self:?}");
        }
        #[allow(clippy::cast_precision_loss)] // counts far below 2^52
        let share = self.valid as f64 / self.documents as f64;
        assert!(
            share >= valid_share,
            "{share:.2} of documents valid: {self:?}"
        );
    }
}
