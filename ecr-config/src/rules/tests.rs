use std::borrow::Cow;

use super::len::{HasLength, Measure};
use super::pattern::PatternTarget;
use crate::Secret;

/// What the derive relies on when a pattern implies the `len`: both traits see the same
/// string, or both see none.
fn same_string<T: HasLength + PatternTarget + ?Sized>(value: &T) -> bool {
    match (value.__ecr_measure(), value.__ecr_str()) {
        (Measure::Chars(measured), Some(matched)) => std::ptr::eq(measured, matched),
        (Measure::Absent, None) => true,
        _ => false,
    }
}

#[test]
fn length_and_pattern_see_the_same_string() {
    let text = String::from("AKIAIOSFODNN7EXAMPLÉ");
    assert!(same_string(&text));
    assert!(same_string(text.as_str()));
    assert!(same_string(&&text));
    assert!(same_string(&Box::<str>::from("é")));
    assert!(same_string(&Cow::Borrowed("é")));
    assert!(same_string(&Cow::<str>::Owned("é".into())));
    assert!(same_string(&Secret::from(String::from("s"))));
    assert!(same_string(&Some(text.clone())));
    assert!(same_string(&None::<String>));
    assert!(same_string(&Some(Secret::from(String::from("s")))));
    assert!(same_string(&None::<Secret<String>>));
    assert!(same_string(&Some(Some(text))));
}

#[test]
fn maps_are_measured_in_properties() {
    use std::collections::{BTreeMap, HashMap};
    let map = BTreeMap::from([("a", 1), ("b", 2)]);
    assert!(matches!(map.__ecr_measure(), Measure::Properties(2)));
    let map: HashMap<&str, u8> = HashMap::new();
    assert!(matches!(map.__ecr_measure(), Measure::Properties(0)));
    assert!(matches!(vec![1].__ecr_measure(), Measure::Items(1)));
    let found = super::len::test(Measure::Properties(0), 1, usize::MAX).unwrap_err();
    let keyword = super::len::keyword(Measure::Properties(0), found, 1);
    assert_eq!(keyword, crate::Keyword::MinProperties);
    assert_eq!(
        super::len::message(keyword, Some(1), None, found).to_string(),
        "expected at least 1 property, found 0"
    );
    assert_eq!(
        super::len::message(crate::Keyword::MaxProperties, None, Some(2), 3).to_string(),
        "expected at most 2 properties, found 3"
    );
}
