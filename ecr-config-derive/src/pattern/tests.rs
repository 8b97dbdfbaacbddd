//! Patterns are compiled to `Tables`, which are then run by the runtime's own source file
//! (included below, so nothing is re-implemented here), against hand-written expectations
//! (ECMA-262 semantics) and against the `regex` crate where the two semantics coincide.

use super::build;
use super::code::{self, Link};
use super::tables::Tables;

#[allow(unreachable_pub, dead_code)]
#[path = "../../../ecr-config/src/private/dfa.rs"]
mod runtime;

/// A pattern's tables, both as emitted (narrow or wide) and forced wide, so every pattern
/// also exercises the `u16` loop.
struct Compiled {
    tables: Tables,
    emitted: runtime::Dfa,
    wide: runtime::Dfa,
    /// The straight-line form, when the DFA is a chain; it must agree with the tables.
    chain: Option<Vec<Link>>,
}

impl Compiled {
    fn is_match(&self, haystack: &str) -> bool {
        let answer = self.emitted.is_match(haystack);
        assert_eq!(
            answer,
            self.wide.is_match(haystack),
            "narrow and wide disagree"
        );
        assert_eq!(
            answer,
            self.tables.is_match(haystack),
            "the derive's own matcher and the runtime's disagree on {haystack:?}"
        );
        if let Some(links) = &self.chain {
            let start_matches = self.tables.start == self.tables.stride;
            assert_eq!(
                code::run(links, start_matches, haystack),
                answer,
                "straight-line code and tables disagree on {haystack:?}"
            );
        }
        answer
    }
}

fn compile(pattern: &str) -> Compiled {
    let tables = build(pattern).unwrap_or_else(|e| panic!("{pattern:?} failed to compile:\n{e}"));
    let classes: &'static [u8; 256] = Box::leak(Box::new(tables.classes));
    let wide: &'static [u16] = Box::leak(tables.trans.clone().into_boxed_slice());
    let narrow: &'static [u8] = if tables.is_narrow() {
        Box::leak(
            tables
                .trans
                .iter()
                .map(|&id| u8::try_from(id).unwrap())
                .collect(),
        )
    } else {
        &[]
    };
    let (stride, start) = (tables.stride, tables.start);
    let emitted = runtime::Dfa {
        classes,
        narrow,
        wide: if narrow.is_empty() { wide } else { &[] },
        stride,
        start,
    };
    let wide = runtime::Dfa {
        classes,
        narrow: &[],
        wide,
        stride,
        start,
    };
    Compiled {
        chain: code::chain(&tables),
        tables,
        emitted,
        wide,
    }
}

fn check(pattern: &str, yes: &[&str], no: &[&str]) {
    let compiled = compile(pattern);
    for haystack in yes {
        assert!(
            compiled.is_match(haystack),
            "{pattern:?} should match {haystack:?}"
        );
    }
    for haystack in no {
        assert!(
            !compiled.is_match(haystack),
            "{pattern:?} should not match {haystack:?}"
        );
    }
}

fn error(pattern: &str) -> String {
    match build(pattern) {
        Ok(_) => panic!("{pattern:?} should be rejected"),
        Err(e) => e,
    }
}

#[test]
fn access_key_id() {
    check(
        "^[A-Z0-9]{20}$",
        &["AKIAIOSFODNN7EXAMPLE", "00000000000000000000"],
        &[
            "AKIAIOSFODNN7EXAMPL",
            "AKIAIOSFODNN7EXAMPLEX",
            "AKIAIOSFODNN7EXAMPLE\n",
            "akiaiosfodnn7example",
            "AKIAIOSFODNN7EXAMPLÉ",
            " AKIAIOSFODNN7EXAMPLE",
            "",
        ],
    );
}

#[test]
fn role_arn() {
    check(
        r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$",
        &[
            "arn:aws:iam::123456789012:role/my-role",
            "arn:aws:iam::000000000000:role/a+=,.@_-Z9",
        ],
        &[
            "arn:aws:iam::12345678901:role/x",
            "arn:aws:iam::1234567890123:role/x",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:iam::123456789012:role/x\n",
            "arn:aws:iam::123456789012:role/a b",
            "arn:aws:iam::123456789012:role/é",
            "xarn:aws:iam::123456789012:role/x",
            "arn:aws:iam::123456789012:user/x",
        ],
    );
}

