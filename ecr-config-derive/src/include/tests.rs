//! The scanner against what the runtime's parser reports for the same bytes (the expected
//! positions and messages were read off `ecr_config::from_json_slice`); and how the file is
//! found, from a given crate directory rather than this process's `CARGO_MANIFEST_DIR`.

use std::path::Path;

use super::load;
use super::scan::{Document, Finding, Kind, Member, Number, Value, read};

fn document(text: &str) -> Document {
    read(text.as_bytes()).unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn syntax(bytes: &[u8]) -> String {
    match read(bytes) {
        Ok(_) => panic!("{bytes:?} was accepted"),
        Err(finding) => finding.to_string(),
    }
}

fn members(value: &Value) -> &[Member] {
    match &value.kind {
        Kind::Object(members) => members,
        other => panic!("an object, found {other:?}"),
    }
}

fn items(value: &Value) -> &[Value] {
    match &value.kind {
        Kind::Array(items) => items,
        other => panic!("an array, found {other:?}"),
    }
}

fn at(value: &Value) -> (u32, u32) {
    (value.line, value.column)
}

fn key_at(member: &Member) -> (u32, u32) {
    (member.line, member.column)
}

#[test]
fn values_and_keys_are_located_across_lines() {
    let root = document("{\n  \"a\": 1,\n  \"b\" :\n    [true, null]\n}").root;
    assert_eq!(at(&root), (1, 1));
    let [a, b] = members(&root) else {
        panic!("two members")
    };
    assert_eq!((key_at(a), at(&a.value)), ((2, 3), (2, 8)));
    assert_eq!((key_at(b), at(&b.value)), ((3, 3), (4, 5)));
    let positions: Vec<_> = items(&b.value).iter().map(at).collect();
    assert_eq!(positions, [(4, 6), (4, 12)]);
}

#[test]
fn a_tab_is_one_column() {
    let root = document("{\t\"a\":\t\"x\"}").root;
    let [a] = members(&root) else {
        panic!("one member")
    };
    assert_eq!((key_at(a), at(&a.value)), ((1, 3), (1, 8)));
}

#[test]
fn columns_count_characters_not_bytes() {
    let root = document("{\"é😀\": \"ü\", \"k\": 1}").root;
    let [wide, k] = members(&root) else {
        panic!("two members")
    };
    assert_eq!(wide.key, "é😀");
    assert_eq!((key_at(wide), at(&wide.value)), ((1, 2), (1, 8)));
    assert_eq!((key_at(k), at(&k.value)), ((1, 13), (1, 18)));
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let root = document("\u{feff}{\"a\": 1,\n\"b\": 2}").root;
    assert_eq!(at(&root), (1, 1));
    let [a, b] = members(&root) else {
        panic!("two members")
    };
    assert_eq!((key_at(a), at(&a.value)), ((1, 2), (1, 7)));
    assert_eq!((key_at(b), at(&b.value)), ((2, 1), (2, 6)));
    assert_eq!(
        syntax("\u{feff}{\"é\": x}".as_bytes()),
        "1:7: /: expected value (syntax)"
    );
}

#[test]
fn escapes_are_decoded_in_values_and_keys() {
    let root = document(
        r#"{"k\"ey\u00e9": ["a\"b", "\u00e9", "\ud83d\ude00", "tab\t", "\/\\", "plain"]}"#,
    )
    .root;
    let [member] = members(&root) else {
        panic!("one member")
    };
    assert_eq!(member.key, "k\"eyé");
    let strings: Vec<&str> = items(&member.value)
        .iter()
        .map(|item| match &item.kind {
            Kind::Str(text) => text.as_str(),
            other => panic!("a string, found {other:?}"),
        })
        .collect();
    assert_eq!(strings, ["a\"b", "é", "😀", "tab\t", "/\\", "plain"]);
}

#[test]
fn duplicate_keys_are_reported_with_pointers_and_the_first_is_kept() {
    let text = r#"{
  "a": {"b": 1, "b": 2},
  "c": [{"x~/": 1, "x~/": 2}],
  "a": {"z": 1, "z": 2}
}"#;
    let document = document(text);
    let found: Vec<String> = document.duplicates.iter().map(Finding::to_string).collect();
    // The value of a duplicate is not looked into, as at run time.
    assert_eq!(
        found,
        [
            r#"2:17: /a/b: property "b" is given more than once (duplicateKey)"#,
            r#"3:20: /c/0/x~0~1: property "x~/" is given more than once (duplicateKey)"#,
            r#"4:3: /a: property "a" is given more than once (duplicateKey)"#,
        ]
    );
    let kept: Vec<&str> = members(&document.root)
        .iter()
        .map(|member| member.key.as_str())
        .collect();
    assert_eq!(kept, ["a", "c"]);
    let [a, _] = members(&document.root) else {
        panic!("two members")
    };
    let [b] = members(&a.value) else {
        panic!("one member")
    };
    assert!(matches!(&b.value.kind, Kind::Number(number) if number.text == "1"));
}

fn number(text: &str) -> Number {
    match document(text).root.kind {
        Kind::Number(number) => number,
        other => panic!("a number, found {other:?}"),
    }
}

