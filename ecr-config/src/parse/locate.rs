//! Finds where values are, for a document `serde_json` has already read without a problem.
//!
//! When the strict fast path reads a document and only `validate` fails, the findings are
//! already complete (the reading proved the structure right); what is missing is where each
//! failing value is, and where the secrets are. Building the position tree for that costs
//! several times a parse, so this pass scans the text once instead, following the type's
//! [`Shape`] to know which values are secrets. It validates nothing: the text is known to be
//! JSON, since `serde_json` (the parser of record) has just read all of it.

use std::ops::Range;

use crate::meta::{Shape, StructMeta};
use crate::path::push_token;

/// The spans of the values at `targets` (JSON Pointers), and of every secret value.
pub(crate) struct Spans {
    pub(crate) targets: Vec<Option<Range<usize>>>,
    pub(crate) secrets: Vec<Range<usize>>,
}

enum Container {
    Object,
    Array(usize),
}

struct Frame {
    container: Container,
    start: usize,
    /// The shape of the container's value, to look up its members' shapes.
    shape: Option<&'static Shape>,
    /// The length of the pointer before this container's own member segment.
    pointer_len: usize,
    secret: bool,
}

pub(crate) fn locate(text: &str, root: &'static Shape, targets: &[&str]) -> Spans {
    let bytes = text.as_bytes();
    let mut spans = Spans {
        targets: vec![None; targets.len()],
        secrets: Vec::new(),
    };
    let mut stack: Vec<Frame> = Vec::with_capacity(8);
    let mut pointer = String::with_capacity(64);
    // The shape of the value about to start.
    let mut shape = Some(root);
    let mut i = skip_ws(bytes, 0);
    loop {
        // A value starts at `i`.
        let start = i;
        let (secret, resolved) = unwrap(shape);
        match bytes.get(i) {
            Some(b'{' | b'[')
                if !wanted_inside(&pointer, targets) && !may_hold_secret(resolved, 0) =>
            {
                // Nothing to find in there: step over it.
                i = value_end(bytes, i);
            }
            Some(&open @ (b'{' | b'[')) => {
                i = skip_ws(bytes, i + 1);
                if matches!(bytes.get(i), Some(b'}' | b']')) {
                    // Empty: a value like a scalar.
                    i += 1;
                } else {
                    stack.push(Frame {
                        container: if open == b'{' {
                            Container::Object
                        } else {
                            Container::Array(0)
                        },
                        start,
                        shape: resolved,
                        pointer_len: pointer.len(),
                        secret,
                    });
                    if open == b'{' {
                        i = key(text, i, &mut pointer, &stack, &mut shape);
                    } else {
                        pointer.push_str("/0");
                        shape = member_shape(resolved, None);
                    }
                    continue;
                }
            }
            Some(b'"') => i = string_end(bytes, i),
            Some(_) => {
                while i < bytes.len()
                    && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    i += 1;
                }
            }
            None => return spans,
        }
        // A scalar or an empty container ended at `i`.
        finish(&mut spans, targets, &pointer, start..i, secret);
        // Close containers until one continues with a comma.
        loop {
            let Some(frame) = stack.last_mut() else {
                return spans;
            };
            i = skip_ws(bytes, i);
            let close = bytes.get(i).copied();
            if close == Some(b',') {
                i = skip_ws(bytes, i + 1);
                pointer.truncate(frame.pointer_len);
                let frame_shape = frame.shape;
                match &mut frame.container {
                    Container::Array(index) => {
                        *index += 1;
                        pointer.push('/');
                        pointer.push_str(&index.to_string());
                        shape = member_shape(frame_shape, None);
                    }
                    Container::Object => {
                        i = key(text, i, &mut pointer, &stack, &mut shape);
                    }
                }
                break;
            }
            // `}` or `]`: the container's value ends here.
            let frame = stack.pop().expect("a frame");
            pointer.truncate(frame.pointer_len);
            i += 1;
            finish(&mut spans, targets, &pointer, frame.start..i, frame.secret);
        }
    }
}

/// Reads the key at `i` (a string literal), appends it to the pointer, sets the member's
/// shape, and returns the position of its value.
fn key(
    text: &str,
    i: usize,
    pointer: &mut String,
    stack: &[Frame],
    shape: &mut Option<&'static Shape>,
) -> usize {
    let bytes = text.as_bytes();
    let end = string_end(bytes, i);
    let literal = &text[i..end];
    let escaped;
    let key = if literal.as_bytes().contains(&b'\\') {
        escaped = serde_json::from_str::<String>(literal).unwrap_or_default();
        escaped.as_str()
    } else {
        &literal[1..literal.len() - 1]
    };
    let parent = stack.last().and_then(|frame| frame.shape);
    *shape = member_shape(parent, Some(key));
    pointer.push('/');
    push_token(key, pointer);
    // Past the colon.
    skip_ws(bytes, skip_ws(bytes, end) + 1)
}

/// Whether a target lies strictly inside the value at `pointer`.
fn wanted_inside(pointer: &str, targets: &[&str]) -> bool {
    targets.iter().any(|target| {
        target.len() > pointer.len()
            && target.starts_with(pointer)
            && target.as_bytes()[pointer.len()] == b'/'
    })
}