#[test]
fn unanchored_search() {
    check("[0-9]", &["ab1c", "1", "é9"], &["abc", "", "١"]);
    check("ab", &["ab", "xxab", "abxx", "aab"], &["a", "ba", "a b"]);
    check("b$", &["b", "ab"], &["b\n", "ba"]);
}

#[test]
fn ascii_classes() {
    check(r"^\d+$", &["0123456789"], &["١٢٣", "12a", "", "1\n"]);
    check(r"^\w+$", &["abc_09XYZ"], &["é", "ab-c", "ß"]);
    check(r"\W", &["é", "a-b", " "], &["abc_1"]);
    check(r"^\D+$", &["١٢٣", "ab"], &["a1"]);
    check(r"^[^\d]$", &["a", "٣"], &["5"]);
    check(r"^[\D]$", &["a"], &["5"]);
    check(r"^[\w-]+$", &["a-b_c"], &["a.b", "é"]);
    check(r"^[^\W_]+$", &["abc09"], &["a_b", "é"]);
}

#[test]
fn word_boundaries() {
    check(
        r"\bfoo\b",
        &["foo", "a foo b", "foo.bar", "éfooé", "(foo)"],
        &["foobar", "xfoo", "_foo", "foo1", ""],
    );
    // `\B` must not hold between the bytes of one code point: "aéb" has no such position.
    check(
        r"\B",
        &["", "ab", "é", "a  b", "-"],
        &["a", "a b", "aéb", "a😀b"],
    );
    check(r"^\B", &["", "é", "-a"], &["a"]);
    check(r"a\B", &["ab", "xab"], &["a", "a é"]);
}

#[test]
fn whitespace() {
    let ecma_space = "\t\n\u{b}\u{c}\r \u{a0}\u{1680}\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}";
    let pattern = compile(r"\s");
    for c in ecma_space.chars() {
        assert!(pattern.is_match(&c.to_string()), "\\s should match {c:?}");
    }
    // Unicode White_Space but not ECMA-262 WhiteSpace, and the reverse for U+FEFF.
    check(r"\s", &["a b"], &["\u{85}", "\u{180e}", "ab", ""]);
    check(r"^\S+$", &["ab", "\u{85}"], &["a b", "\u{feff}", "a\u{a0}"]);
    check(r"^[^\s]$", &["x"], &["\u{3000}"]);
}

#[test]
fn dot() {
    check(
        "a.c",
        &["abc", "aéc", "a😀c", "a\tc"],
        &["a\nc", "a\rc", "a\u{2028}c", "a\u{2029}c"],
    );
    check(
        "^.$",
        &["😀", "é", "a", "\u{85}"],
        &["", "ab", "\n", "😀😀"],
    );
    check("^..$", &["😀😀", "aé"], &["😀"]);
    check("^[^a]$", &["😀"], &["a", "😀😀"]);
}

#[test]
fn alternation_and_repetition() {
    check(
        "^(ab|cd)$",
        &["ab", "cd"],
        &["abcd", "a", "", "ab\n", "xcd"],
    );
    check("^(?:a|)$", &["a", ""], &["aa"]);
    check("^a{2,3}$", &["aa", "aaa"], &["a", "aaaa"]);
    check(r"^(?<name>x)+$", &["xxx"], &["", "xy"]);
}

#[test]
fn empty_and_never() {
    let empty = compile("");
    assert_eq!(
        empty.tables.start, empty.tables.stride,
        "starts in the match state"
    );
    for haystack in ["", "anything", "\n"] {
        assert!(empty.is_match(haystack));
    }
    check("^", &["", "x"], &[]);
    check("$", &["", "x"], &[]);
    check("^$", &[""], &["x", "\n"]);
    let never = compile(r"[^\s\S]");
    assert_eq!(never.tables.start, 0, "starts in the dead state");
    assert!(!never.is_match("") && !never.is_match("abc"));
}

