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
        Command::Example => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(example::json().as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
    }
}
