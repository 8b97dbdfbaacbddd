//! `#[format("…")]`: `format`, asserted. Each of the twelve formats is a `const fn` over the
//! string's bytes, written from its RFC's grammar: the same test in `validate`, the positioned
//! parser and the compile-time checker, with no dependency and no allocation. Each reads every
//! byte at most a fixed number of times, so a hostile string costs time linear in its length.

use serde_json::{Map, Value};

use crate::error::{Detail, Keyword, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::message::Message;
use super::{Lines, rank};

#[diagnostic::on_unimplemented(
    message = "`#[format]` cannot be applied to `{Self}`",
    label = "`format` checks the text of a string (`String`, `Secret<String>`, or an `Option` of one)"
)]
pub trait FormatTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

super::string_target!(FormatTarget, secret);

/// A format `#[format]` asserts, named as JSON Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// `date-time`: RFC 3339 `date-time` (`2024-05-01T09:30:00Z`).
    DateTime,
    /// `date`: RFC 3339 `full-date` (`2024-05-01`).
    Date,
    /// `time`: RFC 3339 `full-time`, with its offset (`09:30:00Z`).
    Time,
    /// `duration`: RFC 3339 Appendix A `duration` (`P1DT12H`).
    Duration,
    /// `email`: RFC 5321 `Mailbox` (`ops@example.com`).
    Email,
    /// `hostname`: RFC 1123 host name (`registry.example.com`).
    Hostname,
    /// `ipv4`: dotted-quad IPv4 address, no leading zeros (`192.0.2.10`).
    Ipv4,
    /// `ipv6`: RFC 4291 IPv6 address (`2001:db8::10`).
    Ipv6,
    /// `uri`: RFC 3986 `URI`, with a scheme (`https://example.com/path`).
    Uri,
    /// `uri-reference`: RFC 3986 `URI-reference`, relative or not (`../path?q=1`).
    UriReference,
    /// `uuid`: RFC 4122 UUID, hyphenated (`123e4567-e89b-12d3-a456-426614174000`).
    Uuid,
    /// `json-pointer`: RFC 6901 JSON Pointer (`/tags/0`).
    JsonPointer,
}

/// Every format, in the order the docs list them.
pub const FORMATS: [Format; 12] = [
    Format::DateTime,
    Format::Date,
    Format::Time,
    Format::Duration,
    Format::Email,
    Format::Hostname,
    Format::Ipv4,
    Format::Ipv6,
    Format::Uri,
    Format::UriReference,
    Format::Uuid,
    Format::JsonPointer,
];

impl Format {
    /// The name, as JSON Schema spells it.
    pub const fn name(self) -> &'static str {
        self.words().0
    }

    /// The format named `name`, if it is one of [`FORMATS`].
    pub const fn named(name: &str) -> Option<Format> {
        let mut i = 0;
        while i < FORMATS.len() {
            if super::constant::equal(FORMATS[i].name(), name) {
                return Some(FORMATS[i]);
            }
            i += 1;
        }
        None
    }

    /// Name, what a value is, the grammar's source, an example.
    const fn words(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Format::DateTime => (
                "date-time",
                "a date and time",
                "RFC 3339 date-time",
                "2024-05-01T09:30:00Z",
            ),
            Format::Date => ("date", "a date", "RFC 3339 full-date", "2024-05-01"),
            Format::Time => (
                "time",
                "a time of day with its offset",
                "RFC 3339 full-time",
                "09:30:00Z",
            ),
            Format::Duration => ("duration", "a duration", "RFC 3339 duration", "P1DT12H"),
            Format::Email => (
                "email",
                "an e-mail address",
                "RFC 5321 Mailbox",
                "ops@example.com",
            ),
            Format::Hostname => (
                "hostname",
                "a host name",
                "RFC 1123",
                "registry.example.com",
            ),
            Format::Ipv4 => ("ipv4", "an IPv4 address", "dotted quad", "192.0.2.10"),
            Format::Ipv6 => ("ipv6", "an IPv6 address", "RFC 4291", "2001:db8::10"),
            Format::Uri => (
                "uri",
                "a URI with a scheme",
                "RFC 3986 URI",
                "https://example.com/path",
            ),
            Format::UriReference => (
                "uri-reference",
                "a URI or relative reference",
                "RFC 3986 URI-reference",
                "../path?q=1",
            ),
            Format::Uuid => (
                "uuid",
                "a UUID",
                "RFC 4122",
                "123e4567-e89b-12d3-a456-426614174000",
            ),
            Format::JsonPointer => ("json-pointer", "a JSON Pointer", "RFC 6901", "/tags/0"),
        }
    }

    /// Whether `text` is in this format.
    #[inline]
    pub const fn test(self, text: &str) -> bool {
        let b = text.as_bytes();
        match self {
            Format::DateTime => date_time(b),
            Format::Date => b.len() == 10 && date_at(b, 0),
            Format::Time => time_at(b, 0),
            Format::Duration => duration(b),
            Format::Email => email(b),
            Format::Hostname => hostname(b),
            Format::Ipv4 => ipv4(b),
            Format::Ipv6 => ipv6(b),
            Format::Uri => uri(b, true),
            Format::UriReference => uri(b, false),
            Format::Uuid => uuid(b),
            Format::JsonPointer => json_pointer(b),
        }
    }
}

