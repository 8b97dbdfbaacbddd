//! The keywords the ECR and registry schemas do not use (so `differential.rs` cannot reach
//! them) against an independent implementation, the `jsonschema` crate, running the schema
//! our `json_schema()` generates: `uniqueItems`, `exclusiveMinimum`/`exclusiveMaximum`,
//! `multipleOf` and `dependentRequired` on generated documents, each checked by our parser
//! (`from_json_str`, whose fast path is `validate`); and `format`.
//!
//! `#[format]`'s twelve tests are compared string by string with jsonschema's format
//! validators (on, as `should_validate_formats(true)` asks). Strings are grown from the
//! JSON-Schema-Test-Suite's instances of each format and a few of ours by random edits
//! (characters inserted, deleted, replaced, duplicated, swapped) drawn from the characters
//! the grammars turn on; every string's verdict must be jsonschema's, except where the two
//! read the RFCs differently by design ([`by_design`]). `ECR_DIFF_SEED=<n>` runs another seed.
//!
//! The positioned parser, `validate` and the compile-time checker make the same test (the
//! runtime's `const fn`), which `tests/rules.rs` and `tests/suite.rs` check on documents.

use std::path::Path;

use ecr_config::__private::format::{FORMATS, Format};
use ecr_config::Validate;
use fastrand::Rng;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The characters edits are drawn from: each format's syntax, its near misses, and non-ASCII
/// digits and letters (`৪` is a Bengali 4).
const ALPHABET: &[char] = &[
    '0',
    '1',
    '2',
    '3',
    '5',
    '6',
    '9',
    'a',
    'f',
    'g',
    'x',
    'A',
    'F',
    'P',
    'Y',
    'M',
    'W',
    'D',
    'T',
    'H',
    'S',
    'Z',
    'z',
    't',
    'v',
    ':',
    '-',
    '.',
    '+',
    '_',
    '/',
    '~',
    '@',
    '"',
    '\\',
    '[',
    ']',
    '%',
    '?',
    '#',
    '=',
    ',',
    '!',
    ' ',
    '(',
    ')',
    '\'',
    '৪',
    'é',
    '\u{1F432}',
];

/// Strings of each format and beside it, besides the suite's.
const OURS: &[&str] = &[
    "2024-05-01T09:30:00Z",
    "2024-05-01T09:30:00.5+05:30",
    "2024-02-29",
    "23:59:60Z",
    "P1Y2M3DT4H5M6S",
    "PT1H30M",
    "P3W",
    "ops@example.com",
    "\"a b\"@[IPv6:2001:db8::1]",
    "a.b@[192.0.2.1]",
    "registry.example.com",
    "a-b.c-d",
    "192.0.2.10",
    "2001:db8::10",
    "::ffff:1.2.3.4",
    "https://user:pw@example.com:8443/a/b?c=d#e",
    "urn:isbn:0451450523",
    "http://[v7.a:b]/",
    "../a/b?q=1#f",
    "//host/path",
    "123e4567-e89b-12d3-a456-426614174000",
    "/a~0b/c~1d/0",
];

fn seed() -> u64 {
    std::env::var("ECR_DIFF_SEED")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(0xF0_4D47)
}

/// The suite's string instances of `format`.
fn suite_strings(format: Format) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("json-schema-test-suite/optional/format")
        .join(format!("{}.json", format.name()));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let groups: Vec<Value> = serde_json::from_str(&text).expect("the suite's JSON");
    groups
        .iter()
        .flat_map(|group| group["tests"].as_array().expect("tests"))
        .filter_map(|case| case["data"].as_str().map(str::to_owned))
        .collect()
}

