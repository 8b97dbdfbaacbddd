//! Where a value sits in the document, built on the stack while validating.

use core::fmt;

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
            Segment::Key(key) => Some(key),
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

    /// The length of the pointer before escaping: enough for the common case in one
    /// allocation.
    fn pointer_len(&self) -> usize {
        let own = match self.segment {
            Segment::Root => 0,
            Segment::Key(key) => 1 + key.len(),
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
            Segment::Index(index) => {
                out.push('/');
                // Writing an integer to a String cannot fail.
                let _ = fmt::Write::write_fmt(out, format_args!("{index}"));
            }
        }
    }
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
