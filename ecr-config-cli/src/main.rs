//! `ecr-config`: checks AWS ECR integration configs against the settings model and reports
//! every problem, rustc-style or as JSON Lines. See `ecr-config check --help`.

mod check;
mod cli;
mod example;
mod json;
mod mask;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check(args) => check::run(&args),
        Command::Example => print(&example::json()),
        Command::Schema => {
            let schema = <ecr_config::ecr::EcrConfig as ecr_config::Validate>::json_schema();
            print(&(serde_json::to_string_pretty(&schema).expect("a JSON value") + "\n"))
        }
        Command::Docs => {
            print(&<ecr_config::ecr::EcrConfig as ecr_config::Validate>::markdown_reference())
        }
    }
}

fn print(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
