//! Documents around the example provider's schema (`RegistryCredential`): integer ranges
//! spelt every way JSON allows, a list of nested objects around its item limit, strings at
//! their bounds and patterns, an enum of kebab-case names.

use fastrand::Rng;

use crate::doc::Doc;
use crate::mutate;
use crate::strings::{self, ODD, pick};

const NAMES: &[&str] = &[
    "name", "provider", "host", "port", "username", "password", "mirrors", "url", "priority",
];

const PROVIDERS: &[&str] = &["docker-hub", "ghcr", "quay", "self-hosted"];

/// `[a-z0-9]`, with `-` the middle of a name; `.` too for a host.
const LOWER_ALNUM: &[char] = &['a', 'b', 'c', 'k', 'x', 'z', '0', '1', '5', '9'];

/// Ports around `1..=65535` and around `u32`, spelt as integers, fractions, exponents.
const PORTS: &[&str] = &[
    "0",
    "1",
    "443",
    "65535",
    "65536",
    "-1",
    "4294967295",
    "4294967296",
    "-4294967296",
    "18446744073709551616",
    "100000000000000000000000000000000000000000",
    "-100000000000000000000000000000000000000000",
    "1e2",
    "1E5",
    "1.0",
    "1.5",
    "0.5",
    "65535.5",
    "70000.0",
    "443.0e0",
    "1e30",
    "-0",
    "-0.0",
    "0.0",
    "1e-2",
];

/// Priorities around `0..=100` and around `u8`.
const PRIORITIES: &[&str] = &[
    "0", "1", "100", "101", "255", "256", "-1", "1.0", "100.5", "1e2", "1e1", "-0", "99.99", "-0.5",
];

/// A document: a valid credential, then a few changes (see `mutate::document`).
pub(crate) fn document(rng: &mut Rng) -> Doc {
    mutate::document(rng, valid, set_field, NAMES)
}

fn valid(rng: &mut Rng) -> Doc {
    let mut members = vec![
        ("name", Doc::Str(name(rng))),
        ("provider", Doc::str(pick(rng, PROVIDERS))),
        ("host", Doc::Str(host(rng))),
        ("username", Doc::Str(sized(rng, 1, 255))),
        ("password", Doc::Str(sized(rng, 8, 1024))),
    ];
    if rng.bool() {
        members.push(("port", Doc::Num(rng.u32(1..=65535).to_string())));
    }
    if rng.u8(..5) < 3 {
        let mirrors = (0..rng.usize(..=5)).map(|_| mirror(rng)).collect();
        members.push(("mirrors", Doc::Arr(mirrors)));
    }
    rng.shuffle(&mut members);
    Doc::obj(members)
}

/// `^[a-z][a-z0-9-]*[a-z0-9]$`, 3 to 63 characters.
fn name(rng: &mut Rng) -> String {
    let len = strings::length_near(rng, &[3, 63]).clamp(3, 63);
    let mut name = String::from(pick(rng, &['a', 'k', 'z']));
    let middle: Vec<char> = LOWER_ALNUM.iter().copied().chain(['-']).collect();
    name += &strings::from(rng, &middle, len - 2);
    name.push(pick(rng, LOWER_ALNUM));
    name
}

/// `^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$`, 1 to 253 characters.
fn host(rng: &mut Rng) -> String {
    let len = strings::length_near(rng, &[1, 2, 253]).clamp(1, 253);
    if len == 1 {
        return pick(rng, LOWER_ALNUM).to_string();
    }
    let middle: Vec<char> = LOWER_ALNUM.iter().copied().chain(['-', '.']).collect();
    let mut host = String::from(pick(rng, LOWER_ALNUM));
    host += &strings::from(rng, &middle, len - 2);
    host.push(pick(rng, LOWER_ALNUM));
    host
}

/// Any characters, between `min` and `max` of them, often at a bound.
fn sized(rng: &mut Rng, min: usize, max: usize) -> String {
    let len = if rng.bool() {
        rng.usize(min..=max.min(min + 30))
    } else {
        pick(rng, &[min, max])
    };
    strings::any(rng, len)
}

fn mirror(rng: &mut Rng) -> Doc {
    let mut members = vec![("url", Doc::Str(url(rng)))];
    if rng.bool() {
        members.push(("priority", Doc::Num(rng.u8(..=100).to_string())));
    }
    rng.shuffle(&mut members);
    Doc::obj(members)
}

/// `^https://[^/?#]+`, at most 2048 characters: unanchored at the end, so anything may follow
/// the host.
fn url(rng: &mut Rng) -> String {
    let host_chars: Vec<char> = LOWER_ALNUM
        .iter()
        .copied()
        .chain(['.', ':', 'é', '😀'])
        .collect();
    let len = if rng.u8(..8) == 0 {
        strings::length_near(rng, &[2048]).saturating_sub("https://".len())
    } else {
        rng.usize(1..20)
    };
    let mut url = format!("https://{}", strings::from(rng, &host_chars, len));
    if rng.u8(..4) == 0 && url.chars().count() < 2040 {
        url += pick(rng, &["/", "/a/b", "?q=1", "#top", "/\n", " x"]);
    }
    url
}