#[test]
fn tables_are_compact() {
    let small = build("^[A-Z0-9]{20}$").unwrap();
    assert!(small.is_narrow());
    // Dead, match, and one state per position; 21 only if the match state stayed separate.
    assert_eq!(small.states(), 2 + 21);
    // [A-Z0-9], everything else, end of input.
    assert_eq!(small.stride, 3);
    let arn = build(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$").unwrap();
    assert!(!arn.is_narrow());
    // Depth-first numbering puts each state of the literal-like head right after the
    // previous one, which the runtime predicts: 31 bytes before `[a-zA-Z0-9+=,.@_-]+`.
    let mut state = arn.start;
    for byte in "arn:aws:iam::123456789012:role/".bytes() {
        let next = usize::from(arn.trans[state + usize::from(arn.classes[usize::from(byte)])]);
        assert_eq!(next, state + arn.stride, "at {:?}", char::from(byte));
        state = next;
    }
    let tokens = arn.to_tokens().to_string();
    assert!(tokens.contains("decode_wide"), "{tokens}");
    let tokens = small.to_tokens().to_string();
    assert!(
        tokens.starts_with(":: ecr_config :: __private :: dfa :: Dfa"),
        "{tokens}"
    );
    assert!(tokens.contains("wide : & []"), "{tokens}");
}

#[test]
fn unsupported_features() {
    let e = error("(?=a)b");
    assert!(
        e.starts_with("lookaround `(?=…)` is not supported: patterns are compiled"),
        "{e}"
    );
    let e = error("x(?<!a)b");
    assert!(e.starts_with("lookaround `(?<!…)` is not supported"), "{e}");
    assert!(e.ends_with("\n    x(?<!a)b\n     ^^^^"), "{e}");
    let e = error(r"(a)\1");
    assert!(
        e.starts_with(r"backreferences like `\1` are not supported"),
        "{e}"
    );
    let e = error(r"(?<n>a)\k<n>");
    assert!(
        e.starts_with(r"backreferences like `\k<name>` are not supported"),
        "{e}"
    );
    let e = error(r"a\0");
    assert!(e.starts_with(r"`\0` is not supported: write `\x00`"), "{e}");
    let e = error("(?i)abc");
    assert!(
        e.starts_with("inline flags like `(?i)` are not supported"),
        "{e}"
    );
    let e = error("(?s:.)");
    assert!(e.starts_with("inline flags"), "{e}");
}

#[test]
fn syntax_errors() {
    assert_eq!(
        error("(abc"),
        "invalid pattern: unclosed group\n    (abc\n    ^"
    );
    let e = error("a{2,1}");
    assert!(
        e.starts_with("invalid pattern: invalid repetition count range"),
        "{e}"
    );
    let e = error("*");
    assert!(
        e.starts_with("invalid pattern: repetition operator missing expression"),
        "{e}"
    );
}

#[test]
fn too_large() {
    // Determinized, then refused when re-encoded: whether an `a` was among the last 14
    // bytes, for each of them, is 2^14 states.
    let e = error("[ab]*a[ab]{14}");
    assert!(
        e.starts_with("pattern is too large: its DFA has 16386 states and 3 byte classes"),
        "{e}"
    );
    // Caught while determinizing, long before its 2^21 states.
    let e = error("[ab]*a[ab]{20}");
    assert!(
        e.starts_with("pattern is too large: its DFA would exceed the limit"),
        "{e}"
    );
    // Caught while building the NFA: a million copies of `a`. (Repetitions of nothing, as
    // in `(?:|){4000000000}`, regex-syntax folds away before.)
    let e = error("^(a{1000}){1000}$");
    assert!(
        e.starts_with("pattern is too large: its DFA would exceed the limit"),
        "{e}"
    );
    assert_eq!(build("(?:|){4000000000}").unwrap().states(), 2);
}

#[test]
fn unicode_word_boundaries_are_refused_by_the_dfa_builder() {
    use regex_syntax::hir::{Hir, Look};

    use super::automaton::{self, BuildError};
    // The ECMA rewrite leaves none; the builder still refuses what it cannot decide.
    for look in [
        Look::WordUnicode,
        Look::WordStartUnicode,
        Look::WordEndHalfUnicode,
    ] {
        let hir = Hir::concat(vec![Hir::literal(*b"a"), Hir::look(look)]);
        assert_eq!(
            automaton::build(&hir).unwrap_err(),
            BuildError::UnicodeWordBoundary
        );
    }
    assert!(automaton::build(&Hir::look(Look::WordAscii)).is_ok());
}

const COMMON_PIECES: &[&str] = &[
    "a", "b", "A", "0", "9", "_", "-", " ", "\n", "\r", "é", "ß", "€", "😀", "\u{2028}",
];

/// Strings made of `pieces` (plus a few common awkward ones), short enough to hit edges.
fn haystacks(seed: u64, pieces: &[&str]) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let all: Vec<&str> = pieces.iter().chain(COMMON_PIECES).copied().collect();
    (0..3000)
        .map(|_| {
            (0..rng.usize(..10))
                .map(|_| all[rng.usize(..all.len())])
                .collect()
        })
        .collect()
}

