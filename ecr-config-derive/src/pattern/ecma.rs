//! The ECMA-262 dialect on top of `regex-syntax`: [`translate`] spells the pattern's
//! ECMA-only syntax in `regex-syntax`'s (`\cX`, surrogate pairs, `[]`, `[^]`), then
//! [`rewrite`] refuses the AST's Rust-only syntax, each with what ECMA-262 makes of it, and
//! rewrites the rest so that translating it with Unicode mode on yields ECMA-262 semantics:
//! `\d`, `\w` and `\b` are ASCII-only there, `\s` is its own `WhiteSpace` +
//! `LineTerminator` set, and `.` excludes all four line terminators.

use regex_syntax::ast::{
    AssertionKind, Ast, ClassBracketed, ClassPerl, ClassPerlKind, ClassSet, ClassSetItem,
    ClassSetRange, ClassSetUnion, ClassUnicodeKind, ClassUnicodeOpKind, Flag, Flags, FlagsItem,
    FlagsItemKind, Group, GroupKind, HexLiteralKind, Literal, LiteralKind, Position, Span,
    SpecialLiteralKind,
};

/// Why a pattern that `regex-syntax` accepts is still refused.
#[derive(Debug)]
pub(crate) struct Rejected {
    pub(crate) message: String,
    pub(crate) span: Span,
}

/// What the rewrite learned that later stages need.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// An assertion that can hold between two bytes of one code point (`\B` and the half
    /// boundaries: both neighbours are non-word bytes there). The search prefix must then
    /// step over whole code points, or `\B` would match inside `é` of "aéb".
    pub(crate) mid_code_point_assertion: bool,
    /// The first Unicode property class (`\p{Greek}`, `\PL`), which needs regex-syntax's
    /// tables: the derive's `unicode` feature.
    pub(crate) unicode_class: Option<Span>,
}

const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
const SPACE: &[(char, char)] = &[
    ('\t', '\r'), // \t \n \v \f \r
    (' ', ' '),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];
const LINE_TERMINATORS: &[(char, char)] = &[('\n', '\n'), ('\r', '\r'), ('\u{2028}', '\u{2029}')];

/// A pattern with its ECMA-only syntax spelt as `regex-syntax` reads it, and where each
/// change is, to report positions in the pattern as written.
pub(crate) struct Translated {
    pub(crate) text: String,
    /// `(offset in text, offset in the pattern)` at the end of each change, in order.
    shifts: Vec<(usize, usize)>,
}

impl Translated {
    /// `span` of the translated text as a span of the pattern as written.
    pub(crate) fn original(&self, pattern: &str, span: &Span) -> Span {
        Span::new(
            self.position(pattern, span.start.offset),
            self.position(pattern, span.end.offset),
        )
    }

    fn position(&self, pattern: &str, offset: usize) -> Position {
        let mut original = offset;
        for &(text, written) in &self.shifts {
            if text <= offset {
                original = offset - text + written;
            }
        }
        // Inside a change, the change's end.
        let original = original.min(pattern.len());
        let original = (0..=original)
            .rev()
            .find(|&at| pattern.is_char_boundary(at))
            .unwrap_or(0);
        let before = &pattern[..original];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Position::new(original, line, column)
    }
}

