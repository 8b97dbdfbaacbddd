//! The JSON Schema generated from the annotated structs: the committed
//! `ecr-config/schema/ecr-config.schema.json` is what the derive produces, and it states what
//! the settings page states.

use ecr_config::Validate;
use ecr_config::ecr::EcrConfig;

const COMMITTED: &str = include_str!("../../ecr-config/schema/ecr-config.schema.json");

fn generated() -> String {
    serde_json::to_string_pretty(&EcrConfig::json_schema()).unwrap() + "\n"
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = generated();
    if std::env::var_os("ECR_CONFIG_BLESS").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ecr-config/schema/ecr-config.schema.json"
        );
        std::fs::write(path, &generated).unwrap();
        return;
    }
    assert!(
        COMMITTED == generated,
        "ecr-config/schema/ecr-config.schema.json is out of date: regenerate it with \
         `ECR_CONFIG_BLESS=1 cargo test -p ecr-config-tests --test schema` and review the diff"
    );
}

#[test]
fn the_schema_states_what_the_settings_page_states() {
    let schema = EcrConfig::json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "AWS ECR");
    assert_eq!(
        schema["description"],
        "Defines the settings for AWS ECR integration, including CI/CD and assets"
    );
    assert_eq!(schema["required"], serde_json::json!(["ci", "setup"]));
    assert_eq!(schema["additionalProperties"], false);

    let properties = &schema["properties"];
    assert_eq!(properties["ci"]["title"], "CI/CD Image Push Configuration");
    assert_eq!(properties["read"]["title"], "Cross-Account Pull Access");
    assert_eq!(properties["setup"]["title"], "Storage configuration");
    let provider = &properties["repository_provider"];
    assert_eq!(
        provider,
        &serde_json::json!({
            "title": "Provider", "type": "string", "const": "aws-ecr", "default": "aws-ecr"
        })
    );

    let ci = &properties["ci"];
    assert_eq!(
        ci["required"],
        serde_json::json!(["region", "access_key", "secret_key"])
    );
    assert_eq!(ci["additionalProperties"], false);
    assert_eq!(
        ci["properties"]["access_key"],
        serde_json::json!({
            "type": "string",
            "description": "AWS access key for CI/CD pipeline",
            "minLength": 20,
            "maxLength": 20,
            "pattern": "^[A-Z0-9]{20}$"
        })
    );
    assert_eq!(ci["properties"]["region"]["title"], "AWS Region");
    assert_eq!(
        ci["properties"]["region"]["enum"].as_array().unwrap().len(),
        18
    );
    assert_eq!(ci["properties"]["secret_key"]["minLength"], 1);

    let read = &properties["read"];
    assert_eq!(read.get("required"), None);
    assert_eq!(read["properties"]["role_arn"]["title"], "Assume Role ARN");
    assert_eq!(read["properties"]["region"]["title"], "ECR Region");

    let setup = &properties["setup"];
    assert_eq!(setup["required"], serde_json::json!(["region", "role_arn"]));
    assert_eq!(
        setup["properties"]["policy"]["contentMediaType"],
        "application/json"
    );
    assert_eq!(setup["properties"]["policy"]["title"], "Repository Policy");
    assert_eq!(setup["properties"]["role_arn"].get("title"), None);
    assert_eq!(setup["properties"]["intermediate_role"].get("title"), None);
    assert_eq!(
        setup["properties"]["intermediate_external_id"]["title"],
        "Intermediate Role External ID"
    );
}

#[derive(serde::Deserialize, Validate)]
#[title("Node")]
struct Node {
    /// Children of the node.
    #[len(max = 4)]
    children: Vec<Node>,
    #[range(min = 1, max = 10)]
    weight: u8,
    count: u16,
}

#[test]
fn recursive_types_refer_to_a_definition() {
    let schema = Node::json_schema();
    let children = &schema["properties"]["children"];
    assert_eq!(children["type"], "array");
    assert_eq!(children["maxItems"], 4);
    assert_eq!(children["description"], "Children of the node.");
    assert_eq!(
        children["items"],
        serde_json::json!({ "$ref": "#/$defs/Node" })
    );
    assert_eq!(schema["$defs"]["Node"]["title"], "Node");
    assert_eq!(
        schema["$defs"]["Node"]["properties"]["children"]["items"]["$ref"],
        "#/$defs/Node"
    );
    // A declared range narrows the type's own; without one the type's bounds stand.
    assert_eq!(schema["properties"]["weight"]["minimum"], 1);
    assert_eq!(schema["properties"]["weight"]["maximum"], 10);
    assert_eq!(schema["properties"]["count"]["minimum"], 0);
    assert_eq!(schema["properties"]["count"]["maximum"], 65535);
}

/// Every `#[example]` of a type parses into a valid value of it.
fn examples_are_valid<T: Validate + serde::de::DeserializeOwned + std::fmt::Debug>() -> usize {
    let ecr_config::Shape::Object(meta) = T::SHAPE else {
        panic!("a struct")
    };
    for example in meta.examples {
        if let Err(report) = ecr_config::from_json_str::<T>(example) {
            panic!(
                "an example of {} is invalid:\n{report}\n{example}",
                meta.ident
            );
        }
    }
    meta.examples.len()
}

#[test]
fn every_object_has_a_valid_example() {
    use ecr_config::ecr::{CiConfig, ReadConfig, SetupConfig};
    assert_eq!(examples_are_valid::<EcrConfig>(), 1);
    assert_eq!(examples_are_valid::<CiConfig>(), 1);
    assert_eq!(examples_are_valid::<ReadConfig>(), 1);
    assert_eq!(examples_are_valid::<SetupConfig>(), 1);
    let schema = EcrConfig::json_schema();
    assert_eq!(schema["examples"].as_array().unwrap().len(), 1);
    for object in ["ci", "read", "setup"] {
        assert_eq!(
            schema["properties"][object]["examples"]
                .as_array()
                .map(Vec::len),
            Some(1),
            "{object}"
        );
    }
}

/// `#[len]` counts characters of a string, items of a list and properties of a map, each
/// with its own keyword; a field `#[serde(skip)]` leaves out is not a property.
#[test]
fn lengths_use_the_keyword_of_the_json_type() {
    #[derive(serde::Deserialize, Validate)]
    #[allow(dead_code, reason = "only the schema is used")]
    struct Lengths {
        #[len(min = 1, max = 3)]
        text: String,
        #[len(min = 1, max = 3)]
        list: Vec<u8>,
        #[len(min = 1, max = 3)]
        map: std::collections::BTreeMap<String, u8>,
        #[serde(skip)]
        cache: u32,
    }

    let schema = Lengths::json_schema();
    let properties = &schema["properties"];
    assert_eq!(properties["text"]["minLength"], 1);
    assert_eq!(properties["list"]["minItems"], 1);
    assert_eq!(properties["list"]["maxItems"], 3);
    assert_eq!(properties["map"]["minProperties"], 1);
    assert_eq!(properties["map"]["maxProperties"], 3);
    assert!(properties["map"].get("minLength").is_none());
    assert!(properties.get("cache").is_none());
    assert_eq!(
        schema["required"],
        serde_json::json!(["text", "list", "map"])
    );
}
