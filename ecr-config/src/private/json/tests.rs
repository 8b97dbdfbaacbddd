use super::JsonTextReason::{
    ControlCharacterInString, Empty, InvalidEscape, InvalidNumber, TooDeep, TrailingCharacters,
    UnexpectedCharacter, UnexpectedEnd,
};
use super::{JsonTextError, JsonTextReason, MAX_DEPTH, check_json_text, reference};
use serde::de::IgnoredAny;

const _: () = assert!(check_json_text("{}").is_ok());
const _: () = assert!(matches!(
    check_json_text("[1] x"),
    Err(JsonTextError {
        offset: 4,
        reason: TrailingCharacters
    })
));

// `include_config!` and `checked!` run the checker in const evaluation: the word-at-a-time
// paths (long strings, indentation) must work there too.
const INDENTED: &str =
    "{\n        \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"]\n}";
const _: () = assert!(check_json_text(INDENTED).is_ok());
const CONTROL_IN_LONG_STRING: Result<(), JsonTextError> =
    check_json_text("[\"ecr:GetDownloadUrlForLayer\u{1}\"]");

#[test]
fn const_evaluation_takes_the_word_paths_too() {
    let expected = Err(JsonTextError {
        offset: 28,
        reason: ControlCharacterInString,
    });
    assert_eq!(CONTROL_IN_LONG_STRING, expected);
    assert_eq!(
        check_json_text("[\"ecr:GetDownloadUrlForLayer\u{1}\"]"),
        expected
    );
}

fn serde_ok(s: &str) -> bool {
    serde_json::from_str::<IgnoredAny>(s).is_ok()
}

fn err(s: &str) -> (usize, JsonTextReason) {
    let e = check_json_text(s).expect_err(s);
    (e.offset, e.reason)
}

#[test]
fn accepts_valid_texts_like_serde_json() {
    for s in [
        r#"{"Version":"2012-10-17","Statement":[]}"#,
        " \t\r\n{ \"a\" : [ 1 , -0.5e+3 , true , false , null , { } , [ ] ] } \n",
        "1",
        "-0",
        "0.0e0",
        "1E-07",
        "123456789012345678901234567890e999",
        "\"x\"",
        "true",
        "null",
        r#""\u00e9 é € 😀 \" \\ \/ \b \f \n \r \t""#,
        r#""\ud83d\ude00""#,
        "\"\u{7f}\"",
        // Lone surrogate escapes: grammatical, and accepted by `IgnoredAny`.
        r#"["\ud800", "\udc00", "\ud800x", "\ud800\u0041", "\uDBFF\uDBFF"]"#,
    ] {
        assert_eq!(check_json_text(s), Ok(()), "{s:?}");
        assert!(serde_ok(s), "{s:?}");
    }
}

#[test]
fn each_reason_with_offset() {
    let cases: &[(&str, usize, JsonTextReason)] = &[
        ("", 0, Empty),
        ("  ", 2, Empty),
        (" \n\t\r", 4, Empty),
        ("{", 1, UnexpectedEnd),
        ("[1,", 3, UnexpectedEnd),
        ("{\"a\"", 4, UnexpectedEnd),
        ("\"abc", 4, UnexpectedEnd),
        ("\"\\", 2, UnexpectedEnd),
        ("\"\\u12", 5, UnexpectedEnd),
        ("tru", 3, UnexpectedEnd),
        ("{\"a\":1,}", 7, UnexpectedCharacter),
        ("[1,]", 3, UnexpectedCharacter),
        ("[1 2]", 3, UnexpectedCharacter),
        ("{1:2}", 1, UnexpectedCharacter),
        ("{\"a\" 1}", 5, UnexpectedCharacter),
        ("[}", 1, UnexpectedCharacter),
        ("{]", 1, UnexpectedCharacter),
        ("[1}", 2, UnexpectedCharacter),
        ("trUe", 2, UnexpectedCharacter),
        ("\u{feff}1", 0, UnexpectedCharacter),
        ("+1", 0, UnexpectedCharacter),
        (".5", 0, UnexpectedCharacter),
        ("'a'", 0, UnexpectedCharacter),
        ("\u{a0}1", 0, UnexpectedCharacter),
        ("\"\\x\"", 1, InvalidEscape),
        ("\"ab\\u12g4\"", 3, InvalidEscape),
        ("\"\\u12\"", 1, InvalidEscape),
        ("\"\\U0041\"", 1, InvalidEscape),
        ("\"a\tb\"", 2, ControlCharacterInString),
        ("\"\0\"", 1, ControlCharacterInString),
        ("\"\n\"", 1, ControlCharacterInString),
        ("01", 1, InvalidNumber),
        ("-01", 2, InvalidNumber),
        ("1.", 2, InvalidNumber),
        ("1.e5", 2, InvalidNumber),
        ("1e", 2, InvalidNumber),
        ("1e+", 3, InvalidNumber),
        ("-", 1, InvalidNumber),
        ("-a", 1, InvalidNumber),
        ("[-]", 2, InvalidNumber),
        ("[1] x", 4, TrailingCharacters),
        ("1 2", 2, TrailingCharacters),
        ("{}}", 2, TrailingCharacters),
        ("0x1", 1, TrailingCharacters),
        ("nullx", 4, TrailingCharacters),
    ];
    for &(s, offset, reason) in cases {
        assert_eq!(err(s), (offset, reason), "{s:?}");
        assert!(!serde_ok(s), "serde_json accepts {s:?}");
    }
}

