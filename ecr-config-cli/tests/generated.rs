//! Inputs too big to commit, generated into a temporary directory: a 5,000-deep nested array
//! and a 5 MB string. The output stays short and the run fast.

mod common;

use common::{SECRET, ecr_config_in};

use std::path::Path;
use std::process::Output;

fn check(dir: &Path, args: &[&str]) -> Output {
    ecr_config_in(dir).arg("check").args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

#[test]
fn nesting_5000_deep_is_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    std::fs::write(dir.path().join("deep.json"), &deep).unwrap();
    let inside = format!("{{\"ci\": {deep}, \"setup\": {{}}}}\n");
    std::fs::write(dir.path().join("deep-ci.json"), inside).unwrap();

    let human = check(dir.path(), &["deep.json", "deep-ci.json"]);
    assert_eq!(human.status.code(), Some(1));
    let stdout = text(&human.stdout);
    assert!(
        stdout.contains("error[syntax]: nesting deeper than 128 levels"),
        "{stdout}"
    );
    assert!(stdout.contains(" --> deep.json:1:129\n"), "{stdout}");
    assert!(stdout.contains(" --> deep-ci.json:1:"), "{stdout}");
    // Lines are cut to the terminal's width, not shown 10,000 characters long.
    assert!(
        stdout.lines().all(|line| line.chars().count() < 200),
        "{stdout}"
    );

    let json = check(dir.path(), &["--format", "json", "deep.json"]);
    let line: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(line["errors"][0]["keyword"], "syntax");
    assert_eq!(line["errors"][0]["column"], 129);
}

#[test]
fn a_5_mb_string_is_reported_briefly_and_the_secret_beside_it_is_masked() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "A".repeat(5_000_000);
    let document = format!(
        "{{\"ci\": {{\"region\": \"us-east-1\", \"access_key\": \"{huge}\", \"secret_key\": \
         \"{SECRET}\"}}, \"setup\": {{\"region\": \"us-east1\", \"role_arn\": \
         \"arn:aws:iam::123456789012:role/x\"}}}}\n"
    );
    std::fs::write(dir.path().join("huge.json"), &document).unwrap();
    let region_column = document.find("\"us-east1\"").unwrap() + 1; // ASCII: bytes are columns

    let human = check(dir.path(), &["huge.json"]);
    assert_eq!(human.status.code(), Some(1));
    let stdout = text(&human.stdout);
    assert!(stdout.len() < 10_000, "{} bytes", stdout.len());
    assert!(
        stdout.contains("expected exactly 20 characters, found 5000000"),
        "{stdout}"
    );
    assert!(stdout.contains(" --> huge.json:1:46\n"), "{stdout}");
    assert!(
        stdout.contains(&format!(" --> huge.json:1:{region_column}\n")),
        "{stdout}"
    );
    assert!(!stdout.contains(&SECRET[..8]) && !stdout.contains(&SECRET[SECRET.len() - 8..]));

    let json = check(dir.path(), &["--format", "json", "huge.json"]);
    let line: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let keywords: Vec<&str> = line["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["keyword"].as_str().unwrap())
        .collect();
    assert_eq!(keywords, ["maxLength", "pattern", "enum"]);
}
