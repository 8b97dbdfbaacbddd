//! Checking a config known at compile time: a JSON document embedded by `include_config!`
//! (or a literal written in Rust) against a type's declarations, in `const` evaluation, so a
//! config that breaks a constraint fails `cargo build`.
//!
//! `const fn`s cannot call through `fn` pointers, so [`Shape`](crate::Shape) (which reaches
//! nested shapes and compiled matchers through them) is not usable here. The derive emits the
//! same declarations a second time as plain data, [`ConstShape`], with each pattern's DFA as
//! tables; the checker below walks that data exactly as the runtime checker walks a parsed
//! document (`parse/check.rs`), and writes each finding as the runtime prints it:
//! `LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`. A test runs both on the same documents and
//! compares the text.
//!
//! Types that contain themselves (`struct Tree { children: Vec<Tree> }`) have no
//! [`ConstShape`]: as data it would be infinite. Using one at compile time is a
//! "cycle detected" error.
//!
//! Every function here is `#[inline]`: they run in `const` evaluation, never at run time (tests
//! aside), and an inline function is compiled only where it is called at run time, so none of
//! them is compiled into this crate, which every user builds.

mod check;
mod document;
mod report;
mod shape;

pub use check::check;
pub use document::{Json, JsonNumber, Member, Node};
use report::MAX_FINDINGS;
pub(crate) use report::OUT_OF_RANGE;
pub use report::{Names, Report};
pub use shape::{
    ConstEnum, ConstField, ConstNumber, ConstRule, ConstShape, ConstStruct, NotPromoted, shape_of,
};

/// The compile error for `node`, if it breaks `shape`: `source` as a header line, then every
/// finding; empty when `node` is valid. The macros panic with it in a `const` block of their
/// own, so rustc points at the macro call.
#[inline]
pub const fn verdict(
    shape: &ConstShape,
    node: &Node,
    source: &'static str,
    prefix: &'static str,
    names: Names,
) -> Report {
    let mut report = Report::new(prefix, names);
    check(shape, node, &mut report);
    let mut message = Report::new("", names);
    if report.is_empty() {
        return message;
    }
    message.written = 1;
    message.push_str(source);
    message.push_str(if report.count() == 1 {
        " breaks a constraint:\n"
    } else {
        " breaks constraints:\n"
    });
    // In document order, as the runtime lists them; among equal positions, as found.
    let mut order = [0usize; MAX_FINDINGS];
    let mut i = 0;
    while i < report.written {
        let mut j = i;
        while j > 0 && before(report.positions[i], report.positions[order[j - 1]]) {
            order[j] = order[j - 1];
            j -= 1;
        }
        order[j] = i;
        i += 1;
    }
    let text = report.as_str().as_bytes();
    let mut k = 0;
    while k < report.written {
        let index = order[k];
        let start = report.starts[index] as usize;
        let end = if index + 1 < report.written {
            report.starts[index + 1] as usize - 1
        } else {
            text.len()
        };
        let (head, _) = text.split_at(end);
        let (_, finding) = head.split_at(start);
        if k > 0 {
            message.push_str("\n");
        }
        message.push_bytes(finding);
        k += 1;
    }
    if report.omitted() > 0 {
        message.push_str("\n… and ");
        message.push_usize(report.omitted());
        message.push_str(" more");
    }
    message
}

/// Whether position `a` comes before `b` in the document.
#[inline]
const fn before(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}
