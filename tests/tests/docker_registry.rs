//! The example provider schema (`ecr-config/examples/docker_registry`): the same attributes
//! serve a schema other than ECR.

// Shared with the example program, where its items are used from `main`.
#[allow(unreachable_pub)]
#[path = "../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;

use ecr_config::{ExposeSecret, Keyword, Shape, UnitEnum, Validate};
use schema::{RegistryCredential, RegistryProvider};

fn credential(json: serde_json::Value) -> RegistryCredential {
    serde_json::from_value(json).expect("deserializes")
}

fn valid() -> serde_json::Value {
    serde_json::json!({
        "name": "team-hub",
        "provider": "docker-hub",
        "host": "registry-1.docker.io",
        "username": "deploy-bot",
        "password": "dckr_pat_0123456789",
        "mirrors": [{ "url": "https://mirror.gcr.io", "priority": 1 }]
    })
}

fn findings(value: &RegistryCredential) -> Vec<(String, Keyword)> {
    value.validate().err().map_or_else(Vec::new, |errors| {
        errors
            .iter()
            .map(|e| (e.pointer().to_owned(), e.keyword()))
            .collect()
    })
}

fn at(pointer: &str, keyword: Keyword) -> (String, Keyword) {
    (pointer.to_owned(), keyword)
}

#[test]
fn a_valid_credential_passes_and_defaults_apply() {
    let value = credential(valid());
    assert_eq!(findings(&value), []);
    assert_eq!(value.port, 443);
    assert_eq!(value.provider, RegistryProvider::DockerHub);
    assert_eq!(value.mirrors[0].priority, 1);
}

#[test]
fn every_violation_is_reported_with_its_pointer() {
    let value = credential(serde_json::json!({
        "name": "Team Hub",
        "provider": "ghcr",
        "host": "-ghcr.io",
        "port": 0,
        "username": "",
        "password": "short",
        "mirrors": [
            { "url": "https://mirror.example" },
            { "url": "http://insecure.example", "priority": 101 },
            { "url": "https://" }
        ]
    }));
    assert_eq!(
        findings(&value),
        [
            at("/name", Keyword::Pattern),
            at("/host", Keyword::Pattern),
            at("/port", Keyword::Minimum),
            at("/username", Keyword::MinLength),
            at("/password", Keyword::MinLength),
            at("/mirrors/1/url", Keyword::Pattern),
            at("/mirrors/1/priority", Keyword::Maximum),
            at("/mirrors/2/url", Keyword::Pattern),
        ]
    );
    let text = value.validate().unwrap_err().to_string();
    assert!(!text.contains(value.password.expose_secret()));
}

#[test]
fn name_length_bounds_in_code_points() {
    for (name, expected) in [
        ("ab", vec![at("/name", Keyword::MinLength)]),
        ("abc", vec![]),
        (&*"a".repeat(63), vec![]),
        (&*"a".repeat(64), vec![at("/name", Keyword::MaxLength)]),
    ] {
        let mut json = valid();
        json["name"] = name.into();
        assert_eq!(findings(&credential(json)), expected, "{name}");
    }
}

#[test]
fn too_many_mirrors_is_max_items() {
    let mut json = valid();
    json["mirrors"] = (0..6)
        .map(|i| serde_json::json!({ "url": format!("https://m{i}.example") }))
        .collect();
    assert_eq!(
        findings(&credential(json)),
        [at("/mirrors", Keyword::MaxItems)]
    );
}

#[test]
fn provider_names_come_from_the_enum() {
    assert_eq!(
        RegistryProvider::NAMES,
        ["docker-hub", "ghcr", "quay", "self-hosted"]
    );
    let Shape::Object(meta) = RegistryCredential::SHAPE else {
        panic!("a struct")
    };
    let required: Vec<_> = meta
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    assert_eq!(
        required,
        ["name", "provider", "host", "username", "password"]
    );
}
