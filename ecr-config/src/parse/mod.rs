//! Parsing a config: one call that returns a valid value or every finding of the document,
//! each at its line and column. There is no path from JSON to an unvalidated value here.
//!
//! A document is first read the fast way, with `serde_json` through a deserializer that is
//! exactly as strict as JSON Schema ([`strict`]), then validated, and the findings found
//! where they are ([`locate`]); a key a struct refuses does not stop that reading, it is
//! told with the rest ([`refused`]). Only when the reading fails otherwise is the text read
//! again, token by token ([`reader`]), and checked against the type's
//! [`Shape`](crate::Shape) as it goes ([`check`]), which finds everything at once, each
//! where it is; a text that is not JSON gets `serde_json`'s word for why ([`syntax`]).

pub(crate) mod check;
mod const_tree;
mod locate;
mod passed;
mod phantom;
mod reader;
mod report;
mod salvage;
mod secret;
mod strict;
mod strings;
mod syntax;

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;

use crate::error::{Detail, Keyword, ValidationError};
use crate::meta::Shape;
use crate::{Validate, ValidationErrors};

pub use report::{Finding, Report};

#[doc(hidden)]
pub use const_tree::document as const_document;

use self::reader::Stop;
use self::secret::{Copies, Secrets};

/// Parses a JSON document into a valid `T`, or reports every problem of the document.
///
/// A UTF-8 byte-order mark is accepted. The findings cover syntax (`syntax`), structure
/// (`type`, `required`, `additionalProperties`, `duplicateKey`, `enum`) and constraints
/// (`minLength`, `pattern`, `const`, …), each with a JSON Pointer, line and column.
///
/// ```
/// use ecr_config::{Keyword, ecr::EcrConfig};
///
/// let report = ecr_config::from_json_str::<EcrConfig>(r#"{
///   "ci": { "region": "us-east1", "access_key": "AKIAIOSFODNN7EXAMPLE" },
///   "setup": { "regoin": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x" }
/// }"#).unwrap_err();
/// let found: Vec<_> = report
///     .iter()
///     .map(|f| (f.line(), f.column(), f.pointer(), f.keyword()))
///     .collect();
/// assert_eq!(found, [
///     (2, 9, "/ci/secret_key", Keyword::Required),
///     (2, 21, "/ci/region", Keyword::Enum),
///     (3, 12, "/setup/region", Keyword::Required),
///     (3, 14, "/setup/regoin", Keyword::AdditionalProperties),
/// ]);
/// assert_eq!(report.findings()[0].message(), "required property is missing");
/// assert!(report.findings()[1].message().ends_with(r#"did you mean "us-east-1"?"#));
/// assert_eq!(
///     report.findings()[3].message(),
///     r#"unknown property "regoin"; did you mean "region"?"#
/// );
/// ```
///
/// # Limits
///
/// Input is read as it is written by people who make every mistake at once, and sometimes by
/// people who try to break the reader:
/// - nesting deeper than 128 arrays and objects is a `syntax` finding (`serde_json`'s own
///   limit), not a stack overflow;
/// - time and memory are linear in the size of the document, in its number of members and
///   findings, and in the length of its lines (duplicate keys are told by a hash set, lines
///   and columns are counted once over the document);
/// - the size itself is the caller's to bound: the document is already in memory. The
///   `ecr-config` command reads at most `--max-size` bytes of a file (64 MiB unless told).
///
/// No finding's message holds a string's value, and [`Report::secret_spans`] says which
/// bytes of the input a renderer must mask.
///
/// # Errors
///
/// A [`Report`] with at least one finding.
pub fn from_json_str<'de, T: Deserialize<'de> + Validate>(input: &'de str) -> Result<T, Report> {
    let (body, base) = match input.strip_prefix('\u{feff}') {
        Some(body) => (body, '\u{feff}'.len_utf8()),
        None => (input, 0),
    };
    fast(input, body, base).unwrap_or_else(|| slow(input, body, base))
}

/// The fast path: the strict reading, `validate`, and where the findings are. `None` where
/// the document takes the slow path.
fn fast<'de, T: Deserialize<'de> + Validate>(
    input: &'de str,
    body: &'de str,
    base: usize,
) -> Option<Result<T, Report>> {
    let trail = strict::Trail::new(body, &T::SHAPE);
    let value: T = trail.read().ok()?;
    // What depends on `T` is serde's reading and `validate`: every report is built by the
    // functions below, which take the shape, compiled once in this crate rather than in each
    // crate that parses a type of its own.
    let errors = match value.validate() {
        Ok(()) if trail.passed().is_empty() => return Some(Ok(value)),
        Ok(()) => ValidationErrors::new(),
        Err(errors) if only_the_slow_path_judges(&errors) => return None,
        Err(errors) => errors,
    };
    let passed = trail.take_passed();
    let told = if passed.is_empty() {
        passed::Told::default()
    } else {
        passed::told(body, &T::SHAPE, passed)?
    };
    let objects = trail.objects();
    let read = Read {
        told,
        objects: objects.records(),
    };
    Some(Err(invalid(input, body, base, &T::SHAPE, errors, read)))
}

