use std::collections::BTreeMap;

use ecr_config::Validate;

#[derive(Validate)]
struct Written {
    #[keys]
    bare: BTreeMap<String, String>,
    #[keys(range(min = 1))]
    numbers: BTreeMap<String, String>,
    #[keys(patern("^[a-z]+$"))]
    misspelt: BTreeMap<String, String>,
    #[keys(keys(len(1)))]
    nested: BTreeMap<String, String>,
    #[keys(constant("abc"), len(max = 2))]
    contradicts: BTreeMap<String, String>,
}

#[derive(Validate)]
struct WrongType {
    #[keys(len(max = 3))]
    list: Vec<String>,
}

fn main() {}
