//! What every hostile document must satisfy, shared by `hostile.rs` and the fuzz targets
//! (`fuzz/`): the two models, the secret they hide, the invariants of a report, and the
//! mutations that keep the secret's own line intact.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use ecr_config::ecr::EcrConfig;
use ecr_config::{Report, Secret, Validate};
use serde::Deserialize;

/// A derived type with what the ECR model lacks: a list, a map, an optional box, all of them
/// holding secrets at any depth.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub(crate) struct Node {
    #[len(min = 2, max = 32)]
    #[pattern("^[a-z-]+$")]
    pub(crate) name: String,
    pub(crate) token: Option<Secret<String>>,
    #[serde(default)]
    pub(crate) children: Vec<Node>,
    #[serde(default)]
    pub(crate) by_name: BTreeMap<String, Node>,
    pub(crate) child: Option<Box<Node>>,
    #[range(min = 1, max = 65535)]
    pub(crate) port: Option<u16>,
}

/// The secret the documents hide: letters and digits only, so that a masked one leaves no
/// piece of it.
pub(crate) const SECRET: &str = "wJalrXUtnFEMIK7MDENGbPxRfiCYzSECRETz";

/// The secret spelt with `\uXXXX` escapes, as a JSON string's content.
pub(crate) fn escaped_secret() -> String {
    SECRET.chars().fold(String::new(), |mut out, c| {
        let _ = write!(out, "\\u{:04x}", c as u32);
        out
    })
}

/// The model a document is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Model {
    Ecr,
    Node,
}

/// The report of `bytes` read as `model`, if it is not valid.
pub(crate) fn report(model: Model, bytes: &[u8]) -> Option<Report> {
    match model {
        Model::Ecr => ecr_config::from_json_slice::<EcrConfig>(bytes).err(),
        Model::Node => ecr_config::from_json_slice::<Node>(bytes).err(),
    }
}

/// Every output a report reaches: `Display`, `Debug`, the human output plain and coloured,
/// and the JSON line.
pub(crate) fn outputs(bytes: &[u8], report: &Report) -> Vec<(&'static str, String)> {
    vec![
        ("Display", report.to_string()),
        ("Debug", format!("{report:?}")),
        (
            "human",
            ecr_config_cli::output::human("doc.json", bytes, report, false),
        ),
        (
            "human, coloured",
            strip_ansi(&ecr_config_cli::output::human(
                "doc.json", bytes, report, true,
            )),
        ),
        (
            "json",
            ecr_config_cli::output::json_line("doc.json", Some(report)),
        ),
        ("masked", ecr_config_cli::output::masked(bytes, report)),
    ]
}

/// `text` without ANSI escape sequences (`ESC [ … letter`), so that styling cannot split a
/// leaked secret out of sight.
pub(crate) fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The first piece of the secret (8 characters of it, or 3 of its escapes) in `text`, an
/// output about `doc`, that `doc` does not hold outside the secret's own lines (a fuzzer
/// learns the pieces, and writes them elsewhere).
pub(crate) fn leak(text: &str, doc: &[u8]) -> Option<String> {
    let mut outside = Vec::with_capacity(doc.len());
    let mut at = 0;
    for line in protected(doc) {
        outside.extend_from_slice(&doc[at..line.start.max(at)]);
        outside.push(b'\n');
        at = line.end;
    }
    outside.extend_from_slice(&doc[at.min(doc.len())..]);
    let outside = String::from_utf8_lossy(&outside);
    let escaped = escaped_secret();
    let plain_windows = SECRET.as_bytes().windows(8);
    // Three escapes: one alone (`\u0077`) is too common to tell.
    let escape_windows = escaped.as_bytes().windows(18).step_by(6);
    plain_windows
        .chain(escape_windows)
        .map(|window| std::str::from_utf8(window).expect("ASCII"))
        .find(|window| text.contains(window) && !outside.contains(window))
        .map(str::to_owned)
}

/// Checks that every finding of `report` is inside `bytes`, at the line and column its span
/// starts at; panics with the document otherwise.
pub(crate) fn assert_positioned(bytes: &[u8], report: &Report) {
    assert!(!report.is_empty(), "an empty report");
    for finding in report {
        let span = finding.span();
        assert!(
            span.start <= span.end && span.end <= bytes.len(),
            "{finding:?} outside {} bytes: {:?}",
            bytes.len(),
            String::from_utf8_lossy(bytes)
        );
        let (line, column) = position(bytes, span.start);
        assert_eq!(
            (finding.line(), finding.column()),
            (line, column),
            "{finding:?} in {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    for pair in report.secret_spans().windows(2) {
        assert!(pair[0].end < pair[1].start, "secret spans overlap or touch");
    }
    if let Some(last) = report.secret_spans().last() {
        assert!(last.end <= bytes.len());
    }
}

/// Line and column (from 1, in characters, a leading byte-order mark not counted) of byte
/// `offset`, the slow and obvious way.
#[allow(
    clippy::naive_bytecount,
    reason = "the obvious way, against the library's fast one"
)]
pub(crate) fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let mut text = &before[line_start..];
    if line_start == 0 {
        text = text.strip_prefix("\u{feff}".as_bytes()).unwrap_or(text);
    }
    // Characters: the bytes that do not continue one.
    let column = 1 + text.iter().filter(|&&b| b & 0xc0 != 0x80).count();
    (line, column)
}