/// Sets one property, or one of a mirror's (adding a mirror or the list if need be), to a
/// value aimed at its rules.
fn set_field(rng: &mut Rng, doc: &mut Doc) {
    let Doc::Obj(members) = doc else { return };
    let (name, value) = match rng.u8(..9) {
        0 => ("name", aimed_name(rng)),
        1 => ("provider", Doc::Str(aimed_provider(rng))),
        2 => ("host", aimed_host(rng)),
        3 => ("port", Doc::num(pick(rng, PORTS))),
        4 => {
            let len = strings::length_near(rng, &[0, 1, 255]);
            ("username", Doc::Str(strings::any(rng, len)))
        }
        5 => {
            let len = strings::length_near(rng, &[8, 1024]);
            ("password", Doc::Str(strings::any(rng, len)))
        }
        6 => {
            let len = strings::length_near(rng, &[0, 5, 6]);
            ("mirrors", Doc::Arr((0..len).map(|_| mirror(rng)).collect()))
        }
        _ => return set_mirror_field(rng, members),
    };
    match members.iter_mut().find(|(key, _)| key == name) {
        Some((_, old)) => *old = value,
        None => members.push((name.into(), value)),
    }
}

fn set_mirror_field(rng: &mut Rng, members: &mut Vec<(String, Doc)>) {
    if !members.iter().any(|(key, _)| key == "mirrors") {
        members.push(("mirrors".into(), Doc::Arr(Vec::new())));
    }
    let Some((_, Doc::Arr(items))) = members.iter_mut().find(|(key, _)| key == "mirrors") else {
        return;
    };
    if items.is_empty() {
        items.push(mirror(rng));
    }
    let at = rng.usize(..items.len());
    let Doc::Obj(mirror) = &mut items[at] else {
        return;
    };
    let (name, value) = if rng.bool() {
        ("url", Doc::Str(aimed_url(rng)))
    } else {
        ("priority", Doc::num(pick(rng, PRIORITIES)))
    };
    match mirror.iter_mut().find(|(key, _)| key == name) {
        Some((_, old)) => *old = value,
        None => mirror.push((name.into(), value)),
    }
}

fn aimed_name(rng: &mut Rng) -> Doc {
    let text = match rng.u8(..4) {
        // The right alphabet, first and last characters unconstrained.
        0 => {
            let len = strings::length_near(rng, &[2, 3, 63]);
            let alphabet: Vec<char> = LOWER_ALNUM.iter().copied().chain(['-']).collect();
            strings::from(rng, &alphabet, len)
        }
        1 => pick(
            rng,
            &["ab", "abc", "a-", "-ab", "1ab", "a_b", "a.b", "Abc", "été"],
        )
        .to_owned(),
        _ => {
            let valid = name(rng);
            strings::nudge(rng, &valid)
        }
    };
    Doc::Str(text)
}

fn aimed_provider(rng: &mut Rng) -> String {
    match rng.u8(..3) {
        0 => pick(rng, PROVIDERS).to_owned(),
        // Case changes, the Rust variant names, separators.
        1 => pick(
            rng,
            &[
                "Docker-Hub",
                "DOCKER-HUB",
                "docker_hub",
                "DockerHub",
                "GitHub",
                "github",
                "self-hosted ",
                "",
            ],
        )
        .to_owned(),
        _ => {
            let valid = pick(rng, PROVIDERS);
            strings::nudge(rng, valid)
        }
    }
}

fn aimed_host(rng: &mut Rng) -> Doc {
    let text = match rng.u8(..3) {
        0 => {
            let len = strings::length_near(rng, &[0, 1, 253]);
            let alphabet: Vec<char> = LOWER_ALNUM.iter().copied().chain(['.', '-']).collect();
            strings::from(rng, &alphabet, len)
        }
        1 => pick(
            rng,
            &[
                "a.", ".a", "-a", "a-", "a..b", "é.com", "A.com", "a b", "a\n",
            ],
        )
        .to_owned(),
        _ => {
            let valid = host(rng);
            strings::nudge(rng, &valid)
        }
    };
    Doc::Str(text)
}

fn aimed_url(rng: &mut Rng) -> String {
    match rng.u8(..3) {
        0 => url(rng),
        1 => pick(
            rng,
            &[
                "http://a",
                "https://",
                "https:///x",
                "https://?x",
                "https://#",
                "HTTPS://a",
                " https://a",
                "https://a\n",
                "https://é",
                "https://𝔸",
                "https://a/b?c#d",
                "",
            ],
        )
        .to_owned(),
        _ => {
            let valid = url(rng);
            let odd = pick(rng, ODD);
            if rng.bool() {
                strings::nudge(rng, &valid)
            } else {
                format!("https://{odd}")
            }
        }
    }
}
