//! The human output: one rustc-style diagnostic a finding, rendered by annotate-snippets.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use ecr_config::{Finding, Report};

use crate::mask::{self, Document, Lines};

/// Renders findings, notes and errors, in colour or not.
#[derive(Debug)]
pub(crate) struct Human {
    renderer: Renderer,
}

impl Human {
    pub(crate) fn new(color: bool) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        Human { renderer }
    }

    /// `note: {text}`.
    pub(crate) fn note(&self, text: &str) -> String {
        let title = Level::NOTE.primary_title(text);
        self.renderer.render(&[Group::with_title(title)])
    }

    /// `error: {text}`.
    pub(crate) fn error(&self, text: &str) -> String {
        let title = Level::ERROR.primary_title(text);
        self.renderer.render(&[Group::with_title(title)])
    }

    /// Writes every finding of `report` about the document `input` read from `path`, each
    /// followed by a blank line, and flushes `out` after each one: a long report is seen as
    /// it is rendered, and a run stopped midway has shown what it had.
    pub(crate) fn report(
        &self,
        path: &str,
        document: &Document<'_>,
        report: &Report,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let input = &*document.text;
        let lines = Lines::new(input);
        let hidden = mask::hidden(document, report);
        for finding in report {
            let span = document.span(finding.span());
            let mut text = self.finding(path, input, &lines, finding, span, &hidden);
            text.push_str("\n\n");
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Ok(())
    }

    fn finding(
        &self,
        path: &str,
        input: &str,
        lines: &Lines,
        finding: &Finding,
        span: Range<usize>,
        hidden: &[Range<usize>],
    ) -> String {
        let excerpt = mask::excerpt(input, lines, span, hidden);
        let pointer = finding.pointer();
        let mut annotation = AnnotationKind::Primary.span(excerpt.span.clone());
        if !pointer.is_empty() {
            annotation = annotation.label(defuse(pointer));
        }
        let title = Level::ERROR
            .primary_title(defuse(&finding.message()))
            .id(finding.keyword().as_str());
        // annotate-snippets counts the column within the excerpt, which may begin inside
        // its line; the ` --> ` line gets the library's.
        let counted = excerpt.text[..excerpt.span.start].chars().count() + 1;
        let snippet = Snippet::source(excerpt.text)
            .line_start(excerpt.first_line)
            .path(path)
            .annotation(annotation);
        let rendered = self.renderer.render(&[title.element(snippet)]);
        with_column(rendered, finding.line(), counted, finding.column())
    }

    /// `error[keyword]: message` about a whole file, with its ` --> path` line.
    pub(crate) fn file_error(&self, path: &str, keyword: &str, message: &str) -> String {
        let title = Level::ERROR.primary_title(message).id(keyword);
        self.renderer.render(&[title.element(Origin::path(path))])
    }
}

/// `rendered` with the column of its ` --> path:LINE:COLUMN` line (its second) changed from
/// `counted` to `column`.
fn with_column(mut rendered: String, line: usize, counted: usize, column: usize) -> String {
    if counted == column {
        return rendered;
    }
    let second = rendered.find('\n').map_or(rendered.len(), |at| at + 1);
    let end = rendered[second..]
        .find('\n')
        .map_or(rendered.len(), |at| second + at);
    let suffix = format!(":{line}:{counted}");
    if rendered[second..end].ends_with(&suffix) {
        let digits = end - counted.to_string().len();
        rendered.replace_range(digits..end, &column.to_string());
    } else {
        debug_assert!(false, "no ` --> ` line in {rendered:?}");
    }
    rendered
}

/// Text from the document (a property's name in a message or a pointer) made safe for a
/// terminal: C0 controls become their visible pictures (annotate-snippets' normalization),
/// C1 controls (`\u{9b}` is a CSI on some terminals) the replacement character.
fn defuse(text: &str) -> String {
    annotate_snippets::normalize_untrusted_str(text)
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use ecr_config::ecr::EcrConfig;

    use super::Human;
    use crate::mask::Document;

    /// A writer that keeps what each flush found written.
    #[derive(Default)]
    struct Flushes {
        written: Vec<u8>,
        at_flush: Vec<String>,
    }

    impl std::io::Write for Flushes {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.written.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.at_flush
                .push(String::from_utf8(self.written.clone()).expect("UTF-8"));
            Ok(())
        }
    }

    #[test]
    fn each_finding_is_flushed_as_soon_as_it_is_rendered() {
        let input = r#"{"ci": {"a": 1, "b": 2, "c": 3}}"#;
        let report = EcrConfig::from_json_str(input).unwrap_err();
        let mut out = Flushes::default();
        Human::new(false)
            .report("f", &Document::new(input.as_bytes()), &report, &mut out)
            .unwrap();
        assert_eq!(out.at_flush.len(), report.len(), "{:?}", out.at_flush);
        // At the k-th flush, exactly k findings have been written, each whole.
        for (k, text) in out.at_flush.iter().enumerate() {
            assert_eq!(text.matches("error[").count(), k + 1, "{text}");
            assert!(text.ends_with("\n\n"), "{text}");
        }
    }

    #[test]
    fn control_characters_of_the_document_never_reach_the_terminal() {
        let input = r#"{"\u001b[2J\u009b31m": 1, "x\u0007": 2}"#;
        let report = EcrConfig::from_json_str(input).unwrap_err();
        let mut human = Vec::new();
        Human::new(false)
            .report("f", &Document::new(input.as_bytes()), &report, &mut human)
            .unwrap();
        let human = String::from_utf8(human).unwrap();
        assert!(
            human.contains("unknown property \"␛[2J\u{fffd}31m\""),
            "{human}"
        );
        assert!(
            !human.chars().any(|c| c.is_control() && c != '\n'),
            "{human:?}"
        );
    }
}
