//! The Markdown references generated from the annotated structs: the committed
//! `ecr-config/schema/ecr-config.md` and `ecr-config/examples/docker_registry/REFERENCE.md`
//! are what the derive produces, the ECR one states what the settings page states, and every
//! example they show is a valid document.

// Shared with the example program, where its items are used from `main`.
#[allow(unreachable_pub)]
#[path = "../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;

use ecr_config::Validate;
use ecr_config::ecr::{CiConfig, EcrConfig, ReadConfig, SetupConfig};
use schema::{Mirror, RegistryCredential};

const ECR: &str = include_str!("../../ecr-config/schema/ecr-config.md");
const DOCKER: &str = include_str!("../../ecr-config/examples/docker_registry/REFERENCE.md");

/// Compares a committed reference with the generated one, or rewrites it when blessing.
fn committed_is_generated(committed: &str, generated: &str, path: &str) {
    if std::env::var_os("ECR_CONFIG_BLESS").is_some() {
        let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(full, generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "{path} is out of date: regenerate it with \
         `ECR_CONFIG_BLESS=1 cargo test -p ecr-config-tests --test docs` and review the diff"
    );
}

#[test]
fn the_committed_reference_is_the_generated_one() {
    committed_is_generated(
        ECR,
        &EcrConfig::markdown_reference(),
        "ecr-config/schema/ecr-config.md",
    );
}

#[test]
fn the_committed_docker_reference_is_the_generated_one() {
    committed_is_generated(
        DOCKER,
        &RegistryCredential::markdown_reference(),
        "ecr-config/examples/docker_registry/REFERENCE.md",
    );
}

/// The lines of the section headed `heading`, up to the next object's section.
fn section<'d>(docs: &'d str, heading: &str) -> Vec<&'d str> {
    let mut lines = docs.lines().skip_while(|line| *line != heading);
    assert_eq!(
        lines.next(),
        Some(heading),
        "no {heading:?} in the reference"
    );
    lines
        .take_while(|line| {
            !line.starts_with("## ") || ["## Properties", "## Example"].contains(line)
        })
        .collect()
}

/// The four cells of property `name`'s row in the section headed `heading`.
fn row<'d>(docs: &'d str, heading: &str, name: &str) -> [&'d str; 4] {
    let start = format!("| `{name}`");
    let line = section(docs, heading)
        .into_iter()
        .find(|line| line.starts_with(&start))
        .unwrap_or_else(|| panic!("no {name} under {heading:?}"));
    let cells: Vec<&str> = line
        .strip_prefix("| ")
        .and_then(|line| line.strip_suffix(" |"))
        .unwrap()
        .split(" | ")
        .collect();
    cells.try_into().unwrap()
}

const REGIONS: &str = r#"Enum: "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "sa-east-1", "ca-central-1", "me-south-1", "af-south-1""#;
const ROLE_ARN: &str = "Pattern: `^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$`";

/// A property as the settings page shows it: name, title, type, description, the rules
/// under it (in the page's wording and order), required.
struct Property {
    name: &'static str,
    title: Option<&'static str>,
    kind: &'static str,
    description: Option<&'static str>,
    rules: &'static [&'static str],
    required: &'static str,
}

const fn property(
    name: &'static str,
    title: Option<&'static str>,
    kind: &'static str,
    description: Option<&'static str>,
    rules: &'static [&'static str],
    required: &'static str,
) -> Property {
    Property {
        name,
        title,
        kind,
        description,
        rules,
        required,
    }
}

