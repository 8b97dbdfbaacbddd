//! What a user reads: the human and JSON Lines output of every corpus file, reviewed as
//! snapshots (`tests/snapshots/`). Regenerate with `INSTA_UPDATE=always cargo test -p
//! ecr-config-cli`, then read every changed `.snap` file.

mod common;

use common::{corpus_files, crate_dir, ecr_config_in};

use std::path::Path;
use std::process::Output;

/// Exit status, stdout and stderr, as one text.
fn transcript(output: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        output
            .status
            .code()
            .map_or("signal".to_owned(), |code| code.to_string()),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    )
}

#[test]
fn human_output_of_every_corpus_file() {
    for file in corpus_files() {
        let output = ecr_config_in(crate_dir())
            .args(["check", &file])
            .output()
            .unwrap();
        let name = Path::new(&file)
            .file_stem()
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        insta::assert_snapshot!(format!("human-{name}"), transcript(&output));
    }
}

#[test]
fn human_output_with_no_file() {
    let output = ecr_config_in(crate_dir()).arg("check").output().unwrap();
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn json_lines_of_the_whole_corpus() {
    let files = corpus_files();
    let output = ecr_config_in(crate_dir())
        .args(["check", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().count(),
        files.len()
    );
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn the_example() {
    let output = ecr_config_in(crate_dir()).arg("example").output().unwrap();
    insta::assert_snapshot!(transcript(&output));
}
