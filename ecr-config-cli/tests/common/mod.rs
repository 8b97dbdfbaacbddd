//! What the command tests share: the binary in a neutral environment, the corpus, the secret
//! the corpus hides.
#![allow(dead_code, unreachable_pub)]

use std::path::Path;

use assert_cmd::Command;

/// The corpus, relative to this crate's directory.
pub const CORPUS: &str = "tests/corpus";

/// The distinctive secret value the corpus's `secret-*.json` files hold.
pub const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzSECRETz";

pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run from `dir` with no colour settings inherited from the environment.
pub fn ecr_config_in(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("ecr-config").expect("the binary is built");
    command
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    command
}

/// The binary, run from this crate's directory.
pub fn ecr_config() -> Command {
    ecr_config_in(crate_dir())
}

/// The corpus's `.json` files, sorted, as paths relative to this crate.
pub fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(crate_dir().join(CORPUS))
        .expect("the corpus")
        .map(|entry| format!("{CORPUS}/{}", entry.unwrap().file_name().to_str().unwrap()))
        .filter(|file| Path::new(file).extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}