/// `must be a date (format "date", RFC 3339 full-date), such as 2024-05-01`.
#[inline]
pub const fn message(format: Format) -> Message<'static> {
    let (name, what, source, example) = format.words();
    Message::new()
        .str("must be ")
        .str(what)
        .str(" (format \"")
        .str(name)
        .str("\", ")
        .str(source)
        .str("), such as ")
        .str(example)
}

/// `#[format]` in `validate` and the parser.
#[inline]
pub fn check(
    value: Option<&str>,
    format: Format,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(value) = value
        && !format.test(value)
    {
        failed(format, message, path, errors);
    }
}

#[cold]
#[inline(never)]
fn failed(
    format: Format,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::Format {
        format: format.name(),
    };
    errors.push(ValidationError::at(path, Keyword::Format, detail).with_message(message));
}

#[inline]
pub(crate) fn schema(format: Format, schema: &mut Map<String, Value>) {
    schema.insert("format".into(), format.name().into());
}

#[inline]
pub(crate) fn docs(format: Format, lines: &mut Lines) {
    let (name, _, source, example) = format.words();
    lines.push(
        rank::FORMAT,
        format!(
            "Format: {} ({source}, such as {})",
            crate::docs::markdown::code(name),
            crate::docs::markdown::code(example)
        ),
    );
}

// ---- The grammars. Each takes bytes and reads them by index: `const fn` has no iterators.

/// The value of the `n` ASCII digits at `at`, if they are all there.
const fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    if at + n > b.len() {
        return None;
    }
    let mut value = 0;
    let mut i = at;
    while i < at + n {
        if !b[i].is_ascii_digit() {
            return None;
        }
        value = value * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    Some(value)
}

/// The end of the run of ASCII digits from `at`.
const fn digits_end(b: &[u8], mut at: usize) -> usize {
    while at < b.len() && b[at].is_ascii_digit() {
        at += 1;
    }
    at
}

const fn is_hex(byte: u8) -> bool {
    byte.is_ascii_hexdigit()
}

/// RFC 3339 `full-date` at `at`: `YYYY-MM-DD`, a day the month has (leap years counted).
const fn date_at(b: &[u8], at: usize) -> bool {
    if b.len() < at + 10 || b[at + 4] != b'-' || b[at + 7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(b, at, 4), digits(b, at + 5, 2), digits(b, at + 8, 2))
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    day >= 1 && day <= days
}

/// RFC 3339 `full-time` from `at` to the end: `HH:MM:SS[.frac]` and `Z` or `±HH:MM`. A leap
/// second (`:60`) is allowed at 23:59 UTC only, the offset accounted for.
const fn time_at(b: &[u8], at: usize) -> bool {
    let len = b.len();
    if len < at + 9 || b[at + 2] != b':' || b[at + 5] != b':' {
        return false;
    }
    let (Some(hour), Some(minute), Some(second)) =
        (digits(b, at, 2), digits(b, at + 3, 2), digits(b, at + 6, 2))
    else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut i = at + 8;
    if b[i] == b'.' {
        let end = digits_end(b, i + 1);
        if end == i + 1 {
            return false;
        }
        i = end;
    }
    if i >= len {
        return false;
    }
    // Minutes east of UTC.
    let offset: i32 = match b[i] {
        b'Z' | b'z' if i + 1 == len => 0,
        sign @ (b'+' | b'-') if i + 6 == len && b[i + 3] == b':' => {
            let (Some(hours), Some(minutes)) = (digits(b, i + 1, 2), digits(b, i + 4, 2)) else {
                return false;
            };
            if hours > 23 || minutes > 59 {
                return false;
            }
            let east = (hours * 60 + minutes).cast_signed();
            if sign == b'+' { east } else { -east }
        }
        _ => return false,
    };
    if second == 60 {
        let local = (hour * 60 + minute).cast_signed();
        let utc = (local - offset).rem_euclid(24 * 60);
        return utc == 23 * 60 + 59;
    }
    true
}

