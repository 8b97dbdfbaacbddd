//! The run-time half of `include_config!`: the file was checked when the crate was built, so
//! reading it is plain `serde_json`, with no validation.

use core::any::type_name;

use serde::Deserialize;
use serde_json::error::Category;

/// Reads the text of a file `include_config!` embedded and checked at build time.
///
/// # Panics
///
/// Only where the build-time check could not look: a value whose type has no described shape
/// (a hand-written `Validate`, a `#[validate(skip)]` field) that serde rejects. The message
/// names the file, the type, the line and column and the kind of error, never serde's text,
/// which can quote the file's values, secrets included.
#[track_caller]
pub fn from_embedded<T: Deserialize<'static>>(text: &'static str, path: &str) -> T {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str(body) {
        Ok(value) => value,
        Err(error) => rejected::<T>(body, path, &error),
    }
}

#[cold]
#[track_caller]
fn rejected<T>(body: &str, path: &str, error: &serde_json::Error) -> ! {
    let what = match error.classify() {
        Category::Data => "a value does not fit its Rust type",
        Category::Syntax | Category::Eof => "the text is not JSON",
        Category::Io => "the text could not be read",
    };
    // serde_json counts columns in bytes; the build-time messages count characters.
    let line = body.split('\n').nth(error.line().saturating_sub(1));
    let column = line.map_or(error.column(), |line| {
        let mut end = error.column().saturating_sub(1).min(line.len());
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        line[..end].chars().count() + 1
    });
    panic!(
        "`{path}` (embedded as `{}`) passed the build-time check, but serde rejected it near \
         {}:{column}: {what}. Only the parts of a type with no described shape (a hand-written \
         `Validate` impl or a `#[validate(skip)]` field) are left for run time; serde's message \
         is not shown, as it can quote a value of the file",
        type_name::<T>(),
        error.line(),
    );
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::panic::catch_unwind;

    use super::from_embedded;

    #[test]
    fn reads_the_text_after_a_byte_order_mark() {
        let value: BTreeMap<String, u8> = from_embedded("\u{feff}{\"a\": 1}", "a.json");
        assert_eq!(value["a"], 1);
    }

    #[test]
    fn a_rejected_value_is_located_but_never_quoted() {
        let panic = catch_unwind(|| {
            from_embedded::<BTreeMap<String, u8>>("{\n  \"pin\": \"é hunter2\"\n}", "x.json")
        })
        .expect_err("a string is not a `u8`");
        let message = panic.downcast_ref::<String>().expect("a formatted message");
        assert!(
            message.starts_with("`x.json` (embedded as `alloc::collections::btree::map::BTreeMap"),
            "{message}"
        );
        // Where serde_json stopped, in characters.
        assert!(
            message.contains("rejected it near 2:20: a value does not fit its Rust type"),
            "{message}"
        );
        assert!(!message.contains("hunter2"), "{message}");
    }
}
