//! Documents around the ECR schema (`ecr_config::ecr::EcrConfig`): valid configs built from
//! valid parts (every region, optional properties present or not), then a few changes, each
//! aimed at one rule: a bound, a pattern's alphabet, an enum's case, the constant.

use ecr_config::UnitEnum;
use ecr_config::ecr::Region;
use fastrand::Rng;

use crate::doc::Doc;
use crate::mutate;
use crate::strings::{self, DIGITS, ODD, pick};

/// Every property name of the model, for near-miss keys.
const NAMES: &[&str] = &[
    "ci",
    "read",
    "setup",
    "repository_provider",
    "region",
    "access_key",
    "secret_key",
    "role_arn",
    "policy",
    "external_id",
    "intermediate_role",
    "intermediate_external_id",
];

#[derive(Clone, Copy)]
enum Field {
    Region,
    AccessKey,
    /// Any string of at least one character.
    NonEmpty,
    RoleArn,
    Policy,
    Provider,
}

/// Every string property: its object (`""` for the root), its name, what it holds.
const FIELDS: &[(&str, &str, Field)] = &[
    ("ci", "region", Field::Region),
    ("ci", "access_key", Field::AccessKey),
    ("ci", "secret_key", Field::NonEmpty),
    ("read", "region", Field::Region),
    ("read", "role_arn", Field::RoleArn),
    ("setup", "policy", Field::Policy),
    ("setup", "region", Field::Region),
    ("setup", "role_arn", Field::RoleArn),
    ("setup", "external_id", Field::NonEmpty),
    ("setup", "intermediate_role", Field::RoleArn),
    ("setup", "intermediate_external_id", Field::NonEmpty),
    ("", "repository_provider", Field::Provider),
];

const UPPER_ALNUM: &[char] = &[
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
    'T', 'U', 'V', 'W', 'X', 'Y', 'Z', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
];

/// `[a-zA-Z0-9+=,.@_-]`, the role name's alphabet.
const ROLE_NAME: &[char] = &[
    'a', 'b', 'e', 'r', 'x', 'z', 'A', 'E', 'R', 'Z', '0', '5', '9', '+', '=', ',', '.', '@', '_',
    '-',
];

const JSON_TEXTS: &[&str] = &[
    "{}",
    "[]",
    "null",
    "1",
    "\"s\"",
    " {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"}]} \n",
    "{\"a\": \"\\ud800\"}",
];

const NOT_JSON_TEXTS: &[&str] = &[
    "",
    " ",
    "{",
    "{'a': 1}",
    "[1,]",
    "{} x",
    "nul",
    "\"\\x\"",
    "01",
    "{\"a\" 1}",
];

/// A document: a valid config, then a few changes (see `mutate::document`).
pub(crate) fn document(rng: &mut Rng) -> Doc {
    mutate::document(rng, valid, set_field, NAMES)
}

fn valid(rng: &mut Rng) -> Doc {
    let mut ci = vec![
        ("region", region(rng)),
        ("access_key", Doc::Str(access_key(rng))),
        ("secret_key", Doc::Str(non_empty(rng))),
    ];
    rng.shuffle(&mut ci);
    let mut setup = vec![
        ("region", region(rng)),
        ("role_arn", Doc::Str(role_arn(rng))),
    ];
    for name in ["external_id", "intermediate_external_id"] {
        if rng.bool() {
            setup.push((name, Doc::Str(non_empty(rng))));
        }
    }
    if rng.bool() {
        setup.push(("intermediate_role", Doc::Str(role_arn(rng))));
    }
    if rng.bool() {
        setup.push(("policy", Doc::str(pick(rng, JSON_TEXTS))));
    }
    rng.shuffle(&mut setup);
    let mut root = vec![("ci", Doc::obj(ci)), ("setup", Doc::obj(setup))];
    if rng.bool() {
        let mut read = Vec::new();
        if rng.bool() {
            read.push(("region", region(rng)));
        }
        if rng.bool() {
            read.push(("role_arn", Doc::Str(role_arn(rng))));
        }
        root.push(("read", Doc::obj(read)));
    }
    if rng.bool() {
        root.push(("repository_provider", Doc::str("aws-ecr")));
    }
    rng.shuffle(&mut root);
    Doc::obj(root)
}

fn region(rng: &mut Rng) -> Doc {
    Doc::str(pick(rng, Region::NAMES))
}

fn access_key(rng: &mut Rng) -> String {
    if rng.u8(..8) == 0 {
        "AKIAIOSFODNN7EXAMPLE".to_owned()
    } else {
        strings::from(rng, UPPER_ALNUM, 20)
    }
}

fn non_empty(rng: &mut Rng) -> String {
    let len = rng.usize(1..24);
    strings::any(rng, len)
}

