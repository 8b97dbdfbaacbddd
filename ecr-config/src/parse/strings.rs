//! A set of strings for the readers' "seen before?" questions (duplicate keys, unknown keys
//! given twice, the secrets' values): a few are compared directly, many go through a hash
//! set (`SipHash`, keyed at random, so no document can make it quadratic).

use std::borrow::Cow;
use std::collections::HashSet;

#[derive(Debug)]
pub(crate) enum Strings<'a> {
    Few(Vec<Cow<'a, str>>),
    Many(HashSet<Cow<'a, str>>),
}

impl Default for Strings<'_> {
    fn default() -> Self {
        Strings::Few(Vec::new())
    }
}

impl<'a> Strings<'a> {
    /// Up to this many, comparing with each is the faster way.
    const FEW: usize = 16;

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Strings::Few(strings) => strings.is_empty(),
            Strings::Many(strings) => strings.is_empty(),
        }
    }

    pub(crate) fn contains(&self, text: &str) -> bool {
        match self {
            Strings::Few(strings) => strings.iter().any(|known| known == text),
            Strings::Many(strings) => strings.contains(text),
        }
    }

    /// Records `text`; `false` if it was there already.
    pub(crate) fn insert(&mut self, text: Cow<'a, str>) -> bool {
        match self {
            Strings::Few(strings) => {
                if strings.contains(&text) {
                    return false;
                }
                strings.push(text);
                if strings.len() > Strings::FEW {
                    *self = Strings::Many(std::mem::take(strings).into_iter().collect());
                }
                true
            }
            Strings::Many(strings) => strings.insert(text),
        }
    }
}
