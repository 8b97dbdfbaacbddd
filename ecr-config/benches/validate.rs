//! `#[derive(Validate)]` against a hand-written validator of the same rules, on `EcrConfig`.
//!
//! The hand-written validator is what a careful engineer writes without a regex engine: byte
//! loops for the patterns, `is_empty` for `minLength: 1`, a string comparison for the constant,
//! and the crate's JSON-text check for the policy. Before anything is measured, `main` checks
//! that both validators return exactly the same findings on a set of configs, and aborts if
//! they do not, so the comparison is between equivalent code.
//!
//! ```text
//! cargo bench -p ecr-config --bench validate
//! cargo bench -p ecr-config --bench validate -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! The `json/…` rows put the policy check beside `serde_json` reading the same string into
//! `serde::de::IgnoredAny`, the cheapest way to ask `serde_json` "is this JSON?", on the compact
//! policy the configs carry and on the same policy pretty-printed (296 bytes).
//!
//! For instruction counts, `ECR_BENCH_CASE=<case> ECR_BENCH_ITERS=<n>` makes the binary run
//! `<n>` iterations of one case (`derive/valid`, `hand/valid-no-policy`, `json/check/pretty`,
//! …) and exit, e.g. under `valgrind --tool=callgrind`; the difference between two iteration
//! counts is the cost of the iterations alone.

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use ecr_config::__private::json::check_json_text;
use ecr_config::ecr::{CiConfig, EcrConfig, ReadConfig, Region, SetupConfig};
use ecr_config::{
    Detail, ExposeSecret, Keyword, Secret, Validate, ValidationError, ValidationErrors,
};
use serde::de::IgnoredAny;

const ACCESS_KEY_PATTERN: &str = "^[A-Z0-9]{20}$";
const ROLE_ARN_PATTERN: &str = r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$";
const PROVIDER: &str = "aws-ecr";

/// A realistic repository policy (about 200 bytes, as stored in the settings).
const POLICY: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "AllowCrossAccountPull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]}"#;

/// `POLICY` pretty-printed with two-space indents, as editors and the AWS console write it
/// (296 bytes, a quarter of them indentation).
const POLICY_PRETTY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowCrossAccountPull",
      "Effect": "Allow",
      "Principal": {
        "AWS": "arn:aws:iam::210987654321:root"
      },
      "Action": [
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer"
      ]
    }
  ]
}"#;

// ---------------------------------------------------------------------------------------------
// The hand-written validator
// ---------------------------------------------------------------------------------------------

/// The rules of `EcrConfig`, checked by hand, findings in document order.
///
/// `#[inline(never)]` keeps it one out-of-line call per iteration, like the derive's
/// `validate_into`, which lives in the `ecr-config` crate.
#[inline(never)]
fn hand_validate(config: &EcrConfig) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();

    // /ci: `access_key` is `#[len(20)]` + `^[A-Z0-9]{20}$`, `secret_key` is `#[len(min = 1)]`.
    let key = config.ci.access_key.as_str();
    let chars = key.chars().count();
    if chars != 20 {
        errors.push(length_error("/ci/access_key", Some(20), Some(20), chars));
    }
    if !is_access_key(key) {
        errors.push(pattern_error("/ci/access_key", ACCESS_KEY_PATTERN));
    }
    if config.ci.secret_key.expose_secret().is_empty() {
        errors.push(empty_error("/ci/secret_key"));
    }

    // /read: `role_arn` is optional, `#[len(min = 1)]` + the role ARN pattern.
    if let Some(read) = &config.read
        && let Some(arn) = &read.role_arn
    {
        check_role_arn(arn, "/read/role_arn", &mut errors);
    }

    // /setup, in field order.
    let setup = &config.setup;
    if let Some(policy) = &setup.policy {
        // `contentMediaType: application/json` asks "is this a JSON text?", which is a parse,
        // not a pattern: a regex cannot check nesting. Hand-written code would call a JSON
        // parser here too; this is the same allocation-free checker the derive calls.
        if let Err(error) = check_json_text(policy) {
            errors.push(json_error(
                "/setup/policy",
                policy,
                error.offset,
                error.reason.describe(),
            ));
        }
    }
    check_role_arn(&setup.role_arn, "/setup/role_arn", &mut errors);
    if let Some(id) = &setup.external_id
        && id.is_empty()
    {
        errors.push(empty_error("/setup/external_id"));
    }
    if let Some(arn) = &setup.intermediate_role {
        check_role_arn(arn, "/setup/intermediate_role", &mut errors);
    }
    if let Some(id) = &setup.intermediate_external_id
        && id.is_empty()
    {
        errors.push(empty_error("/setup/intermediate_external_id"));
    }

    // /repository_provider: `const: "aws-ecr"`.
    if config.repository_provider != PROVIDER {
        errors.push(const_error("/repository_provider", PROVIDER));
    }

    errors.into_result()
}