/// Every section of the settings page: its heading, its description, its properties.
const PAGE: &[(&str, &str, &[Property])] = &[
    (
        "# AWS ECR",
        "Defines the settings for AWS ECR integration, including CI/CD and assets",
        &[
            property(
                "ci",
                Some("CI/CD Image Push Configuration"),
                "object",
                Some(
                    "Set up credentials for writing and pushing Docker images to ECR as part of \
                     your CI/CD pipelines",
                ),
                &[],
                "yes",
            ),
            property(
                "read",
                Some("Cross-Account Pull Access"),
                "object",
                Some(
                    "Configure permissions for pulling Docker images from a centralized ECR \
                     repository across AWS accounts",
                ),
                &[],
                "no",
            ),
            property(
                "setup",
                Some("Storage configuration"),
                "object",
                Some("Configure base settings for storing Docker builds in your ECR repository"),
                &[],
                "yes",
            ),
            property(
                "repository_provider",
                Some("Provider"),
                "string",
                None,
                &[r#"Default: "aws-ecr""#, r#"Constant Value: "aws-ecr""#],
                "no",
            ),
        ],
    ),
    (
        "## ci: CI/CD Image Push Configuration",
        "Set up credentials for writing and pushing Docker images to ECR as part of your CI/CD \
         pipelines",
        &[
            property(
                "region",
                Some("AWS Region"),
                "string",
                Some("AWS region for CI/CD operations"),
                &[REGIONS],
                "yes",
            ),
            property(
                "access_key",
                None,
                "string",
                Some("AWS access key for CI/CD pipeline"),
                &[
                    "Minimal Length: 20",
                    "Maximal Length: 20",
                    "Pattern: `^[A-Z0-9]{20}$`",
                ],
                "yes",
            ),
            property(
                "secret_key",
                None,
                "string",
                Some("AWS secret key for CI/CD pipeline"),
                &["Minimal Length: 1"],
                "yes",
            ),
        ],
    ),
    (
        "## read: Cross-Account Pull Access",
        "Configure permissions for pulling Docker images from a centralized ECR repository \
         across AWS accounts",
        // The page leaves Required empty for these two; neither is required.
        &[
            property(
                "region",
                Some("ECR Region"),
                "string",
                Some("AWS region where the centralized Amazon ECR repository is located"),
                &[REGIONS],
                "no",
            ),
            property(
                "role_arn",
                Some("Assume Role ARN"),
                "string",
                Some(
                    "Intermediate IAM role ARN that will be assumed to pull Docker images from \
                     the centralized ECR repository",
                ),
                &["Minimal Length: 1", ROLE_ARN],
                "no",
            ),
        ],
    ),
    (
        "## setup: Storage configuration",
        "Configure base settings for storing Docker builds in your ECR repository",
        &[
            property(
                "policy",
                Some("Repository Policy"),
                "string",
                Some("ECR repository access policy as a JSON string"),
                &[],
                "no",
            ),
            property(
                "region",
                Some("AWS Region"),
                "string",
                Some("AWS region for ECR"),
                &[REGIONS],
                "yes",
            ),
            property(
                "role_arn",
                None,
                "string",
                Some("AWS IAM role ARN for ECR access"),
                &["Minimal Length: 1", ROLE_ARN],
                "yes",
            ),
            property(
                "external_id",
                Some("Role External ID"),
                "string",
                Some("External ID for the main IAM role"),
                &["Minimal Length: 1"],
                "no",
            ),
            property(
                "intermediate_role",
                None,
                "string",
                Some("Intermediate IAM role for cross-account access"),
                &["Minimal Length: 1", ROLE_ARN],
                "no",
            ),
            property(
                "intermediate_external_id",
                Some("Intermediate Role External ID"),
                "string",
                Some("External ID for the intermediate IAM role"),
                &["Minimal Length: 1"],
                "no",
            ),
        ],
    ),
];

#[test]
fn the_reference_states_what_the_settings_page_states() {
    let docs = EcrConfig::markdown_reference();
    let headings: Vec<&str> = docs
        .lines()
        .filter(|line| line.starts_with('#') && !line.ends_with(" Properties"))
        .filter(|line| !line.ends_with(" Example"))
        .collect();
    let page_headings: Vec<&str> = PAGE.iter().map(|(heading, ..)| *heading).collect();
    assert_eq!(headings, page_headings);

    for (heading, description, properties) in PAGE {
        let lines = section(&docs, heading);
        // The description, then the table of exactly the page's properties, in its order.
        assert_eq!(lines[..3], ["", *description, ""], "{heading}");
        let names: Vec<&str> = lines
            .iter()
            .filter_map(|line| line.strip_prefix("| `")?.split('`').next())
            .collect();
        let page_names: Vec<&str> = properties.iter().map(|p| p.name).collect();
        assert_eq!(names, page_names, "{heading}");
        assert!(
            lines.contains(&"Additional Properties: not allowed"),
            "{heading}"
        );

        for property in *properties {
            let [name, kind, cell, required] = row(&docs, heading, property.name);
            let what = format!("{heading} {}", property.name);
            let expected_name = match property.title {
                Some(title) => format!("`{}`<br>({title})", property.name),
                None => format!("`{}`", property.name),
            };
            assert_eq!(name, expected_name, "{what}");
            if property.kind == "object" {
                assert!(kind.starts_with("[object](#"), "{what}: {kind}");
            } else {
                assert_eq!(kind, property.kind, "{what}");
            }
            let mut lines = cell.split("<br>");
            if let Some(description) = property.description {
                assert_eq!(lines.next(), Some(description), "{what}");
            }
            // The page's rules, in its order; the reference may add its own between them
            // (the media type, the secret).
            let lines: Vec<&str> = lines.collect();
            let mut found = lines.iter();
            for rule in property.rules {
                assert!(
                    found.any(|line| line == rule),
                    "{what}: {rule} in {lines:?}"
                );
            }
            assert_eq!(required, property.required, "{what}");
        }
    }
}

#[test]
fn the_reference_adds_what_the_declarations_add() {
    let docs = EcrConfig::markdown_reference();
    assert_eq!(
        row(&docs, "## setup: Storage configuration", "policy")[2],
        "ECR repository access policy as a JSON string<br>Content Media Type: application/json"
    );
    assert_eq!(
        row(&docs, "## ci: CI/CD Image Push Configuration", "secret_key")[2],
        "AWS secret key for CI/CD pipeline<br>Minimal Length: 1<br>Secret: never shown in reports or logs"
    );
    // Each object's type links to its section.
    for (name, anchor) in [
        ("ci", "ci-cicd-image-push-configuration"),
        ("read", "read-cross-account-pull-access"),
        ("setup", "setup-storage-configuration"),
    ] {
        assert_eq!(
            row(&docs, "# AWS ECR", name)[1],
            format!("[object](#{anchor})")
        );
    }
    assert_eq!(
        docs.matches("Additional Properties: not allowed").count(),
        4
    );
}

/// Every JSON code block of a reference, with the heading of the section it is in.
fn examples(docs: &str) -> Vec<(&str, String)> {
    let mut found = Vec::new();
    let mut heading = "";
    let mut lines = docs.lines();
    while let Some(line) = lines.next() {
        if line.starts_with('#') && !line.ends_with(" Properties") && !line.ends_with(" Example") {
            heading = line;
        } else if line == "```json" {
            let body: Vec<&str> = lines.by_ref().take_while(|line| *line != "```").collect();
            found.push((heading, body.join("\n")));
        }
    }
    found
}

/// Parses and validates `example` as a `T`, or fails naming the section.
fn passes<T: serde::de::DeserializeOwned + Validate>(heading: &str, example: &str) {
    if let Err(report) = ecr_config::from_json_str::<T>(example) {
        panic!("the example under {heading:?} is invalid:\n{report}\n{example}");
    }
}

#[test]
fn every_example_shown_is_a_valid_document() {
    let docs = EcrConfig::markdown_reference();
    let shown = examples(&docs);
    let headings: Vec<&str> = shown.iter().map(|(heading, _)| *heading).collect();
    assert_eq!(
        headings,
        [
            "# AWS ECR",
            "## ci: CI/CD Image Push Configuration",
            "## read: Cross-Account Pull Access",
            "## setup: Storage configuration"
        ]
    );
    for (heading, example) in &shown {
        match *heading {
            "# AWS ECR" => passes::<EcrConfig>(heading, example),
            "## ci: CI/CD Image Push Configuration" => passes::<CiConfig>(heading, example),
            "## read: Cross-Account Pull Access" => passes::<ReadConfig>(heading, example),
            _ => passes::<SetupConfig>(heading, example),
        }
    }
    // The full example keeps the settings page's order of properties.
    let order: Vec<usize> = ["\"ci\"", "\"read\"", "\"setup\"", "\"repository_provider\""]
        .iter()
        .map(|key| shown[0].1.find(key).unwrap())
        .collect();
    assert!(order.is_sorted(), "{}", shown[0].1);
}

#[test]
fn every_docker_example_shown_is_a_valid_document() {
    let docs = RegistryCredential::markdown_reference();
    let shown = examples(&docs);
    let headings: Vec<&str> = shown.iter().map(|(heading, _)| *heading).collect();
    assert_eq!(headings, ["# Docker Registry", "## mirrors[]: Mirror"]);
    passes::<RegistryCredential>(shown[0].0, &shown[0].1);
    passes::<Mirror>(shown[1].0, &shown[1].1);
}

#[test]
fn the_docker_reference_shows_its_rules() {
    let docs = RegistryCredential::markdown_reference();
    assert_eq!(
        row(&docs, "# Docker Registry", "provider"),
        [
            "`provider`<br>(Provider)",
            "string",
            r#"Which registry service the credential is for<br>Enum: "docker-hub", "ghcr", "quay", "self-hosted""#,
            "yes"
        ]
    );
    assert_eq!(
        row(&docs, "# Docker Registry", "port")[2],
        // `#[serde(default = "default_port")]`: serde's default, stated.
        "Registry port<br>Minimum: 1<br>Maximum: 65535<br>Default: 443"
    );
    assert_eq!(
        row(&docs, "# Docker Registry", "mirrors"),
        [
            "`mirrors`<br>(Mirrors)",
            "array of [object](#mirrors-mirror)",
            "Pull-through mirrors tried before the registry itself<br>Maximal Items: 5<br>Default: `[]`",
            "no"
        ]
    );
    assert_eq!(
        row(&docs, "## mirrors[]: Mirror", "priority")[2],
        "Lower values are tried first<br>Minimum: 0<br>Maximum: 100<br>Default: 0"
    );
}
