//! Rewrites a `regex-syntax` AST so that translating it with Unicode mode on yields
//! ECMA-262 semantics: `\d`, `\w` and `\b` are ASCII-only there, `\s` is its own
//! `WhiteSpace` + `LineTerminator` set, and `.` excludes all four line terminators.

use regex_syntax::ast::{
    AssertionKind, Ast, ClassBracketed, ClassPerl, ClassPerlKind, ClassSet, ClassSetItem,
    ClassSetRange, ClassSetUnion, Flag, Flags, FlagsItem, FlagsItemKind, Group, GroupKind, Literal,
    LiteralKind, Span,
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

/// Rewrites `ast` in place.
pub(crate) fn rewrite(ast: &mut Ast) -> Result<Facts, Rejected> {
    let mut facts = Facts::default();
    visit(ast, &mut facts)?;
    Ok(facts)
}

// Recursion depth is bounded by the parser's nest limit, so no explicit stack is needed.
fn visit(ast: &mut Ast, facts: &mut Facts) -> Result<(), Rejected> {
    match ast {
        Ast::Empty(_) | Ast::Literal(_) => {}
        Ast::ClassUnicode(class) => {
            facts.unicode_class.get_or_insert(class.span);
        }
        Ast::Flags(set) => return Err(flags_rejected(&set.flags)),
        Ast::Dot(span) => *ast = Ast::class_bracketed(class(**span, true, LINE_TERMINATORS)),
        Ast::ClassPerl(perl) => *ast = Ast::class_bracketed(perl_class(perl)),
        Ast::ClassBracketed(bracketed) => visit_set(&mut bracketed.kind, facts),
        Ast::Assertion(assertion) => {
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

fn visit_set(set: &mut ClassSet, facts: &mut Facts) {
    match set {
        ClassSet::Item(item) => visit_item(item, facts),
        ClassSet::BinaryOp(op) => {
            visit_set(&mut op.lhs, facts);
            visit_set(&mut op.rhs, facts);
        }
    }
}

fn visit_item(item: &mut ClassSetItem, facts: &mut Facts) {
    match item {
        // A nested class keeps `[^\d]` and `[a\D]` correct without set arithmetic here.
        ClassSetItem::Perl(perl) => *item = ClassSetItem::Bracketed(Box::new(perl_class(perl))),
        ClassSetItem::Bracketed(bracketed) => visit_set(&mut bracketed.kind, facts),
        ClassSetItem::Union(union) => {
            for item in &mut union.items {
                visit_item(item, facts);
            }
        }
        ClassSetItem::Unicode(class) => {
            facts.unicode_class.get_or_insert(class.span);
        }
        ClassSetItem::Empty(_)
        | ClassSetItem::Literal(_)
        | ClassSetItem::Range(_)
        | ClassSetItem::Ascii(_) => {}
    }
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
                  ECMA-262 regexes, which have none"
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