/// RFC 3339 `date-time`: a `full-date`, `T` (or `t`), a `full-time`.
const fn date_time(b: &[u8]) -> bool {
    b.len() > 11 && date_at(b, 0) && (b[10] == b'T' || b[10] == b't') && time_at(b, 11)
}

/// RFC 3339 Appendix A `duration`: `P` and weeks alone (`P2W`), or date elements (`Y`, `M`,
/// `D`) and/or `T` with time elements (`H`, `M`, `S`). As its ABNF has it, the elements of
/// each part are consecutive in that order: `P1Y2M`, `P1M3D`, `PT1H30M`, but not `P1Y3D`.
const fn duration(b: &[u8]) -> bool {
    let len = b.len();
    if len < 3 || b[0] != b'P' {
        return false;
    }
    let weeks = digits_end(b, 1);
    if weeks > 1 && weeks + 1 == len && b[weeks] == b'W' {
        return true;
    }
    let mut i = 1;
    if b[i] != b'T' {
        match elements(b, i, *b"YMD") {
            Some(end) => i = end,
            None => return false,
        }
    }
    if i == len {
        return true;
    }
    if b[i] != b'T' {
        return false;
    }
    match elements(b, i + 1, *b"HMS") {
        Some(end) => end == len,
        None => false,
    }
}

/// One or more `digits unit` elements from `at` whose units are consecutive in `units`; the
/// end of the last, or `None` if there is none or one is malformed.
const fn elements(b: &[u8], mut at: usize, units: [u8; 3]) -> Option<usize> {
    let mut next = 0;
    let mut count = 0;
    while next < units.len() {
        let end = digits_end(b, at);
        if end == at {
            break;
        }
        if end == b.len() {
            return None;
        }
        let mut unit = 0;
        while unit < units.len() && units[unit] != b[end] {
            unit += 1;
        }
        if unit == units.len() || (count > 0 && unit != next) {
            return None;
        }
        next = unit + 1;
        count += 1;
        at = end + 1;
    }
    if count == 0 { None } else { Some(at) }
}

/// RFC 5321 `Mailbox`: a `Dot-string` or `Quoted-string` local part of at most 64 octets,
/// `@`, and a host name or an address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).
const fn email(b: &[u8]) -> bool {
    let len = b.len();
    let mut i = 0;
    if len > 0 && b[0] == b'"' {
        i = 1;
        loop {
            if i >= len {
                return false;
            }
            match b[i] {
                b'"' => break,
                // quoted-pairSMTP: a backslash and a printable character or space.
                b'\\' if i + 1 < len && b[i + 1] >= 32 && b[i + 1] <= 126 => i += 2,
                // qtextSMTP.
                32..=33 | 35..=91 | 93..=126 => i += 1,
                _ => return false,
            }
        }
        i += 1;
    } else {
        let mut atom = 0;
        while i < len && b[i] != b'@' {
            if b[i] == b'.' {
                if atom == 0 {
                    return false;
                }
                atom = 0;
            } else if is_atext(b[i]) {
                atom += 1;
            } else {
                return false;
            }
            i += 1;
        }
        if atom == 0 {
            return false;
        }
    }
    if i > 64 || i >= len || b[i] != b'@' {
        return false;
    }
    let (_, domain) = b.split_at(i + 1);
    let n = domain.len();
    if n >= 2 && domain[0] == b'[' && domain[n - 1] == b']' {
        let (literal, _) = domain.split_at(n - 1);
        let (_, literal) = literal.split_at(1);
        if literal.len() >= 5 && ascii_eq_ignore_case(literal, b"IPv6:") {
            let (_, address) = literal.split_at(5);
            return ipv6(address);
        }
        return ipv4(literal);
    }
    hostname(domain)
}