fn agree(ours: &str, rust: &str, pieces: &[&str]) {
    let compiled = compile(ours);
    let reference = regex::Regex::new(rust).expect("reference pattern");
    let seed = 0x9e37_79b9_7f4a_7c15 ^ (ours.len() as u64);
    for haystack in haystacks(seed, pieces) {
        assert_eq!(
            compiled.is_match(&haystack),
            reference.is_match(&haystack),
            "{ours:?} vs regex {rust:?} on {haystack:?}"
        );
    }
}

#[test]
fn differential_against_regex_crate() {
    let cases: &[(&str, &[&str])] = &[
        ("^[A-Z0-9]{20}$", &["AKIAIOSFODNN7EXAMPL", "E", "EX"]),
        (
            r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$",
            &[
                "arn:aws:iam::",
                "123456789012",
                "12",
                ":role/",
                "x",
                "+",
                "@",
            ],
        ),
        ("[0-9]", &[]),
        ("^(ab|cd)$", &["c", "d", "ab", "cd"]),
        ("ab|cd", &["c", "d"]),
        ("^a*b+c?$", &["c"]),
        ("x(y|z)*w$", &["x", "y", "z", "w"]),
        ("^[^a-c]+$", &["c"]),
        ("[^é]", &[]),
        ("é+$", &[]),
        ("^(?:[a-f0-9]{2}-)+[a-f0-9]{2}$", &["f", "0a", "e-"]),
        ("^$", &[]),
        ("", &[]),
        ("a{2,3}", &[]),
        ("^a{2,3}$", &[]),
        ("(a|ab)(c|bcd)(d*)", &["c", "d", "bcd"]),
        ("[\u{2028}\n]", &[]),
        (
            r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$",
            &["1", "5", ".", "-0", "10"],
        ),
        ("😀{2}", &[]),
        (r"^[^\n]*$", &[]),
        (r"[a-z]+@[a-z]+\.[a-z]{2,}", &["@", ".", "ab", "com"]),
        ("(?:a|b)*abb", &[]),
        ("^(a|b|)$", &[]),
        ("a?", &[]),
        (r"[^\x00-\x7F]", &[]),
        ("^[€-\u{ffff}]+$", &["\u{ffff}", "\u{10000}"]),
        ("b$|^a", &[]),
    ];
    for (pattern, pieces) in cases {
        agree(pattern, pattern, pieces);
    }
}

/// A random pattern of depth at most `depth`: ours (ECMA-262) and the same in the `regex`
/// crate's dialect, where `\d`, `\w`, `\b` and `.` differ.
fn random_pattern(rng: &mut fastrand::Rng, depth: u32) -> (String, String) {
    const ATOMS: &[(&str, &str)] = &[
        ("a", "a"),
        ("b", "b"),
        ("é", "é"),
        ("😀", "😀"),
        ("-", "-"),
        (" ", " "),
        ("[ab]", "[ab]"),
        ("[^a]", "[^a]"),
        ("[a-c0-9]", "[a-c0-9]"),
        ("[é-ü]", "[é-ü]"),
        ("[^é😀]", "[^é😀]"),
        (r"\d", "[0-9]"),
        (r"\w", "[0-9A-Za-z_]"),
        (r"\W", "[^0-9A-Za-z_]"),
        (".", "[^\n\r\u{2028}\u{2029}]"),
        (r"\b", r"(?-u:\b)"),
        ("^", "^"),
        ("$", "$"),
        ("", ""),
    ];
    if depth == 0 || rng.u8(..3) == 0 {
        let (ours, rust) = ATOMS[rng.usize(..ATOMS.len())];
        return (ours.to_owned(), rust.to_owned());
    }
    let (a, ra) = random_pattern(rng, depth - 1);
    match rng.u8(..6) {
        0 | 1 => {
            let (b, rb) = random_pattern(rng, depth - 1);
            (format!("{a}{b}"), format!("{ra}{rb}"))
        }
        2 => {
            let (b, rb) = random_pattern(rng, depth - 1);
            (format!("(?:{a}|{b})"), format!("(?:{ra}|{rb})"))
        }
        3 => {
            let op = ["*", "+", "?", "*?"][rng.usize(..4)];
            (format!("(?:{a}){op}"), format!("(?:{ra}){op}"))
        }
        4 => {
            let min = rng.u32(..3);
            let max = min + rng.u32(..3);
            let count = if rng.bool() {
                format!("{{{min},{max}}}")
            } else {
                format!("{{{min},}}")
            };
            (format!("(?:{a}){count}"), format!("(?:{ra}){count}"))
        }
        _ => (format!("({a})"), format!("({ra})")),
    }
}