/// Whether a finding is one only the slow path can judge: at a key (`dependentRequired`),
/// which the locator cannot place, or `uniqueItems`, which `validate` judges on the Rust
/// values (equal wherever the document's are, and sometimes where they are not: a field serde
/// defaults or drops), and the document is what a report is about.
#[cold]
#[inline(never)]
fn only_the_slow_path_judges(errors: &ValidationErrors) -> bool {
    errors.iter().any(|error| {
        matches!(
            error.keyword(),
            Keyword::DependentRequired | Keyword::UniqueItems
        )
    })
}

/// Where `inner`, a slice of `outer`, starts in it.
fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let offset = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (offset + inner.len() <= outer.len()).then_some(offset)
}

/// What the strict reading found, besides the value: the findings of what it passed over, and
/// where the structs' keys are.
struct Read<'a, 'de> {
    told: passed::Told,
    objects: strict::Records<'a, 'de>,
}

/// How many findings' pointers [`invalid`] keeps on the stack: the usual few.
const INLINE: usize = 8;

/// The report of a document the strict reading accepted and `validate` did not, or over
/// whose mistakes it passed ([`passed`]): what they are, where, and the secrets of the keys
/// structs refused.
fn invalid(
    input: &str,
    body: &str,
    base: usize,
    root: &'static Shape,
    errors: ValidationErrors,
    Read { told, objects }: Read<'_, '_>,
) -> Report {
    // The strict reading proved the rest of the structure right, so `validate` found
    // everything else (but what it says of a stand-in); all that is missing is where.
    // A stand-in has no members or items (`phantom`): what is said of it is at its pointer.
    let mut errors = Vec::from(errors);
    let mut phantoms = told.phantoms;
    if !phantoms.is_empty() {
        crate::sort::sort_by(&mut phantoms, |a: &String, b: &String| a.cmp(b));
        errors.retain(|error| {
            phantoms
                .binary_search_by(|phantom| phantom.as_str().cmp(error.pointer()))
                .is_err()
        });
    }
    let pointers = errors
        .iter()
        .map(ValidationError::pointer)
        .chain(told.required.iter().map(|(object, _)| object.as_str()));
    // The usual few pointers, and the slots of their spans, on the stack.
    let count = errors.len() + told.required.len();
    let (mut inline, mut inline_found) = ([""; INLINE], [const { None }; INLINE]);
    let (mut spilled, mut spilled_found) = (Vec::new(), Vec::new());
    let (pointers, found): (&[&str], &mut [Option<Range<usize>>]) = if count <= INLINE {
        for (slot, pointer) in inline.iter_mut().zip(pointers) {
            *slot = pointer;
        }
        (&inline[..count], &mut inline_found[..count])
    } else {
        spilled.extend(pointers);
        spilled_found.resize(count, None);
        (&spilled, &mut spilled_found)
    };
    let mut secrets = locate::locate_into(body, root, pointers, &objects, found);
    let shift = |span: Range<usize>| span.start + base..span.end + base;
    let (found, objects) = found.split_at(errors.len());
    let mut located = Vec::with_capacity(count + told.located.len());
    located.extend(
        errors
            .into_iter()
            .zip(found)
            .map(|(error, span)| Finding::new(error, shift(span.clone().unwrap_or(0..0)))),
    );
    // Pointed at the object's opening brace: where the property belongs.
    located.extend(
        told.required
            .into_iter()
            .zip(objects)
            .map(|((_, error), span)| {
                let start = span.as_ref().map_or(0, |span| span.start);
                Finding::new(error, shift(start..start + 1))
            }),
    );
    located.extend(
        told.located
            .into_iter()
            .map(|refused| Finding::new(refused.error, shift(refused.span))),
    );
    secrets.extend(told.secrets);
    for span in &mut secrets {
        *span = shift(span.clone());
    }
    report::merge(&mut secrets);
    // The text is JSON: its tokens are read the quick way.
    let copies = Copies::of_json(input, &secrets);
    let elsewhere = copies.among(input, &secrets, reader::tokens(input));
    report_with(input, root, located, elsewhere, secrets, &copies)
}

