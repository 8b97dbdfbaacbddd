//! Checks ECR config files against the model: `cargo run -p ecr-config --example check -- [FILE…]`.
//! With no file it checks the built-in example (the settings page's example, completed with
//! the credentials it omits).
//!
//! This is the stand-in for the `ecr-config check` CLI: serde reports only its first
//! structural error, without the other findings; constraint findings are all reported.

use std::process::ExitCode;

use ecr_config::Validate;
use ecr_config::ecr::EcrConfig;

const BUILT_IN: &str = include_str!("ecr.json");

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<(String, Result<String, std::io::Error>)> = if files.is_empty() {
        println!("no file given: checking the built-in example (examples/ecr.json)");
        vec![("examples/ecr.json".into(), Ok(BUILT_IN.into()))]
    } else {
        files
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path);
                (path, text)
            })
            .collect()
    };
    let mut invalid = 0;
    for (path, text) in inputs {
        let text = match text {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{path}: cannot read: {error}");
                return ExitCode::from(2);
            }
        };
        match serde_json::from_str::<EcrConfig>(&text) {
            Err(error) => {
                invalid += 1;
                println!("{path}: invalid: {error}");
            }
            Ok(config) => match config.validate() {
                Ok(()) => println!("{path}: valid"),
                Err(errors) => {
                    invalid += 1;
                    println!("{path}: {} problem(s)", errors.len());
                    for error in &errors {
                        println!("  {error}");
                    }
                }
            },
        }
    }
    if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
