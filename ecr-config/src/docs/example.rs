//! An `#[example]` pretty-printed with its properties in the order its author wrote them:
//! `serde_json::Value` sorts keys, which would put `access_key` before `region`, so the text
//! is transcoded straight from `serde_json`'s reader to its pretty writer.

/// The example indented by two spaces a level, or `None` when it is not JSON.
#[inline]
pub(super) fn pretty(example: &str) -> Option<String> {
    let mut reader = serde_json::Deserializer::from_str(example);
    let mut out = Vec::new();
    serde_transcode::transcode(&mut reader, &mut serde_json::Serializer::pretty(&mut out)).ok()?;
    reader.end().ok()?;
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn properties_keep_their_order_and_values_their_type() {
        let example = r#"{"z": 1, "a": [true, null, -2, 0.5, "x"], "m": {}}"#;
        assert_eq!(
            pretty(example).unwrap(),
            "{\n  \"z\": 1,\n  \"a\": [\n    true,\n    null,\n    -2,\n    0.5,\n    \"x\"\n  ],\n  \"m\": {}\n}"
        );
    }

    #[test]
    fn text_that_is_not_json_has_no_rendering() {
        assert_eq!(pretty("{ not json"), None);
        assert_eq!(pretty(""), None);
        assert_eq!(pretty("{} x"), None);
    }
}
