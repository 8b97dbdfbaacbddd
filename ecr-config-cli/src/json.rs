//! The JSON Lines output: one object a checked file.

use ecr_config::Report;
use serde::Serialize;

/// One file's line: `{"path": …, "valid": …, "errors": […]}`.
#[derive(Debug, Serialize)]
pub(crate) struct FileResult<'a> {
    path: &'a str,
    valid: bool,
    errors: Vec<Error<'a>>,
}

/// One finding. Messages never hold a string's value, so no secret can appear here.
#[derive(Debug, Serialize)]
struct Error<'a> {
    pointer: &'a str,
    keyword: &'static str,
    message: String,
    line: usize,
    column: usize,
}

impl<'a> FileResult<'a> {
    /// The line for `path`: valid if there is no report.
    pub(crate) fn new(path: &'a str, report: Option<&'a Report>) -> Self {
        let errors = report.map_or_else(Vec::new, |report| {
            report
                .iter()
                .map(|finding| Error {
                    pointer: finding.pointer(),
                    keyword: finding.keyword().as_str(),
                    message: finding.message(),
                    line: finding.line(),
                    column: finding.column(),
                })
                .collect()
        });
        FileResult {
            path,
            valid: report.is_none(),
            errors,
        }
    }

    /// The line, without its line break.
    pub(crate) fn to_line(&self) -> String {
        serde_json::to_string(self).expect("a file result always serializes")
    }
}
