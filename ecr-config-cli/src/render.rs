//! The human output: one rustc-style diagnostic a finding, rendered by annotate-snippets.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use ecr_config::{Finding, Keyword, Report};

use crate::mask::{self, Lines, SecretPaths};

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

    /// Every finding of `report` about the document `input` read from `path`, each followed
    /// by a blank line.
    pub(crate) fn report(
        &self,
        path: &str,
        input: &str,
        report: &Report,
        secrets: &SecretPaths,
    ) -> String {
        let lines = Lines::new(input);
        let hidden = mask::hidden(input, report, secrets);
        let mut out = String::new();
        for finding in report {
            let hidden_here;
            let hidden = if finding.keyword() == Keyword::Syntax {
                // Nothing is known about a document that does not parse: hide every value
                // of the line shown.
                let at = finding.span().start.min(input.len());
                let line = lines.range(input, lines.line_of(at));
                hidden_here = mask::hidden_on_line(input, line);
                &hidden_here
            } else {
                &hidden
            };
            out.push_str(&self.finding(path, input, &lines, finding, hidden));
            out.push_str("\n\n");
        }
        out
    }

    fn finding(
        &self,
        path: &str,
        input: &str,
        lines: &Lines,
        finding: &Finding,
        hidden: &[std::ops::Range<usize>],
    ) -> String {
        let excerpt = mask::excerpt(input, lines, finding.span(), hidden);
        let pointer = finding.pointer();
        let mut annotation = AnnotationKind::Primary.span(excerpt.span);
        if !pointer.is_empty() {
            annotation = annotation.label(defuse(pointer));
        }
        let title = Level::ERROR
            .primary_title(defuse(&finding.message()))
            .id(finding.keyword().as_str());
        let snippet = Snippet::source(excerpt.text)
            .line_start(excerpt.first_line)
            .path(path)
            .annotation(annotation);
        self.renderer.render(&[title.element(snippet)])
    }
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
    use ecr_config::Validate;
    use ecr_config::ecr::EcrConfig;

    use super::Human;
    use crate::mask::SecretPaths;

    #[test]
    fn control_characters_of_the_document_never_reach_the_terminal() {
        let input = r#"{"\u001b[2J\u009b31m": 1, "x\u0007": 2}"#;
        let report = EcrConfig::from_json_str(input).unwrap_err();
        let human =
            Human::new(false).report("f", input, &report, &SecretPaths::of(&EcrConfig::SHAPE));
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
