//! No output ever shows a secret: the corpus's `secret-*.json` files hold one distinctive
//! secret value next to findings on the same and nearby lines, in syntax errors, as a
//! duplicate, under a misspelt key and inside values of the wrong type. Every corpus file is
//! checked in every format, and neither stdout nor stderr may hold the secret or any 8
//! characters of it.

mod common;

use common::{SECRET, corpus_files, ecr_config};

/// `text` without ANSI escape sequences (`ESC [ … letter`), so that styling cannot split a
/// leaked secret out of sight.
fn strip_ansi(text: &str) -> String {
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

fn assert_no_leak(what: &str, output: &[u8]) {
    let text = strip_ansi(&String::from_utf8_lossy(output));
    for window in SECRET.as_bytes().windows(8) {
        let window = std::str::from_utf8(window).unwrap();
        assert!(!text.contains(window), "{what} shows {window:?}:\n{text}");
    }
}

#[test]
fn the_secret_files_are_what_the_scan_needs() {
    let files: Vec<String> = corpus_files()
        .into_iter()
        .filter(|file| std::fs::read_to_string(file).is_ok_and(|text| text.contains(SECRET)))
        .collect();
    assert!(files.len() >= 8, "{files:?}");
    // Each one has findings: the secret sits next to them.
    for file in files {
        ecr_config().args(["check", &file]).assert().code(1);
    }
}

#[test]
fn no_format_shows_a_secret() {
    let files = corpus_files();
    let formats: [&[&str]; 3] = [
        &["--format", "human", "--color", "never"],
        &["--format", "human", "--color", "always"],
        &["--format", "json"],
    ];
    for format in formats {
        // All files in one run, then each on its own, then each through stdin.
        let output = ecr_config()
            .arg("check")
            .args(format)
            .args(&files)
            .output()
            .unwrap();
        assert_no_leak(&format!("{format:?} stdout"), &output.stdout);
        assert_no_leak(&format!("{format:?} stderr"), &output.stderr);
        for file in &files {
            let alone = ecr_config()
                .arg("check")
                .args(format)
                .arg(file)
                .output()
                .unwrap();
            assert_no_leak(&format!("{file} {format:?}"), &alone.stdout);
            assert_no_leak(&format!("{file} {format:?}"), &alone.stderr);
            let piped = ecr_config()
                .arg("check")
                .args(format)
                .arg("-")
                .write_stdin(std::fs::read(file).unwrap())
                .output()
                .unwrap();
            assert_no_leak(&format!("{file} {format:?} on stdin"), &piped.stdout);
            assert_no_leak(&format!("{file} {format:?} on stdin"), &piped.stderr);
        }
    }
}

#[test]
fn a_secret_that_is_not_valid_utf8_is_not_shown() {
    // Bytes that are not UTF-8 right after the secret, on its line.
    let mut bytes = format!("{{\n  \"ci\": {{ \"secret_key\": \"{SECRET}").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe\", \"region\": \"us-east-1\" }\n}\n");
    for format in ["human", "json"] {
        let output = ecr_config()
            .args(["check", "--format", format, "-"])
            .write_stdin(bytes.clone())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_no_leak(format, &output.stdout);
    }
}
