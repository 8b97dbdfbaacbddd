use ecr_config::Validate;

#[derive(Validate)]
struct Written {
    #[unique(true)]
    flag: Vec<String>,
    #[unique = "yes"]
    assigned: Vec<String>,
    #[unique(mesage = "once each")]
    misspelt: Vec<String>,
    #[unique]
    #[unique]
    twice: Vec<String>,
}

#[derive(Validate)]
struct WrongType {
    #[unique]
    name: String,
}

fn main() {}
