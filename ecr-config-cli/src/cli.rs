//! The command line, declared with clap's derive.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks AWS ECR integration configs (JSON) against the platform's settings model.
#[derive(Debug, Parser)]
#[command(
    name = "ecr-config",
    version,
    about = "Check AWS ECR integration configs (JSON) against the settings model",
    long_about = "Check AWS ECR integration configs (JSON) against the settings model of the \
        platform's \"AWS ECR\" settings page, and report every problem at once, each with its \
        file, line, column and JSON Pointer.\n\n\
        Secret values (`ci.secret_key`) are never printed: source lines shown in reports have \
        them masked with `*`."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check config files and report every problem
    #[command(long_about = CHECK_LONG_ABOUT)]
    Check(CheckArgs),
    /// Print a complete, valid example config (with a placeholder secret)
    #[command(
        long_about = "Print a complete, valid example config to stdout: every required \
            property, the optional cross-account pull access, and an obviously fake \
            placeholder as the secret key. Edit it, then run `ecr-config check` on it."
    )]
    Example,
    /// Print the JSON Schema of ECR configs (draft 2020-12)
    #[command(
        long_about = "Print the JSON Schema (draft 2020-12) of ECR configs, generated from the \
            same declarations the checker uses. Save it and point an editor at it for \
            completion and inline errors, e.g. in VS Code's settings.json: \
            \"json.schemas\": [{\"fileMatch\": [\"*.ecr.json\"], \"url\": \"./ecr-config.schema.json\"}]."
    )]
    Schema,
    /// Print the Markdown reference of ECR configs
    #[command(
        long_about = "Print the Markdown reference of ECR configs to stdout, generated from the \
            same declarations the checker uses: a section per object with a table of its \
            properties (type, description, required), each property's rules (enum values, \
            lengths, patterns, defaults, constants), and a valid example."
    )]
    Docs,
}

const CHECK_LONG_ABOUT: &str = "\
Check config files and report every problem, not only the first.

Each file must be one JSON object with:
  ci                   required: region, access_key (exactly 20 characters, A-Z and 0-9),
                       secret_key (at least 1 character; never printed)
  read                 optional: region, role_arn (an IAM role ARN)
  setup                required: region, role_arn (an IAM role ARN); optional: policy (a JSON
                       text in a string), external_id, intermediate_role,
                       intermediate_external_id
  repository_provider  optional, and if given exactly \"aws-ecr\"

What is checked, by JSON Schema keyword: syntax (the file is UTF-8 JSON; a byte-order mark is \
accepted), type, required, additionalProperties (unknown properties, with a did-you-mean), \
duplicateKey, enum (AWS regions, with a did-you-mean), const, minLength, maxLength, pattern, \
contentMediaType (the policy is a JSON text).

With no FILE, checks the example documented on the AWS ECR settings page, which fails: it \
omits the CI credentials. `-` reads standard input. Each file (and standard input) is read up \
to `--max-size` bytes (64 MiB unless told); a larger one is a `maxSize` finding.

Secret values are masked with `*` in the source lines shown, by the model: the value of \
`ci.secret_key` (every time it is given), of an unknown property named like it \
(`secret_kye`), and whatever sits where it belongs with the wrong type. Everything else is \
shown as written.

Exit status: 0 if every file is valid, 1 if any file is invalid, 2 on a usage error or if a \
file cannot be read (the other files are still checked; 2 wins over 1).";

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Config files to check; `-` reads standard input [default: the documented example]
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// Output format: rustc-style diagnostics, or one JSON object a line per file
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// When to colour the human output (`auto`: if stdout is a terminal and `NO_COLOR` is
    /// unset or empty)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub(crate) color: ColorChoice,
    /// The most bytes read of each file (and of standard input); a larger one is a `maxSize`
    /// finding and is not checked. A number of bytes, or with a unit: `K`/`KiB`, `M`/`MiB`,
    /// `G`/`GiB` (powers of 1024), `KB`, `MB`, `GB` (powers of 1000)
    #[arg(long, default_value = "64MiB", value_name = "SIZE", value_parser = parse_size)]
    pub(crate) max_size: Size,
}

/// A number of bytes, as `--max-size` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Size(pub(crate) u64);

/// `1048576`, `64MiB`, `64M`, `10 MB`, `512KiB`.
fn parse_size(text: &str) -> Result<Size, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size: a number of bytes, maybe with a unit"))?;
    let scale: u64 = match unit.trim() {
        "" | "B" => 1,
        "K" | "KiB" => 1 << 10,
        "M" | "MiB" => 1 << 20,
        "G" | "GiB" => 1 << 30,
        "KB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        other => {
            return Err(format!(
                "unknown unit `{other}`: use K, KiB, M, MiB, G, GiB, KB, MB or GB"
            ));
        }
    };
    number
        .checked_mul(scale)
        .map(Size)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// rustc-style diagnostics with source snippets, and a summary line
    Human,
    /// JSON Lines: `{"path", "valid", "errors": [{"pointer", "keyword", "message", "line",
    /// "column"}]}` for each file, in order
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colour if stdout is a terminal and `NO_COLOR` is unset or empty
    Auto,
    /// Always colour (overrides `NO_COLOR`, as no-color.org asks of command-line flags)
    Always,
    /// Never colour
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether the stream is a terminal and the `NO_COLOR` variable.
    pub(crate) fn enabled(self, is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && no_color.is_none_or(std::ffi::OsStr::is_empty),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::{Cli, ColorChoice, Size, parse_size};

    #[test]
    fn sizes_take_units() {
        assert_eq!(parse_size("1048576"), Ok(Size(1 << 20)));
        assert_eq!(parse_size("64MiB"), Ok(Size(64 << 20)));
        assert_eq!(parse_size("64M"), Ok(Size(64 << 20)));
        assert_eq!(parse_size("10 MB"), Ok(Size(10_000_000)));
        assert_eq!(parse_size("0"), Ok(Size(0)));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("10 parsecs").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_color_set_and_non_empty_turns_auto_colour_off() {
        let on = Some(std::ffi::OsStr::new("1"));
        let empty = Some(std::ffi::OsStr::new(""));
        assert!(ColorChoice::Auto.enabled(true, None));
        assert!(ColorChoice::Auto.enabled(true, empty));
        assert!(!ColorChoice::Auto.enabled(true, on));
        assert!(!ColorChoice::Auto.enabled(false, None));
        assert!(ColorChoice::Always.enabled(false, on));
        assert!(!ColorChoice::Never.enabled(true, None));
    }
}