/// [`from_json_str`] for bytes, which must be UTF-8.
///
/// # Errors
///
/// A [`Report`] with at least one finding; invalid UTF-8 is a `syntax` finding.
pub fn from_json_slice<'de, T: Deserialize<'de> + Validate>(input: &'de [u8]) -> Result<T, Report> {
    match std::str::from_utf8(input) {
        Ok(text) => from_json_str(text),
        Err(error) => Err(not_utf8(input, &error, &T::SHAPE)),
    }
}

/// The report of a document that is not UTF-8.
fn not_utf8(input: &[u8], error: &std::str::Utf8Error, root: &'static Shape) -> Report {
    let valid = error.valid_up_to();
    let prefix = std::str::from_utf8(&input[..valid]).unwrap_or_default();
    let bom = if input.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    };
    let secrets = salvage::secrets(&input[bom..], root)
        .into_iter()
        .map(|span| span.start + bom..span.end + bom)
        .collect();
    // The span is the bytes that are not UTF-8.
    let bad = valid..valid + error.error_len().unwrap_or(input.len() - valid);
    syntax(
        prefix,
        input,
        root,
        "invalid UTF-8: the document must be UTF-8 text",
        bad,
        secrets,
    )
}

/// The report of the `located` findings of `input` (as text `text`: a valid prefix where the
/// input is not UTF-8), with `secrets` and every other place their values are written, and
/// the property names that hold one masked in the findings.
fn report(
    text: &str,
    input: &[u8],
    root: &'static Shape,
    located: Vec<Finding>,
    mut secrets: Vec<Range<usize>>,
) -> Report {
    report::merge(&mut secrets);
    let copies = Copies::of(input, &secrets);
    if copies.is_empty() {
        return Report::new(text, located, secrets);
    }
    let elsewhere = copies.spans(input, &secrets);
    report_with(text, root, located, elsewhere, secrets, &copies)
}

/// [`report`] with the secrets' values already known, and the `elsewhere` they are written.
fn report_with(
    text: &str,
    root: &'static Shape,
    mut located: Vec<Finding>,
    elsewhere: Vec<Range<usize>>,
    mut secrets: Vec<Range<usize>>,
    copies: &Copies<'_>,
) -> Report {
    if copies.is_empty() {
        return Report::new(text, located, secrets);
    }
    // A declared property's name is the schema's, not the document's: shown.
    let declared = Secrets::of(root);
    for finding in &mut located {
        finding.redact(|name| copies.holds(name) && !declared.is_declared(name));
    }
    secrets.extend(elsewhere);
    Report::new(text, located, secrets)
}

/// A report of one `syntax` finding about `span`; `secrets` are the spans that may hold a
/// secret ([`salvage`]).
fn syntax(
    text: &str,
    input: &[u8],
    root: &'static Shape,
    message: &str,
    span: Range<usize>,
    secrets: Vec<Range<usize>>,
) -> Report {
    let error = ValidationError::new(
        "",
        Keyword::Syntax,
        Detail::Message(Cow::Owned(message.to_owned())),
    );
    report(text, input, root, vec![Finding::new(error, span)], secrets)
}

/// The character of `input` at `offset`, or the empty span at the end.
fn char_at(input: &str, offset: usize) -> Range<usize> {
    let offset = input.floor_char_boundary(offset.min(input.len()));
    offset..input.ceil_char_boundary(offset + 1)
}

/// The report of `body` (`input` past its byte-order mark, `base` bytes long), where the
/// shape checker `stop`ped: the text is not JSON.
fn not_json(input: &str, body: &str, base: usize, root: &'static Shape, stop: Stop) -> Report {
    // serde_json words the grammar's mistakes; what its grammar allows and still is no
    // document, the checker found itself.
    let error = syntax::grammar(body).unwrap_or_else(|| match stop {
        Stop::Syntax(error) => error,
        Stop::Grammar(offset) => syntax::SyntaxError {
            message: "invalid JSON".to_owned(),
            offset,
        },
    });
    let secrets = salvage::secrets(body.as_bytes(), root)
        .into_iter()
        .map(|span| span.start + base..span.end + base)
        .collect();
    let span = char_at(input, base + error.offset);
    syntax(input, input.as_bytes(), root, &error.message, span, secrets)
}