/// `text` after one random edit, or two or three.
fn edit(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let edits = if rng.u8(0..4) == 0 {
        rng.usize(2..=3)
    } else {
        1
    };
    for _ in 0..edits {
        let at = rng.usize(0..=chars.len());
        let new = ALPHABET[rng.usize(..ALPHABET.len())];
        match rng.u8(0..8) {
            0 => chars.insert(at, new),
            1 if at < chars.len() => drop(chars.remove(at)),
            2 if at < chars.len() => chars[at] = new,
            3 if at < chars.len() => {
                let run: Vec<char> = chars[at..].iter().take(rng.usize(1..=4)).copied().collect();
                chars.splice(at..at, run);
            }
            4 if at + 1 < chars.len() => chars.swap(at, at + 1),
            // Like for like, which keeps the text in its format more often than not.
            5..=7 if at < chars.len() => chars[at] = like(rng, chars[at]),
            _ => chars.push(new),
        }
    }
    chars.into_iter().collect()
}

/// A character of the same kind as `c`: a digit for a digit, a letter for a letter.
fn like(rng: &mut Rng, c: char) -> char {
    let pick = |rng: &mut Rng, from: &str| {
        let from: Vec<char> = from.chars().collect();
        from[rng.usize(..from.len())]
    };
    match c {
        '0'..='9' => pick(rng, "0123456789"),
        'a'..='f' | 'A'..='F' => pick(rng, "abcdefABCDEF0189"),
        'a'..='z' | 'A'..='Z' => pick(rng, "abgkmxzABGKXZ"),
        _ => pick(rng, ".-:/~+_"),
    }
}

/// Where we and jsonschema read the RFCs differently on purpose: `Some(why)` for a string on
/// which our verdict is `ours`.
fn by_design(format: Format, text: &str, ours: bool) -> Option<&'static str> {
    match format {
        // JSON Schema's `hostname` is RFC 1123's; jsonschema also decodes `xn--` labels as
        // Punycode and refuses a label with `--` in its third and fourth places unless it
        // is one (RFC 5891's rule for IDNA labels). We check RFC 1123's letters, digits and
        // hyphens only, and say so in the docs.
        Format::Hostname | Format::Email
            if ours
                && text
                    .split(['.', '@'])
                    .any(|label| label.get(2..4) == Some("--")) =>
        {
            Some("an IDNA-reserved label, which RFC 1123 allows")
        }
        // RFC 5321's `quoted-pairSMTP` is a backslash and any character from space to `~`
        // (RFC 5322's `quoted-pair` too); the `email_address` crate jsonschema uses refuses
        // a backslash and a space.
        Format::Email if ours && text.starts_with('"') && text.contains("\\ ") => {
            Some("a quoted space in a quoted local part, which RFC 5321 allows")
        }
        _ => None,
    }
}

#[test]
fn formats_agree_with_jsonschema() {
    let mut rng = Rng::with_seed(seed());
    let mut disagreements = Vec::new();
    let mut thin = Vec::new();
    for format in FORMATS {
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&json!({"format": format.name()}))
            .expect("the schema compiles");
        let mut seeds = suite_strings(format);
        seeds.extend(OURS.iter().map(|&text| text.to_owned()));
        let (mut valid, mut invalid, mut excused) = (0, 0, 0);
        for round in 0..30_000 {
            let text = if round < seeds.len() {
                seeds[round].clone()
            } else {
                let from = &seeds[rng.usize(..seeds.len())];
                edit(&mut rng, from)
            };
            let ours = format.test(&text);
            let theirs = validator.is_valid(&Value::String(text.clone()));
            if ours {
                valid += 1;
            } else {
                invalid += 1;
            }
            if ours == theirs {
                continue;
            }
            if by_design(format, &text, ours).is_some() {
                excused += 1;
                continue;
            }
            if disagreements.len() < 40 {
                disagreements.push(format!(
                    "{}: {text:?}: ours {ours}, jsonschema {theirs}",
                    format.name()
                ));
            }
        }
        println!(
            "{}: {valid} valid, {invalid} invalid, {excused} by design",
            format.name()
        );
        // Both verdicts are common, or the edits say little.
        if valid < 500 || invalid < 500 {
            thin.push(format!(
                "{}: {valid} valid, {invalid} invalid",
                format.name()
            ));
        }
    }
    assert!(thin.is_empty(), "{thin:#?}");
    assert!(
        disagreements.is_empty(),
        "seed {}: {disagreements:#?}",
        seed()
    );
}

