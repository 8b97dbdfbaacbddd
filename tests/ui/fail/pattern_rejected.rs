//! Regexes `#[pattern]` cannot take: invalid, beyond a DFA, or matching nothing.
use ecr_config::Validate;

#[derive(Validate)]
struct Invalid {
    #[pattern("^[A-Z0-9{20}$")]
    access_key: String,
}

#[derive(Validate)]
struct Backreference {
    #[pattern(r"^(\w)\w*\1$")]
    name: String,
}

#[derive(Validate)]
struct Lookaround {
    #[pattern("^(?=AKIA)[A-Z0-9]{20}$")]
    access_key: String,
}

/// Rust's regex syntax that ECMA-262 reads otherwise.
#[derive(Validate)]
struct RustOnly {
    #[pattern("^[[:alpha:]]+$")]
    posix: String,
    #[pattern(r"\Aarn:aws:")]
    start_of_text: String,
    #[pattern("^[a-z&&[^aeiou]]$")]
    intersection: String,
}

#[derive(Validate)]
struct MatchesNothing {
    // An empty class: no string can match, so no value is ever valid.
    #[pattern(r"^[^\s\S]+$")]
    external_id: String,
    #[pattern("^a$b")]
    role_arn: String,
    // ECMA-262's empty class.
    #[pattern("^[]$")]
    region: String,
}

fn main() {}
