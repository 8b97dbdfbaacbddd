//! `ecr-config`: checks AWS ECR integration configs against the settings model and reports
//! every problem, rustc-style or as JSON Lines. See `ecr-config check --help`.
//!
//! The library target holds the command (the binary only calls [`main`]) and, in
//! [`output`], its two renderings of a report, for the hostile-input tests and benchmarks.

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

/// Runs the command on the process's arguments.
///
/// # Panics
///
/// Never: the JSON Schema is a JSON value, which always serializes.
pub fn main() -> ExitCode {
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

/// What `check` writes about one document, for a report of any type: the same code the
/// command runs.
pub mod output {
    use ecr_config::Report;

    use crate::json::FileResult;
    use crate::mask::Document;
    use crate::render::Human;

    /// The human output for `report` on the document `bytes` read from `path`: every
    /// finding with its masked source lines, as `check --format human` writes it.
    ///
    /// # Panics
    ///
    /// Never: writing to memory does not fail.
    pub fn human(path: &str, bytes: &[u8], report: &Report, color: bool) -> String {
        let mut out = Vec::new();
        Human::new(color)
            .report(path, &Document::new(bytes), report, &mut out)
            .expect("writing to memory");
        String::from_utf8(out).expect("the renderer writes UTF-8")
    }

    /// The whole document as the human output shows its source lines: every value
    /// [`Report::secret_spans`] holds masked, the rest as written.
    pub fn masked(bytes: &[u8], report: &Report) -> String {
        crate::mask::masked(&Document::new(bytes), report)
    }

    /// The `--format json` line for `path` (without its line break).
    pub fn json_line(path: &str, report: Option<&Report>) -> String {
        FileResult::new(path, report).to_line()
    }
}