/// The pattern with ECMA-262's own syntax in `regex-syntax`'s: `\cA` is `\x01`, a surrogate
/// pair `\uD83D\uDE00` is `\u{1F600}`, `[]` (no character) is `[^\x00-\u{10FFFF}]`,
/// `[^]` (any character) is `[\x00-\u{10FFFF}]`, and in a class `[` is `\[` and `\b` (a
/// backspace) `\x08`.
pub(crate) fn translate(pattern: &str) -> Result<Translated, Rejected> {
    let bytes = pattern.as_bytes();
    let mut text = String::with_capacity(pattern.len());
    let mut shifts = Vec::new();
    let mut in_class = false;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, width) = match bytes[i] {
            b'\\' => match bytes.get(i + 1) {
                Some(b'c') => match bytes.get(i + 2) {
                    Some(letter) if letter.is_ascii_alphabetic() => {
                        (Some(format!("\\x{:02X}", letter % 32)), 3)
                    }
                    _ => {
                        return Err(rejected(
                            pattern,
                            i,
                            2,
                            "`\\c` must be followed by a letter: ECMA-262's control escapes are `\\cA` to `\\cZ` (`\\cJ` is a line feed)",
                        ));
                    }
                },
                Some(b'u') => match surrogate(bytes, i) {
                    Some(high @ 0xD800..=0xDBFF) => match surrogate(bytes, i + 6) {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                            (Some(format!("\\u{{{c:X}}}")), 12)
                        }
                        _ => return Err(lone_surrogate(pattern, i)),
                    },
                    Some(0xDC00..=0xDFFF) => return Err(lone_surrogate(pattern, i)),
                    _ => (None, 2),
                },
                // In a class, ECMA-262's `\b` is a backspace.
                Some(b'b') if in_class => (Some(r"\x08".to_owned()), 2),
                // An escape is copied whole, so `\[` opens no class.
                Some(_) => (None, 1 + char_width(pattern, i + 1)),
                None => (None, 1),
            },
            b'[' if !in_class => {
                in_class = true;
                if bytes.get(i + 1) == Some(&b']') {
                    in_class = false;
                    (Some("[^\\x00-\\u{10FFFF}]".to_owned()), 2)
                } else if bytes[i + 1..].starts_with(b"^]") {
                    in_class = false;
                    (Some("[\\x00-\\u{10FFFF}]".to_owned()), 3)
                } else {
                    (None, 1)
                }
            }
            b']' if in_class => {
                in_class = false;
                (None, 1)
            }
            // In a class ECMA-262 reads `[` as a character, where `regex-syntax` would open a
            // nested class; `[:` is left to be refused as a POSIX class.
            b'[' if bytes.get(i + 1) != Some(&b':') => (Some(r"\[".to_owned()), 1),
            _ => (None, char_width(pattern, i)),
        };
        let width = width.min(bytes.len() - i);
        match replacement {
            Some(replacement) => {
                text.push_str(&replacement);
                shifts.push((text.len(), i + width));
            }
            None => text.push_str(&pattern[i..i + width]),
        }
        i += width;
    }
    Ok(Translated { text, shifts })
}

/// The length in bytes of the character at `at` (a char boundary).
fn char_width(pattern: &str, at: usize) -> usize {
    pattern[at..].chars().next().map_or(1, char::len_utf8)
}

