//! Where the secrets are in a document that is not JSON: the tokens that can be read are
//! followed as the type describes them, so that a renderer showing the line of a syntax
//! error masks the secrets on it and shows everything else as typed.
//!
//! The document is cut into JSON's tokens (strings, numbers, `true`, `false`, `null`,
//! punctuation), and into words where it has none. A reader follows them through the
//! containers they open, leniently where the grammar breaks (a missing comma or colon, a `:`
//! typed for a `,`, a value given twice, content past the end), and places every value with
//! the [`Secrets`] rule. Up to the syntax error the text is a prefix of JSON, so there every
//! value is placed exactly. Where a line holds something JSON has no token for (a word, a
//! string left open, a bad escape), what follows on that line cannot be trusted: a quote too
//! few or too many turns strings into words and words into strings. The rest of such a line
//! is masked whole when a secret may be in it: where the type puts one, or where a word of it
//! names a secret field.

use std::borrow::Cow;
use std::ops::Range;

use crate::meta::Shape;

use super::secret::{Json, Place, Secrets};

/// The spans of `input` (a document of type `root` that is not JSON) that may hold a secret.
pub(crate) fn secrets(input: &[u8], root: &'static Shape) -> Vec<Range<usize>> {
    let secrets = Secrets::of(root);
    let root_place = Place::Typed(root);
    if !secrets.look_inside(secrets.value(root_place, Json::Object))
        && !matches!(secrets.value(root_place, Json::Scalar), Place::Secret)
    {
        return Vec::new();
    }
    let mut reader = Reader {
        secrets,
        root: root_place,
        stack: Vec::new(),
        expect: Expect::Value,
        pending: root_place,
        last_string: None,
        maybe_secret: false,
        out: Vec::new(),
    };
    let mut lexer = Lexer::new(input);
    let mut next = lexer.next();
    // The end of the line whose rest is masked already.
    let mut masked_to = 0;
    while let Some(lexed) = next {
        next = lexer.next();
        let colon_follows = next.as_ref().is_some_and(|n| n.token == Token::Colon);
        if let Some(failure) = lexed.failure
            && failure >= masked_to
        {
            let line_end = input[failure..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(input.len(), |at| failure + at);
            if reader.may_hold_here() || names_a_secret(secrets, &input[failure..line_end]) {
                reader.out.push(failure..line_end);
            }
            masked_to = line_end;
        }
        reader.step(lexed.token, &lexed.span, input, colon_follows);
    }
    reader.out
}

/// A token, and where in it JSON's own tokens stop making sense, if they do.
pub(super) struct Lexed {
    pub(super) token: Token,
    pub(super) span: Range<usize>,
    failure: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token {
    Open(Json),
    Close,
    Colon,
    Comma,
    /// A string literal, up to its closing quote or the line's end.
    Str,
    /// Anything else up to white space, punctuation or a quote: a number, `true`, or what
    /// JSON has no word for.
    Word,
}

/// Cuts a text into JSON's tokens and words, leniently: a string ends at its line's end.
pub(super) struct Lexer<'a> {
    input: &'a [u8],
    at: usize,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(input: &'a [u8]) -> Lexer<'a> {
        Lexer { input, at: 0 }
    }

    pub(super) fn next(&mut self) -> Option<Lexed> {
        let bytes = self.input;
        while self.at < bytes.len() && matches!(bytes[self.at], b' ' | b'\t' | b'\n' | b'\r') {
            self.at += 1;
        }
        let start = self.at;
        let token = match *bytes.get(start)? {
            b'{' => Token::Open(Json::Object),
            b'[' => Token::Open(Json::Array),
            b'}' | b']' => Token::Close,
            b':' => Token::Colon,
            b',' => Token::Comma,
            b'"' => return Some(self.string(start)),
            _ => {
                let mut at = start;
                while at < bytes.len()
                    && !matches!(
                        bytes[at],
                        b' ' | b'\t'
                            | b'\n'
                            | b'\r'
                            | b'{'
                            | b'}'
                            | b'['
                            | b']'
                            | b':'
                            | b','
                            | b'"'
                    )
                {
                    at += 1;
                }
                self.at = at;
                let word = &bytes[start..at];
                let failure = (!is_literal(word)).then_some(start);
                return Some(Lexed {
                    token: Token::Word,
                    span: start..at,
                    failure,
                });
            }
        };
        self.at += 1;
        Some(Lexed {
            token,
            span: start..start + 1,
            failure: None,
        })
    }

    /// The string literal opening at `start`, up to its closing quote or the line's end.
    fn string(&mut self, start: usize) -> Lexed {
        let bytes = self.input;
        let mut at = start + 1;
        let mut failure = None;
        let closed = loop {
            match bytes.get(at) {
                None | Some(b'\n' | b'\r') => break false,
                Some(b'"') => {
                    at += 1;
                    break true;
                }
                Some(b'\\') => {
                    let escape = match bytes.get(at + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => 2,
                        Some(b'u')
                            if bytes
                                .get(at + 2..at + 6)
                                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) =>
                        {
                            6
                        }
                        _ => 0,
                    };
                    if escape == 0 {
                        failure.get_or_insert(at);
                        at += 1;
                    } else {
                        at += escape;
                    }
                }
                Some(&byte) if byte < 0x20 => {
                    failure.get_or_insert(at);
                    at += 1;
                }
                Some(&byte) if byte < 0x80 => at += 1,
                Some(_) => {
                    // A UTF-8 sequence, or where the text stops being UTF-8.
                    let end = (at + 4).min(bytes.len());
                    match std::str::from_utf8(&bytes[at..end]) {
                        Ok(text) => at += text.chars().next().map_or(1, char::len_utf8),
                        Err(error) if error.valid_up_to() > 0 => at += error.valid_up_to(),
                        Err(error) if error.error_len().is_none() && end < at + 4 => {
                            // Cut short by the end of the input.
                            failure.get_or_insert(at);
                            at = end;
                        }
                        Err(error) => {
                            failure.get_or_insert(at);
                            at += error.error_len().unwrap_or(1);
                        }
                    }
                }
            }
        };
        self.at = at;
        if !closed {
            failure.get_or_insert(at.min(bytes.len()));
        }
        Lexed {
            token: Token::Str,
            span: start..at,
            failure,
        }
    }
}

/// `true`, `false`, `null` or a number as JSON writes one.
pub(super) fn is_literal(word: &[u8]) -> bool {
    if matches!(word, b"true" | b"false" | b"null") {
        return true;
    }
    let digits = |at: usize| {
        word[at.min(word.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut at = usize::from(word.first() == Some(&b'-'));
    match digits(at) {
        0 => return false,
        n if n > 1 && word[at] == b'0' => return false,
        n => at += n,
    }
    if word.get(at) == Some(&b'.') {
        match digits(at + 1) {
            0 => return false,
            n => at += 1 + n,
        }
    }
    if matches!(word.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(word.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        match digits(at) {
            0 => return false,
            n => at += n,
        }
    }
    at == word.len()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Value,
    Key,
    Colon,
    Comma,
    /// The document's value has ended.
    Done,
}

struct Frame {
    object: bool,
    /// The container's place.
    place: Place,
}

/// Follows tokens through the containers they open, knowing each value's place.
struct Reader<'s> {
    secrets: &'s Secrets,
    root: Place,
    stack: Vec<Frame>,
    expect: Expect,
    /// The place of the value that comes next.
    pending: Place,
    /// The text of the string just read as a value, if the last token was one.
    last_string: Option<Range<usize>>,
    /// Whether the token that comes next may be the value of a secret: after
    /// `"access_key": "secret_key": …`, where the string read as a value may have been a
    /// key whose value is missing.
    maybe_secret: bool,
    out: Vec<Range<usize>>,
}

impl Reader<'_> {
    /// Takes one token; `colon_follows` if the next token is a `:` (which makes a string a
    /// key where a comma is missing).
    fn step(&mut self, token: Token, span: &Range<usize>, input: &[u8], colon_follows: bool) {
        let last_string = self.last_string.take();
        let forced = std::mem::take(&mut self.maybe_secret);
        if forced {
            self.out.push(span.clone());
        }
        loop {
            match (self.expect, token) {
                (Expect::Done, _) => {
                    // Content past the end: taken as more members of the document's value,
                    // the likeliest reading (`{…}}, "ci": {…}`).
                    let place = self.secrets.value(self.root, Json::Object);
                    self.stack.push(Frame {
                        object: true,
                        place,
                    });
                    self.expect = Expect::Comma;
                }
                (Expect::Colon, Token::Colon) => {
                    self.expect = Expect::Value;
                    return;
                }
                // A colon is missing: this is the value.
                (Expect::Colon, _) => self.expect = Expect::Value,
                // A `:` typed for a `,` is a comma; a comma where a value belongs leaves it
                // out.
                (Expect::Comma, Token::Comma | Token::Colon) | (Expect::Value, Token::Comma) => {
                    if let (Token::Colon, Some(string)) = (token, &last_string) {
                        // Or the string before was a key, and what follows is its value.
                        let key = key_text(&input[string.clone()]);
                        let place = self.secrets.member(self.top_place(), &key);
                        self.maybe_secret =
                            matches!(self.secrets.value(place, Json::Scalar), Place::Secret);
                    }
                    self.next_member();
                    return;
                }
                (_, Token::Close) => {
                    self.close();
                    return;
                }
                // A comma is missing: a key begins the next member (it has a colon after
                // it, or names a property); anything else is one more value for the same
                // place (`"secret_key": "a" "b"`).
                (Expect::Comma, _) => {
                    let object = self.stack.last().is_some_and(|frame| frame.object);
                    let names_one = token == Token::Str && {
                        let key = key_text(&input[span.clone()]);
                        !matches!(self.secrets.member(self.top_place(), &key), Place::Unknown)
                    };
                    if colon_follows || names_one || !object {
                        self.next_member();
                    } else {
                        self.expect = Expect::Value;
                    }
                }
                (Expect::Key, Token::Str | Token::Word) => {
                    let parent = self.top_place();
                    let key = key_text(&input[span.clone()]);
                    self.pending = self.secrets.member(parent, &key);
                    if let Place::Secret = parent {
                        self.out.push(span.clone());
                    }
                    self.expect = Expect::Colon;
                    return;
                }
                (Expect::Key, Token::Comma) | (Expect::Value, Token::Colon) => return,
                // A key is missing: what follows is a value of no known member.
                (Expect::Key, Token::Colon | Token::Open(_)) => {
                    self.pending = if forced {
                        Place::Secret
                    } else {
                        self.secrets.member(self.top_place(), "")
                    };
                    self.expect = Expect::Value;
                    if token == Token::Colon {
                        return;
                    }
                }
                (Expect::Value, Token::Open(json)) => {
                    self.open(json, span);
                    return;
                }
                (Expect::Value, Token::Str | Token::Word) => {
                    if let Place::Secret = self.secrets.value(self.pending, Json::Scalar) {
                        self.out.push(span.clone());
                    }
                    if token == Token::Str {
                        self.last_string = Some(span.clone());
                    }
                    self.expect = if self.stack.is_empty() {
                        Expect::Done
                    } else {
                        Expect::Comma
                    };
                    return;
                }
            }
        }
    }

    /// `{` or `[` where a value belongs: a container at the pending place.
    fn open(&mut self, json: Json, span: &Range<usize>) {
        let place = self.secrets.value(self.pending, json);
        if let Place::Secret = place {
            self.out.push(span.clone());
        }
        self.stack.push(Frame {
            object: json == Json::Object,
            place,
        });
        if json == Json::Object {
            self.expect = Expect::Key;
        } else {
            self.pending = Secrets::element(place);
            self.expect = Expect::Value;
        }
    }

    fn top_place(&self) -> Place {
        self.stack.last().map_or(self.root, |frame| frame.place)
    }

    /// Whether a secret may sit where the reader is, by the type: in the innermost container
    /// (or, past the end, in the document's value), or as the value coming next.
    fn may_hold_here(&self) -> bool {
        self.secrets.holds_by_type(self.top_place())
            || matches!(
                self.secrets.value(self.pending, Json::Scalar),
                Place::Secret
            )
    }

    /// After a comma: the next member of the innermost container.
    fn next_member(&mut self) {
        match self.stack.last() {
            None => self.expect = Expect::Done,
            Some(frame) if frame.object => self.expect = Expect::Key,
            Some(frame) => {
                self.pending = Secrets::element(frame.place);
                self.expect = Expect::Value;
            }
        }
    }

    /// `}` or `]`: closes the innermost container.
    fn close(&mut self) {
        self.stack.pop();
        self.expect = if self.stack.is_empty() {
            Expect::Done
        } else {
            Expect::Comma
        };
    }
}

/// Whether a word or string of `line` (the rest of a line past where it stops being JSON)
/// names a secret field, whatever its quotes make of it.
fn names_a_secret(secrets: &Secrets, line: &[u8]) -> bool {
    let mut lexer = Lexer::new(line);
    while let Some(lexed) = lexer.next() {
        if matches!(lexed.token, Token::Str | Token::Word)
            && secrets.is_secret_name(&key_text(&line[lexed.span]))
        {
            return true;
        }
    }
    // Quotes too few or too many: the words between them.
    line.split(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')))
        .any(|word| !word.is_empty() && secrets.is_secret_name(&String::from_utf8_lossy(word)))
}

/// The text of a key token: a string's decoded value if it decodes, else what lies between
/// its quotes; a word as it is.
pub(super) fn key_text(token: &[u8]) -> Cow<'_, str> {
    if let Some(inner) = token.strip_prefix(b"\"") {
        let inner = inner.strip_suffix(b"\"").unwrap_or(inner);
        if !inner.contains(&b'\\') {
            return String::from_utf8_lossy(inner);
        }
        if let Ok(key) = serde_json::from_slice::<String>(token) {
            return Cow::Owned(key);
        }
        return String::from_utf8_lossy(inner);
    }
    String::from_utf8_lossy(token)
}

#[cfg(test)]
mod tests {
    use super::secrets;
    use crate::Validate;
    use crate::ecr::EcrConfig;

    /// The parts of `text` a renderer must mask.
    fn masked(text: &str) -> Vec<&str> {
        let mut spans = secrets(text.as_bytes(), &EcrConfig::SHAPE);
        spans.retain(|span| !span.is_empty());
        spans.sort_by_key(|span| (span.start, span.end));
        spans.into_iter().map(|span| &text[span]).collect()
    }

    #[test]
    fn values_are_placed_through_the_mistakes() {
        // A `:` typed for a `,`.
        assert_eq!(
            masked(r#"{"ci": {"region": "us-east-1", "secret_key": "S": "x", "regoin": "y"}}"#),
            [r#""S""#]
        );
        // A missing comma, a missing colon, a value given twice.
        assert_eq!(
            masked(r#"{"ci": {"region": "a" "secret_key" "S" "T", "access_key": "k"}}"#),
            [r#""S""#, r#""T""#]
        );
        // A key read as a value: the string after it may be its value.
        assert_eq!(
            masked(r#"{"ci": {"access_key": "secret_key": "S"}}"#),
            [r#""S""#]
        );
        // Past the end of the document.
        assert_eq!(
            masked(r#"{"setup": {}}}, "ci": {"secret_key": "S", "region": "r"}}"#),
            [r#""S""#]
        );
        // Under a misspelt name, and where a secret belongs with the wrong type.
        assert_eq!(
            masked(r#"{"ci": {"Secret-Key": "S", "secret_key": ["T", 1]}, "cj": "U",}"#),
            [r#""S""#, "[", r#""T""#, "1", r#""U""#]
        );
    }

    #[test]
    fn the_rest_of_a_line_is_masked_where_it_stops_being_json_and_a_secret_may_be() {
        // In `ci`, which holds the secret: from the word on.
        assert_eq!(
            masked("{\"ci\": {\"region\": \"r\", \"secret_key\": wJalr, \"access_key\": \"k\"}\n}"),
            ["wJalr", "wJalr, \"access_key\": \"k\"}"]
        );
        // In `setup`, which holds none: nothing.
        assert!(masked("{\"setup\": {\"region\": 'us-east-1', \"role_arn\": \"x\"}\n}").is_empty());
        // A string left open in `ci`: to the line's end, and no further.
        assert_eq!(
            masked("{\"ci\": {\"secret_key\": \"abc\n, \"region\": \"r\"}}"),
            ["\"abc"]
        );
    }

    #[test]
    fn a_type_without_secrets_has_nothing_to_mask() {
        #[derive(Debug, serde::Deserialize, Validate)]
        struct Open {
            name: String,
        }
        assert!(secrets(br#"{"name": "x", "secret_key": "S""#, &Open::SHAPE).is_empty());
    }
}
