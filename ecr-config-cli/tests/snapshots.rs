//! What a user reads: the human and JSON Lines output of every corpus file, reviewed as
//! snapshots (`tests/snapshots/`). Regenerate with `INSTA_UPDATE=always cargo test -p
//! ecr-config-cli`, then read every changed `.snap` file.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

const CORPUS: &str = "tests/corpus";

fn ecr_config(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("ecr-config").expect("the binary is built");
    command
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    command
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

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

/// The corpus files, sorted, as paths relative to the crate.
fn corpus() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(crate_dir().join(CORPUS))
        .unwrap()
        .map(|entry| format!("{CORPUS}/{}", entry.unwrap().file_name().to_str().unwrap()))
        .filter(|file| Path::new(file).extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn human_output_of_every_corpus_file() {
    for file in corpus() {
        let output = ecr_config(crate_dir())
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
    let output = ecr_config(crate_dir()).arg("check").output().unwrap();
    insta::assert_snapshot!(transcript(&output));
}

#[test]
fn json_lines_of_the_whole_corpus() {
    let files = corpus();
    let output = ecr_config(crate_dir())
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
    let output = ecr_config(crate_dir()).arg("example").output().unwrap();
    insta::assert_snapshot!(transcript(&output));
}
