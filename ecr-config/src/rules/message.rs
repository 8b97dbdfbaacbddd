//! A finding's message as a short list of pieces, built by `const fn`s. The runtime writes
//! the pieces to a formatter ([`ValidationError`](crate::ValidationError)'s `Display`), the
//! compile-time checker into its report: each message is worded once, by the rule that finds
//! it, and the two cannot drift.

use core::fmt;

/// A number in a message: the runtime has the value, the compile-time checker its text as the
/// runtime prints it (a `const fn` cannot print a float).
#[derive(Debug, Clone, Copy)]
pub enum Num<'a> {
    /// An integer, printed exactly.
    Int(i128),
    /// A float, printed as Rust's `Display` does (run time only).
    Float(f64),
    /// A number already printed.
    Text(&'a str),
}

impl From<crate::Number> for Num<'_> {
    #[inline]
    fn from(number: crate::Number) -> Self {
        match number {
            crate::Number::Int(n) => Num::Int(n),
            crate::Number::Float(x) => Num::Float(x),
        }
    }
}

/// One piece of a message.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    /// Text, as is.
    Str(&'a str),
    /// A count.
    Count(usize),
    /// A number.
    Num(Num<'a>),
    /// Values joined with `, `.
    List(&'a [&'a str]),
}

/// The most pieces a message has.
const MAX_PIECES: usize = 10;

/// A message: at most ten pieces, in order.
#[must_use]
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pieces: [Piece<'a>; MAX_PIECES],
    len: usize,
    /// A rule's `message = "…"`, which nothing is added to (a key's finding says `key `
    /// before the rule's own words only).
    custom: bool,
}

impl<'a> Message<'a> {
    /// No pieces yet.
    #[inline]
    pub const fn new() -> Self {
        Message {
            pieces: [Piece::Str(""); MAX_PIECES],
            len: 0,
            custom: false,
        }
    }

    #[inline]
    const fn with(mut self, piece: Piece<'a>) -> Self {
        // The messages are fixed by the rules' code: one with too many pieces is a bug, and
        // the test of every message finds it.
        assert!(self.len < MAX_PIECES, "a message of more than 10 pieces");
        self.pieces[self.len] = piece;
        self.len += 1;
        self
    }

    /// Appends text.
    #[inline]
    pub const fn str(self, text: &'a str) -> Self {
        self.with(Piece::Str(text))
    }

    /// Appends a count.
    #[inline]
    pub const fn count(self, n: usize) -> Self {
        self.with(Piece::Count(n))
    }

    /// Appends a number.
    #[inline]
    pub const fn num(self, n: Num<'a>) -> Self {
        self.with(Piece::Num(n))
    }

    /// Appends values joined with `, `.
    #[inline]
    pub const fn list(self, values: &'a [&'a str]) -> Self {
        self.with(Piece::List(values))
    }

    /// `; did you mean "SUGGESTION"?`, when there is one.
    #[inline]
    pub const fn did_you_mean(self, suggestion: Option<&'a str>) -> Self {
        match suggestion {
            Some(suggestion) => self.str("; did you mean \"").str(suggestion).str("\"?"),
            None => self,
        }
    }

    /// `custom` in place of this message, when a rule declares one (`message = "…"`).
    #[inline]
    pub const fn unless(self, custom: Option<&'a str>) -> Self {
        match custom {
            Some(custom) => {
                let mut message = Message::new().str(custom);
                message.custom = true;
                message
            }
            None => self,
        }
    }

    /// `key ` and this message: the finding of a map's key (`#[keys]`); a rule's own
    /// `message = "…"` as it is.
    #[inline]
    pub const fn of_key(self) -> Self {
        if self.custom {
            return self;
        }
        let mut out = Message::new().str("key ");
        let mut i = 0;
        while i < self.len {
            out = out.with(self.pieces[i]);
            i += 1;
        }
        out
    }

    /// The pieces, in order.
    #[inline]
    pub const fn pieces(&self) -> &[Piece<'a>] {
        let (pieces, _) = self.pieces.split_at(self.len);
        pieces
    }
}

impl Default for Message<'_> {
    fn default() -> Self {
        Message::new()
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for piece in self.pieces() {
            match *piece {
                Piece::Str(text) | Piece::Num(Num::Text(text)) => f.write_str(text)?,
                Piece::Count(n) => write!(f, "{n}")?,
                Piece::Num(Num::Int(n)) => write!(f, "{n}")?,
                Piece::Num(Num::Float(x)) => write!(f, "{x}")?,
                Piece::List(values) => {
                    for (i, value) in values.iter().enumerate() {
                        if i > 0 {
                            f.write_str(", ")?;
                        }
                        f.write_str(value)?;
                    }
                }
            }
        }
        Ok(())
    }
}

// The findings that are no rule's: the type, the properties, the enum's values.

/// `expected EXPECTED, found FOUND (type)`.
#[inline]
pub const fn wrong_type<'a>(expected: &'a str, found: &'a str) -> Message<'a> {
    Message::new()
        .str("expected ")
        .str(expected)
        .str(", found ")
        .str(found)
}

/// `required property is missing (required)`.
#[inline]
pub const fn required() -> Message<'static> {
    Message::new().str("required property is missing")
}

/// `unknown property "P"; did you mean "Q"? (additionalProperties)`.
#[inline]
pub const fn unknown_property<'a>(property: &'a str, suggestion: Option<&'a str>) -> Message<'a> {
    Message::new()
        .str("unknown property \"")
        .str(property)
        .str("\"")
        .did_you_mean(suggestion)
}

/// `property "P" is given more than once (duplicateKey)`.
#[inline]
pub const fn duplicate_key(property: &str) -> Message<'_> {
    Message::new()
        .str("property \"")
        .str(property)
        .str("\" is given more than once")
}

/// `must be one of: A, B; did you mean "A"? (enum)`.
#[inline]
pub const fn one_of<'a>(allowed: &'a [&'a str], suggestion: Option<&'a str>) -> Message<'a> {
    Message::new()
        .str("must be one of: ")
        .list(allowed)
        .did_you_mean(suggestion)
}
