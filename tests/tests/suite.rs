//! The official JSON-Schema-Test-Suite (draft 2020-12; the groups this crate's attributes
//! express, copied into `tests/json-schema-test-suite/`) against every checker: each group's
//! schema is written as a derived type, and every instance of a JSON type the type accepts
//! must get the suite's verdict from `from_json_str` (the positioned parser), from
//! `serde_json` followed by `validate()`, and from the compile-time checker behind
//! `include_config!`.
//!
//! Most groups put the keyword at the root, where an instance may be any value; a derived
//! type is an object, so the instance is checked as the property `v` of `{"v": instance}`,
//! declared with the group's keyword as a rule on the field. Instances of another JSON type
//! than the field's (the suite's "ignores non-strings" cases) are not this type's to judge:
//! for those, JSON Schema says only that the keyword does not apply, and the field's type
//! rejects them (a `type` finding), which the differential test checks.
//!
//! Groups left out, each with why, are listed in [`LEFT_OUT`]; a group neither run nor left
//! out fails [`every_group_is_run_or_left_out`].

use std::collections::BTreeMap;
use std::path::Path;

use ecr_config::__private::compile_time::{self, Names, Report};
use ecr_config::__private::const_document;
use ecr_config::{Shape, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The suite's files, by name (`minLength`, `optional/ecmascript-regex`).
fn file(name: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("json-schema-test-suite")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Array(groups)) => groups,
        other => panic!("{} is not a list of groups: {other:?}", path.display()),
    }
}

/// The group `description` of `file`.
fn group(name: &str, description: &str) -> Value {
    file(name)
        .into_iter()
        .find(|group| group["description"] == description)
        .unwrap_or_else(|| panic!("{name}.json has no group {description:?}"))
}

/// Whether a value of `shape` can be `instance`'s JSON type.
fn accepts(shape: &Shape, instance: &Value) -> bool {
    match (shape, instance) {
        (Shape::Any, _)
        | (Shape::Boolean, Value::Bool(_))
        | (Shape::Number, Value::Number(_))
        | (Shape::Str | Shape::Enum(_), Value::String(_))
        | (Shape::Array(_), Value::Array(_))
        | (Shape::Map(_) | Shape::Object(_), Value::Object(_)) => true,
        (Shape::Integer { .. }, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Shape::Optional(inner) | Shape::Sensitive(inner), _) => accepts(inner(), instance),
        _ => false,
    }
}

/// What one checker said about one instance: `Ok` if valid, else the findings.
type Verdict = Result<(), String>;

fn parsed<T: DeserializeOwned + Validate>(text: &str) -> Verdict {
    ecr_config::from_json_str::<T>(text)
        .map(drop)
        .map_err(|report| report.to_string())
}

fn validated<T: DeserializeOwned + Validate>(text: &str) -> Verdict {
    let value: T = serde_json::from_str(text).map_err(|e| format!("serde_json: {e}"))?;
    value.validate().map_err(|errors| errors.to_string())
}

fn compile_time<T: Validate>(text: &str) -> Verdict {
    let document = const_document(text).expect("the suite's instances are JSON");
    let mut report = Report::new("", Names::Serialized);
    compile_time::check(T::__CONST_SHAPE, document, &mut report);
    if report.is_empty() {
        Ok(())
    } else {
        Err(report.as_str().to_owned())
    }
}

/// Runs `group` of `file` with instances checked as `T` (wrapped as `{"v": …}` when `wrap`);
/// returns how many instances were checked.
fn run<T: DeserializeOwned + Validate>(file: &str, description: &str, wrap: bool) -> usize {
    let group = group(file, description);
    let shape = match (wrap, &T::SHAPE) {
        (true, Shape::Object(meta)) => (meta.fields[0].shape)(),
        (true, other) => panic!("the wrapper is an object, not {other:?}"),
        (false, shape) => shape,
    };
    let mut checked = 0;
    for case in group["tests"].as_array().expect("tests") {
        let instance = &case["data"];
        if !accepts(shape, instance) {
            continue;
        }
        let text = if wrap {
            format!("{{\"v\": {instance}}}")
        } else {
            instance.to_string()
        };
        let expected = case["valid"].as_bool().expect("valid");
        let what = format!("{file}: {description}: {}: {text}", case["description"]);
        for (checker, verdict) in [
            ("from_json_str", parsed::<T>(&text)),
            ("validate", validated::<T>(&text)),
            ("compile time", compile_time::<T>(&text)),
        ] {
            assert_eq!(
                verdict.is_ok(),
                expected,
                "{what}: {checker} says {verdict:?}"
            );
        }
        checked += 1;
    }
    assert!(
        checked > 0,
        "{file}: {description}: no instance of the field's type"
    );
    // `--nocapture` lists what each group ran: the count per keyword.
    println!("{file}: {description}: {checked} instances");
    checked
}