/// The position-tracking pass: every finding at once.
fn slow<'de, T: Deserialize<'de> + Validate>(
    input: &'de str,
    body: &'de str,
    base: usize,
) -> Result<T, Report> {
    let checked = shape_checked(input, body, base, &T::SHAPE)?;
    // The schema holds wherever the shape describes the document. What remains is what only
    // serde or a hand-written `Validate` knows: a type the shape leaves open (`Shape::Any`).
    let rest = match serde_json::from_str::<T>(body) {
        Ok(value) => match value.validate().map_err(judged_on_the_document) {
            Ok(()) | Err(None) => return Ok(value),
            Err(Some(errors)) => Rest::Invalid(errors),
        },
        Err(error) => Rest::Rejected(error),
    };
    Err(rest_report(input, body, base, &T::SHAPE, checked, rest))
}

/// `validate`'s findings less those the shape checker judged on the document itself:
/// `uniqueItems`, which `validate` judges on the Rust values (see [`only_the_slow_path_judges`]); `None` if no
/// other is left.
#[cold]
#[inline(never)]
fn judged_on_the_document(errors: ValidationErrors) -> Option<ValidationErrors> {
    let mut rest = ValidationErrors::new();
    for error in errors {
        if error.keyword() != Keyword::UniqueItems {
            rest.push(error);
        }
    }
    (!rest.is_empty()).then_some(rest)
}

/// What the shape checker found in `body` (`input` past its byte-order mark, `base` bytes
/// long) against `root`, when it found nothing; else the report of every finding of the
/// document's syntax or of the shape.
fn shape_checked<'a>(
    input: &str,
    body: &'a str,
    base: usize,
    root: &'static Shape,
) -> Result<check::Checked<'a>, Report> {
    if body.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        let end = input.len();
        return Err(syntax(
            input,
            input.as_bytes(),
            root,
            "the document is empty",
            end..end,
            Vec::new(),
        ));
    }
    let mut checked = match check::check(body, root) {
        Ok(checked) => checked,
        Err(stop) => return Err(not_json(input, body, base, root, stop)),
    };
    if checked.findings.is_empty() {
        return Ok(checked);
    }
    let located = std::mem::take(&mut checked.findings)
        .into_iter()
        .map(|finding| {
            Finding::new(
                finding.error,
                finding.span.start + base..finding.span.end + base,
            )
        })
        .collect();
    Err(checked_report(input, body, base, root, checked, located))
}

/// The report of `located` findings of a document the shape checker read (`checked`).
fn checked_report(
    input: &str,
    body: &str,
    base: usize,
    root: &'static Shape,
    checked: check::Checked<'_>,
    located: Vec<Finding>,
) -> Report {
    let shift = |span: Range<usize>| span.start + base..span.end + base;
    let mut secrets: Vec<Range<usize>> = checked.secrets.into_iter().map(shift).collect();
    report::merge(&mut secrets);
    let copies = Copies::of_strings(
        checked
            .secret_strings
            .into_iter()
            .map(|(value, span)| (value, &body.as_bytes()[span])),
    );
    let tokens = checked.tokens.into_iter().map(shift);
    let elsewhere = copies.among(input, &secrets, tokens);
    report_with(input, root, located, elsewhere, secrets, &copies)
}

/// What serde or `validate` found in a document the shape accepts.
enum Rest {
    Invalid(ValidationErrors),
    Rejected(serde_json::Error),
}

/// The report of what only serde or a hand-written `Validate` found.
fn rest_report(
    input: &str,
    body: &str,
    base: usize,
    root: &'static Shape,
    checked: check::Checked<'_>,
    rest: Rest,
) -> Report {
    let shift = |span: Range<usize>| span.start + base..span.end + base;
    let located = match rest {
        Rest::Invalid(errors) => {
            let pointers: Vec<&str> = errors.iter().map(ValidationError::pointer).collect();
            let mut spans = vec![None; pointers.len()];
            let records = strict::Records::default();
            locate::locate_into(body, root, &pointers, &records, &mut spans);
            errors
                .into_iter()
                .zip(spans)
                .map(|(error, span)| Finding::new(error, shift(span.unwrap_or(0..0))))
                .collect()
        }
        Rest::Rejected(error) => {
            let offset = syntax::syntax_error(body, 0, &error).offset;
            // serde's message may quote the value ("invalid value: string \"…\""); keep only
            // what was expected, which never holds input.
            let message = error.to_string();
            let expected = message.rfind(", expected ").map_or(
                "the value does not fit the declared type",
                |at| {
                    let rest = &message[at + 2..];
                    rest.rfind(" at line ").map_or(rest, |end| &rest[..end])
                },
            );
            let finding = ValidationError::new(
                "",
                Keyword::Type,
                Detail::Message(Cow::Owned(expected.to_owned())),
            );
            vec![Finding::new(finding, char_at(input, base + offset))]
        }
    };
    checked_report(input, body, base, root, checked, located)
}