/// Our DFAs against the `regex` crate's answers, on random patterns: every construct the
/// DFA builder handles (classes as UTF-8 sequences, loops, counted repetitions, empty
/// branches, anchors and word boundaries in any position), combined at random.
#[test]
fn random_patterns_agree_with_regex_crate() {
    let mut rng = fastrand::Rng::with_seed(0x005e_ed0f_d0fa);
    for _ in 0..400 {
        let (ours, rust) = random_pattern(&mut rng, 4);
        let compiled = compile(&ours);
        let reference = regex::Regex::new(&rust).expect("reference pattern");
        for haystack in haystacks(rng.u64(..), &["ab", "é😀", "a-b", "_"])
            .iter()
            .take(300)
        {
            assert_eq!(
                compiled.is_match(haystack),
                reference.is_match(haystack),
                "{ours:?} vs regex {rust:?} on {haystack:?}"
            );
        }
    }
}

#[cfg(feature = "unicode")]
#[test]
fn unicode_property_classes() {
    let cases: &[(&str, &[&str])] = &[
        (r"\p{Greek}", &["α", "Ω"]),
        (r"^\p{Lu}+$", &["É", "Σ"]),
        (r"^\p{L}{2}-[0-9]$", &["ж", "漢"]),
    ];
    for (pattern, pieces) in cases {
        agree(pattern, pattern, pieces);
    }
    let e = error(r"é\p{NoSuchProperty}");
    assert!(
        e.starts_with("invalid pattern: Unicode property not found"),
        "{e}"
    );
    assert!(
        e.ends_with("\n    é\\p{NoSuchProperty}\n     ^^^^^^^^^^^^^^^^^^"),
        "{e}"
    );
    // Too large, caught when re-encoding: ~900 states, each needing a column per UTF-8 byte
    // class.
    let e = error(r"^\p{L}{3}$");
    assert!(e.starts_with("pattern is too large: its DFA has "), "{e}");
    // Too costly to determinize: unanchored, up to 40 letters, each state a set of hundreds
    // of NFA states (stopped by the work bound, in about a second unoptimized).
    let e = error(r"\p{L}{1,40}x");
    assert!(
        e.starts_with("pattern is too large: its DFA would exceed the limit"),
        "{e}"
    );
}

#[cfg(not(feature = "unicode"))]
#[test]
fn unicode_property_classes_name_the_feature_they_need() {
    assert_eq!(
        error(r"^[a\p{Lu}]+\P{L}$"),
        "the Unicode property class `\\p{Lu}` needs the `unicode` feature of `ecr-config`: \
         add `features = [\"unicode\"]` to its dependency in Cargo.toml\n    \
         ^[a\\p{Lu}]+\\P{L}$\n       ^^^^^^"
    );
    assert!(error(r"\P{Greek}").starts_with("the Unicode property class `\\P{Greek}` needs"));
    // The rest of the language needs no table.
    check(r"^[^a-c]é.\w$", &["xé_0"], &["aé_0", "xé\u{2029}0"]);
}