/// Whether a value of this shape can contain a secret. Values the shape does not describe
/// cannot: the position tree does not look for secrets in them either.
fn may_hold_secret(shape: Option<&'static Shape>, depth: usize) -> bool {
    // Deeper than any config nests; recursive types end here, conservatively.
    if depth > 16 {
        return true;
    }
    match shape {
        Some(Shape::Sensitive(_)) => true,
        Some(Shape::Optional(inner) | Shape::Array(inner) | Shape::Map(inner)) => {
            may_hold_secret(Some(inner()), depth + 1)
        }
        Some(Shape::Object(meta)) => meta
            .fields
            .iter()
            .any(|field| may_hold_secret(Some((field.shape)()), depth + 1)),
        _ => false,
    }
}

/// The position just past the object or array starting at `i`. (Skipping with `serde_json`
/// was measured slower here: a policy string is mostly escapes.)
fn value_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Strips `Optional`; says whether the value is a secret.
fn unwrap(shape: Option<&'static Shape>) -> (bool, Option<&'static Shape>) {
    match shape {
        Some(Shape::Optional(inner)) => unwrap(Some(inner())),
        Some(Shape::Sensitive(inner)) => (true, unwrap(Some(inner())).1),
        other => (false, other),
    }
}

/// The shape of a member (`key`) or an element (`None`) of a value of shape `parent`.
fn member_shape(parent: Option<&'static Shape>, key: Option<&str>) -> Option<&'static Shape> {
    match (parent?, key) {
        (Shape::Array(item), None) => Some(item()),
        (Shape::Map(value), Some(_)) => Some(value()),
        (Shape::Object(meta), Some(key)) => field_shape(meta, key),
        _ => None,
    }
}

fn field_shape(meta: &'static StructMeta, key: &str) -> Option<&'static Shape> {
    meta.fields
        .iter()
        .find_map(|field| match (field.flatten, (field.shape)()) {
            (true, Shape::Object(inner)) => field_shape(inner, key),
            (false, shape) if field.name == key => Some(shape),
            _ => None,
        })
}

fn finish(spans: &mut Spans, targets: &[&str], pointer: &str, span: Range<usize>, secret: bool) {
    for (target, slot) in targets.iter().zip(&mut spans.targets) {
        if slot.is_none() && *target == pointer {
            *slot = Some(span.clone());
        }
    }
    if secret {
        spans.secrets.push(span);
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The position just past the string literal starting at `i`.
///
/// Looks for quotes eight bytes at a time and takes the first one not escaped, i.e. not
/// preceded by an odd run of backslashes: a policy string is mostly escaped quotes, and
/// stepping byte by byte through it was most of this pass's time.
pub(crate) fn string_end(bytes: &[u8], start: usize) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const QUOTES: u64 = 0x2222_2222_2222_2222;
    let mut i = start + 1;
    loop {
        let quote = if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ QUOTES;
            // High bit set exactly in the bytes that are quotes.
            let found = !(((x & LOW) + LOW) | x | LOW);
            if found == 0 {
                i += 8;
                continue;
            }
            i + (found.trailing_zeros() / 8) as usize
        } else {
            match bytes[i.min(bytes.len())..].iter().position(|&b| b == b'"') {
                Some(at) => i + at,
                None => return bytes.len(),
            }
        };
        let backslashes = bytes[start + 1..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 0 {
            return quote + 1;
        }
        i = quote + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::locate;
    use crate::Validate;
    use crate::ecr::EcrConfig;

    #[test]
    fn finds_targets_and_secrets() {
        let text = r#"{"ci": {"region": "us-east-1", "access_key": "x", "secret_key": "s\"cret"},
            "setup": {"region": "us-east-1", "role_arn": "r", "policy": "{}"},
            "read": {}, "repository_provider": "aws-ecr"}"#;
        let spans = locate(
            text,
            &EcrConfig::SHAPE,
            &["/ci/access_key", "/setup/role_arn", "/read", "/nowhere", ""],
        );
        let found: Vec<Option<&str>> = spans
            .targets
            .iter()
            .map(|span| span.clone().map(|span| &text[span]))
            .collect();
        assert_eq!(
            found,
            [Some("\"x\""), Some("\"r\""), Some("{}"), None, Some(text)]
        );
        let secrets: Vec<&str> = spans.secrets.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(secrets, ["\"s\\\"cret\""]);
    }

    #[test]
    fn string_ends_skip_escaped_quotes() {
        for literal in [
            r#""""#,
            r#""abc""#,
            r#""a\"b""#,
            r#""\\""#,
            r#""\\\"x""#,
            r#""0123456789\"0123456789\"0123456789""#,
            r#""é\u0022x\"\\""#,
        ] {
            let text = format!("{literal}, \"next\"");
            assert_eq!(
                super::string_end(text.as_bytes(), 0),
                literal.len(),
                "{literal}"
            );
        }
        assert_eq!(super::string_end(br#""unterminated"#, 0), 13);
    }

    #[test]
    fn follows_arrays_and_escaped_keys() {
        let text = r#"[{"a~b": [1, 2, {"c/d": true}]}, 3]"#;
        let spans = locate(
            text,
            &crate::meta::Shape::Any,
            &["/0/a~0b/2/c~1d", "/1", "/0/a~0b/1"],
        );
        let found: Vec<_> = spans
            .targets
            .iter()
            .map(|span| span.clone().map(|span| &text[span]))
            .collect();
        assert_eq!(found, [Some("true"), Some("3"), Some("2")]);
    }
}
