//! `ecr-config check`: reads each file, parses it into the model, and writes the findings.
//!
//! Files are checked in order and each one's output is written as soon as it is checked. A
//! file that cannot be read is reported on stderr (`error: cannot read FILE: reason`) and
//! skipped, so it has no JSON line; the other files are still checked, and the exit status is
//! then 2 whatever they hold.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use ecr_config::Validate;
use ecr_config::ecr::EcrConfig;

use crate::cli::{CheckArgs, Format};
use crate::json::FileResult;
use crate::mask::SecretPaths;
use crate::render::Human;

/// The example documented on the AWS ECR settings page, verbatim: it omits the CI
/// credentials, so checking it shows what a report looks like.
const DOCUMENTED_EXAMPLE: &str = include_str!("../../ecr-config/examples/seed-example.json");

/// How the documented example is named in reports.
const DOCUMENTED_EXAMPLE_PATH: &str = "<documented example>";

const NO_FILE_NOTE: &str =
    "no FILE given; checking the documented example from the AWS ECR settings page";

/// What the files held, for the summary and the exit status.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    valid: usize,
    invalid: usize,
    problems: usize,
    unreadable: usize,
}

impl Tally {
    fn summary(&self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut line = format!(
            "{} file{} checked: {} valid, {} invalid",
            self.files,
            plural(self.files),
            self.valid,
            self.invalid
        );
        if self.invalid > 0 {
            let _ = write!(
                line,
                " ({} problem{})",
                self.problems,
                plural(self.problems)
            );
        }
        if self.unreadable > 0 {
            let _ = write!(line, ", {} unreadable", self.unreadable);
        }
        line
    }

    fn status(&self) -> ExitCode {
        if self.unreadable > 0 {
            ExitCode::from(2)
        } else if self.invalid > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Where a document comes from.
#[derive(Debug)]
enum Source<'a> {
    DocumentedExample,
    Stdin,
    File(&'a Path),
}

impl Source<'_> {
    /// The name in messages and JSON Lines: the path as given, `-` for standard input.
    fn name(&self) -> Cow<'_, str> {
        match self {
            Source::DocumentedExample => Cow::Borrowed(DOCUMENTED_EXAMPLE_PATH),
            Source::Stdin => Cow::Borrowed("-"),
            Source::File(path) => path.to_string_lossy(),
        }
    }

    /// The name in diagnostics, which rustc-style readers take for a path: `<stdin>` there.
    fn display_name(&self) -> Cow<'_, str> {
        match self {
            Source::Stdin => Cow::Borrowed("<stdin>"),
            _ => self.name(),
        }
    }
}

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let no_color = std::env::var_os("NO_COLOR");
    let human = Human::new(
        args.color
            .enabled(io::stdout().is_terminal(), no_color.as_deref()),
    );
    let diagnostics = Human::new(
        args.color
            .enabled(io::stderr().is_terminal(), no_color.as_deref()),
    );
    let sources: Vec<Source<'_>> = if args.files.is_empty() {
        vec![Source::DocumentedExample]
    } else {
        args.files
            .iter()
            .map(|path| {
                if path.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(path)
                }
            })
            .collect()
    };
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    match check_all(args.format, &sources, &human, &diagnostics, &mut stdout) {
        Ok(tally) => tally.status(),
        Err(error) => {
            if error.kind() != io::ErrorKind::BrokenPipe {
                eprintln!(
                    "{}",
                    diagnostics.error(&format!("cannot write the output: {error}"))
                );
            }
            ExitCode::from(2)
        }
    }
}

fn check_all(
    format: Format,
    sources: &[Source<'_>],
    human: &Human,
    diagnostics: &Human,
    out: &mut impl Write,
) -> io::Result<Tally> {
    let secrets = SecretPaths::of(&EcrConfig::SHAPE);
    let mut tally = Tally::default();
    // Standard input is read once; a second `-` sees the same document.
    let mut stdin: Option<Vec<u8>> = None;
    for source in sources {
        tally.files += 1;
        if let Source::DocumentedExample = source {
            match format {
                Format::Human => writeln!(out, "{}\n", human.note(NO_FILE_NOTE))?,
                Format::Json => eprintln!("{}", diagnostics.note(NO_FILE_NOTE)),
            }
        }
        let bytes: Cow<'_, [u8]> = match read(source, &mut stdin) {
            Ok(bytes) => bytes,
            Err(error) => {
                out.flush()?;
                let message = format!("cannot read {}: {error}", source.name());
                eprintln!("{}", diagnostics.error(&message));
                tally.unreadable += 1;
                continue;
            }
        };
        let report = EcrConfig::from_json_slice(&bytes).err();
        match &report {
            None => tally.valid += 1,
            Some(report) => {
                tally.invalid += 1;
                tally.problems += report.len();
            }
        }
        match format {
            Format::Human => {
                if let Some(report) = &report {
                    let text = String::from_utf8_lossy(&bytes);
                    let name = source.display_name();
                    out.write_all(human.report(&name, &text, report, &secrets).as_bytes())?;
                }
            }
            Format::Json => {
                let name = source.name();
                writeln!(out, "{}", FileResult::new(&name, report.as_ref()).to_line())?;
            }
        }
        out.flush()?;
    }
    if format == Format::Human {
        writeln!(out, "{}", tally.summary())?;
    }
    out.flush()?;
    Ok(tally)
}

fn read<'a>(source: &Source<'_>, stdin: &'a mut Option<Vec<u8>>) -> io::Result<Cow<'a, [u8]>> {
    match source {
        Source::DocumentedExample => Ok(Cow::Borrowed(DOCUMENTED_EXAMPLE.as_bytes())),
        Source::File(path) => std::fs::read(path).map(Cow::Owned),
        Source::Stdin => {
            if stdin.is_none() {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes)?;
                *stdin = Some(bytes);
            }
            Ok(Cow::Borrowed(stdin.as_deref().unwrap_or_default()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn the_summary_counts_and_pluralizes() {
        let one = Tally {
            files: 1,
            valid: 1,
            ..Tally::default()
        };
        assert_eq!(one.summary(), "1 file checked: 1 valid, 0 invalid");
        let mixed = Tally {
            files: 3,
            valid: 1,
            invalid: 1,
            problems: 1,
            unreadable: 1,
        };
        assert_eq!(
            mixed.summary(),
            "3 files checked: 1 valid, 1 invalid (1 problem), 1 unreadable"
        );
    }
}
