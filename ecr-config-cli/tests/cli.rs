//! The command's behaviour: exit statuses, inputs, formats and colours, run as a user would.

mod common;

use common::{CORPUS, ecr_config};

use std::path::Path;

use assert_cmd::Command;

fn corpus(name: &str) -> String {
    format!("{CORPUS}/{name}")
}

fn stdout_of(command: &mut Command) -> String {
    String::from_utf8(command.output().expect("the binary runs").stdout).expect("UTF-8 output")
}

#[test]
fn a_valid_file_exits_0() {
    ecr_config()
        .args(["check", &corpus("valid.json"), &corpus("bom-valid.json")])
        .assert()
        .code(0)
        .stdout("2 files checked: 2 valid, 0 invalid\n")
        .stderr("");
}

#[test]
fn an_invalid_file_exits_1() {
    ecr_config()
        .args(["check", &corpus("valid.json"), &corpus("several.json")])
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn a_syntax_error_exits_1() {
    for name in ["syntax-empty.json", "syntax-invalid-utf8.json"] {
        ecr_config().args(["check", &corpus(name)]).assert().code(1);
    }
}

#[test]
fn a_missing_file_exits_2_and_the_others_are_still_checked() {
    let output = ecr_config()
        .args([
            "check",
            &corpus("several.json"),
            "no-such-file.json",
            &corpus("valid.json"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: cannot read no-such-file.json: "),
        "{stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("--> tests/corpus/several.json:"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("3 files checked: 1 valid, 1 invalid (9 problems), 1 unreadable\n"),
        "{stdout}"
    );
}

#[test]
fn a_directory_is_unreadable() {
    let output = ecr_config()
        .args(["check", "--format", "json", CORPUS])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: cannot read tests/corpus: "),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "--bogus"][..],
        &["check", "--format", "xml"],
        &["check", "--color", "sometimes"],
        &["lint"],
        &[],
    ] {
        ecr_config().args(args).assert().code(2).stdout("");
    }
}

#[test]
fn every_command_has_help_and_the_tool_a_version() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["example", "--help"],
        &["docs", "--help"],
        &["help", "check"],
    ] {
        let output = ecr_config().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        assert!(
            String::from_utf8(output.stdout)
                .unwrap()
                .contains("Usage: ecr-config")
        );
    }
    let check_help = stdout_of(ecr_config().args(["check", "--help"]));
    for what in [
        "additionalProperties",
        "secret_key",
        "Exit status",
        "--format",
        "--color",
    ] {
        assert!(check_help.contains(what), "{what} in {check_help}");
    }
    ecr_config()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("ecr-config {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_file_checks_the_documented_example_and_says_so() {
    let output = ecr_config().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with(
        "note: no FILE given; checking the documented example from the AWS ECR settings page\n"
    ));
    assert_eq!(stdout.matches("error[required]").count(), 2, "{stdout}");
}

#[test]
fn no_file_in_json_keeps_the_note_off_stdout() {
    let output = ecr_config()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .starts_with("note: no FILE given")
    );
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let pointers: Vec<&str> = line["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| {
            assert_eq!(error["keyword"], "required");
            error["pointer"].as_str().unwrap()
        })
        .collect();
    assert_eq!(pointers, ["/ci/access_key", "/ci/secret_key"]);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let several = std::fs::read(corpus("several.json")).unwrap();
    let output = ecr_config()
        .args(["check", "--format", "json", "-"])
        .write_stdin(several.clone())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(line["path"], "-");
    assert_eq!(line["valid"], false);
    assert_eq!(line["errors"].as_array().unwrap().len(), 9);

    let human = stdout_of(ecr_config().args(["check", "-"]).write_stdin(several));
    assert!(human.contains(" --> <stdin>:3:15\n"), "{human}");
}