#[cfg(test)]
mod tests {
    use super::{Report, from_json_str, slow};

    /// The report both paths give `text` (the fast one: strict read, `validate`, `locate`; the
    /// slow one: the shape checker), which must be the same; `None` if both accept it.
    pub(super) fn agreed<T>(text: &str) -> Option<Report>
    where
        T: for<'de> serde::Deserialize<'de> + crate::Validate + std::fmt::Debug,
    {
        let fast: Result<T, Report> = from_json_str(text);
        let slow: Result<T, Report> = slow(text, text, 0);
        match (fast, slow) {
            (Ok(_), Ok(_)) => None,
            (Err(fast), Err(slow)) => {
                assert_eq!(fast, slow, "{text}");
                Some(fast)
            }
            (fast, slow) => panic!("paths disagree on {text}: {fast:?} vs {slow:?}"),
        }
    }
    use crate::ecr::EcrConfig;

    /// Both paths must produce the same report: the fast one (strict read, `validate`, then
    /// `locate`) and the shape checker's.
    #[test]
    fn fast_and_slow_paths_agree() {
        let values = [
            "",
            "x",
            "AKIAIOSFODNN7EXAMPLE",
            "AKIAIOSFODNN7EXAMPL",
            "akiaiosfodnn7example",
            "AKIAIOSFODNN7EXAMPLÉ",
            "arn:aws:iam::123456789012:role/ok",
            "arn:aws:iam::1:role/x",
            "{\"a\": 1}",
            "{",
            "aws-ecr",
            "gcr",
            "s\\\"q",
            "😀😀",
        ];
        let fields = [
            ("ci", "access_key"),
            ("ci", "secret_key"),
            ("setup", "role_arn"),
            ("setup", "policy"),
            ("setup", "external_id"),
            ("setup", "intermediate_role"),
            ("read", "role_arn"),
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        let mut compared = 0;
        for _ in 0..2_000 {
            let mut doc = serde_json::json!({
                "ci": { "region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s" },
                "read": { "role_arn": "arn:aws:iam::123456789012:role/r" },
                "setup": { "region": "eu-west-1", "role_arn": "arn:aws:iam::123456789012:role/s" },
                "repository_provider": "aws-ecr"
            });
            for _ in 0..rng.usize(1..4) {
                let (object, key) = fields[rng.usize(..fields.len())];
                doc[object][key] = values[rng.usize(..values.len())].into();
            }
            if rng.bool() {
                doc["repository_provider"] = values[rng.usize(..values.len())].into();
            }
            let text = if rng.bool() {
                serde_json::to_string_pretty(&doc).unwrap()
            } else {
                serde_json::to_string(&doc).unwrap()
            };
            if agreed::<EcrConfig>(&text).is_some() {
                compared += 1;
            }
        }
        assert!(
            compared > 1_000,
            "only {compared} invalid documents compared"
        );
    }
}

#[cfg(test)]
mod array_tests {
    use super::tests::agreed;
    use crate::{Secret, Validate};

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Registry {
        #[len(min = 1, max = 3)]
        mirrors: Vec<Mirror>,
        #[len(min = 8)]
        token: Option<Secret<String>>,
        #[range(min = 1, max = 65535)]
        port: u32,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Mirror {
        #[pattern("^https://")]
        url: String,
        #[len(max = 2)]
        tags: Vec<String>,
    }

    #[test]
    fn fast_and_slow_paths_agree_on_arrays_and_secrets() {
        let urls = ["https://a", "http://b", "", "https://ü"];
        let mut rng = fastrand::Rng::with_seed(11);
        let mut compared = 0;
        for _ in 0..1_000 {
            let mirrors: Vec<serde_json::Value> = (0..rng.usize(0..5))
                .map(|_| {
                    let tags: Vec<&str> = (0..rng.usize(0..4)).map(|_| "t").collect();
                    serde_json::json!({ "url": urls[rng.usize(..urls.len())], "tags": tags })
                })
                .collect();
            let mut doc = serde_json::json!({ "mirrors": mirrors, "port": rng.u32(0..70_000) });
            if rng.bool() {
                doc["token"] = ["short", "long-enough-token"][rng.usize(..2)].into();
            }
            let text = serde_json::to_string_pretty(&doc).unwrap();
            if let Some(report) = agreed::<Registry>(&text) {
                if let Some(span) = report.secret_spans().first() {
                    assert!(text[span.clone()].starts_with('"'));
                }
                compared += 1;
            }
        }
        assert!(compared > 500, "only {compared} invalid documents compared");
    }
}

/// Keys that structs refuse, which the fast path reports without a second reading.
#[cfg(test)]
mod refused_tests {
    use super::array_tests::Registry;
    use super::tests::agreed;
    use super::{Report, fast};
    use crate::Keyword;
    use crate::ecr::EcrConfig;

