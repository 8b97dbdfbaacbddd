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
omits the CI credentials. `-` reads standard input.

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

    use super::{Cli, ColorChoice};

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
