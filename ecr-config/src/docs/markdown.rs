//! Writing text into GitHub-flavoured Markdown so that it renders as the same text: escapes,
//! code spans, table cells, and the anchors GitHub gives headings.

use std::collections::HashMap;

/// Plain text (a title, a path, a value) escaped so that no character of it is read as
/// Markdown: emphasis, links, code, HTML or entities.
///
/// `|` is left alone: only table cells give it a meaning, and [`cell`] escapes it there. An
/// escape here as well would leave a backslash before it that turns the cell's escape off.
#[inline]
pub(crate) fn text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (at, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '~' => true,
            // Only an underscore at a word's edge can open or close emphasis (`snake_case`
            // renders as written), so names stay readable in the Markdown source.
            '_' => {
                let word = |i: Option<usize>| {
                    i.and_then(|i| chars.get(i))
                        .is_some_and(|c| c.is_alphanumeric())
                };
                !(word(at.checked_sub(1)) && word(Some(at + 1)))
            }
            // `&amp;` would render as `&`; `R&D` is left alone.
            '&' => {
                let name = chars[at + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .count();
                name > 0 && chars.get(at + 1 + name) == Some(&';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code span showing `text` verbatim, whatever backticks it holds.
///
/// The fence is one backtick longer than the longest run inside, and a space pads each side
/// when the text starts or ends with a backtick (or would lose its own edge spaces), as code
/// spans require. Line breaks become spaces, as a code span renders them.
#[inline]
pub(crate) fn code(text: &str) -> String {
    let text = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    if text.is_empty() {
        return "` `".to_owned();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Markdown made fit for one table cell: a row is one line and `|` separates cells.
///
/// Paragraph breaks become `<br><br>` and other line breaks spaces. Every `|` is escaped,
/// inside code spans too: GitHub's renderer (cmark-gfm, `unescape_pipes` in
/// `extensions/table.c`) turns each `\|` of a cell into `|` before it reads the cell's inline
/// Markdown, so a code span shows a bare `|`, and `\\|` shows `\|`.
#[inline]
pub(super) fn cell(markdown: &str) -> String {
    markdown
        .replace("\r\n", "\n")
        .replace("\n\n", "<br><br>")
        .replace(['\n', '\r'], " ")
        .replace('|', "\\|")
}

/// Markdown prose with every backtick run that opens no code span escaped.
///
/// An unmatched backtick is literal where it stands, but in a table cell the rules written
/// after the description would give it a closing run, and the code span would swallow them.
#[inline]
pub(super) fn close_code_spans(markdown: &str) -> String {
    let bytes = markdown.as_bytes();
    let mut runs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'`' {
            let start = at;
            while bytes.get(at) == Some(&b'`') {
                at += 1;
            }
            runs.push((start, at - start));
        } else {
            at += 1;
        }
    }
    let mut unmatched = Vec::new();
    let mut next = 0;
    while next < runs.len() {
        let (mut start, mut len) = runs[next];
        next += 1;
        // `\`` is a literal backtick, and the rest of its run a shorter run (but inside a
        // code span, where the closing run is looked for, backslashes are literal).
        let backslashes = bytes[..start]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 1 {
            start += 1;
            len -= 1;
            if len == 0 {
                continue;
            }
        }
        match runs[next..].iter().position(|&(_, other)| other == len) {
            Some(close) => next += close + 1,
            None => unmatched.push(start..start + len),
        }
    }
    let mut out = String::with_capacity(markdown.len() + unmatched.len());
    let mut copied = 0;
    for run in unmatched {
        out.push_str(&markdown[copied..run.start]);
        for _ in run.clone() {
            out.push_str("\\`");
        }
        copied = run.end;
    }
    out.push_str(&markdown[copied..]);
    out
}

/// A fenced code block of `language` that no line of `body` can close early.
#[inline]
pub(super) fn code_block(language: &str, body: &str) -> String {
    let mut longest = 0;
    for line in body.lines() {
        let run = line.trim_start().chars().take_while(|&c| c == '`').count();
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{language}\n{body}\n{fence}")
}

/// The anchors GitHub gives a document's headings, in order: the heading's text lowercased,
/// spaces turned into `-`, punctuation dropped, and `-1`, `-2`, … appended to repeats (the
/// algorithm of `github-slugger`, which github.com uses).
#[derive(Debug, Default)]
pub(super) struct Slugger {
    /// How many times each base slug was repeated, and every slug handed out.
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// The anchor of the next heading, whose rendered text is `heading`.
    #[inline]
    pub(super) fn slug(&mut self, heading: &str) -> String {
        let base: String = heading
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                '-' | '_' => Some(c),
                c if c.is_alphanumeric() => Some(c),
                _ => None,
            })
            .collect();
        let mut slug = base.clone();
        while self.seen.contains_key(&slug) {
            let repeats = self.seen.entry(base.clone()).or_default();
            *repeats += 1;
            slug = format!("{base}-{repeats}");
        }
        self.seen.insert(slug.clone(), 0);
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::{Slugger, cell, close_code_spans, code, code_block, text};

    #[test]
    fn text_escapes_what_markdown_would_read() {
        assert_eq!(text("CI/CD Image Push"), "CI/CD Image Push");
        assert_eq!(
            text("*bold* `code` [link] <b>"),
            r"\*bold\* \`code\` \[link\] \<b\>"
        );
        assert_eq!(text(r"a\b"), r"a\\b");
        assert_eq!(text("snake_case _em_"), r"snake_case \_em\_");
        assert_eq!(text("R&D &amp; &#38;"), r"R&D \&amp; \&#38;");
        assert_eq!(text("a|b"), "a|b");
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        assert_eq!(code("^[a-z]+$"), "`^[a-z]+$`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x``"), "``` `x`` ```");
        assert_eq!(code(" a "), "`  a  `");
        assert_eq!(code("a\nb"), "`a b`");
        assert_eq!(code(""), "` `");
    }

    #[test]
    fn cells_are_one_line_with_escaped_pipes() {
        assert_eq!(cell("one\ntwo\n\nthree"), "one two<br><br>three");
        assert_eq!(cell("`[a-z]|x`"), r"`[a-z]\|x`");
        assert_eq!(cell(r"`a\|b`"), r"`a\\|b`");
    }

    #[test]
    fn unmatched_backticks_are_escaped_and_code_spans_kept() {
        assert_eq!(close_code_spans("a `b` c"), "a `b` c");
        assert_eq!(close_code_spans("a ` b"), r"a \` b");
        assert_eq!(close_code_spans("`a` `` b `c`"), r"`a` \`\` b `c`");
        assert_eq!(close_code_spans("``a`b`` `"), r"``a`b`` \`");
        assert_eq!(close_code_spans(r"\` `x`"), r"\` `x`");
        assert_eq!(close_code_spans(r"`a\` `"), r"`a\` \`");
    }

    #[test]
    fn code_blocks_outlast_fences_inside() {
        assert_eq!(code_block("json", "{}"), "```json\n{}\n```");
        assert_eq!(
            code_block("json", "\"```\"\n```"),
            "````json\n\"```\"\n```\n````"
        );
    }

    #[test]
    fn slugs_follow_github() {
        let mut slugger = Slugger::default();
        assert_eq!(
            slugger.slug("ci: CI/CD Image Push Configuration"),
            "ci-cicd-image-push-configuration"
        );
        assert_eq!(slugger.slug("mirrors[]: Mirror"), "mirrors-mirror");
        assert_eq!(slugger.slug("Properties"), "properties");
        assert_eq!(slugger.slug("Properties"), "properties-1");
        assert_eq!(slugger.slug("properties-1"), "properties-1-1");
        assert_eq!(slugger.slug("Properties"), "properties-2");
        assert_eq!(slugger.slug("Région São Paulo"), "région-são-paulo");
    }
}