#[test]
fn several_files_give_one_json_line_each_in_order() {
    let names = [
        "valid.json",
        "enum.json",
        "syntax-empty.json",
        "valid.json",
        "-",
    ];
    let args: Vec<String> = names
        .iter()
        .map(|name| {
            if *name == "-" {
                "-".to_owned()
            } else {
                corpus(name)
            }
        })
        .collect();
    let output = ecr_config()
        .args(["check", "--format", "json"])
        .args(&args)
        .write_stdin(std::fs::read(corpus("valid.json")).unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(paths, args);
    let valid: Vec<bool> = lines
        .iter()
        .map(|l| l["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(valid, [true, false, false, true, true]);
    // A valid file: exactly these three fields.
    assert_eq!(
        lines[0],
        serde_json::json!({ "path": "tests/corpus/valid.json", "valid": true, "errors": [] })
    );
}

#[test]
fn the_example_passes_check() {
    let example = ecr_config().arg("example").output().unwrap();
    assert_eq!(example.status.code(), Some(0));
    let text = String::from_utf8(example.stdout).unwrap();
    assert!(
        text.contains("REPLACE-WITH-YOUR-AWS-SECRET-ACCESS-KEY"),
        "{text}"
    );
    ecr_config()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout("1 file checked: 1 valid, 0 invalid\n");
}

fn has_ansi(text: &[u8]) -> bool {
    text.contains(&0x1b)
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let file = corpus("several.json");
    // Not a terminal: no colour.
    let plain = ecr_config().args(["check", &file]).output().unwrap();
    assert!(!has_ansi(&plain.stdout) && !plain.stdout.is_empty());
    let never = ecr_config()
        .args(["check", "--color", "never", &file])
        .output()
        .unwrap();
    assert!(!has_ansi(&never.stdout));
    let no_color = ecr_config()
        .args(["check", "--color", "auto", &file])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!has_ansi(&no_color.stdout));
    assert_eq!(plain.stdout, no_color.stdout);

    let always = ecr_config()
        .args(["check", "--color", "always", &file])
        .output()
        .unwrap();
    assert!(has_ansi(&always.stdout));
    // An explicit flag wins over NO_COLOR, as no-color.org asks of command-line flags.
    let forced = ecr_config()
        .args(["check", "--color", "always", &file, "missing.json"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(has_ansi(&forced.stdout) && has_ansi(&forced.stderr));
}

#[test]
fn json_output_is_never_coloured() {
    let output = ecr_config()
        .args([
            "check",
            "--format",
            "json",
            "--color",
            "always",
            &corpus("several.json"),
        ])
        .output()
        .unwrap();
    assert!(!has_ansi(&output.stdout));
}

#[test]
fn the_corpus_covers_every_keyword() {
    let mut files: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS))
            .unwrap()
            .map(|entry| corpus(entry.unwrap().file_name().to_str().unwrap()))
            .filter(|file| Path::new(file).extension().is_some_and(|ext| ext == "json"))
            .collect();
    files.sort();
    let stdout = stdout_of(
        ecr_config()
            .args(["check", "--format", "json"])
            .args(&files),
    );
    let mut keywords: Vec<String> = stdout
        .lines()
        .flat_map(|line| {
            let line: serde_json::Value = serde_json::from_str(line).unwrap();
            line["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|error| error["keyword"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    keywords.sort();
    keywords.dedup();
    assert_eq!(
        keywords,
        [
            "additionalProperties",
            "const",
            "contentMediaType",
            "duplicateKey",
            "enum",
            "maxLength",
            "minLength",
            "pattern",
            "required",
            "syntax",
            "type"
        ]
    );
}

#[test]
fn schema_prints_the_committed_json_schema() {
    let output = ecr_config().arg("schema").output().unwrap();
    assert!(output.status.success());
    let committed = include_str!("../../ecr-config/schema/ecr-config.schema.json");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), committed);
}

#[test]
fn docs_prints_the_committed_markdown_reference() {
    let output = ecr_config().arg("docs").output().unwrap();
    assert!(output.status.success());
    assert!(output.stderr.is_empty());
    let committed = include_str!("../../ecr-config/schema/ecr-config.md");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), committed);
}