/// Whether `b` starts with `prefix`, ASCII letters in either case.
const fn ascii_eq_ignore_case(b: &[u8], prefix: &[u8]) -> bool {
    let mut i = 0;
    while i < prefix.len() {
        if i >= b.len() || !b[i].eq_ignore_ascii_case(&prefix[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// RFC 5322 `atext`.
const fn is_atext(byte: u8) -> bool {
    byte.is_ascii_alphanumeric()
        || matches!(
            byte,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'/'
                | b'='
                | b'?'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
        )
}

/// RFC 1123 host name: at most 253 characters of dot-separated labels, each 1 to 63 letters,
/// digits and hyphens, neither starting nor ending with a hyphen.
const fn hostname(b: &[u8]) -> bool {
    let len = b.len();
    if len == 0 || len > 253 {
        return false;
    }
    let mut start = 0;
    let mut i = 0;
    while i <= len {
        if i == len || b[i] == b'.' {
            let label = i - start;
            if label == 0 || label > 63 || b[start] == b'-' || b[i - 1] == b'-' {
                return false;
            }
            start = i + 1;
        } else if !(b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            return false;
        }
        i += 1;
    }
    true
}

/// A dotted-quad IPv4 address: four decimal octets up to 255, without leading zeros (which
/// some readers take for octal).
const fn ipv4(b: &[u8]) -> bool {
    let len = b.len();
    let mut i = 0;
    let mut octets = 0;
    while octets < 4 {
        let end = digits_end(b, i);
        let n = end - i;
        if n == 0 || n > 3 || (n > 1 && b[i] == b'0') {
            return false;
        }
        match digits(b, i, n) {
            Some(octet) if octet <= 255 => {}
            _ => return false,
        }
        octets += 1;
        if octets < 4 {
            if end >= len || b[end] != b'.' {
                return false;
            }
            i = end + 1;
        } else {
            i = end;
        }
    }
    i == len
}

/// RFC 4291 section 2.2: eight groups of 1 to 4 hex digits separated by `:`, or fewer with
/// one `::` standing for at least one group of zeros; the last two groups may be written as
/// an IPv4 address.
const fn ipv6(b: &[u8]) -> bool {
    let len = b.len();
    if len < 2 {
        return false;
    }
    let mut groups = 0;
    let mut elided = false;
    let mut i = 0;
    if b[0] == b':' {
        if b[1] != b':' {
            return false;
        }
        elided = true;
        i = 2;
    }
    while i < len {
        let start = i;
        while i < len && is_hex(b[i]) {
            i += 1;
        }
        if i < len && b[i] == b'.' {
            let (_, tail) = b.split_at(start);
            if !ipv4(tail) {
                return false;
            }
            groups += 2;
            break;
        }
        let n = i - start;
        if n == 0 || n > 4 {
            return false;
        }
        groups += 1;
        if i == len {
            break;
        }
        if b[i] != b':' {
            return false;
        }
        i += 1;
        if i < len && b[i] == b':' {
            if elided {
                return false;
            }
            elided = true;
            i += 1;
        } else if i == len {
            return false;
        }
    }
    if elided { groups <= 7 } else { groups == 8 }
}

/// Character classes of RFC 3986, as bits.
const UNRESERVED_OR_SUB_DELIM: u8 = 1;
const COLON: u8 = 2;
const AT: u8 = 4;
const SLASH: u8 = 8;
const QUESTION: u8 = 16;
const PCHAR: u8 = UNRESERVED_OR_SUB_DELIM | COLON | AT;
const PATH: u8 = PCHAR | SLASH;
const QUERY: u8 = PATH | QUESTION;

const fn class(byte: u8) -> u8 {
    match byte {
        b'a'..=b'z'
        | b'A'..=b'Z'
        | b'0'..=b'9'
        | b'-'
        | b'.'
        | b'_'
        | b'~'
        | b'!'
        | b'$'
        | b'&'
        | b'\''
        | b'('
        | b')'
        | b'*'
        | b'+'
        | b','
        | b';'
        | b'=' => UNRESERVED_OR_SUB_DELIM,
        b':' => COLON,
        b'@' => AT,
        b'/' => SLASH,
        b'?' => QUESTION,
        _ => 0,
    }
}

/// The end of the run from `at` of characters in `allowed` and percent-encodings; `None` at
/// a `%` not followed by two hex digits.
const fn scan(b: &[u8], mut at: usize, allowed: u8) -> Option<usize> {
    while at < b.len() {
        if b[at] == b'%' {
            if at + 2 < b.len() && is_hex(b[at + 1]) && is_hex(b[at + 2]) {
                at += 3;
                continue;
            }
            return None;
        }
        if class(b[at]) & allowed == 0 {
            break;
        }
        at += 1;
    }
    Some(at)
}

/// RFC 3986 `URI` (`absolute`) or `URI-reference`.
const fn uri(b: &[u8], absolute: bool) -> bool {
    let len = b.len();
    let scheme = scheme_end(b);
    if absolute && scheme.is_none() {
        return false;
    }
    let mut i = match scheme {
        Some(colon) => colon + 1,
        None => 0,
    };
    if i + 1 < len && b[i] == b'/' && b[i + 1] == b'/' {
        let start = i + 2;
        let mut end = start;
        while end < len && b[end] != b'/' && b[end] != b'?' && b[end] != b'#' {
            end += 1;
        }
        if !authority(b, start, end) {
            return false;
        }
        i = end;
    } else if scheme.is_none() {
        // `path-noscheme`: a first segment with a colon would read as a scheme.
        let mut j = i;
        while j < len && b[j] != b'/' && b[j] != b'?' && b[j] != b'#' {
            if b[j] == b':' {
                return false;
            }
            j += 1;
        }
    }
    i = match scan(b, i, PATH) {
        Some(end) => end,
        None => return false,
    };
    if i < len && b[i] == b'?' {
        i = match scan(b, i + 1, QUERY) {
            Some(end) => end,
            None => return false,
        };
    }
    if i < len && b[i] == b'#' {
        i = match scan(b, i + 1, QUERY) {
            Some(end) => end,
            None => return false,
        };
    }
    i == len
}

/// The index of the `:` ending an RFC 3986 `scheme` (`ALPHA *( ALPHA / DIGIT / "+" / "-" /
/// "." )`), if the text starts with one.
const fn scheme_end(b: &[u8]) -> Option<usize> {
    if b.is_empty() || !b[0].is_ascii_alphabetic() {
        return None;
    }
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b':' => return Some(i),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'+' | b'-' | b'.' => i += 1,
            _ => return None,
        }
    }
    None
}

/// RFC 3986 `authority` in `b[start..end]`: `[ userinfo "@" ] host [ ":" port ]`, the host an
/// IP literal in brackets or a `reg-name` (which an IPv4 address also is).
const fn authority(b: &[u8], start: usize, end: usize) -> bool {
    let mut host = start;
    let mut i = start;
    while i < end {
        if b[i] == b'@' {
            host = i + 1;
            break;
        }
        i += 1;
    }
    if host > start {
        match scan(b, start, UNRESERVED_OR_SUB_DELIM | COLON) {
            Some(userinfo) if userinfo == host - 1 => {}
            _ => return false,
        }
    }
    let mut i = host;
    if i < end && b[i] == b'[' {
        let mut close = i + 1;
        while close < end && b[close] != b']' {
            close += 1;
        }
        if close == end {
            return false;
        }
        let (before, _) = b.split_at(close);
        let (_, literal) = before.split_at(i + 1);
        if !(ipv6(literal) || ip_future(literal)) {
            return false;
        }
        i = close + 1;
    } else {
        i = match scan(b, i, UNRESERVED_OR_SUB_DELIM) {
            Some(after) => after,
            None => return false,
        };
    }
    if i < end && b[i] == b':' {
        i = digits_end(b, i + 1);
    }
    i == end
}

/// RFC 3986 `IPvFuture`: `v`, hex digits, `.`, and unreserved, sub-delims or `:`.
const fn ip_future(b: &[u8]) -> bool {
    if b.is_empty() || (b[0] != b'v' && b[0] != b'V') {
        return false;
    }
    let mut i = 1;
    while i < b.len() && is_hex(b[i]) {
        i += 1;
    }
    if i == 1 || i >= b.len() || b[i] != b'.' || i + 1 == b.len() {
        return false;
    }
    i += 1;
    while i < b.len() {
        if class(b[i]) & (UNRESERVED_OR_SUB_DELIM | COLON) == 0 {
            return false;
        }
        i += 1;
    }
    true
}

/// An RFC 4122 UUID, hyphenated: `8-4-4-4-12` hex digits, any version and variant.
const fn uuid(b: &[u8]) -> bool {
    if b.len() != 36 {
        return false;
    }
    let mut i = 0;
    while i < 36 {
        let hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if hyphen != (b[i] == b'-') || (!hyphen && !is_hex(b[i])) {
            return false;
        }
        i += 1;
    }
    true
}

/// RFC 6901 JSON Pointer: empty, or `/`-prefixed reference tokens in which `~` is always
/// `~0` or `~1`.
const fn json_pointer(b: &[u8]) -> bool {
    if b.is_empty() {
        return true;
    }
    if b[0] != b'/' {
        return false;
    }
    let mut i = 1;
    while i < b.len() {
        if b[i] == b'~' {
            if i + 1 >= b.len() || (b[i + 1] != b'0' && b[i + 1] != b'1') {
                return false;
            }
            i += 1;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{FORMATS, Format};

    #[test]
    fn every_format_is_found_by_its_name() {
        for format in FORMATS {
            assert_eq!(Format::named(format.name()), Some(format));
        }
        assert_eq!(Format::named("date_time"), None);
    }

    /// The cases the JSON-Schema-Test-Suite does not have (it runs in `tests/tests/suite.rs`).
    #[test]
    fn edges() {
        let cases: &[(Format, &str, bool)] = &[
            (Format::Duration, "P1Y2M3DT4H5M6S", true),
            (Format::Duration, "P1Y3D", false),
            (Format::Duration, "PT1H6S", false),
            (Format::Duration, "P1W", true),
            (Format::Duration, "P1WT1H", false),
            (Format::Time, "23:59:60.5Z", true),
            (Format::Time, "12:00:00.Z", false),
            (Format::DateTime, "2000-02-29T00:00:00Z", true),
            (Format::DateTime, "1900-02-29T00:00:00Z", false),
            (Format::DateTime, "2024-05-01T", false),
            (Format::Email, "\"\"@example.com", true),
            (Format::Email, "a\"b@example.com", false),
            (Format::Email, "x@[ipv6:2001:db8::1]", true),
            (Format::Email, "x@[IPv6:2001:db8::g]", false),
            (Format::Email, "@example.com", false),
            (Format::Email, "x@", false),
            (Format::Hostname, "a.b-c.d", true),
            (Format::Hostname, "a..b", false),
            (Format::Hostname, "example.com.", false),
            (Format::Ipv4, "0.0.0.0", true),
            (Format::Ipv4, "1.2.3.", false),
            (Format::Ipv4, "1.2.3.4.", false),
            (Format::Ipv6, "1::", true),
            (Format::Ipv6, "1:2:3:4:5:6:7::", true),
            (Format::Ipv6, "1:2:3:4:5:6:7:8::", false),
            (Format::Ipv6, "::1.2.3.4", true),
            (Format::Ipv6, "1.2.3.4::", false),
            (Format::Uri, "https://[v1.fe]/x", true),
            (Format::Uri, "https://[::1]:8443/", true),
            (Format::Uri, "https://[::1/", false),
            (Format::Uri, "https://h:80x/", false),
            (Format::Uri, "https://a@b@c/", false),
            (Format::Uri, "http://x/%4", false),
            (Format::Uri, "http://x/%", false),
            (Format::Uri, "http://x/%4g", false),
            (Format::Uri, "http://x/%4F", true),
            (Format::UriReference, "", true),
            (Format::UriReference, "a/b:c", true),
            (Format::UriReference, "?q", true),
            (Format::Uuid, "123e4567-e89b-12d3-a456-42661417400g", false),
            (Format::JsonPointer, "/~01", true),
        ];
        for &(format, text, valid) in cases {
            assert_eq!(format.test(text), valid, "{} {text:?}", format.name());
        }
    }

    /// Every byte sequence a format could stumble on: no panic, at any length.
    #[test]
    fn no_panic_on_any_prefix() {
        let texts = [
            "1963-06-19T08:30:06.283185+01:00",
            "P1Y2M3DT4H5M6S",
            "\"a\\\"b\"@[IPv6:1:2:3:4:5:6:1.2.3.4]",
            "http://u:p@[v7.x:y]:80/a/b?c#d%41",
            "1:2:3:4:5:6:255.255.255.255",
            "123e4567-e89b-12d3-a456-426614174000",
            "/a~0b~1c",
        ];
        for text in texts {
            for end in 0..=text.len() {
                let prefix = &text.as_bytes()[..end];
                for format in FORMATS {
                    let Ok(prefix) = core::str::from_utf8(prefix) else {
                        continue;
                    };
                    let _ = format.test(prefix);
                }
            }
        }
    }
}