    /// The report of the fast path alone; `None` where it hands the document on.
    pub(super) fn fast_only<T>(text: &str) -> Option<Report>
    where
        T: for<'de> serde::Deserialize<'de> + crate::Validate,
    {
        fast::<T>(text, text, 0)?.err()
    }

    /// A key no struct declares, and a value for it: some named like secrets, close to a
    /// declared name, needing escapes in a pointer, with escapes, holding a secret's value.
    fn unknown(rng: &mut fastrand::Rng, secret: &str) -> (String, serde_json::Value) {
        const KEYS: [&str; 11] = [
            "x",
            "port_",
            "tokn",
            "mirors",
            "password",
            "api_key",
            "a/b",
            "t~0",
            "é",
            "regoin",
            "secret_key_2",
        ];
        let key = if rng.u8(..20) == 0 {
            "\\u0078".to_owned()
        } else {
            KEYS[rng.usize(..KEYS.len())].to_owned()
        };
        let value = match rng.u8(..4) {
            0 => serde_json::json!(7),
            1 => serde_json::json!(secret),
            2 => serde_json::json!({ "password": "p4ss", "n": [1, { "token": secret }] }),
            _ => serde_json::json!(["x", secret]),
        };
        (key, value)
    }

    /// The text of `doc` with `extra` members inserted (pointer of the object, key, value),
    /// written as is: a key with escapes stays escaped.
    fn with_members(
        doc: &serde_json::Value,
        extra: &[(String, String, serde_json::Value)],
    ) -> String {
        let mut doc = doc.clone();
        for (at, key, value) in extra {
            if let Some(serde_json::Value::Object(object)) = doc.pointer_mut(at) {
                object.insert(format!("@{key}@"), value.clone());
            }
        }
        let text = serde_json::to_string_pretty(&doc).unwrap();
        // The escaped key as serde_json wrote it (its backslash escaped): one backslash again.
        text.replace("@\\\\u0078@", "\\u0078").replace('@', "")
    }

    #[test]
    fn the_fast_path_reports_refused_keys_as_the_slow_path_does() {
        let mut rng = fastrand::Rng::with_seed(17);
        let (mut compared, mut fast_reports) = (0, 0);
        for round in 0..3_000 {
            let secret = ["long-enough-token", "short"][rng.usize(..2)];
            let (doc, objects): (serde_json::Value, Vec<String>) = if round % 2 == 0 {
                let mirrors: Vec<serde_json::Value> = (0..rng.usize(1..4))
                    .map(|_| {
                        let url = ["https://a", "http://b"][rng.usize(..2)];
                        serde_json::json!({ "url": url, "tags": ["t"] })
                    })
                    .collect();
                let count = mirrors.len();
                let doc = serde_json::json!({
                    "mirrors": mirrors, "token": secret, "port": ([80, 0][rng.usize(..2)])
                });
                let objects = std::iter::once(String::new())
                    .chain((0..count).map(|k| format!("/mirrors/{k}")))
                    .collect();
                (doc, objects)
            } else {
                let doc = serde_json::json!({
                    "ci": { "region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": secret },
                    "read": { "role_arn": (["arn:aws:iam::123456789012:role/r", "r"][rng.usize(..2)]) },
                    "setup": { "region": "eu-west-1", "role_arn": "arn:aws:iam::123456789012:role/s" },
                    "repository_provider": "aws-ecr"
                });
                let objects = ["", "/ci", "/read", "/setup"].map(String::from).to_vec();
                (doc, objects)
            };
            let extra: Vec<_> = (0..rng.usize(1..4))
                .map(|_| {
                    let (key, value) = unknown(&mut rng, secret);
                    (objects[rng.usize(..objects.len())].clone(), key, value)
                })
                .collect();
            let text = with_members(&doc, &extra);
            let agreed = if round % 2 == 0 {
                agreed::<Registry>(&text)
            } else {
                agreed::<EcrConfig>(&text)
            };
            let Some(report) = agreed else { continue };
            compared += 1;
            let fast = if round % 2 == 0 {
                fast_only::<Registry>(&text)
            } else {
                fast_only::<EcrConfig>(&text)
            };
            if let Some(fast) = fast {
                assert_eq!(fast, report, "{text}");
                assert!(
                    fast.iter()
                        .any(|f| f.keyword() == Keyword::AdditionalProperties),
                    "{text}"
                );
                fast_reports += 1;
            }
        }
        assert!(
            compared > 2_500,
            "only {compared} invalid documents compared"
        );
        assert!(
            fast_reports > 2_000,
            "only {fast_reports} reported by the fast path"
        );
    }