/// Our verdict and jsonschema's (on `T::json_schema()`) for each of `documents` documents
/// from `generate`; panics with the first few that disagree. Returns how many were valid.
fn compare<T: DeserializeOwned + Validate>(
    documents: usize,
    generate: impl Fn(&mut Rng) -> String,
) -> (usize, usize) {
    let validator = jsonschema::draft202012::options()
        .build(&T::json_schema())
        .expect("the generated schema compiles");
    let mut rng = Rng::with_seed(seed());
    let mut disagreements = Vec::new();
    let mut valid = 0;
    for _ in 0..documents {
        let text = generate(&mut rng);
        let ours = ecr_config::from_json_str::<T>(&text).map(drop);
        let instance: Value = serde_json::from_str(&text).expect("generated JSON");
        let theirs = validator.is_valid(&instance);
        if ours.is_ok() != theirs && disagreements.len() < 10 {
            disagreements.push(format!("{text}: ours {ours:?}, jsonschema {theirs}"));
        }
        valid += usize::from(theirs);
    }
    assert!(
        disagreements.is_empty(),
        "seed {}: {disagreements:#?}",
        seed()
    );
    (valid, documents - valid)
}

#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct Unique {
    #[unique]
    v: Vec<Value>,
}

/// A JSON value of few kinds, so that equal ones are common: numbers spelt several ways,
/// objects whose members come in any order.
fn small_value(rng: &mut Rng, depth: usize) -> String {
    const NUMBERS: &[&str] = &[
        "0",
        "-0",
        "0.0",
        "1",
        "1.0",
        "1e0",
        "10e-1",
        "2",
        "2.5",
        "25e-1",
        "-1",
        "1e2",
        "100",
        "9007199254740993",
        "9007199254740992",
        "18446744073709551615",
        "18446744073709551616",
    ];
    match rng.u8(0..if depth > 1 { 4 } else { 6 }) {
        0 => NUMBERS[rng.usize(..NUMBERS.len())].to_owned(),
        1 => ["\"a\"", "\"b\"", "\"\\u0061\"", "\"1\"", "\"\""][rng.usize(..5)].to_owned(),
        2 => ["true", "false"][rng.usize(..2)].to_owned(),
        3 => "null".to_owned(),
        4 => {
            let items: Vec<String> = (0..rng.usize(0..3))
                .map(|_| small_value(rng, depth + 1))
                .collect();
            format!("[{}]", items.join(","))
        }
        _ => {
            let mut keys = vec!["a", "b", "c"];
            rng.shuffle(&mut keys);
            let members: Vec<String> = keys[..rng.usize(0..=2)]
                .iter()
                .map(|key| format!("\"{key}\": {}", small_value(rng, depth + 1)))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
    }
}

#[test]
fn unique_items_agree_with_jsonschema() {
    let (valid, invalid) = compare::<Unique>(20_000, |rng| {
        let items: Vec<String> = (0..rng.usize(0..6)).map(|_| small_value(rng, 0)).collect();
        format!("{{\"v\": [{}]}}", items.join(", "))
    });
    assert!(
        valid > 2_000 && invalid > 2_000,
        "{valid} valid, {invalid} invalid"
    );
}

#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct Numbers {
    #[range(exclusive_min = -1.5, exclusive_max = 100)]
    #[multiple_of(0.25)]
    ratio: f64,
    #[range(exclusive_min = 0, max = 1000)]
    #[multiple_of(7)]
    count: i64,
    #[multiple_of(0.0001)]
    rate: f64,
}

/// A decimal near the bounds and the multiples above, in several spellings.
fn decimal(rng: &mut Rng) -> String {
    let whole = [-2, -1, 0, 1, 7, 14, 99, 100, 101, 994, 1000, 1001][rng.usize(..12)];
    let fraction = [
        "", ".0", ".25", ".5", ".75", ".1", ".0075", ".00001", ".2500",
    ][rng.usize(..9)];
    let text = format!("{whole}{fraction}");
    match rng.u8(0..4) {
        0 if fraction.is_empty() => format!("{text}e0"),
        1 if !fraction.is_empty() => {
            // The same value with the point moved: `0.25` as `25e-2`.
            let digits: String = text.chars().filter(|c| *c != '.').collect();
            let places = fraction.len() - 1;
            let digits = digits.trim_start_matches('0');
            let digits = if digits.is_empty() || digits == "-" {
                "0"
            } else {
                digits
            };
            format!("{digits}e-{places}")
        }
        _ => text,
    }
}