#[test]
fn ecma_rewrites_match_explicit_classes() {
    const SPACE: &str = r"\t\n\x0B\x0C\r \u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}";
    const DOT: &str = r"[^\n\r\u{2028}\u{2029}]";
    let pieces: &[&str] = &[
        "٣", "\u{a0}", "\u{85}", "\u{feff}", "\u{180e}", "f", "o", "x", "Z", "\t", "foo",
    ];
    let cases: Vec<(&str, String)> = vec![
        (r"^\d+$", "^[0-9]+$".to_owned()),
        (r"\w+-\W", "[0-9A-Za-z_]+-[^0-9A-Za-z_]".to_owned()),
        (r"[\d\s]", format!("[0-9{SPACE}]")),
        (r"^\S+$", format!("^[^{SPACE}]+$")),
        (r"[^\S]", format!("[{SPACE}]")),
        (r"[^\D]x", "[0-9]x".to_owned()),
        (r"a.c", format!("a{DOT}c")),
        (r"^.$", format!("^{DOT}$")),
        (r"^.*$", format!("^{DOT}*$")),
        (r"\bfoo\b", r"(?-u:\b)foo(?-u:\b)".to_owned()),
        (r"o\b", r"o(?-u:\b)".to_owned()),
        (r"\b", r"(?-u:\b)".to_owned()),
        (
            r"^\w*\b.\W",
            format!(r"^[0-9A-Za-z_]*(?-u:\b){DOT}[^0-9A-Za-z_]"),
        ),
    ];
    for (ours, rust) in &cases {
        agree(ours, rust, pieces);
    }
}

#[test]
fn config_patterns_compile_to_straight_line_code() {
    for pattern in [
        "^[A-Z0-9]{20}$",
        r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$",
        "^https://",
        "[0-9]",
        "",
    ] {
        assert!(
            compile(pattern).chain.is_some(),
            "{pattern:?} is not a chain"
        );
    }
    // Branching DFAs keep the table walk.
    assert!(compile("^(ab|cd)$").chain.is_none());
}

/// The emitted body of a chain pattern, as text.
fn emitted_code(pattern: &str) -> String {
    let compiled = compile(pattern);
    let links = compiled.chain.expect("a chain");
    code::emit(&links, compiled.tables.start == compiled.tables.stride).to_string()
}