/// The ranges of the lines of `doc` that hold the secret, their line breaks included: a
/// mutation leaves them alone, so the secret stays where a secret belongs.
pub(crate) fn protected(doc: &[u8]) -> Vec<Range<usize>> {
    let escaped = escaped_secret();
    let mut ranges = Vec::new();
    let mut start = 0;
    for line in doc.split_inclusive(|&b| b == b'\n') {
        let end = start + line.len();
        let holds = |needle: &[u8]| line.windows(needle.len()).any(|window| window == needle);
        if holds(SECRET.as_bytes()) || holds(escaped.as_bytes()) {
            ranges.push(start.saturating_sub(1)..end);
        }
        start = end;
    }
    ranges
}

/// Bytes a mutation inserts: JSON's punctuation and words, what breaks strings, what is not
/// UTF-8, and names close to the secret's.
const INSERTS: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\\",
    b" ",
    b"\n",
    b"\r",
    b"\t",
    b"\r\n",
    b"null",
    b"true",
    b"-0",
    b"1e400",
    b"\"\"",
    b"{}",
    b"[]",
    b"\\u0000",
    b"\\ud800",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xef\xbb\xbf",
    b"\"secret_key\"",
    b"\"secret_kye\":",
    b"\"ci\": {",
    b"\"children\": [",
    b"\"by_name\": {",
    b"\"token\"",
    b"'",
    b"//",
    b"\"regoin\": \"x\"",
    b"\xc2\x9b",
];

/// One random change of `doc` outside `protected`: a deletion, an insertion, a copy of a
/// stretch somewhere else, or a truncation.
pub(crate) fn mutate(rng: &mut fastrand::Rng, doc: &mut Vec<u8>) {
    let protected = protected(doc);
    let free = |at: usize| !protected.iter().any(|range| range.contains(&at));
    let len = doc.len();
    for _ in 0..16 {
        let at = rng.usize(..=len);
        match rng.u8(..10) {
            0..=2 => {
                let end = (at + rng.usize(1..=8)).min(len);
                if (at..end).all(free) && at < end {
                    doc.drain(at..end);
                    return;
                }
            }
            3..=6 if free(at) && (at == 0 || free(at - 1)) => {
                let insert = INSERTS[rng.usize(..INSERTS.len())];
                doc.splice(at..at, insert.iter().copied());
                return;
            }
            7 | 8 => {
                // A stretch copied elsewhere (a duplicated member, say); copying the
                // secret's line whole keeps it intact.
                let from = rng.usize(..=len);
                let to = (from + rng.usize(1..=64)).min(len);
                let stretch: Vec<u8> = doc[from..to].to_vec();
                let whole = protected.iter().all(|range| {
                    to <= range.start
                        || from >= range.end
                        || (from <= range.start && to >= range.end)
                });
                if whole && free(at) && (at == 0 || free(at - 1)) {
                    doc.splice(at..at, stretch);
                    return;
                }
            }
            _ => {
                if (at..len).all(free) {
                    doc.truncate(at);
                    return;
                }
            }
        }
    }
}

/// The documents mutated: valid ones of both models, each holding the secret on lines of its
/// own, in several layouts.
pub(crate) fn seeds() -> Vec<(Model, String)> {
    let s = SECRET;
    vec![
        (
            Model::Ecr,
            format!(
                "{{\n  \"ci\": {{\n    \"region\": \"us-east-1\",\n    \"access_key\": \
                 \"AKIAIOSFODNN7EXAMPLE\",\n    \"secret_key\": \"{s}\"\n  }},\n  \"read\": {{ \
                 \"region\": \"eu-west-1\", \"role_arn\": \
                 \"arn:aws:iam::123456789012:role/r\" }},\n  \"setup\": {{\n    \"region\": \
                 \"us-east-1\",\n    \"role_arn\": \"arn:aws:iam::123456789012:role/s\",\n    \
                 \"policy\": \"{{\\\"Version\\\": \\\"2012-10-17\\\"}}\",\n    \"external_id\": \
                 \"ext\"\n  }},\n  \"repository_provider\": \"aws-ecr\"\n}}\n"
            ),
        ),
        (
            Model::Ecr,
            format!(
                "{{\"setup\": {{\"region\": \"us-east-1\", \"role_arn\": \
                 \"arn:aws:iam::123456789012:role/s\"}},\n\"ci\": {{\"access_key\": \
                 \"AKIAIOSFODNN7EXAMPLE\", \"region\": \"us-east-1\",\n\"secret_key\": \
                 \"{s}\"}}}}"
            ),
        ),
        (
            Model::Node,
            format!(
                "{{\n  \"name\": \"root\",\n  \"token\": \"{s}\",\n  \"port\": 443,\n  \
                 \"children\": [\n    {{ \"name\": \"first\", \"port\": 80 }},\n    {{\n      \
                 \"name\": \"second\",\n      \"token\": \"{s}\"\n    }}\n  ],\n  \"by_name\": \
                 {{\n    \"deep\": {{ \"name\": \"deep\", \"child\": {{\n      \"name\": \
                 \"deeper\",\n      \"token\": \"{s}\"\n    }} }}\n  }},\n  \"child\": {{ \
                 \"name\": \"only\" }}\n}}\n"
            ),
        ),
        (
            Model::Node,
            format!(
                "{{\"name\": \"x-y\", \"children\": [{{\"name\": \"ab\", \"by_name\": {{\"k\": \
                 {{\"name\": \"kk\",\n\"token\": \"{s}\"\n}}}}}}], \"child\": {{\"name\": \
                 \"cc\", \"child\": {{\"name\": \"ccc\",\n\"token\": \"{}\"\n}}}}}}",
                escaped_secret()
            ),
        ),
    ]
}