/// `arn:aws:iam::<12 digits>:role/<name>`, the name from its alphabet, now and then long.
fn role_arn(rng: &mut Rng) -> String {
    let account = strings::from(rng, DIGITS, 12);
    let len = if rng.u8(..16) == 0 {
        rng.usize(64..300)
    } else {
        rng.usize(1..24)
    };
    let name = strings::from(rng, ROLE_NAME, len);
    format!("arn:aws:iam::{account}:role/{name}")
}

/// Sets one string property (creating `read` if it is missing) to a value aimed at its rules.
fn set_field(rng: &mut Rng, doc: &mut Doc) {
    let (object, name, field) = pick(rng, FIELDS);
    let value = Doc::Str(aimed(rng, field));
    let parent = match object {
        "" => Some(doc),
        "read" if doc.get_mut("read").is_none() => match doc {
            Doc::Obj(members) => {
                members.push(("read".into(), Doc::Obj(Vec::new())));
                members.last_mut().map(|(_, read)| read)
            }
            _ => None,
        },
        object => doc.get_mut(object),
    };
    let Some(Doc::Obj(members)) = parent else {
        return;
    };
    match members.iter_mut().find(|(key, _)| key == name) {
        Some((_, old)) => *old = value,
        None => members.push((name.into(), value)),
    }
}

/// A value for `field`, valid or just outside one of its rules.
fn aimed(rng: &mut Rng, field: Field) -> String {
    match field {
        Field::Region => {
            let valid = pick(rng, Region::NAMES);
            match rng.u8(..6) {
                0 => valid.to_owned(),
                1 => valid.to_uppercase(),
                2 => format!("{valid} "),
                3 => pick(
                    rng,
                    &["", "us-east1", "US-East-1", "us_east_1", "us-east-1\n"],
                )
                .into(),
                _ => strings::nudge(rng, valid),
            }
        }
        Field::AccessKey => match rng.u8(..4) {
            0 => {
                let len = strings::length_near(rng, &[0, 1, 20]);
                strings::from(rng, UPPER_ALNUM, len)
            }
            // Mostly the right alphabet, a character or two from outside it: multi-byte ones
            // make byte and code point lengths differ.
            1 => {
                let len = strings::length_near(rng, &[20]);
                (0..len)
                    .map(|_| {
                        if rng.u8(..10) == 0 {
                            pick(rng, ODD)
                        } else {
                            pick(rng, UPPER_ALNUM)
                        }
                    })
                    .collect()
            }
            _ => {
                let key = access_key(rng);
                strings::nudge(rng, &key)
            }
        },
        Field::NonEmpty => {
            let len = strings::length_near(rng, &[0, 1, 2]);
            strings::any(rng, len)
        }
        Field::RoleArn => aimed_arn(rng),
        Field::Policy => {
            if rng.bool() {
                pick(rng, JSON_TEXTS).to_owned()
            } else {
                pick(rng, NOT_JSON_TEXTS).to_owned()
            }
        }
        Field::Provider => match rng.u8(..3) {
            0 => "aws-ecr".to_owned(),
            1 => pick(
                rng,
                &[
                    "AWS-ECR",
                    "aws-ecr\n",
                    "",
                    " aws-ecr",
                    "aws_ecr",
                    "gcr",
                    "aws-ecr\0",
                ],
            )
            .to_owned(),
            _ => strings::nudge(rng, "aws-ecr"),
        },
    }
}

/// A role ARN with one part (or none) just outside the pattern: the partition, the service,
/// 11 or 13 digits or non-ASCII ones, `role/` missing or doubled, a name with `/`, a space,
/// a letter from outside ASCII, a trailing newline, or nothing.
fn aimed_arn(rng: &mut Rng) -> String {
    let valid = role_arn(rng);
    let Some((head, name)) = valid.split_once(":role/") else {
        unreachable!("a valid ARN has a role")
    };
    let digits = &head["arn:aws:iam::".len()..];
    match rng.u8(..10) {
        0 => valid,
        1 => {
            let prefix = pick(
                rng,
                &[
                    "arn:aws-cn:iam::",
                    "arn:aws-us-gov:iam::",
                    "ARN:aws:iam::",
                    "arn:aws:iam:",
                    "arn:aws:sts::",
                ],
            );
            format!("{prefix}{digits}:role/{name}")
        }
        2 => {
            let len = pick(rng, &[0, 11, 13]);
            let account = strings::from(rng, DIGITS, len);
            format!("arn:aws:iam::{account}:role/{name}")
        }
        3 => format!("arn:aws:iam::{}:role/{name}", strings::nudge(rng, digits)),
        4 => {
            let role = pick(rng, &[":user/", ":role", ":role//", ":Role/", "/role/"]);
            format!("arn:aws:iam::{digits}{role}{name}")
        }
        5 => format!("arn:aws:iam::{digits}:role/"),
        6 => format!("{valid}/{name}"),
        7 => pick(rng, &["", "arn:aws:iam::123456789012:role/x\n", "x"]).to_owned(),
        _ => format!("arn:aws:iam::{digits}:role/{}", strings::nudge(rng, name)),
    }
}
