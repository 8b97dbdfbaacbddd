use ecr_config::Validate;

/// Not JSON: a trailing comma.
#[derive(serde::Deserialize, Validate)]
#[example(r#"{"url": "https://mirror.gcr.io",}"#)]
struct NotJson {
    #[pattern("^https://")]
    url: String,
}

/// JSON, but breaking the type's own rules.
#[derive(serde::Deserialize, Validate)]
#[example(r#"{"url": "https://mirror.gcr.io", "priority": 7}"#)]
#[example(r#"{"url": "http://mirror.example.com", "priority": 700}"#)]
struct BreaksRules {
    #[pattern("^https://")]
    url: String,
    #[range(max = 100)]
    priority: u8,
}

/// A property given twice.
#[derive(serde::Deserialize, Validate)]
#[example(r#"{"url": "https://a.example", "url": "https://b.example"}"#)]
struct Duplicate {
    url: String,
}

/// Not a string literal at all.
#[derive(serde::Deserialize, Validate)]
#[example({"url": "https://a.example"})]
struct Unquoted {
    url: String,
}

fn main() {}