/// One test per group: the file, the group's description, and its schema as the field `v`'s
/// type and rules.
macro_rules! groups {
    ($(
        $test:ident: $file:literal, $description:literal, $(#[$rule:meta])* v: $ty:ty;
    )*) => {
        /// Every group run, as `(file, description)`.
        const RUN: &[(&str, &str)] = &[
            $(($file, $description),)*
            ENUM_IN_PROPERTIES,
            DEPENDENT_REQUIRED[0],
            DEPENDENT_REQUIRED[1],
            DEPENDENT_REQUIRED[2],
        ];

        $(
            #[test]
            fn $test() {
                #[derive(serde::Deserialize, Validate)]
                struct Wrapper {
                    $(#[$rule])*
                    #[allow(dead_code, reason = "read by the checkers")]
                    v: $ty,
                }
                run::<Wrapper>($file, $description, true);
            }
        )*
    };
}

groups! {
    min_length: "minLength", "minLength validation", #[len(min = 2)] v: String;
    min_length_decimal: "minLength", "minLength validation with a decimal",
        #[len(min = 2)] v: String;
    max_length: "maxLength", "maxLength validation", #[len(max = 2)] v: String;
    max_length_decimal: "maxLength", "maxLength validation with a decimal",
        #[len(max = 2)] v: String;
    min_items: "minItems", "minItems validation", #[len(min = 1)] v: Vec<Value>;
    min_items_decimal: "minItems", "minItems validation with a decimal",
        #[len(min = 1)] v: Vec<Value>;
    max_items: "maxItems", "maxItems validation", #[len(max = 2)] v: Vec<Value>;
    max_items_decimal: "maxItems", "maxItems validation with a decimal",
        #[len(max = 2)] v: Vec<Value>;
    min_properties: "minProperties", "minProperties validation",
        #[len(min = 1)] v: BTreeMap<String, Value>;
    min_properties_decimal: "minProperties", "minProperties validation with a decimal",
        #[len(min = 1)] v: BTreeMap<String, Value>;
    max_properties: "maxProperties", "maxProperties validation",
        #[len(max = 2)] v: BTreeMap<String, Value>;
    max_properties_decimal: "maxProperties", "maxProperties validation with a decimal",
        #[len(max = 2)] v: BTreeMap<String, Value>;
    max_properties_zero: "maxProperties", "maxProperties = 0 means the object is empty",
        #[len(max = 0)] v: BTreeMap<String, Value>;
    minimum: "minimum", "minimum validation", #[range(min = 1.1)] v: f64;
    minimum_signed: "minimum", "minimum validation with signed integer",
        #[range(min = -2)] v: f64;
    maximum: "maximum", "maximum validation", #[range(max = 3.0)] v: f64;
    maximum_unsigned: "maximum", "maximum validation with unsigned integer",
        #[range(max = 300)] v: f64;
    exclusive_minimum: "exclusiveMinimum", "exclusiveMinimum validation",
        #[range(exclusive_min = 1.1)] v: f64;
    exclusive_maximum: "exclusiveMaximum", "exclusiveMaximum validation",
        #[range(exclusive_max = 3.0)] v: f64;
    multiple_of_int: "multipleOf", "by int", #[multiple_of(2)] v: f64;
    multiple_of_number: "multipleOf", "by number", #[multiple_of(1.5)] v: f64;
    multiple_of_small: "multipleOf", "by small number", #[multiple_of(0.0001)] v: f64;
    multiple_of_overflow: "multipleOf", "float division = inf",
        #[multiple_of(0.123456789)] v: f64;
    multiple_of_large_integer: "multipleOf", "small multiple of large integer",
        #[multiple_of(1e-8)] v: i64;
    pattern: "pattern", "pattern validation", #[pattern("^a*$")] v: String;
    pattern_unanchored: "pattern", "pattern is not anchored", #[pattern("a+")] v: String;
    const_nul: "const", "nul characters in strings", #[constant("hello\0there")] v: String;
    enum_escaped: "enum", "enum with escaped characters", v: Escaped;
    enum_nul: "enum", "nul characters in strings", v: Nul;
    ecma_dollar: "optional/ecmascript-regex", "ECMA 262 regex $ does not match trailing newline",
        #[pattern("^abc$")] v: String;
    ecma_tab: "optional/ecmascript-regex", "ECMA 262 regex converts \\t to horizontal tab",
        #[pattern("^\\t$")] v: String;
    ecma_digit: "optional/ecmascript-regex", "ECMA 262 \\d matches ascii digits only",
        #[pattern("^\\d$")] v: String;
    ecma_not_digit: "optional/ecmascript-regex", "ECMA 262 \\D matches everything but ascii digits",
        #[pattern("^\\D$")] v: String;
    ecma_word: "optional/ecmascript-regex", "ECMA 262 \\w matches ascii letters only",
        #[pattern("^\\w$")] v: String;
    ecma_not_word: "optional/ecmascript-regex", "ECMA 262 \\W matches everything but ascii letters",
        #[pattern("^\\W$")] v: String;
    ecma_space: "optional/ecmascript-regex", "ECMA 262 \\s matches whitespace",
        #[pattern("^\\s$")] v: String;
    ecma_not_space: "optional/ecmascript-regex", "ECMA 262 \\S matches everything but whitespace",
        #[pattern("^\\S$")] v: String;
    ecma_word_not_unicode: "optional/ecmascript-regex",
        "\\w in patterns matches [A-Za-z0-9_], not unicode letters",
        #[pattern("\\wcole")] v: String;
    ecma_ascii_ranges: "optional/ecmascript-regex", "pattern with ASCII ranges",
        #[pattern("[a-z]cole")] v: String;
    ecma_digits_not_unicode: "optional/ecmascript-regex",
        "\\d in pattern matches [0-9], not unicode digits",
        #[pattern("^\\d+$")] v: String;
    non_bmp: "optional/non-bmp-regex", "Proper UTF-16 surrogate pair handling: pattern",
        #[pattern("^\u{1F432}*$")] v: String;
    unique_items: "uniqueItems", "uniqueItems validation", #[unique] v: Vec<Value>;
    unique_items_false: "uniqueItems", "uniqueItems=false validation", v: Vec<Value>;
    property_names_max_length: "propertyNames", "propertyNames validation",
        #[keys(len(max = 3))] v: BTreeMap<String, Value>;
    property_names_pattern: "propertyNames", "propertyNames validation with pattern",
        #[keys(pattern("^a+$"))] v: BTreeMap<String, Value>;
    property_names_true: "propertyNames", "propertyNames with boolean schema true",
        v: BTreeMap<String, Value>;
    property_names_const: "propertyNames", "propertyNames with const",
        #[keys(constant("foo"))] v: BTreeMap<String, Value>;
    ecma_control_upper: "optional/ecmascript-regex",
        "ECMA 262 regex escapes control codes with \\c and upper letter",
        #[pattern("^\\cC$")] v: String;
    ecma_control_lower: "optional/ecmascript-regex",
        "ECMA 262 regex escapes control codes with \\c and lower letter",
        #[pattern("^\\cc$")] v: String;
    format_date_time: "optional/format/date-time", "validation of date-time strings",
        #[format("date-time")] v: String;
    format_date: "optional/format/date", "validation of date strings",
        #[format("date")] v: String;
    format_time: "optional/format/time", "validation of time strings",
        #[format("time")] v: String;
    format_duration: "optional/format/duration", "validation of duration strings",
        #[format("duration")] v: String;
    format_email: "optional/format/email", "validation of e-mail addresses",
        #[format("email")] v: String;
    format_hostname: "optional/format/hostname", "validation of host names",
        #[format("hostname")] v: String;
    format_ipv4: "optional/format/ipv4", "validation of IP addresses",
        #[format("ipv4")] v: String;
    format_ipv6: "optional/format/ipv6", "validation of IPv6 addresses",
        #[format("ipv6")] v: String;
    format_uri: "optional/format/uri", "validation of URIs",
        #[format("uri")] v: String;
    format_uri_reference: "optional/format/uri-reference", "validation of URI References",
        #[format("uri-reference")] v: String;
    format_uuid: "optional/format/uuid", "uuid format",
        #[format("uuid")] v: String;
    format_json_pointer: "optional/format/json-pointer", "validation of JSON-pointers (JSON String Representation)",
        #[format("json-pointer")] v: String;
}

/// `["foo\nbar", "foo\rbar"]`.
#[derive(serde::Deserialize, Validate)]
enum Escaped {
    #[serde(rename = "foo\nbar")]
    NewLine,
    #[serde(rename = "foo\rbar")]
    Return,
}

/// `["hello\u0000there"]`.
#[derive(serde::Deserialize, Validate)]
enum Nul {
    #[serde(rename = "hello\0there")]
    Only,
}

const ENUM_IN_PROPERTIES: (&str, &str) = ("enum", "enums in properties");

/// The `dependentRequired` groups: schemas of objects, checked as is.
const DEPENDENT_REQUIRED: [(&str, &str); 3] = [
    ("dependentRequired", "single dependency"),
    ("dependentRequired", "multiple dependents required"),
    ("dependentRequired", "dependencies with escaped characters"),
];

/// `{"dependentRequired": {"bar": ["foo"]}}`.
#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct SingleDependency {
    foo: Option<Value>,
    #[requires(foo)]
    bar: Option<Value>,
}

/// `{"dependentRequired": {"quux": ["foo", "bar"]}}`.
#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct MultipleDependents {
    foo: Option<Value>,
    bar: Option<Value>,
    #[requires(foo, bar)]
    quux: Option<Value>,
}

