//! The `schemars` feature: every `#[derive(Validate)]` type implements `schemars::JsonSchema`
//! from the same declarations as `Validate::json_schema`, so tools built on schemars (aide,
//! okapi, …) see the constraints `validate` checks.

// Shared with the example program, where its items are used from `main`.
#[allow(unreachable_pub)]
#[path = "../../ecr-config/examples/docker_registry/schema.rs"]
mod docker;

use ecr_config::Validate;
use ecr_config::ecr::{CiConfig, EcrConfig};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, schema_for};
use serde::Deserialize;
use serde_json::{Value, json};

// With both traits in scope, `T::json_schema()` is ambiguous (schemars' takes a generator):
// `<T as Validate>::json_schema()` names ours.

fn value(schema: schemars::Schema) -> Value {
    schema.to_value()
}

#[test]
fn schemars_gives_the_same_schema_as_json_schema() {
    assert_eq!(
        value(schema_for!(EcrConfig)),
        <EcrConfig as Validate>::json_schema()
    );
    assert_eq!(
        value(schema_for!(docker::RegistryCredential)),
        <docker::RegistryCredential as Validate>::json_schema()
    );
}

/// What a user's API type, derived with schemars itself, sees of an embedded config: the
/// constraints, under the config type's own definition.
#[test]
fn a_schemars_derived_type_embeds_the_constraints() {
    #[derive(Deserialize, JsonSchema)]
    #[allow(dead_code, reason = "only the schema is used")]
    struct DeployRequest {
        service: String,
        ecr: CiConfig,
    }

    let schema = value(schema_for!(DeployRequest));
    assert_eq!(
        schema["properties"]["ecr"],
        json!({ "$ref": "#/$defs/CiConfig" })
    );
    let ci = &schema["$defs"]["CiConfig"];
    assert_eq!(ci["title"], "CI/CD Image Push Configuration");
    assert_eq!(ci["additionalProperties"], false);
    assert_eq!(
        ci["required"],
        json!(["region", "access_key", "secret_key"])
    );
    let access_key = &ci["properties"]["access_key"];
    assert_eq!(access_key["pattern"], "^[A-Z0-9]{20}$");
    assert_eq!(access_key["minLength"], 20);
    assert_eq!(access_key["maxLength"], 20);
    assert_eq!(ci["properties"]["region"]["enum"][0], "us-east-1");
}

/// A type that contains itself is defined once, at the generator's definitions path, which is
/// `#/components/schemas` with `SchemaSettings::openapi3()`.
#[test]
fn recursive_types_are_defined_where_the_generator_keeps_definitions() {
    /// A directory tree
    #[derive(Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only the schema is used")]
    struct Tree {
        #[len(min = 1)]
        name: String,
        children: Vec<Tree>,
    }

    let schema = value(
        SchemaSettings::openapi3()
            .into_generator()
            .into_root_schema_for::<Tree>(),
    );
    let tree_ref = json!({ "$ref": "#/components/schemas/Tree" });
    assert_eq!(schema["properties"]["children"]["items"], tree_ref);
    let definition = &schema["components"]["schemas"]["Tree"];
    assert_eq!(definition["properties"]["children"]["items"], tree_ref);
    assert_eq!(definition["properties"]["name"]["minLength"], 1);
    assert_eq!(definition["additionalProperties"], false);
    // The same type through `json_schema` refers to its own `$defs`.
    assert_eq!(
        <Tree as Validate>::json_schema()["properties"]["children"]["items"],
        json!({ "$ref": "#/$defs/Tree" })
    );
}

/// Two instantiations of a generic type are two schemas, each with its own constraints.
#[test]
fn generic_instantiations_are_told_apart() {
    #[derive(Deserialize, Validate)]
    #[allow(dead_code, reason = "only the schema is used")]
    struct Labelled<T> {
        #[len(max = 8)]
        label: String,
        value: T,
    }

    #[derive(Deserialize, JsonSchema)]
    #[allow(dead_code, reason = "only the schema is used")]
    struct Both {
        number: Labelled<u8>,
        text: Labelled<String>,
    }

    assert_ne!(<Labelled<u8>>::schema_id(), <Labelled<String>>::schema_id());
    let schema = value(schema_for!(Both));
    let number = schema["properties"]["number"]["$ref"].as_str().unwrap();
    let text = schema["properties"]["text"]["$ref"].as_str().unwrap();
    assert_ne!(number, text);
    let definition = |reference: &str| {
        let name = reference.strip_prefix("#/$defs/").unwrap();
        schema["$defs"][name].clone()
    };
    assert_eq!(
        definition(number)["properties"]["value"],
        json!({ "type": "integer", "minimum": 0, "maximum": 255 })
    );
    assert_eq!(
        definition(text)["properties"]["value"],
        json!({ "type": "string" })
    );
    assert_eq!(definition(text)["properties"]["label"]["maxLength"], 8);
}