/// The value of `\uXXXX` at `at`, if there is one.
fn surrogate(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

fn lone_surrogate(pattern: &str, at: usize) -> Rejected {
    rejected(
        pattern,
        at,
        6,
        "a lone surrogate matches no string: a JSON string holds whole characters; write the pair (`\\uD83D\\uDE00`), `\\u{1F600}` or the character itself",
    )
}

fn rejected(pattern: &str, at: usize, width: usize, message: &str) -> Rejected {
    let end = (at + width).min(pattern.len());
    let whole = Translated {
        text: String::new(),
        shifts: Vec::new(),
    };
    Rejected {
        message: message.to_owned(),
        span: Span::new(whole.position(pattern, at), whole.position(pattern, end)),
    }
}

/// Rewrites `ast` in place.
pub(crate) fn rewrite(ast: &mut Ast) -> Result<Facts, Rejected> {
    let mut facts = Facts::default();
    visit(ast, &mut facts)?;
    Ok(facts)
}

// Recursion depth is bounded by the parser's nest limit, so no explicit stack is needed.
fn visit(ast: &mut Ast, facts: &mut Facts) -> Result<(), Rejected> {
    match ast {
        Ast::Empty(_) => {}
        Ast::Literal(literal) => check_literal(literal)?,
        Ast::ClassUnicode(class) => {
            check_property(class)?;
            facts.unicode_class.get_or_insert(class.span);
        }
        Ast::Flags(set) => return Err(flags_rejected(&set.flags)),
        Ast::Dot(span) => *ast = Ast::class_bracketed(class(**span, true, LINE_TERMINATORS)),
        Ast::ClassPerl(perl) => *ast = Ast::class_bracketed(perl_class(perl)),
        Ast::ClassBracketed(bracketed) => visit_set(&mut bracketed.kind, facts)?,
        Ast::Assertion(assertion) => {
            if let Some(message) = rust_only_assertion(&assertion.kind) {
                return Err(Rejected {
                    message: message.to_owned(),
                    span: assertion.span,
                });
            }
            if let Some(mid) = word_boundary(&assertion.kind) {
                facts.mid_code_point_assertion |= mid;
                let span = assertion.span;
                let inner = std::mem::replace(ast, Ast::empty(span));
                *ast = ascii_only(span, inner);
            }
        }
        Ast::Repetition(repetition) => visit(&mut repetition.ast, facts)?,
        Ast::Group(group) => {
            if let GroupKind::NonCapturing(flags) = &group.kind
                && !flags.items.is_empty()
            {
                return Err(flags_rejected(flags));
            }
            if let GroupKind::CaptureName {
                starts_with_p: true,
                name,
            } = &group.kind
            {
                return Err(Rejected {
                    message: "`(?P<name>…)` is Rust's spelling: ECMA-262 has no `(?P`; write `(?<name>…)`".to_owned(),
                    span: name.span,
                });
            }
            visit(&mut group.ast, facts)?;
        }
        Ast::Alternation(alternation) => {
            for ast in &mut alternation.asts {
                visit(ast, facts)?;
            }
        }
        Ast::Concat(concat) => {
            for ast in &mut concat.asts {
                visit(ast, facts)?;
            }
        }
    }
    Ok(())
}

fn visit_set(set: &mut ClassSet, facts: &mut Facts) -> Result<(), Rejected> {
    match set {
        ClassSet::Item(item) => visit_item(item, facts),
        ClassSet::BinaryOp(op) => Err(Rejected {
            message: format!(
                "`{}` in a class is Rust's set operation: ECMA-262 reads it as two `{}` characters; \
                 write the class out (`[a-z&&[^aeiou]]` as `[b-df-hj-np-tv-z]`)",
                match op.kind {
                    regex_syntax::ast::ClassSetBinaryOpKind::Intersection => "&&",
                    regex_syntax::ast::ClassSetBinaryOpKind::Difference => "--",
                    regex_syntax::ast::ClassSetBinaryOpKind::SymmetricDifference => "~~",
                },
                match op.kind {
                    regex_syntax::ast::ClassSetBinaryOpKind::Intersection => "&",
                    regex_syntax::ast::ClassSetBinaryOpKind::Difference => "-",
                    regex_syntax::ast::ClassSetBinaryOpKind::SymmetricDifference => "~",
                },
            ),
            span: op.span,
        }),
    }
}

fn visit_item(item: &mut ClassSetItem, facts: &mut Facts) -> Result<(), Rejected> {
    match item {
        // A nested class keeps `[^\d]` and `[a\D]` correct without set arithmetic here.
        ClassSetItem::Perl(perl) => *item = ClassSetItem::Bracketed(Box::new(perl_class(perl))),
        ClassSetItem::Bracketed(bracketed) => {
            return Err(Rejected {
                message: "a class inside a class is Rust's union: ECMA-262 reads `[a[bc]]` as the \
                          class `[a[bc]` and then `]`; put the characters in one class (`[abc]`)"
                    .to_owned(),
                span: bracketed.span,
            });
        }
        ClassSetItem::Union(union) => {
            for item in &mut union.items {
                visit_item(item, facts)?;
            }
        }
        ClassSetItem::Unicode(class) => {
            check_property(class)?;
            facts.unicode_class.get_or_insert(class.span);
        }
        ClassSetItem::Ascii(ascii) => {
            return Err(Rejected {
                message: "`[:name:]` is a POSIX class, which ECMA-262 does not have: it reads \
                          `[[:alpha:]]` as a class of `[`, `:`, `a`, `l`, `p`, `h` and then `]`; \
                          write the characters (`[A-Za-z]`) or a property (`\\p{L}`)"
                    .to_owned(),
                span: ascii.span,
            });
        }
        ClassSetItem::Literal(literal) => check_literal(literal)?,
        ClassSetItem::Range(range) => {
            check_literal(&range.start)?;
            check_literal(&range.end)?;
        }
        ClassSetItem::Empty(_) => {}
    }
    Ok(())
}

/// A literal written in a way only Rust's syntax has.
fn check_literal(literal: &Literal) -> Result<(), Rejected> {
    let message = match literal.kind {
        LiteralKind::HexBrace(HexLiteralKind::X) => {
            "`\\x{…}` is Rust's spelling: ECMA-262's `\\x` takes exactly two hex digits (`\\x41`); write `\\u{…}` for more"
        }
        LiteralKind::HexFixed(HexLiteralKind::UnicodeLong)
        | LiteralKind::HexBrace(HexLiteralKind::UnicodeLong) => {
            "`\\U` is Rust's spelling: ECMA-262 writes `\\u{1F600}` (or the pair `\\uD83D\\uDE00`)"
        }
        LiteralKind::Special(SpecialLiteralKind::Bell) => {
            "`\\a` (bell) is Rust's escape: ECMA-262 has none; write `\\x07`"
        }
        _ => return Ok(()),
    };
    Err(Rejected {
        message: message.to_owned(),
        span: literal.span,
    })
}

/// A property class written in a way only Rust's syntax has.
fn check_property(class: &regex_syntax::ast::ClassUnicode) -> Result<(), Rejected> {
    let message = match &class.kind {
        ClassUnicodeKind::OneLetter(letter) => {
            format!("`\\p{letter}` is Rust's short form: ECMA-262 needs braces, `\\p{{{letter}}}`")
        }
        ClassUnicodeKind::NamedValue {
            op: ClassUnicodeOpKind::Colon | ClassUnicodeOpKind::NotEqual,
            ..
        } => "ECMA-262 writes a property's value after `=` only (`\\p{Script=Greek}`); for \
              \"not\", use `\\P{…}`"
            .to_owned(),
        _ => return Ok(()),
    };
    Err(Rejected {
        message,
        span: class.span,
    })
}

/// Assertions only Rust's syntax has, and what ECMA-262 says instead.
fn rust_only_assertion(kind: &AssertionKind) -> Option<&'static str> {
    Some(match kind {
        AssertionKind::StartText => {
            "`\\A` is Rust's start of text: ECMA-262 has no `\\A` (it reads it as `A`); write `^`"
        }
        AssertionKind::EndText => {
            "`\\z` is Rust's end of text: ECMA-262 has no `\\z` (it reads it as `z`); write `$`, which in a JSON Schema pattern matches only at the very end"
        }
        AssertionKind::WordBoundaryStart
        | AssertionKind::WordBoundaryEnd
        | AssertionKind::WordBoundaryStartAngle
        | AssertionKind::WordBoundaryEndAngle
        | AssertionKind::WordBoundaryStartHalf
        | AssertionKind::WordBoundaryEndHalf => {
            "this word boundary is Rust's: ECMA-262 has only `\\b` and `\\B`"
        }
        _ => return None,
    })
}

