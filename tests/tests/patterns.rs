//! The generated matchers, end to end: fields with patterns (some compiled to straight-line
//! code, some to tables) agree with the `regex` crate wherever ECMA-262 and Rust's dialect
//! coincide (no `\d \w \s \b .`, whose ECMA meaning differs and is tested in `derive.rs`).

use ecr_config::{Keyword, Validate};

macro_rules! patterns {
    ($($field:ident: $pattern:literal),* $(,)?) => {
        #[derive(Default, Validate)]
        struct Patterns {
            $(
                #[pattern($pattern)]
                $field: String,
            )*
        }

        const PATTERNS: &[(&str, &str)] = &[$((stringify!($field), $pattern)),*];

        fn set_all(value: &mut Patterns, haystack: &str) {
            $(value.$field = haystack.to_owned();)*
        }
    };
}

patterns! {
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
}

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
    let reference: Vec<(&str, regex::Regex)> = PATTERNS
        .iter()
        .map(|&(field, pattern)| (field, regex::Regex::new(pattern).expect("valid regex")))
        .collect();
    // Seeded: the same strings on every run.
    let mut rng = fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15);
    let mut value = Patterns::default();
    let mut checked = 0;
    for _ in 0..20_000 {
        let pieces = rng.usize(..8);
        let haystack: String = (0..pieces)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect();
        set_all(&mut value, &haystack);
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
        for (field, regex) in &reference {
            let ours = !failing.iter().any(|f| f == field);
            assert_eq!(
                ours,
                regex.is_match(&haystack),
                "{field} ({}) on {haystack:?}",
                regex.as_str()
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 20_000 * PATTERNS.len());
}

// Pattern matchers are emitted as `const fn`s (rustc checks their bodies as such); the
// runtime checks beside them run in const context too, so these fail the build if not.
const _: () = assert!(ecr_config::__private::length::count_chars("AKIAIOSFODNN7EXAMPLÉ") == 20);
const _: () = assert!(ecr_config::__private::json::check_json_text("{}").is_ok());