/// `{"dependentRequired": {"foo\nbar": ["foo\rbar"], "foo\"bar": ["foo'bar"]}}`.
#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct EscapedDependents {
    #[serde(rename = "foo\nbar")]
    #[requires(carriage_return)]
    newline: Option<Value>,
    #[serde(rename = "foo\rbar")]
    carriage_return: Option<Value>,
    #[serde(rename = "foo\"bar")]
    #[requires(apostrophe)]
    quote: Option<Value>,
    #[serde(rename = "foo'bar")]
    apostrophe: Option<Value>,
}

#[test]
fn dependent_required() {
    let [single, multiple, escaped] = DEPENDENT_REQUIRED;
    run::<SingleDependency>(single.0, single.1, false);
    run::<MultipleDependents>(multiple.0, multiple.1, false);
    run::<EscapedDependents>(escaped.0, escaped.1, false);
}

/// The schema is an object's: checked as is.
#[test]
fn enum_in_properties() {
    run::<InProperties>(ENUM_IN_PROPERTIES.0, ENUM_IN_PROPERTIES.1, false);
}

/// `{"properties": {"foo": {"enum": ["foo"]}, "bar": {"enum": ["bar"]}}, "required": ["bar"]}`.
#[derive(serde::Deserialize, Validate)]
struct InProperties {
    #[allow(dead_code, reason = "read by the checkers")]
    foo: Option<Foo>,
    #[allow(dead_code, reason = "read by the checkers")]
    bar: Bar,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
enum Foo {
    Foo,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "lowercase")]