/// `^[A-Z0-9]{20}$`: exactly 20 bytes, each an ASCII upper-case letter or digit (so also
/// exactly 20 code points).
#[inline]
fn is_access_key(s: &str) -> bool {
    s.len() == 20
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$`.
#[inline]
fn is_role_arn(s: &str) -> bool {
    let Some(rest) = s.as_bytes().strip_prefix(b"arn:aws:iam::") else {
        return false;
    };
    let Some((account, rest)) = rest.split_first_chunk::<12>() else {
        return false;
    };
    let Some(name) = rest.strip_prefix(b":role/") else {
        return false;
    };
    account.iter().all(u8::is_ascii_digit)
        && !name.is_empty()
        && name.iter().all(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'=' | b',' | b'.' | b'@' | b'_' | b'-')
        })
}

/// `#[len(min = 1)]` + the role ARN pattern. Code points >= 1 iff the string is non-empty.
#[inline]
fn check_role_arn(arn: &str, pointer: &'static str, errors: &mut ValidationErrors) {
    if arn.is_empty() {
        errors.push(empty_error(pointer));
    }
    if !is_role_arn(arn) {
        errors.push(pattern_error(pointer, ROLE_ARN_PATTERN));
    }
}

// The findings are built out of line, as the derive's runtime does, so the valid path carries
// no formatting code.

#[cold]
#[inline(never)]
fn length_error(
    pointer: &str,
    min: Option<usize>,
    max: Option<usize>,
    found: usize,
) -> ValidationError {
    let keyword = if min.is_some_and(|min| found < min) {
        Keyword::MinLength
    } else {
        Keyword::MaxLength
    };
    ValidationError::new(pointer, keyword, Detail::Length { min, max, found })
}

/// `minLength: 1` failed: the string is empty.
#[cold]
#[inline(never)]
fn empty_error(pointer: &str) -> ValidationError {
    length_error(pointer, Some(1), None, 0)
}

#[cold]
#[inline(never)]
fn pattern_error(pointer: &str, pattern: &'static str) -> ValidationError {
    ValidationError::new(pointer, Keyword::Pattern, Detail::Pattern { pattern })
}

#[cold]
#[inline(never)]
fn const_error(pointer: &str, expected: &'static str) -> ValidationError {
    ValidationError::new(pointer, Keyword::Const, Detail::Const { expected })
}

/// The JSON error's byte offset is reported as a code-point position.
#[cold]
#[inline(never)]
fn json_error(pointer: &str, text: &str, offset: usize, reason: &'static str) -> ValidationError {
    let at = text
        .get(..offset)
        .map_or(offset, |before| before.chars().count());
    ValidationError::new(
        pointer,
        Keyword::ContentMediaType,
        Detail::ContentMediaType {
            media_type: "application/json",
            reason,
            at,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// Every optional field set, every value valid.
fn valid() -> EcrConfig {
    EcrConfig {
        ci: CiConfig {
            region: Region::UsEast1,
            access_key: "AKIAIOSFODNN7EXAMPLE".to_owned(),
            secret_key: Secret::from("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        },
        read: Some(ReadConfig {
            region: Some(Region::EuCentral1),
            role_arn: Some("arn:aws:iam::210987654321:role/ecr-read-role".to_owned()),
        }),
        setup: SetupConfig {
            policy: Some(POLICY.to_owned()),
            region: Region::UsEast1,
            role_arn: "arn:aws:iam::123456789012:role/ecr-access-role".to_owned(),
            external_id: Some("5e3f1c2a-9b7d-4e6f-8a1b-2c3d4e5f6a7b".to_owned()),
            intermediate_role: Some(
                "arn:aws:iam::123456789012:role/ecr-pull@ci_intermediate".to_owned(),
            ),
            intermediate_external_id: Some("a1b2c3d4-e5f6-4a5b-8c7d-9e0f1a2b3c4d".to_owned()),
        },
        repository_provider: PROVIDER.to_owned(),
    }
}

/// `valid()` without the policy, so the JSON check does not hide the pattern matching.
fn valid_no_policy() -> EcrConfig {
    let mut config = valid();
    config.setup.policy = None;
    config
}

/// `valid()` with exactly three findings: a pattern, a minLength and a const.
fn invalid() -> EcrConfig {
    let mut config = valid();
    config.ci.access_key = "akiaiosfodnn7example".into(); // 20 code points, lower case
    config.ci.secret_key = Secret::from("");
    config.repository_provider = "gcr".into();
    config
}

// ---------------------------------------------------------------------------------------------
// Equivalence check: the bench refuses to run on validators that disagree
// ---------------------------------------------------------------------------------------------

fn assert_same(name: &str, config: &EcrConfig) {
    let derive = config.validate();
    let hand = hand_validate(config);
    assert!(
        derive == hand,
        "the hand-written validator disagrees with the derive on {name}:\n\
         derive: {derive:#?}\nhand:   {hand:#?}"
    );
}

type Edit = fn(&mut EcrConfig);

fn arn(config: &mut EcrConfig, value: &str) {
    config.setup.role_arn = value.into();
}

#[allow(clippy::too_many_lines)]
fn check_equivalence() {
    assert_eq!(valid().validate(), Ok(()));
    assert_eq!(hand_validate(&valid()), Ok(()));
    assert_eq!(valid_no_policy().validate(), Ok(()));
    assert_eq!(hand_validate(&valid_no_policy()), Ok(()));
    assert!(
        (190..=230).contains(&POLICY.len()),
        "policy is {} bytes",
        POLICY.len()
    );
    assert_eq!(POLICY_PRETTY.len(), 296);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(POLICY_PRETTY).ok(),
        serde_json::from_str::<serde_json::Value>(POLICY).ok(),
        "the pretty policy is the compact one reformatted"
    );
    for (_, check, text) in json_cases() {
        assert!(check(text), "{text}");
    }

    let errors = invalid()
        .validate()
        .expect_err("the invalid config must fail");
    let keywords: Vec<Keyword> = errors.iter().map(ValidationError::keyword).collect();
    assert_eq!(
        keywords,
        [Keyword::Pattern, Keyword::MinLength, Keyword::Const],
        "{errors}"
    );
    assert_same("invalid", &invalid());

    // More edge cases than the benchmark inputs, so "same findings" is not a coincidence of
    // three inputs.
    let edits: &[(&str, Edit)] = &[
        ("key 19", |c| {
            c.ci.access_key = "AKIAIOSFODNN7EXAMPL".into();
        }),
        ("key 21", |c| {
            c.ci.access_key = "AKIAIOSFODNN7EXAMPLEE".into();
        }),
        ("key empty", |c| {
            c.ci.access_key = String::new();
        }),
        ("key é", |c| {
            c.ci.access_key = "AKIAIOSFODNN7EXAMPLÉ".into();
        }),
        ("key 19+é", |c| {
            c.ci.access_key = "AKIAIOSFODNN7EXAMPÉ".into();
        }),
        ("key space", |c| {
            c.ci.access_key = "AKIAIOSFODNN7EXAMPL ".into();
        }),
        ("key newline", |c| {
            c.ci.access_key = "AKIAIOSFODNN7EXAMPLE\n".into();
        }),
        ("secret 1", |c| {
            c.ci.secret_key = Secret::from("x");
        }),
        ("read none", |c| {
            c.read = None;
        }),
        ("read arn none", |c| {
            c.read = Some(ReadConfig {
                region: None,
                role_arn: None,
            });
        }),
        ("read arn empty", |c| {
            c.read.as_mut().unwrap().role_arn = Some(String::new());
        }),
        ("read arn short account", |c| {
            c.read.as_mut().unwrap().role_arn = Some("arn:aws:iam::12345:role/x".into());
        }),
        ("arn no name", |c| {
            arn(c, "arn:aws:iam::123456789012:role/");
        }),
        ("arn 13 digits", |c| {
            arn(c, "arn:aws:iam::1234567890123:role/x");
        }),
        ("arn letter digit", |c| {
            arn(c, "arn:aws:iam::12345678901a:role/x");
        }),
        ("arn user", |c| {
            arn(c, "arn:aws:iam::123456789012:user/x");
        }),
        ("arn specials", |c| {
            arn(c, "arn:aws:iam::123456789012:role/aZ09+=,.@_-");
        }),
        ("arn slash", |c| {
            arn(c, "arn:aws:iam::123456789012:role/a/b");
        }),
        ("arn é", |c| {
            arn(c, "arn:aws:iam::123456789012:role/é");
        }),
        ("arn newline", |c| {
            arn(c, "arn:aws:iam::123456789012:role/x\n");
        }),
        ("arn prefix only", |c| {
            arn(c, "arn:aws:iam::");
        }),
        ("arn uppercase", |c| {
            arn(c, "ARN:aws:iam::123456789012:role/x");
        }),
        ("arn leading space", |c| {
            arn(c, " arn:aws:iam::123456789012:role/x");
        }),
        ("arn empty", |c| {
            arn(c, "");
        }),
        ("intermediate empty", |c| {
            c.setup.intermediate_role = Some(String::new());
        }),
        ("intermediate bad", |c| {
            c.setup.intermediate_role = Some("role/x".into());
        }),
        ("external ids empty", |c| {
            c.setup.external_id = Some(String::new());
            c.setup.intermediate_external_id = Some(String::new());
        }),
        ("policy truncated", |c| {
            c.setup.policy = Some(r#"{"Version": "2012-10-17","#.into());
        }),
        ("policy empty", |c| {
            c.setup.policy = Some(String::new());
        }),
        ("policy blank", |c| {
            c.setup.policy = Some(" \n ".into());
        }),
        ("policy trailing", |c| {
            c.setup.policy = Some("[1, 2] x".into());
        }),
        ("policy after é", |c| {
            c.setup.policy = Some(r#"{"é€😀": tru}"#.into());
        }),
        ("policy scalar", |c| {
            c.setup.policy = Some("\"x\"".into());
        }),
        ("provider empty", |c| {
            c.repository_provider = String::new();
        }),
        ("provider case", |c| {
            c.repository_provider = "AWS-ECR".into();
        }),
        ("everything", |c| {
            c.ci.access_key = "short".into();
            c.ci.secret_key = Secret::from("");
            c.read.as_mut().unwrap().role_arn = Some(String::new());
            c.setup.policy = Some("{".into());
            c.setup.role_arn = "x".into();
            c.setup.external_id = Some(String::new());
            c.setup.intermediate_role = Some(String::new());
            c.setup.intermediate_external_id = Some(String::new());
            c.repository_provider = "gcr".into();
        }),
    ];
    for (name, edit) in edits {
        let mut config = valid();
        edit(&mut config);
        assert_same(name, &config);
    }

    let example: EcrConfig = serde_json::from_str(include_str!("../examples/ecr-invalid.json"))
        .expect("examples/ecr-invalid.json parses");
    assert_same("examples/ecr-invalid.json", &example);
    let example: EcrConfig = serde_json::from_str(include_str!("../examples/ecr.json"))
        .expect("examples/ecr.json parses");
    assert_same("examples/ecr.json", &example);
}

// ---------------------------------------------------------------------------------------------
// Benchmarks
// ---------------------------------------------------------------------------------------------

type Validator = fn(&EcrConfig) -> Result<(), ValidationErrors>;

fn derive_validate(config: &EcrConfig) -> Result<(), ValidationErrors> {
    config.validate()
}

/// Every case: its name, its validator and its input.
fn cases() -> Vec<(&'static str, Validator, EcrConfig)> {
    vec![
        ("derive/valid", derive_validate as Validator, valid()),
        ("hand/valid", hand_validate, valid()),
        ("derive/valid-no-policy", derive_validate, valid_no_policy()),
        ("hand/valid-no-policy", hand_validate, valid_no_policy()),
        ("derive/invalid", derive_validate, invalid()),
        ("hand/invalid", hand_validate, invalid()),
    ]
}

type TextCheck = fn(&str) -> bool;

/// The policy check `contentMediaType` runs.
fn json_check(text: &str) -> bool {
    check_json_text(text).is_ok()
}

/// The floor: `serde_json`'s tokenizer, keeping nothing.
fn serde_ignored_any(text: &str) -> bool {
    serde_json::from_str::<IgnoredAny>(text).is_ok()
}

/// The JSON-text check against `IgnoredAny`, on the same strings.
fn json_cases() -> [(&'static str, TextCheck, &'static str); 4] {
    [
        ("json/check/compact", json_check as TextCheck, POLICY),
        ("json/ignored-any/compact", serde_ignored_any, POLICY),
        ("json/check/pretty", json_check, POLICY_PRETTY),
        ("json/ignored-any/pretty", serde_ignored_any, POLICY_PRETTY),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    for (name, validate, config) in cases() {
        group.bench_function(name, |b| b.iter(|| validate(black_box(&config))));
    }
    for (name, check, text) in json_cases() {
        group.bench_function(name, |b| b.iter(|| check(black_box(text))));
    }
    group.finish();
}

/// `ECR_BENCH_CASE` + `ECR_BENCH_ITERS`: run one case a fixed number of times, for callgrind.
#[inline(never)]
fn run_fixed(case: &str, iterations: u64) {
    if let Some((_, check, text)) = json_cases().into_iter().find(|(name, ..)| *name == case) {
        for _ in 0..iterations {
            black_box(check(black_box(text)));
        }
        return;
    }
    let Some((_, validate, config)) = cases().into_iter().find(|(name, ..)| *name == case) else {
        panic!("unknown ECR_BENCH_CASE {case:?}");
    };
    for _ in 0..iterations {
        black_box(validate(black_box(&config))).ok();
    }
}

fn main() {
    check_equivalence();

    if let Ok(case) = std::env::var("ECR_BENCH_CASE") {
        let iterations = std::env::var("ECR_BENCH_ITERS")
            .map_or(Ok(100_000), |n| n.parse())
            .expect("ECR_BENCH_ITERS is a number");
        run_fixed(&case, iterations);
        return;
    }

    // Short defaults for a small shared machine; `--warm-up-time`/`--measurement-time` on the
    // command line override them.
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
