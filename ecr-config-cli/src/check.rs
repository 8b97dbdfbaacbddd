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

use ecr_config::ecr::EcrConfig;

use crate::cli::{CheckArgs, Format};
use crate::json::FileResult;
use crate::mask::Document;
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
    /// The name in JSON Lines: the path as given (lossy if it is not UTF-8: see
    /// [`Source::name_bytes`]), `-` for standard input.
    fn name(&self) -> Cow<'_, str> {
        match self {
            Source::DocumentedExample => Cow::Borrowed(DOCUMENTED_EXAMPLE_PATH),
            Source::Stdin => Cow::Borrowed("-"),
            Source::File(path) => path.to_string_lossy(),
        }
    }

    /// The bytes of a file name that is not UTF-8, which [`Source::name`] cannot hold.
    fn name_bytes(&self) -> Option<&[u8]> {
        match self {
            Source::File(path) if path.to_str().is_none() => {
                Some(path.as_os_str().as_encoded_bytes())
            }
            _ => None,
        }
    }

    /// The name in diagnostics, which rustc-style readers take for a path: `<stdin>` there,
    /// and control characters and bytes that are not UTF-8 escaped, so that a file name
    /// cannot write to the terminal.
    fn display_name(&self) -> Cow<'_, str> {
        match self {
            Source::Stdin => Cow::Borrowed("<stdin>"),
            Source::DocumentedExample => Cow::Borrowed(DOCUMENTED_EXAMPLE_PATH),
            Source::File(path) => escape_name(path.as_os_str().as_encoded_bytes()),
        }
    }
}

/// A file name fit for a terminal: control characters (C0, DEL, C1) and the bidirectional
/// controls (which reorder what the terminal shows) written as Rust escapes them (`\n`,
/// `\u{1b}`), bytes that are not UTF-8 as `\xFF`. (A backslash stays: it separates a Windows
/// path, and the exact name is in the JSON output.)
fn escape_name(bytes: &[u8]) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.chars().any(unsafe_char)
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if unsafe_char(c) {
                out.extend(c.escape_debug());
            } else {
                out.push(c);
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
    Cow::Owned(out)
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
    let options = Options {
        format: args.format,
        max_size: args.max_size.0,
    };
    match check_all(options, &sources, &human, &diagnostics, &mut stdout) {
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

#[derive(Debug, Clone, Copy)]
struct Options {
    format: Format,
    max_size: u64,
}

/// What reading a source gave.
enum Input<'a> {
    Bytes(Cow<'a, [u8]>),
    /// More than the size limit: not read to the end, not checked.
    TooLarge,
}

fn check_all(
    options: Options,
    sources: &[Source<'_>],
    human: &Human,
    diagnostics: &Human,
    out: &mut impl Write,
) -> io::Result<Tally> {
    let mut tally = Tally::default();
    // Standard input is read once; a second `-` sees the same document.
    let mut stdin = Stdin::Unread;
    for source in sources {
        tally.files += 1;
        if let Source::DocumentedExample = source {
            match options.format {
                Format::Human => writeln!(out, "{}\n", human.note(NO_FILE_NOTE))?,
                Format::Json => eprintln!("{}", diagnostics.note(NO_FILE_NOTE)),
            }
        }
        let bytes = match read(source, &mut stdin, options.max_size) {
            Ok(Input::Bytes(bytes)) => bytes,
            Ok(Input::TooLarge) => {
                tally.invalid += 1;
                tally.problems += 1;
                let message = format!(
                    "the file is larger than {}, the most `--max-size` lets `check` read; \
                     it was not checked",
                    size(options.max_size)
                );
                match options.format {
                    Format::Human => {
                        let error = human.file_error(&source.display_name(), MAX_SIZE, &message);
                        write!(out, "{error}\n\n")?;
                    }
                    Format::Json => {
                        let line = FileResult::too_large(&source.name(), MAX_SIZE, &message)
                            .with_name_bytes(source.name_bytes())
                            .to_line();
                        writeln!(out, "{line}")?;
                    }
                }
                out.flush()?;
                continue;
            }
            Err(error) => {
                out.flush()?;
                let message = format!("cannot read {}: {error}", source.display_name());
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
        match options.format {
            Format::Human => {
                if let Some(report) = &report {
                    let document = Document::new(&bytes);
                    human.report(&source.display_name(), &document, report, out)?;
                }
            }
            Format::Json => {
                let line = FileResult::new(&source.name(), report.as_ref())
                    .with_name_bytes(source.name_bytes())
                    .to_line();
                writeln!(out, "{line}")?;
            }
        }
        out.flush()?;
    }
    if options.format == Format::Human {
        writeln!(out, "{}", tally.summary())?;
    }
    out.flush()?;
    Ok(tally)
}

/// The keyword of the finding for a file over the size limit.
const MAX_SIZE: &str = "maxSize";

/// `64 MiB`, `1000 bytes`.
fn size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (unit, name) in UNITS {
        if bytes >= unit && bytes.is_multiple_of(unit) {
            return format!("{} {name}", bytes / unit);
        }
    }
    format!("{bytes} byte{}", if bytes == 1 { "" } else { "s" })
}

/// Standard input, read once.
enum Stdin {
    Unread,
    Read(Vec<u8>),
    TooLarge,
}

/// Reads at most `max` bytes of `source` (and one more, to tell it is too large).
fn read<'a>(source: &Source<'_>, stdin: &'a mut Stdin, max: u64) -> io::Result<Input<'a>> {
    match source {
        Source::DocumentedExample => Ok(Input::Bytes(Cow::Borrowed(DOCUMENTED_EXAMPLE.as_bytes()))),
        Source::File(path) => {
            let file = std::fs::File::open(path)?;
            let metadata = file.metadata()?;
            // A regular file says its size; a device or a pipe is read up to the limit.
            if metadata.is_file() && metadata.len() > max {
                return Ok(Input::TooLarge);
            }
            Ok(read_bounded(file, max)?
                .map_or(Input::TooLarge, |bytes| Input::Bytes(Cow::Owned(bytes))))
        }
        Source::Stdin => {
            if let Stdin::Unread = stdin {
                *stdin = match read_bounded(io::stdin().lock(), max)? {
                    Some(bytes) => Stdin::Read(bytes),
                    None => Stdin::TooLarge,
                };
            }
            Ok(match stdin {
                Stdin::Read(bytes) => Input::Bytes(Cow::Borrowed(bytes)),
                Stdin::Unread | Stdin::TooLarge => Input::TooLarge,
            })
        }
    }
}

/// All of `reader` if it holds at most `max` bytes, `None` if it holds more.
fn read_bounded(reader: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::{Tally, escape_name, size};

    #[test]
    fn file_names_are_escaped_for_the_terminal() {
        assert_eq!(escape_name(b"plain/name.json"), "plain/name.json");
        assert_eq!(
            escape_name(b"a\nb\x1b[2J\\c.json"),
            "a\\nb\\u{1b}[2J\\c.json"
        );
        assert_eq!(escape_name("\u{202e}é".as_bytes()), "\\u{202e}é");
        assert_eq!(escape_name(b"bad\xff\xfe.json"), "bad\\xFF\\xFE.json");
    }

    #[test]
    fn sizes_are_said_in_the_largest_whole_unit() {
        assert_eq!(size(64 << 20), "64 MiB");
        assert_eq!(size(1 << 30), "1 GiB");
        assert_eq!(size(1536), "1536 bytes");
        assert_eq!(size(1), "1 byte");
    }

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