/// `Some(can hold inside a code point)` for word-boundary assertions, `None` otherwise.
fn word_boundary(kind: &AssertionKind) -> Option<bool> {
    match kind {
        AssertionKind::NotWordBoundary
        | AssertionKind::WordBoundaryStartHalf
        | AssertionKind::WordBoundaryEndHalf => Some(true),
        AssertionKind::WordBoundary
        | AssertionKind::WordBoundaryStart
        | AssertionKind::WordBoundaryEnd
        | AssertionKind::WordBoundaryStartAngle
        | AssertionKind::WordBoundaryEndAngle => Some(false),
        AssertionKind::StartLine
        | AssertionKind::EndLine
        | AssertionKind::StartText
        | AssertionKind::EndText => None,
    }
}

fn flags_rejected(flags: &Flags) -> Rejected {
    Rejected {
        message: "inline flags like `(?i)` are not supported: JSON Schema patterns are \
                  ECMA-262 regexes, which have none (`(?i)` is a syntax error there); spell \
                  the cases out, as in `[Aa]`"
            .to_owned(),
        span: flags.span,
    }
}

/// `(?-u:inner)`: the Unicode flag off makes word boundaries ASCII, as in ECMA-262, and also
/// keeps the DFA free of the quit bytes Unicode word boundaries would need.
fn ascii_only(span: Span, inner: Ast) -> Ast {
    let items = vec![
        FlagsItem {
            span,
            kind: FlagsItemKind::Negation,
        },
        FlagsItem {
            span,
            kind: FlagsItemKind::Flag(Flag::Unicode),
        },
    ];
    Ast::group(Group {
        span,
        kind: GroupKind::NonCapturing(Flags { span, items }),
        ast: Box::new(inner),
    })
}

fn perl_class(perl: &ClassPerl) -> ClassBracketed {
    let ranges = match perl.kind {
        ClassPerlKind::Digit => DIGIT,
        ClassPerlKind::Word => WORD,
        ClassPerlKind::Space => SPACE,
    };
    class(perl.span, perl.negated, ranges)
}

fn class(span: Span, negated: bool, ranges: &[(char, char)]) -> ClassBracketed {
    let literal = |c| Literal {
        span,
        kind: LiteralKind::Verbatim,
        c,
    };
    let items = ranges
        .iter()
        .map(|&(start, end)| {
            ClassSetItem::Range(ClassSetRange {
                span,
                start: literal(start),
                end: literal(end),
            })
        })
        .collect();
    ClassBracketed {
        span,
        negated,
        kind: ClassSet::Item(ClassSetItem::Union(ClassSetUnion { span, items })),
    }
}
