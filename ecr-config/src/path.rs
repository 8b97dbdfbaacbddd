//! Where a value sits in the document, built on the stack while validating.

use core::fmt;

use smol_str::SmolStr;

/// The location of the value being validated, as a chain of borrowed segments.
///
/// Validation walks the value and extends the chain on the stack; nothing is allocated unless
/// an error needs its [JSON Pointer](https://www.rfc-editor.org/rfc/rfc6901) (see
/// [`FieldPath::to_pointer`]). Segments use the serialized (serde) names.
#[derive(Debug, Clone, Copy)]
pub struct FieldPath<'a> {
    parent: Option<&'a FieldPath<'a>>,
    segment: Segment<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    /// A key that is its own reference token (no `~` or `/` in it).
    Token(&'a str),
    Index(usize),
}

impl FieldPath<'static> {
    /// The whole document, pointer `""`.
    pub const ROOT: FieldPath<'static> = FieldPath {
        parent: None,
        segment: Segment::Root,
    };
}

impl<'a> FieldPath<'a> {
    /// The property `key` of the object at `self`.
    #[inline]
    #[must_use]
    pub const fn key(&'a self, key: &'a str) -> FieldPath<'a> {
        FieldPath {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// [`key`](FieldPath::key) for the derive: `plain` says, computed at compile time by
    /// [`is_token`], that `key` needs no escaping, so that its pointer is built without
    /// looking for any.
    #[doc(hidden)]
    #[inline]
    #[must_use]
    pub const fn __key(&'a self, key: &'a str, plain: bool) -> FieldPath<'a> {
        FieldPath {
            parent: Some(self),
            segment: if plain {
                Segment::Token(key)
            } else {
                Segment::Key(key)
            },
        }
    }

    /// The element `index` of the array at `self`.
    #[inline]
    #[must_use]
    pub const fn index(&'a self, index: usize) -> FieldPath<'a> {
        FieldPath {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The enclosing location, `None` at the root.
    pub(crate) const fn parent(&self) -> Option<&'a FieldPath<'a>> {
        self.parent
    }

    /// Whether this is the whole document.
    pub(crate) const fn is_root(&self) -> bool {
        matches!(self.segment, Segment::Root)
    }

    /// The property name, if this location is one.
    pub(crate) const fn key_segment(&self) -> Option<&'a str> {
        match self.segment {
            Segment::Key(key) | Segment::Token(key) => Some(key),
            _ => None,
        }
    }

    /// The array index, if this location is one.
    pub(crate) const fn index_segment(&self) -> Option<usize> {
        match self.segment {
            Segment::Index(index) => Some(index),
            _ => None,
        }
    }

    /// The RFC 6901 JSON Pointer of this location: `/ci/access_key`, `/mirrors/1/url`, with `~`
    /// written `~0` and `/` written `~1` inside a key.
    pub fn to_pointer(&self) -> String {
        let mut pointer = String::with_capacity(self.pointer_len());
        self.push_pointer(&mut pointer);
        pointer
    }

    /// [`to_pointer`](FieldPath::to_pointer) for a finding: a pointer of up to 23 bytes (most
    /// are) inline, with no allocation, written from its end as the chain is walked up.
    pub(crate) fn pointer(&self) -> SmolStr {
        const INLINE: usize = 23;
        let mut len = 0;
        let mut at = Some(self);
        while let Some(path) = at {
            len += match path.segment {
                Segment::Root => 0,
                Segment::Token(token) => 1 + token.len(),
                Segment::Key(key) if is_token(key) => 1 + key.len(),
                Segment::Index(index) => 1 + decimal_len(index),
                // One to escape: built as a `String`.
                Segment::Key(_) => INLINE + 1,
            };
            at = path.parent;
        }
        if len > INLINE {
            return SmolStr::from(self.to_pointer());
        }
        let mut bytes = [0; INLINE];
        let mut end = len;
        let mut at = Some(self);
        while let Some(path) = at {
            match path.segment {
                Segment::Root => {}
                Segment::Token(token) | Segment::Key(token) => {
                    bytes[end - token.len()..end].copy_from_slice(token.as_bytes());
                    end -= token.len() + 1;
                    bytes[end] = b'/';
                }
                Segment::Index(mut index) => {
                    loop {
                        end -= 1;
                        bytes[end] = b"0123456789"[index % 10];
                        index /= 10;
                        if index == 0 {
                            break;
                        }
                    }
                    end -= 1;
                    bytes[end] = b'/';
                }
            }
            at = path.parent;
        }
        debug_assert_eq!(end, 0, "the pointer's length");
        // Whole tokens (`str`s) and ASCII between them.
        SmolStr::new(core::str::from_utf8(&bytes[..len]).expect("UTF-8"))
    }

    /// The length of the pointer before escaping: enough for the common case in one
    /// allocation.
    fn pointer_len(&self) -> usize {
        let own = match self.segment {
            Segment::Root => 0,
            Segment::Key(key) | Segment::Token(key) => 1 + key.len(),
            Segment::Index(_) => 4,
        };
        own + self.parent.map_or(0, FieldPath::pointer_len)
    }

    fn push_pointer(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.push_pointer(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Key(key) => {
                out.push('/');
                push_token(key, out);
            }
            Segment::Token(token) => {
                out.push('/');
                out.push_str(token);
            }
            Segment::Index(index) => {
                out.push('/');
                // Writing an integer to a String cannot fail.
                let _ = fmt::Write::write_fmt(out, format_args!("{index}"));
            }
        }
    }
}

/// The digits of `n` in decimal.
fn decimal_len(mut n: usize) -> usize {
    let mut len = 1;
    while n >= 10 {
        n /= 10;
        len += 1;
    }
    len
}

/// Whether `key` is its own reference token: it has no `~` or `/` to escape.
#[doc(hidden)]
pub const fn is_token(key: &str) -> bool {
    let bytes = key.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'~' || bytes[i] == b'/' {
            return false;
        }
        i += 1;
    }
    true
}

/// Appends one reference token escaped as RFC 6901 §3 requires: `~` as `~0`, `/` as `~1`.
pub(crate) fn push_token(token: &str, out: &mut String) {
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        for c in token.chars() {
            match c {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                c => out.push(c),
            }
        }
    } else {
        out.push_str(token);
    }
}

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_pointer())
    }
}