#[test]
fn numbers_are_read_as_the_runtime_reads_them() {
    let one = number("1");
    assert_eq!(
        (one.text.as_str(), one.int, one.float.as_str()),
        ("1", Some(1), "1")
    );
    assert_eq!(one.float_value.to_bits(), 1f64.to_bits());

    let float = number("1.0");
    assert_eq!((float.int, float.float.as_str()), (None, "1"));
    let exponent = number("1e2");
    assert_eq!((exponent.int, exponent.float.as_str()), (None, "100"));
    let negative = number(" -2.5E-1 ");
    assert_eq!(negative.text, "-2.5E-1");
    assert_eq!((negative.int, negative.float.as_str()), (None, "-0.25"));
    let minus_zero = number("-0");
    assert_eq!((minus_zero.int, minus_zero.float.as_str()), (Some(0), "-0"));

    let huge = number("123456789012345678901234567890123456789012");
    assert_eq!(huge.int, None);
    assert_eq!(huge.float, "123456789012345680000000000000000000000000");
    let min = number("-170141183460469231731687303715884105728");
    assert_eq!(min.int, Some(i128::MIN));
    let beyond = number("1e400");
    assert_eq!(
        (beyond.float_value, beyond.float.as_str()),
        (f64::INFINITY, "inf")
    );
}

#[test]
fn syntax_errors_are_worded_and_placed_as_at_run_time() {
    let cases: [(&[u8], &str); 10] = [
        (b"{\"a\": 1,}", "1:9: /: key must be a string (syntax)"),
        (b"  \n", "2:1: /: the document is empty (syntax)"),
        (
            "\u{feff}".as_bytes(),
            "1:1: /: the document is empty (syntax)",
        ),
        (
            b"{\"a\":\n \"\xff\"}",
            "2:3: /: invalid UTF-8: the document must be UTF-8 text (syntax)",
        ),
        (
            br#"{"a": "x\ud800"}"#,
            "1:15: /: unexpected end of hex escape (syntax)",
        ),
        (
            b"{\"a\": [1, 2",
            "1:11: /: EOF while parsing a list (syntax)",
        ),
        (
            "{\n\t\"é😀\": 1,\n  \"b\": tru\n}".as_bytes(),
            "3:11: /: expected ident (syntax)",
        ),
        (b"{} x", "1:4: /: trailing characters (syntax)"),
        (
            b"{\"a\": \"x\ty\"}",
            "1:8: /: control character (\\u0000-\\u001F) found while parsing a string (syntax)",
        ),
        (b"", "1:1: /: the document is empty (syntax)"),
    ];
    for (bytes, expected) in cases {
        assert_eq!(
            syntax(bytes),
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn of_several_bad_strings_the_one_the_runtime_reads_first_is_reported() {
    // The runtime reads all the keys of an object before any of its values.
    assert_eq!(
        syntax(br#"{"b": "\ud800", "\udc00x": 1}"#),
        "1:23: /: lone leading surrogate in hex escape (syntax)"
    );
    assert_eq!(
        syntax(br#"{"b": {"\ud800": 1}, "c": "\udc00"}"#),
        "1:15: /: unexpected end of hex escape (syntax)"
    );
}

#[test]
fn nesting_is_limited_to_128_containers() {
    let nested = |n: usize| format!("{{\"a\": {}{}}}", "[".repeat(n), "]".repeat(n));
    assert!(read(nested(127).as_bytes()).is_ok());
    assert_eq!(
        syntax(nested(128).as_bytes()),
        "1:134: /: nesting deeper than 128 levels (syntax)"
    );
    // Far deeper than the stack would allow a recursive reader.
    assert_eq!(
        syntax(nested(200_000).as_bytes()),
        "1:134: /: nesting deeper than 128 levels (syntax)"
    );
}

#[test]
fn a_relative_path_is_read_from_the_crate_directory() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (path, bytes) = load(Some(dir), "src/include/tests.rs").expect("this file");
    assert_eq!(path, dir.join("src/include/tests.rs"));
    assert_eq!(bytes, include_bytes!("tests.rs"));
}

#[test]
fn a_missing_relative_file_names_the_crate_directory_rule_and_the_full_path() {
    // What the OS says, worded as it words it.
    let error = std::fs::read("/nonexistent-crate/configs/ecr.json").unwrap_err();
    assert_eq!(
        load(Some(Path::new("/nonexistent-crate")), "configs/ecr.json").unwrap_err(),
        format!(
            "cannot read `configs/ecr.json`: {error}\n\
             paths are relative to the directory of the crate's Cargo.toml \
             (`CARGO_MANIFEST_DIR`); looked for `/nonexistent-crate/configs/ecr.json`"
        )
    );
}

#[test]
fn a_missing_absolute_file_is_named_as_written_without_the_relative_path_rule() {
    let error = std::fs::read("/nonexistent/ecr.json").unwrap_err();
    assert_eq!(
        load(
            Some(Path::new("/nonexistent-crate")),
            "/nonexistent/ecr.json"
        )
        .unwrap_err(),
        format!("cannot read `/nonexistent/ecr.json`: {error}")
    );
}