/// `count` as an integer of its own, near the bounds and the multiples of 7.
fn integer(rng: &mut Rng) -> String {
    [
        "0", "1", "7", "-7", "14", "994", "1000", "1001", "700", "699",
    ][rng.usize(..10)]
    .to_owned()
}

#[test]
fn bounds_and_multiples_agree_with_jsonschema() {
    let (valid, invalid) = compare::<Numbers>(20_000, |rng| {
        format!(
            "{{\"ratio\": {}, \"count\": {}, \"rate\": {}}}",
            decimal(rng),
            integer(rng),
            decimal(rng)
        )
    });
    assert!(
        valid > 500 && invalid > 2_000,
        "{valid} valid, {invalid} invalid"
    );
}

#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct Dependent {
    #[requires(password)]
    username: Option<String>,
    password: Option<String>,
    #[requires(username, password)]
    token: Option<String>,
    region: String,
}

#[test]
fn dependent_required_agrees_with_jsonschema() {
    let (valid, invalid) = compare::<Dependent>(5_000, |rng| {
        let mut members: Vec<&str> = ["username", "password", "token", "region"]
            .into_iter()
            .filter(|_| rng.bool())
            .collect();
        rng.shuffle(&mut members);
        let members: Vec<String> = members
            .iter()
            .map(|name| format!("\"{name}\": \"x\""))
            .collect();
        format!("{{{}}}", members.join(", "))
    });
    assert!(
        valid > 500 && invalid > 2_000,
        "{valid} valid, {invalid} invalid"
    );
}

#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct Each {
    #[each(len(min = 1, max = 3), pattern("^[a-c]+$"))]
    tags: Vec<String>,
    #[each(range(min = 0, exclusive_max = 5))]
    weights: std::collections::BTreeMap<String, i64>,
}

#[test]
fn each_agrees_with_jsonschema() {
    let (valid, invalid) = compare::<Each>(10_000, |rng| {
        let tags: Vec<String> = (0..rng.usize(0..4))
            .map(|_| {
                let tag: String = (0..rng.usize(0..5))
                    .map(|_| ['a', 'b', 'c', 'd', 'é'][rng.usize(..5)])
                    .collect();
                format!("\"{tag}\"")
            })
            .collect();
        let weights: Vec<String> = (0..rng.usize(0..3))
            .map(|k| format!("\"k{k}\": {}", rng.i64(-1..=6)))
            .collect();
        format!(
            "{{\"tags\": [{}], \"weights\": {{{}}}}}",
            tags.join(", "),
            weights.join(", ")
        )
    });
    assert!(
        valid > 500 && invalid > 2_000,
        "{valid} valid, {invalid} invalid"
    );
}

#[derive(serde::Deserialize, Validate)]
#[allow(dead_code, reason = "read by the checkers")]
struct Keys {
    #[keys(len(min = 1, max = 3), pattern("^[a-c]+$"))]
    #[each(range(min = 0))]
    labels: std::collections::BTreeMap<String, i64>,
}

#[test]
fn property_names_agree_with_jsonschema() {
    let (valid, invalid) = compare::<Keys>(10_000, |rng| {
        let mut keys: Vec<String> = (0..rng.usize(0..4))
            .map(|_| {
                (0..rng.usize(0..5))
                    .map(|_| ['a', 'b', 'c', 'd', 'é', '~'][rng.usize(..6)])
                    .collect()
            })
            .collect();
        keys.sort();
        keys.dedup();
        let members: Vec<String> = keys
            .iter()
            .map(|key| format!("\"{key}\": {}", rng.i64(-1..=2)))
            .collect();
        format!("{{\"labels\": {{{}}}}}", members.join(", "))
    });
    assert!(
        valid > 500 && invalid > 2_000,
        "{valid} valid, {invalid} invalid"
    );
}
