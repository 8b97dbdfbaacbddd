//! A rule on a field whose type it does not apply to: a type error at the attribute.
use ecr_config::{Secret, Validate};

#[derive(Validate)]
struct LenOnBool {
    #[len(min = 1)]
    enabled: bool,
}

#[derive(Validate)]
struct LenOnU32 {
    #[len(max = 5)]
    port: u32,
}

#[derive(Validate)]
struct PatternOnInteger {
    #[pattern("^[0-9]{12}$")]
    id: u64,
}

#[derive(Validate)]
struct RangeOnString {
    #[range(min = 1, max = 65535)]
    port: String,
}

#[derive(Validate)]
struct ConstantOnSecret {
    #[constant("hunter2")]
    secret_key: Secret<String>,
}

#[derive(Validate)]
struct MultipleOfOnString {
    #[multiple_of(5)]
    minutes: String,
}

#[derive(Validate)]
struct RequiresOnRequired {
    token: Option<String>,
    #[requires(token)]
    user: String,
}

fn main() {}
