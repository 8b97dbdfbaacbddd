//! The document: a JSON value known at compile time, each value and key with where it starts.

/// A JSON value known at compile time, with where it starts in its file.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// 1-based line of the value's first character.
    pub line: u32,
    /// 1-based column of that character, in characters.
    pub column: u32,
    /// The value.
    pub value: Json,
}

/// The value of a [`Node`].
#[derive(Debug, Clone, Copy)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(JsonNumber),
    /// A string, escapes decoded.
    Str(&'static str),
    /// An array.
    Array(&'static [Node]),
    /// An object; keys are unique (the macro reports duplicates itself and keeps the first).
    Object(&'static [Member]),
    /// In a Rust literal, a path (`Region::UsEast1`): its last segment. A variant where an
    /// enum is expected; anywhere else a name whose value only the compiler knows.
    Path(&'static str),
}

/// A property of an object.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    /// The key, escapes decoded.
    pub key: &'static str,
    /// 1-based line of the key's opening quote.
    pub line: u32,
    /// 1-based column of that quote, in characters.
    pub column: u32,
    /// The value.
    pub value: Node,
}

/// A JSON number, read at expansion time the way the runtime reads it.
#[derive(Debug, Clone, Copy)]
pub struct JsonNumber {
    /// The number as written.
    pub text: &'static str,
    /// `text` as an `i128`, if it is one (`1.0` and `1e2` are not).
    pub int: Option<i128>,
    /// How the runtime prints `text` read as an `f64` (`1e2` prints `100`).
    pub float: &'static str,
    /// `text` read as an `f64`.
    pub float_value: f64,
}
