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

#[derive(Validate)]
struct MatchesNothing {
    // An empty class: no string can match, so no value is ever valid.
    #[pattern(r"^[^\s\S]+$")]
    external_id: String,
    #[pattern("^a$b")]
    role_arn: String,
}

fn main() {}