fn nested(n: usize, object: bool) -> String {
    let (open, close) = if object { ("{\"k\":", "}") } else { ("[", "]") };
    open.repeat(n) + "0" + &close.repeat(n)
}

#[test]
fn depth_limit_is_serde_json_recursion_limit() {
    for object in [false, true] {
        for n in 120..=135 {
            let s = nested(n, object);
            let value_ok = serde_json::from_str::<serde_json::Value>(&s).is_ok();
            assert_eq!(check_json_text(&s).is_ok(), value_ok, "depth {n}");
            assert_eq!(value_ok, n <= MAX_DEPTH, "depth {n}");
            // `IgnoredAny` has no limit; this is the one intended difference.
            assert!(serde_ok(&s));
        }
    }
    let mixed = "[{\"a\":".repeat(64) + &"}]".repeat(64);
    assert_eq!(err(&mixed).1, TooDeep);
    assert_eq!(err(&"[".repeat(100_000)), (MAX_DEPTH, TooDeep));
    assert!(check_json_text(&("[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH))).is_ok());
    assert_eq!(
        JsonTextReason::TooDeep.describe(),
        format!("nesting deeper than {MAX_DEPTH} levels")
    );
}

type Rng = fastrand::Rng;

fn pick<T: Copy>(r: &mut Rng, items: &[T]) -> T {
    items[r.usize(..items.len())]
}

fn ws(r: &mut Rng, out: &mut String) {
    while r.usize(..4) == 0 {
        out.push(pick(r, &[' ', '\t', '\n', '\r']));
    }
    if r.usize(..8) == 0 {
        // The indentation of pretty-printed text, longer than a word.
        out.push('\n');
        out.push_str(&" ".repeat(r.usize(..20)));
    }
}

fn gen_string(r: &mut Rng, out: &mut String) {
    out.push('"');
    for _ in 0..r.usize(..6) {
        match r.usize(..7) {
            0 => out.push_str(pick(
                r,
                &["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"],
            )),
            1 => {
                let hex = [
                    "0041", "00e9", "D83D", "de00", "d800", "DBFF", "dfff", "FFFF",
                ];
                out.push_str("\\u");
                out.push_str(pick(r, &hex));
            }
            2 => out.push(pick(r, &['é', '€', '😀', '\u{7f}', '\u{a0}'])),
            // Plain runs longer than a word, as in ARNs and action names.
            3 => {
                for _ in 0..r.usize(..24) {
                    out.push(pick(r, &['a', 'Z', '0', ':', ' ', '/']));
                }
            }
            _ => out.push(pick(r, &['a', 'z', 'Q', ' ', '0', '{', ']', ':', ','])),
        }
    }
    out.push('"');
}

fn gen_number(r: &mut Rng, out: &mut String) {
    if r.usize(..3) == 0 {
        out.push('-');
    }
    if r.usize(..3) == 0 {
        out.push('0');
    } else {
        out.push(pick(r, &['1', '5', '9']));
        for _ in 0..r.usize(..4) {
            out.push(pick(r, &['0', '3', '7']));
        }
    }
    if r.usize(..3) == 0 {
        out.push('.');
        for _ in 0..=r.usize(..3) {
            out.push(pick(r, &['0', '4', '9']));
        }
    }
    if r.usize(..3) == 0 {
        out.push(pick(r, &['e', 'E']));
        if r.usize(..2) == 0 {
            out.push(pick(r, &['+', '-']));
        }
        for _ in 0..=r.usize(..3) {
            out.push(pick(r, &['0', '2', '8']));
        }
    }
}

fn gen_value(r: &mut Rng, depth: usize, out: &mut String) {
    ws(r, out);
    match r.usize(..if depth == 0 { 5 } else { 7 }) {
        0 => gen_string(r, out),
        1 => gen_number(r, out),
        2 => out.push_str(pick(r, &["true", "false", "null"])),
        3 | 4 if depth == 0 => gen_string(r, out),
        3 | 5 => {
            out.push('[');
            for k in 0..r.usize(..4) {
                if k > 0 {
                    out.push(',');
                }
                gen_value(r, depth - 1, out);
            }
            ws(r, out);
            out.push(']');
        }
        _ => {
            out.push('{');
            for k in 0..r.usize(..4) {
                if k > 0 {
                    out.push(',');
                }
                ws(r, out);
                gen_string(r, out);
                ws(r, out);
                out.push(':');
                gen_value(r, depth - 1, out);
            }
            ws(r, out);
            out.push('}');
        }
    }
    ws(r, out);
}

/// Deepest container nesting of a text `serde_json` accepted (so strings are well formed).
fn max_depth(s: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0, 0, false, false);
    for c in s.bytes() {
        if in_str {
            (in_str, escaped) = (escaped || c != b'"', !escaped && c == b'\\');
        } else if c == b'"' {
            in_str = true;
        } else if c == b'[' || c == b'{' {
            depth += 1;
            max = max.max(depth);
        } else if c == b']' || c == b'}' {
            depth -= 1;
        }
    }
    max
}

/// Accepts as `serde_json` does, and fails at the same offset for the same reason as the
/// byte-at-a-time reference checker.
fn assert_agrees(s: &str) -> bool {
    let expected = serde_ok(s) && max_depth(s) <= MAX_DEPTH;
    let got = check_json_text(s);
    assert_eq!(
        got.is_ok(),
        expected,
        "disagreement with serde_json on {s:?}: {got:?}"
    );
    assert_eq!(got, reference::check_json_text(s), "{s:?}");
    if let Err(e) = got {
        assert!(
            e.offset <= s.len() && s.is_char_boundary(e.offset),
            "{s:?}: {e:?}"
        );
    }
    expected
}

const ALPHABET: &str =
    "{}[]:,\"\\/bfnrtu0123456789.eE+- \t\n\raxlsZ\u{e9}\u{20ac}\u{1f600}\0\u{1}\u{1f}\u{7f}";

#[test]
fn differential_against_serde_json() {
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    let mut r = Rng::with_seed(0x9E37_79B9_7F4A_7C15);
    let (mut inputs, mut accepted) = (0, 0);
    let mut doc = String::new();
    while inputs < 200_000 {
        doc.clear();
        if r.usize(..50) == 0 {
            // Near the depth limit, with random container kinds.
            let n = 120 + r.usize(..16);
            let kinds: Vec<bool> = (0..n).map(|_| r.usize(..2) == 0).collect();
            for &object in &kinds {
                doc.push_str(if object { "{\"\":" } else { "[" });
            }
            gen_value(&mut r, 1, &mut doc);
            for &object in kinds.iter().rev() {
                doc.push(if object { '}' } else { ']' });
            }
        } else {
            let depth = r.usize(..5);
            gen_value(&mut r, depth, &mut doc);
        }
        assert!(serde_ok(&doc), "generator produced invalid JSON {doc:?}");
        accepted += usize::from(assert_agrees(&doc));
        let mut chars: Vec<char> = doc.chars().collect();
        for _ in 0..=r.usize(..3) {
            let at = r.usize(..=chars.len());
            match r.usize(..4) {
                0 if at < chars.len() => drop(chars.remove(at)),
                1 if at < chars.len() => chars[at] = pick(&mut r, &alphabet),
                2 => chars.truncate(at),
                _ => chars.insert(at, pick(&mut r, &alphabet)),
            }
        }
        let mutated: String = chars.into_iter().collect();
        accepted += usize::from(assert_agrees(&mutated));
        inputs += 2;
    }
    // Guard against a generator that degenerates to all-valid or all-invalid input.
    assert!(
        (inputs / 3..inputs * 9 / 10).contains(&accepted),
        "{accepted} of {inputs}"
    );
}

/// The fast paths read eight bytes at a time: put every kind of byte that ends a plain run,
/// and every kind of whitespace, at every position of strings and gaps around that width,
/// near the end of the input and far from it, and hold the result to the reference.
#[test]
fn word_reads_agree_with_the_reference_at_every_position() {
    const STOPS: &[&str] = &[
        "\"", "\\", "\\n", "\\u00e9", "\\x", "\0", "\n", "\u{1f}", " ", "\u{7f}", "é", "😀",
    ];
    const GAPS: &[&str] = &[" ", "\t", "\n", "\r", "\n  ", "x", "\u{a0}", ""];
    let mut inputs = 0;
    for len in 0..=20 {
        for at in 0..=len {
            for stop in STOPS {
                let body = "a".repeat(at) + stop + &"b".repeat(len - at);
                for text in [
                    format!("\"{body}\""),
                    format!("\"{body}"),
                    format!("[\"{body}\", 1]"),
                    format!("{{\"{body}\": \"{body}\"}}   "),
                ] {
                    assert_agrees(&text);
                    inputs += 1;
                }
            }
            for gap in GAPS {
                let run = " ".repeat(at) + gap + &" ".repeat(len - at);
                for text in [
                    format!("{run}[{run}1{run},{run}{{{run}\"k\"{run}:{run}[]{run}}}{run}]{run}"),
                    format!("[{run}"),
                    format!("{{\"k\"{run}"),
                    run.clone(),
                ] {
                    assert_agrees(&text);
                    inputs += 1;
                }
            }
        }
    }
    assert!(inputs > 10_000, "{inputs}");
}
