// A type that contains itself derives and validates as usual, but has no shape as `const` data:
// checking one of its values at compile time is a cycle (documented on `checked!`).
use ecr_config::{Validate, checked};

#[derive(Debug, Validate)]
struct Tree {
    #[len(min = 1)]
    name: String,
    children: Vec<Tree>,
}

fn main() {
    let tree = checked!(Tree { name: "root", children: vec![] });
    assert!(tree.validate().is_ok());
}
