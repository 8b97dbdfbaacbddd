//! The JSON Lines output: one object a checked file.

use ecr_config::Report;
use serde::Serialize;

/// One file's line: `{"path": …, "valid": …, "errors": […]}`, and `"path_bytes": […]` (the
/// name's bytes) after `path` when the name is not UTF-8, which `path` then cannot hold.
#[derive(Debug, Serialize)]
pub(crate) struct FileResult<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<&'a [u8]>,
    valid: bool,
    errors: Vec<Error<'a>>,
}

/// One finding. Messages never hold a string's value, so no secret can appear here.
#[derive(Debug, Serialize)]
struct Error<'a> {
    pointer: &'a str,
    keyword: &'a str,
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
            path_bytes: None,
            valid: report.is_none(),
            errors,
        }
    }

    /// The line for a file that was not checked, with one finding about the whole file.
    pub(crate) fn too_large(path: &'a str, keyword: &'a str, message: &str) -> Self {
        FileResult {
            path,
            path_bytes: None,
            valid: false,
            errors: vec![Error {
                pointer: "",
                keyword,
                message: message.to_owned(),
                line: 1,
                column: 1,
            }],
        }
    }

    /// Adds the bytes of a name that is not UTF-8.
    pub(crate) fn with_name_bytes(mut self, bytes: Option<&'a [u8]>) -> Self {
        self.path_bytes = bytes;
        self
    }

    /// The line, without its line break.
    pub(crate) fn to_line(&self) -> String {
        serde_json::to_string(self).expect("a file result always serializes")
    }
}
