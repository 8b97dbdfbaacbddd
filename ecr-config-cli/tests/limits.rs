//! What the command does with input meant to hurt it: files over the size limit (and
//! `/dev/zero`), standard input over it, file names that would write to the terminal or are
//! not UTF-8. (That a report is streamed is `render.rs`'s test.)

mod common;

use common::ecr_config_in;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn a_file_over_the_size_limit_is_a_finding_and_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.json"), " ".repeat(2_000) + "{}").unwrap();
    std::fs::write(dir.path().join("small.json"), "{}").unwrap();

    let human = ecr_config_in(dir.path())
        .args(["check", "--max-size", "1K", "big.json", "small.json"])
        .output()
        .unwrap();
    assert_eq!(human.status.code(), Some(1));
    let stdout = text(&human.stdout);
    assert!(
        stdout.starts_with(
            "error[maxSize]: the file is larger than 1 KiB, the most `--max-size` lets `check` \
             read; it was not checked\n--> big.json\n\n"
        ),
        "{stdout}"
    );
    // The other file is still checked.
    assert!(stdout.contains(" --> small.json:1:1\n"), "{stdout}");
    assert!(
        stdout.ends_with("2 files checked: 0 valid, 2 invalid (3 problems)\n"),
        "{stdout}"
    );

    let json = |max: &str| -> serde_json::Value {
        let output = ecr_config_in(dir.path())
            .args(["check", "--format", "json", "--max-size", max, "big.json"])
            .output()
            .unwrap();
        serde_json::from_slice(&output.stdout).unwrap()
    };
    // At the limit, the file is checked (and `{}` misses two properties).
    let line = json("2002");
    assert_eq!(line["errors"][0]["keyword"], "required", "{line}");
    let line = json("2001");
    assert_eq!(line["valid"], false);
    assert_eq!(line["errors"][0]["keyword"], "maxSize");
    assert_eq!(
        line["errors"][0]["message"],
        "the file is larger than 2001 bytes, the most `--max-size` lets `check` read; it was \
         not checked"
    );
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_read_up_to_the_limit() {
    let output = ecr_config_in(std::path::Path::new("."))
        .args(["check", "--max-size", "4MiB", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stdout).starts_with("error[maxSize]: the file is larger than 4 MiB"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn standard_input_is_bounded_the_same_way() {
    let output = ecr_config_in(std::path::Path::new("."))
        .args(["check", "--format", "json", "--max-size", "100", "-"])
        .write_stdin(vec![b' '; 101])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(line["path"], "-");
    assert_eq!(line["errors"][0]["keyword"], "maxSize");
}

#[test]
fn bad_sizes_are_usage_errors() {
    for size in ["ten", "10 parsecs", "99999999999999999999G"] {
        ecr_config_in(std::path::Path::new("."))
            .args(["check", "--max-size", size, "x.json"])
            .assert()
            .code(2);
    }
}

#[cfg(unix)]
#[test]
fn file_names_are_escaped_for_the_terminal_and_kept_whole_in_json() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().unwrap();
    let control = OsStr::from_bytes(b"a\x1b[2J\nb\xc2\x9b.json");
    let not_utf8 = OsStr::from_bytes(b"bad\xff.json");
    for name in [control, not_utf8] {
        std::fs::write(dir.path().join(name), "{\"x\": 1}").unwrap();
    }

    let human = ecr_config_in(dir.path())
        .arg("check")
        .arg(control)
        .arg(not_utf8)
        .output()
        .unwrap();
    let stdout = text(&human.stdout);
    assert!(
        stdout.contains(" --> a\\u{1b}[2J\\nb\\u{9b}.json:1:1\n"),
        "{stdout}"
    );
    assert!(stdout.contains(" --> bad\\xFF.json:1:1\n"), "{stdout}");
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{9b}'),
        "{stdout:?}"
    );

    let json = ecr_config_in(dir.path())
        .args(["check", "--format", "json"])
        .arg(control)
        .arg(not_utf8)
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = text(&json.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    // A UTF-8 name is its `path`, control characters and all.
    assert_eq!(lines[0]["path"], "a\u{1b}[2J\nb\u{9b}.json");
    assert!(lines[0].get("path_bytes").is_none());
    // One that is not has its bytes beside a readable `path`.
    assert_eq!(lines[1]["path"], "bad\u{fffd}.json");
    let bytes: Vec<u8> = lines[1]["path_bytes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| u8::try_from(b.as_u64().unwrap()).unwrap())
        .collect();
    assert_eq!(bytes, b"bad\xff.json");
}
