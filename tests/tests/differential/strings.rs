//! Strings around the rules: lengths at and beside every bound, counted in code points of
//! every UTF-8 width, and characters just inside and just outside each pattern's alphabet.

use fastrand::Rng;

/// Characters a length count, a pattern or a parser might get wrong.
pub(crate) const ODD: &[char] = &[
    ' ',
    '-',
    '_',
    '.',
    '/',
    '~',
    ':',
    '"',
    '\\',
    '\n',
    '\r',
    '\t',
    '\0',
    '\u{7f}',
    'a',
    'z',
    'A',
    'Z',
    '0',
    '9',
    'É',
    'é',
    'ß',
    '\u{85}',
    '\u{a0}',
    '\u{301}',  // a combining accent: one code point of its own
    '٣',        // ARABIC-INDIC DIGIT THREE: a digit to Unicode, not to `[0-9]`
    '０',       // FULLWIDTH DIGIT ZERO
    'Ａ',       // FULLWIDTH LATIN CAPITAL LETTER A
    'K',        // KELVIN SIGN, which lowercases to an ASCII `k`
    'İ',        // LATIN CAPITAL LETTER I WITH DOT ABOVE, which lowercases to two code points
    '\u{2010}', // HYPHEN, a look-alike of `-`
    '\u{2028}',
    '\u{feff}',
    '𝔸',
    '😀',
    '\u{10ffff}',
];

pub(crate) const DIGITS: &[char] = &['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

pub(crate) fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

/// `len` code points drawn from `alphabet`.
pub(crate) fn from(rng: &mut Rng, alphabet: &[char], len: usize) -> String {
    (0..len).map(|_| pick(rng, alphabet)).collect()
}

/// Any character, every UTF-8 width well represented.
pub(crate) fn any_char(rng: &mut Rng) -> char {
    let range = match rng.u8(..10) {
        0..=4 => 0x20..0x7f,
        5 => return pick(rng, ODD),
        6 => 0x80..0x800,
        7 => 0x800..0x1_0000,
        _ => 0x1_0000..0x11_0000,
    };
    // Surrogates are no `char`; their range is skipped by drawing again.
    loop {
        if let Some(c) = char::from_u32(rng.u32(range.clone())) {
            return c;
        }
    }
}

/// `len` arbitrary code points.
pub(crate) fn any(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| any_char(rng)).collect()
}

/// A length at or beside one of `bounds` (`max + 1` included), now and then anything up to it.
pub(crate) fn length_near(rng: &mut Rng, bounds: &[usize]) -> usize {
    let bound = pick(rng, bounds);
    match rng.u8(..8) {
        0 => rng.usize(..=bounds.iter().max().map_or(8, |max| max + 2)),
        1..=2 => bound.saturating_sub(1),
        3..=5 => bound,
        _ => bound + 1,
    }
}

/// `text` with one small change that often crosses a rule: a character replaced by, or
/// inserted as, an odd one; a trailing newline; a space at either end; the case changed; a
/// character dropped or doubled; a look-alike swapped in.
pub(crate) fn nudge(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = rng.usize(..=chars.len());
    match rng.u8(..10) {
        0 if at < chars.len() => chars[at] = pick(rng, ODD),
        1 => chars.insert(at, pick(rng, ODD)),
        2 => chars.push('\n'),
        3 => chars.insert(0, ' '),
        4 => chars.push(' '),
        5 => return text.to_uppercase(),
        6 => return text.to_lowercase(),
        7 if at < chars.len() => {
            chars.remove(at);
        }
        8 if at < chars.len() => chars.insert(at, chars[at]),
        _ => {
            let Some(c) = chars.iter_mut().find(|c| c.is_ascii_alphanumeric()) else {
                return text.to_owned() + "\u{301}";
            };
            *c = match *c {
                d @ '0'..='9' => char::from_u32(0x0660 + (d as u32 - '0' as u32)).unwrap(),
                c => char::from_u32(c as u32 - 0x21 + 0xff01).unwrap(),
            };
        }
    }
    chars.into_iter().collect()
}