    /// Required properties taken out (a whole struct's too), with other mistakes or none: the
    /// fast path reads stand-ins for them and tells what the slow path tells.
    #[test]
    fn the_fast_path_reports_missing_properties_as_the_slow_path_does() {
        let mut rng = fastrand::Rng::with_seed(19);
        let (mut compared, mut fast_reports) = (0, 0);
        for round in 0..3_000 {
            let registry = round % 2 == 0;
            let mut doc = if registry {
                let mirrors: Vec<serde_json::Value> = (0..rng.usize(1..4))
                    .map(|_| {
                        let url = ["https://a", "http://b"][rng.usize(..2)];
                        serde_json::json!({ "url": url, "tags": ["t"] })
                    })
                    .collect();
                serde_json::json!({ "mirrors": mirrors, "token": "long-enough-token", "port": 80 })
            } else {
                serde_json::json!({
                    "ci": { "region": "us-east-1", "access_key": (["AKIAIOSFODNN7EXAMPLE", "x"][rng.usize(..2)]), "secret_key": "s" },
                    "read": { "role_arn": "arn:aws:iam::123456789012:role/r" },
                    "setup": { "region": "eu-west-1", "role_arn": "arn:aws:iam::123456789012:role/s" },
                    "repository_provider": "aws-ecr"
                })
            };
            let required: &[(&str, &str)] = if registry {
                &[
                    ("", "mirrors"),
                    ("", "port"),
                    ("/mirrors/0", "url"),
                    ("/mirrors/0", "tags"),
                ]
            } else {
                &[
                    ("", "ci"),
                    ("", "setup"),
                    ("", "repository_provider"),
                    ("/ci", "region"),
                    ("/ci", "access_key"),
                    ("/ci", "secret_key"),
                    ("/setup", "region"),
                    ("/setup", "role_arn"),
                ]
            };
            for _ in 0..rng.usize(1..3) {
                let (at, key) = required[rng.usize(..required.len())];
                if let Some(serde_json::Value::Object(object)) = doc.pointer_mut(at) {
                    object.remove(key);
                }
            }
            let extra: Vec<_> = if rng.u8(..4) == 0 {
                vec![(String::new(), "x".to_owned(), serde_json::json!(1))]
            } else {
                Vec::new()
            };
            let text = with_members(&doc, &extra);
            let (agreed, fast) = if registry {
                (agreed::<Registry>(&text), fast_only::<Registry>(&text))
            } else {
                (agreed::<EcrConfig>(&text), fast_only::<EcrConfig>(&text))
            };
            let Some(report) = agreed else { continue };
            compared += 1;
            if let Some(fast) = fast {
                assert_eq!(fast, report, "{text}");
                fast_reports += usize::from(fast.iter().any(|f| f.keyword() == Keyword::Required));
            }
        }
        assert!(
            compared > 2_500,
            "only {compared} invalid documents compared"
        );
        assert!(
            fast_reports > 2_000,
            "only {fast_reports} missing properties told by the fast path"
        );
    }
}

/// Stand-ins of every shape, in a struct of more properties than the reading keeps the keys
/// of.
#[cfg(test)]
mod phantom_tests {
    use super::refused_tests::fast_only;
    use super::tests::agreed;
    use crate::{Keyword, Secret, Validate};

    #[derive(Debug, serde::Deserialize, Validate)]
    enum Level {
        #[serde(rename = "high")]
        High,
        #[serde(rename = "low")]
        Low,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        #[pattern("^[a-z]+$")]
        id: String,
        level: Level,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Wide {
        #[len(min = 2)]
        a: String,
        #[range(min = 3, max = 9)]
        b: u8,
        c: Level,
        #[len(min = 1)]
        d: Vec<String>,
        e: Inner,
        #[len(min = 4)]
        f: Secret<String>,
        g: Option<String>,
        #[range(min = -7)]
        h: i32,
        i: bool,
        j: f64,
        k: std::collections::BTreeMap<String, u8>,
        l: Vec<Inner>,
    }