#[cfg(test)]
mod tests {
    use super::FieldPath;

    /// A `~` or `/` anywhere in a key is escaped; no other byte is (those next to them in
    /// value, and UTF-8, included).
    #[test]
    fn tokens_are_escaped_wherever_their_tilde_or_slash_is() {
        let mut rng = fastrand::Rng::with_seed(3);
        let pieces = ["~", "/", ".", "0", "}", "\u{7f}", "é", "ab", "\u{7e}"];
        for _ in 0..5_000 {
            let key: String = (0..rng.usize(0..20))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            let mut out = String::new();
            super::push_token(&key, &mut out);
            assert_eq!(out, key.replace('~', "~0").replace('/', "~1"), "{key:?}");
        }
    }

    /// A finding's pointer (inline when short) is the RFC 6901 pointer, whatever its
    /// segments: keys to escape or not, given as the derive gives them or not, indices of
    /// any number of digits, and lengths on both sides of what fits inline.
    #[test]
    fn findings_pointers_are_the_pointers() {
        enum Step {
            Key(String),
            Derived(String),
            Index(usize),
        }
        /// Extends `path` by `steps`, then compares at the end.
        fn check(path: &FieldPath<'_>, steps: &[Step], expected: &str) {
            let Some((step, rest)) = steps.split_first() else {
                assert_eq!(path.pointer().as_str(), expected);
                assert_eq!(path.to_pointer(), expected);
                return;
            };
            match step {
                Step::Key(key) => check(&path.key(key), rest, expected),
                Step::Derived(key) => check(&path.__key(key, super::is_token(key)), rest, expected),
                Step::Index(index) => check(&path.index(*index), rest, expected),
            }
        }
        let mut rng = fastrand::Rng::with_seed(5);
        let pieces = ["a", "é", "~", "/", "0", "key_name", "x"];
        let indices = [0, 7, 9, 10, 99, 100, 12_345, usize::MAX];
        let mut lengths = [0usize; 2];
        for _ in 0..5_000 {
            let steps: Vec<Step> = (0..rng.usize(0..6))
                .map(|_| {
                    let key: String = (0..rng.usize(0..4))
                        .map(|_| pieces[rng.usize(..pieces.len())])
                        .collect();
                    match rng.u8(..3) {
                        0 => Step::Key(key),
                        1 => Step::Derived(key),
                        _ => Step::Index(indices[rng.usize(..indices.len())]),
                    }
                })
                .collect();
            let expected: String = steps
                .iter()
                .map(|step| match step {
                    Step::Key(key) | Step::Derived(key) => {
                        format!("/{}", key.replace('~', "~0").replace('/', "~1"))
                    }
                    Step::Index(index) => format!("/{index}"),
                })
                .collect();
            lengths[usize::from(expected.len() > 23)] += 1;
            check(&FieldPath::ROOT, &steps, &expected);
        }
        assert!(lengths.iter().all(|&n| n > 500), "{lengths:?}");
    }

    #[test]
    fn root_is_the_empty_pointer() {
        assert_eq!(FieldPath::ROOT.to_pointer(), "");
    }

    #[test]
    fn keys_and_indexes_are_joined_with_slashes() {
        let root = FieldPath::ROOT;
        let mirrors = root.key("mirrors");
        let second = mirrors.index(1);
        assert_eq!(second.key("url").to_pointer(), "/mirrors/1/url");
    }

    #[test]
    fn tilde_and_slash_are_escaped_per_rfc_6901() {
        let root = FieldPath::ROOT;
        assert_eq!(root.key("a/b~c").to_pointer(), "/a~1b~0c");
        assert_eq!(root.key("~1").to_pointer(), "/~01");
        assert_eq!(root.key("").to_pointer(), "/");
    }
}