enum Bar {
    Bar,
}

/// The groups of the copied files not run, and why: `(file, description, reason)`.
const LEFT_OUT: &[(&str, &str, &str)] = &[
    (
        "dependentRequired",
        "empty dependents",
        "`#[requires()]` with no field is a compile error: it would require nothing",
    ),
    (
        "const",
        "*",
        "`#[constant]` takes a string; the other groups' constants are numbers, booleans, null, arrays or objects",
    ),
    (
        "enum",
        "*",
        "an enum is a unit-only Rust enum, whose values are strings; the other groups list numbers, booleans, null, arrays or objects",
    ),
    (
        "optional/ecmascript-regex",
        "pattern with non-ASCII digits",
        "`\\p{…}` classes need the `unicode` feature, off in these tests; and `digit` is no ECMA-262 property name (ECMA-262 spells it `Nd`)",
    ),
    (
        "optional/ecmascript-regex",
        "patterns always use unicode semantics with pattern",
        "`\\p{…}` classes need the `unicode` feature, off in these tests; with it, the DFA of the unanchored `\\p{Letter}cole` exceeds the derive's limit of 65,536 table entries and is refused at compile time",
    ),
    (
        "optional/ecmascript-regex",
        "patterns always use unicode semantics with patternProperties",
        "`patternProperties` has no attribute",
    ),
    (
        "optional/ecmascript-regex",
        "\\w in patternProperties matches [A-Za-z0-9_], not unicode letters",
        "`patternProperties` has no attribute",
    ),
    (
        "optional/ecmascript-regex",
        "patternProperties with ASCII ranges",
        "`patternProperties` has no attribute",
    ),
    (
        "optional/ecmascript-regex",
        "\\d in patternProperties matches [0-9], not unicode digits",
        "`patternProperties` has no attribute",
    ),
    (
        "optional/ecmascript-regex",
        "patternProperties with non-ASCII digits",
        "`patternProperties` has no attribute",
    ),
    (
        "optional/non-bmp-regex",
        "Proper UTF-16 surrogate pair handling: patternProperties",
        "`patternProperties` has no attribute",
    ),
    (
        "uniqueItems",
        "uniqueItems with an array of items",
        "`prefixItems` (a list whose first items have types of their own) has no attribute",
    ),
    (
        "uniqueItems",
        "uniqueItems with an array of items and additionalItems=false",
        "`prefixItems` (a list whose first items have types of their own) has no attribute",
    ),
    (
        "uniqueItems",
        "uniqueItems=false with an array of items",
        "`prefixItems` (a list whose first items have types of their own) has no attribute",
    ),
    (
        "uniqueItems",
        "uniqueItems=false with an array of items and additionalItems=false",
        "`prefixItems` (a list whose first items have types of their own) has no attribute",
    ),
    (
        "propertyNames",
        "propertyNames with boolean schema false",
        "`false` (no key at all) is `#[len(max = 0)]` on the map: maxProperties' group \"maxProperties = 0 means the object is empty\"",
    ),
    (
        "propertyNames",
        "propertyNames with enum",
        "a map's keys are strings (`K: AsRef<str>`), not a unit enum; `#[keys(pattern(\"^(foo|bar)$\"))]` says the same",
    ),
];

/// The files whose groups are accounted for here, one by one.
const FILES: &[&str] = &[
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "uniqueItems",
    "propertyNames",
    "dependentRequired",
    "pattern",
    "const",
    "enum",
    "optional/ecmascript-regex",
    "optional/non-bmp-regex",
    "optional/format/date-time",
    "optional/format/date",
    "optional/format/time",
    "optional/format/duration",
    "optional/format/email",
    "optional/format/hostname",
    "optional/format/ipv4",
    "optional/format/ipv6",
    "optional/format/uri",
    "optional/format/uri-reference",
    "optional/format/uuid",
    "optional/format/json-pointer",
];

#[test]
fn every_group_is_run_or_left_out() {
    let mut missing = Vec::new();
    for name in FILES {
        for group in file(name) {
            let description = group["description"].as_str().expect("description");
            let run = RUN.contains(&(*name, description));
            let left_out = LEFT_OUT
                .iter()
                .any(|&(file, left, _)| file == *name && (left == description || left == "*"));
            if !run && !left_out {
                missing.push(format!("{name}: {description}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "groups neither run nor left out: {missing:#?}"
    );
}
