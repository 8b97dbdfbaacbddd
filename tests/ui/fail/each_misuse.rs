use ecr_config::Validate;

#[derive(Validate)]
struct Written {
    #[each]
    bare: Vec<String>,
    #[each()]
    empty: Vec<String>,
    #[each(unique)]
    unique: Vec<Vec<String>>,
    #[each(each(len(1)))]
    nested: Vec<Vec<String>>,
    #[each(lenn(max = 1))]
    misspelt: Vec<String>,
    #[each(len(max = 2), pattern("^abc$"))]
    contradicts: Vec<String>,
}

#[derive(Validate)]
struct WrongTypes {
    #[each(len(1))]
    not_a_list: String,
    #[each(range(min = 1))]
    strings: Vec<String>,
}

fn main() {}