    /// All but `k`: a map always takes the slow path (serde keeps the last of duplicate
    /// keys without a word), so it is left out, and stands in every time.
    const MEMBERS: [(&str, &str); 11] = [
        ("a", r#""ab""#),
        ("b", "4"),
        ("c", r#""low""#),
        ("d", r#"["x"]"#),
        ("e", r#"{"id": "abc", "level": "high"}"#),
        ("f", r#""s3cret""#),
        ("g", r#""g""#),
        ("h", "-2"),
        ("i", "true"),
        ("j", "1.5"),
        ("l", r#"[{"id": "x", "level": "low"}, {"id": "y"}]"#),
    ];

    /// Every subset of the members left out, some with a mistake besides: the report is the
    /// slow path's, and the fast path tells it, past the eight keys it keeps too.
    #[test]
    fn stand_ins_of_every_shape_agree_with_the_slow_path() {
        let mut rng = fastrand::Rng::with_seed(23);
        let (mut compared, mut fast_reports) = (0, 0);
        for _ in 0..2_000 {
            let rolls: Vec<(u8, u8)> = MEMBERS.iter().map(|_| (rng.u8(..4), rng.u8(..6))).collect();
            let members: Vec<String> = MEMBERS
                .iter()
                .zip(rolls)
                .filter(|(_, (keep, _))| *keep != 0)
                .map(|((key, value), (_, mistake))| {
                    let value = match (*key, mistake) {
                        ("a", 0) => r#""a""#,
                        ("b", 0) => "1",
                        ("h", 0) => "-9",
                        ("f", 0) => r#""s""#,
                        (_, 1) if *key == "e" => r#"{"id": "A1"}"#,
                        _ => value,
                    };
                    format!(r#""{key}": {value}"#)
                })
                .collect();
            let text = format!("{{\n  {}\n}}", members.join(",\n  "));
            let Some(report) = agreed::<Wide>(&text) else {
                continue;
            };
            compared += 1;
            // A missing struct has no stand-in (`phantom`): only then the slow path tells.
            let struct_missing = !text.contains(r#""e": "#);
            match fast_only::<Wide>(&text) {
                Some(fast) => {
                    assert!(!struct_missing, "{text}");
                    assert_eq!(fast, report, "{text}");
                    assert!(
                        fast.iter().any(|f| f.keyword() == Keyword::Required),
                        "{text}"
                    );
                    fast_reports += 1;
                }
                None => assert!(struct_missing, "the fast path handed on {text}"),
            }
        }
        assert!(
            compared > 1_800,
            "only {compared} invalid documents compared"
        );
        assert!(
            fast_reports > 1_300,
            "only {fast_reports} missing properties told by the fast path"
        );
    }
}

#[cfg(test)]
mod open_struct_tests {
    use super::tests::agreed;
    use crate::Validate;

    /// A struct that accepts unknown properties, and one that does not, under it.
    #[derive(Debug, serde::Deserialize, Validate)]
    struct Service {
        #[len(min = 1)]
        name: String,
        port: u16,
        inner: Option<Inner>,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        #[pattern("^[a-z]+$")]
        id: String,
    }

    /// Unknown properties, given once or more, with or without other mistakes: both paths
    /// report the same (a repeated one is a `duplicateKey` even where serde ignores it).
    #[test]
    fn fast_and_slow_paths_agree_on_unknown_properties() {
        let keys = ["x", "y", "\\u0078", "name_", "a/b"];
        let mut rng = fastrand::Rng::with_seed(13);
        let (mut compared, mut repeated) = (0, 0);
        for _ in 0..2_000 {
            let mut members = vec![
                format!(r#""name": "{}""#, ["svc", ""][rng.usize(..2)]),
                format!(r#""port": {}"#, [80, 70_000][rng.usize(..2)]),
            ];
            if rng.bool() {
                members.push(format!(
                    r#""inner": {{"id": "{}"}}"#,
                    ["ab", "A1"][rng.usize(..2)]
                ));
            }
            for _ in 0..rng.usize(0..4) {
                let key = keys[rng.usize(..keys.len())];
                let at = rng.usize(..=members.len());
                members.insert(at, format!(r#""{key}": {}"#, rng.u8(..)));
            }
            let text = format!("{{{}}}", members.join(", "));
            if let Some(report) = agreed::<Service>(&text) {
                compared += 1;
                repeated += usize::from(
                    report
                        .iter()
                        .any(|f| f.keyword() == crate::Keyword::DuplicateKey),
                );
            }
        }
        assert!(compared > 500, "only {compared} invalid documents compared");
        assert!(repeated > 100, "only {repeated} with a repeated key");
    }
}