#[test]
fn fixed_runs_are_tested_a_word_at_a_time() {
    // Twenty positions: words at 0, 8 and 12 (overlapping), all the same lanes, declared once.
    let key = emitted_code("^[A-Z0-9]{20}$");
    assert_eq!(key.matches("Lanes :: new").count(), 1, "{key}");
    for word in [
        "LANES_0 . test (bytes , i)",
        "LANES_0 . test (bytes , i + 8)",
        "LANES_0 . test (bytes , i + 12)",
    ] {
        assert!(key.contains(word), "{word} in {key}");
    }
    assert!(!key.contains("matches !"), "{key}");
    // A literal word stays one integer comparison; the name is skipped a word at a time.
    let arn = emitted_code(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$");
    assert!(arn.contains(r#"from_le_bytes (* b"arn:aws:")"#), "{arn}");
    assert_eq!(arn.matches(". test (bytes").count(), 3, "{arn}");
    assert!(arn.contains("skip_in (SET_0 , bytes , i)"), "{arn}");
    // Shorter than a word, or not ASCII: byte by byte, as before.
    assert!(!emitted_code("^[0-9]{7}$").contains("Lanes"));
    assert!(!emitted_code("^[ÀÁ]{4}$").contains("Lanes"));
    // More ranges than a lane takes.
    assert!(!emitted_code("^[a-cx-z5-7_]{10}$").contains("Lanes"));
    assert!(emitted_code("^[a-cx-z5-7]{10}$").contains("Lanes < 3 >"));
}

/// The length analysis against brute force: every string of up to 6 code points over an
/// alphabet that covers the patterns (one, two and four UTF-8 bytes per code point).
#[test]
fn accepted_lengths_agree_with_brute_force() {
    let alphabet = ['a', 'b', 'é', '😀'];
    let patterns = [
        "^(ab)+$",
        "^a?b{2,3}$",
        "é😀",
        "^(é|😀a)*$",
        "b$",
        "^[^a]{2}$",
        "^a{2,3}(b{5})?$",
        "^(a|bb|ééé)$",
        "",
    ];
    let mut strings: Vec<Vec<String>> = vec![vec![String::new()]];
    for n in 1..=6 {
        let longer = strings[n - 1]
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        strings.push(longer);
    }
    for pattern in patterns {
        let compiled = compile(pattern);
        let lengths = super::lengths::Lengths::of(&compiled.tables).expect("periodic");
        for (n, of_length) in strings.iter().enumerate() {
            let brute = of_length.iter().any(|s| compiled.is_match(s));
            assert_eq!(lengths.accepts(n), brute, "{pattern:?} at length {n}");
        }
    }
}

/// ECMA-262's own syntax, spelt for `regex-syntax` by `ecma::translate`.
#[test]
fn ecma_only_syntax() {
    check(r"^\cJ\cj$", &["\n\n"], &["cJcj", "\n"]);
    check(r"^\cA-\cZ$", &["\u{1}-\u{1a}"], &["A-Z"]);
    check(
        r"^\uD83D\uDE00+$",
        &["\u{1F600}", "\u{1F600}\u{1F600}"],
        &["", "\u{1F601}"],
    );
    check(
        r"^[\uD83D\uDE00-\uD83D\uDE02]$",
        &["\u{1F601}"],
        &["\u{1F603}"],
    );
    check(r"^[^]$", &["a", "\n", "\u{2028}", "\u{1F600}"], &["", "ab"]);
    check(r"^a[^]*z$", &["az", "a\nz"], &["a"]);
    // `[]` matches nothing: the branch with it never does.
    check(r"^(a|[])$", &["a"], &["", "b", "[]"]);
    let never = compile(r"^[]");
    assert_eq!(never.tables.start, 0, "starts in the dead state");
    // Escapes are copied whole: `\[]` is a `[` and a `]`, `\\c` a backslash and a `c`.
    check(r"^\[]$", &["[]"], &[""]);
    check(r"^\\cA$", &["\\cA"], &["\u{1}"]);
    // In a class, `[` is a character (Rust's dialect would open a nested class), and `\b` a
    // backspace.
    check(r"^[\[]$", &["["], &["]"]);
    check(r"^[[]$", &["["], &["]"]);
    check(r"^[a[b]$", &["a", "[", "b"], &["]"]);
    check(r"^[a[bc]]$", &["a]", "[]", "c]"], &["a", "]"]);
    check(r"^[\b]$", &["\u{8}"], &["b", "\\"]);
    check(r"^é\cA$", &["é\u{1}"], &[]);
}

#[test]
fn ecma_errors() {
    let e = error(r"a\c1");
    assert!(e.starts_with("`\\c` must be followed by a letter"), "{e}");
    assert!(e.ends_with("\n    a\\c1\n     ^^"), "{e}");
    let e = error(r"\uD83D");
    assert!(e.starts_with("a lone surrogate matches no string"), "{e}");
    let e = error(r"x\uDE00y");
    assert!(e.ends_with("\n    x\\uDE00y\n     ^^^^^^"), "{e}");
    // A span after a translated escape is the pattern's own.
    let e = error(r"\cA\uD83D\uDE00(?i)x");
    let caret = format!("\n    \\cA\\uD83D\\uDE00(?i)x\n    {}^", " ".repeat(17));
    assert!(e.ends_with(&caret), "{e}");
    let e = error(r"\cA(abc");
    assert_eq!(e, "invalid pattern: unclosed group\n    \\cA(abc\n       ^");
}

/// Rust-only syntax, each refused with what ECMA-262 makes of it.
#[test]
fn rust_only_syntax() {
    let cases = [
        (
            "[[:alpha:]]",
            "is a POSIX class, which ECMA-262 does not have",
        ),
        (r"\Aabc", "`\\A` is Rust's start of text"),
        (r"abc\z", "`\\z` is Rust's end of text"),
        ("[a-z&&[^aeiou]]", "`&&` in a class is Rust's set operation"),
        ("[a-z--b]", "`--` in a class is Rust's set operation"),
        ("(?i)abc", "inline flags like `(?i)` are not supported"),
        (r"\x{41}", "`\\x{…}` is Rust's spelling"),
        (r"\U0001F600", "`\\U` is Rust's spelling"),
        (r"\a", "`\\a` (bell) is Rust's escape"),
        (r"\b{start}a", "this word boundary is Rust's"),
        (r"\<a", "this word boundary is Rust's"),
        ("(?P<n>a)", "`(?P<name>…)` is Rust's spelling"),
    ];
    for (pattern, start) in cases {
        let e = error(pattern);
        assert!(e.contains(start), "{pattern}: {e}");
    }
    // Under the `unicode` feature the property forms are judged too; without it, any
    // property class is the feature's error first.
    let e = error(r"\pL");
    assert!(
        e.contains("needs braces") || e.contains("needs the `unicode` feature"),
        "{e}"
    );
    // ECMA-262's `(?<name>…)` stays.
    check("^(?<n>a)$", &["a"], &["b"]);
}
