use ecr_config::Validate;

// Each `len` excludes every length its pattern accepts; lengths count code points.
#[derive(Validate)]
struct Ci {
    #[len(20)]
    #[pattern("^[A-Z]{3}$")]
    access_key: String,
    #[len(min = 21)]
    #[pattern("^[A-Z0-9]{20}$")]
    secret_key: String,
    #[len(max = 31)]
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")]
    role_arn: Option<String>,
    // Two code points, four bytes.
    #[len(min = 3, max = 4)]
    #[pattern("^é{2}$")]
    accented: String,
    // Even lengths only: no single interval to suggest.
    #[len(3)]
    #[pattern("^(ab)+$")]
    pairs: String,
    // Satisfiable: 20 is among 1 to 20.
    #[len(20)]
    #[pattern("^[A-Z]{1,20}$")]
    fine: String,
}

fn main() {}
