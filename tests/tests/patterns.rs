//! The generated matchers, end to end: fields with patterns (some compiled to straight-line
//! code, some to tables) agree with the `regex` crate wherever ECMA-262 and Rust's dialect
//! coincide (no `\d \w \s \b .`, whose ECMA meaning differs and is tested in `derive.rs`).

macro_rules! patterns {
    ($module:ident { $($field:ident: $pattern:literal),* $(,)? }) => {
        mod $module {
            use ecr_config::{Keyword, Validate};

            #[derive(Default, Validate)]
            struct Patterns {
                $(
                    #[pattern($pattern)]
                    $field: String,
                )*
            }

            const PATTERNS: &[(&str, &str)] = &[$((stringify!($field), $pattern)),*];

            /// Every pattern's verdict on 20,000 seeded strings from `haystack`, against the
            /// `regex` crate; how many strings each pattern matched, by field.
            pub(crate) fn agree_with_the_regex_crate(
                mut haystack: impl FnMut(&mut fastrand::Rng) -> String,
            ) -> Vec<(&'static str, usize)> {
                let reference: Vec<(&str, regex::Regex)> = PATTERNS
                    .iter()
                    .map(|&(field, pattern)| {
                        (field, regex::Regex::new(pattern).expect("valid regex"))
                    })
                    .collect();
                // Seeded: the same strings on every run.
                let mut rng = fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15);
                let mut value = Patterns::default();
                let mut matched: Vec<(&str, usize)> =
                    PATTERNS.iter().map(|&(field, _)| (field, 0)).collect();
                for _ in 0..20_000 {
                    let haystack = haystack(&mut rng);
                    $(value.$field = haystack.clone();)*
                    let failing: Vec<String> = value
                        .validate()
                        .err()
                        .map(|errors| {
                            errors
                                .iter()
                                .inspect(|e| assert_eq!(e.keyword(), Keyword::Pattern))
                                .map(|e| e.pointer()[1..].to_owned())
                                .collect()
                        })
                        .unwrap_or_default();
                    for ((field, regex), (_, count)) in reference.iter().zip(&mut matched) {
                        let ours = !failing.iter().any(|f| f == field);
                        assert_eq!(
                            ours,
                            regex.is_match(&haystack),
                            "{field} ({}) on {haystack:?}",
                            regex.as_str()
                        );
                        *count += usize::from(ours);
                    }
                }
                matched
            }
        }
    };
}

patterns!(general {
    access_key: "^[A-Z0-9]{20}$",
    role_arn: r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$",
    prefix: "^ab",
    anywhere: "[0-9]",
    suffix: "b$",
    alternation: "^(ab|ba)+$",
    optional: "^a?b{2,3}c*$",
    negated: "^[^a]+$",
    unicode: "^é+[😀-😂]?$",
    nested: "x(ab|c)*y",
    empty: "",
    inner: "a[0-9]{2}b",
});

#[test]
fn generated_matchers_agree_with_the_regex_crate() {
    let alphabet = [
        "a",
        "b",
        "c",
        "x",
        "y",
        "A",
        "Z",
        "0",
        "9",
        "5",
        ":",
        "/",
        "-",
        "é",
        "😀",
        "😁",
        "\n",
        "arn:aws:iam::",
        "123456789012",
        ":role/",
        "AKIAIOSFODNN7EXAMPLE",
    ];
    general::agree_with_the_regex_crate(|rng| {
        let pieces = rng.usize(..8);
        (0..pieces)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect()
    });
}

// Fixed runs are tested eight bytes at a time (`dfa::Lanes`, exact only while every lane's
// ranges are ASCII) and repetitions skipped eight bytes at a time (`dfa::skip_in`): runs
// shorter and longer than a word, words that overlap, literals and classes in one word, up
// to three ranges a lane and more, non-ASCII and boundary bytes (0x00, 0x1f, 0x7f) beside
// and inside them.
patterns!(words {
    digits_8: "^[0-9]{8}$",
    digits_9: "^[0-9]{9}",
    digits_15: "^[0-9]{15}$",
    mixed: "^id-[a-f0-9]{4}-[A-Z]{3}:x$",
    three_ranges: "^[a-cx-z5-7]{10}$",
    four_ranges: "^[a-cx-z5-7_]{10}$",
    control: "^[\\x00-\\x1f]{8}[\\x7f]",
    printable: "^[ -~]{9}$",
    accented: "^[0-9]{4}é[0-9]{8}$",
    short: "^[0-9]{7}$",
    loop_few: "^a[a-z]+$",
    loop_many: "^[a-zA-Z0-9+=,.@_-]*z$",
    loop_search: "x[0-9]{8}",
});

#[test]
fn word_at_a_time_matchers_agree_with_the_regex_crate() {
    // A match of each pattern, mutated a few times with pieces that sit at or next to the
    // bounds of its classes, so near misses and matches both come up at every position.
    let samples = [
        "01234567",
        "012345678",
        "012345678901234",
        "id-0a9f-XYZ:x",
        "abcxyz5677",
        "ab_xyz567_",
        "\0\u{1}\u{2}\u{3}\u{1c}\u{1d}\u{1e}\u{1f}\u{7f}",
        " !}~ azAZ",
        "0123é01234567",
        "0123456",
        "abz",
        "aZ09+=,.@_-z",
        "x01234567",
    ];
    let pieces = [
        "0", "5", "9", "/", ":", "a", "f", "g", "x", "z", "{", "`", "A", "Z", "@", "[", "_", "-",
        "+", " ", "~", "\0", "\u{1f}", "\u{7f}", "\u{80}", "é", "😀", "",
    ];
    let matched = words::agree_with_the_regex_crate(|rng| {
        let mut chars: Vec<String> = samples[rng.usize(..samples.len())]
            .chars()
            .map(String::from)
            .collect();
        for _ in 0..rng.usize(..3) {
            let at = rng.usize(..=chars.len());
            let piece = pieces[rng.usize(..pieces.len())].to_owned();
            match rng.usize(..4) {
                0 if at < chars.len() => chars[at] = piece,
                1 if at < chars.len() => drop(chars.remove(at)),
                2 => chars.truncate(at),
                _ => chars.insert(at, piece),
            }
        }
        chars.concat()
    });
    for (field, count) in matched {
        assert!(
            (200..19_800).contains(&count),
            "{field} matched {count} of 20,000"
        );
    }
}

// Pattern matchers are emitted as `const fn`s (rustc checks their bodies as such); the
// runtime checks beside them run in const context too, so these fail the build if not.
const _: () = assert!(ecr_config::__private::length::count_chars("AKIAIOSFODNN7EXAMPLÉ") == 20);
const _: () = assert!(ecr_config::__private::json::check_json_text("{}").is_ok());
