//! JSON Schema (draft 2020-12) generated from a type's [`Shape`]: the same declarations that
//! drive validation and parsing, so the three cannot drift apart.
//!
//! Its functions are `#[inline]`: compiled only into a crate that asks for a schema, not
//! into the runtime crate every user builds (most only parse and validate).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::error::Number;
use crate::meta::{FieldMeta, Rule, Shape, StructMeta};

#[cfg(feature = "schemars")]
pub(crate) mod schemars;

/// The dialect every generated schema declares.
pub(crate) const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The JSON Schema of a shape; see [`Validate::json_schema`](crate::Validate::json_schema).
#[inline]
pub(crate) fn generate(shape: &'static Shape) -> Value {
    let (mut body, defs) = parts(shape, "#/$defs/");
    let mut root = Map::new();
    root.insert("$schema".into(), DIALECT.into());
    root.append(&mut body);
    if !defs.is_empty() {
        root.insert("$defs".into(), Value::Object(defs.into_iter().collect()));
    }
    Value::Object(root)
}

/// A shape's schema without the root's `$schema`, and the definitions its `$ref`s name, each
/// referred to as `ref_prefix` followed by the Rust name of the type.
#[inline]
pub(crate) fn parts(
    shape: &'static Shape,
    ref_prefix: &str,
) -> (Map<String, Value>, BTreeMap<String, Value>) {
    let mut generator = Generator {
        ref_prefix,
        stack: Vec::new(),
        defs: BTreeMap::new(),
        pending: Vec::new(),
        referred: Vec::new(),
    };
    let body = match generator.shape(shape) {
        Value::Object(body) => body,
        _ => Map::new(),
    };
    // Types that contain themselves are described once, among the definitions.
    while let Some(meta) = generator.pending.pop() {
        generator.stack.push(meta.ident);
        let definition = generator.object(meta);
        generator.stack.pop();
        generator.defs.insert(meta.ident.to_owned(), definition);
    }
    (body, generator.defs)
}

struct Generator<'a> {
    /// What a `$ref` to a definition starts with, before the type's name.
    ref_prefix: &'a str,
    /// The structs being described, outermost first: meeting one again means recursion.
    stack: Vec<&'static str>,
    defs: BTreeMap<String, Value>,
    /// Structs referred to by `$ref` and not yet defined.
    pending: Vec<&'static StructMeta>,
    /// Every struct ever queued, so that each is defined once.
    referred: Vec<&'static str>,
}

impl Generator<'_> {
    #[inline]
    fn shape(&mut self, shape: &'static Shape) -> Value {
        match shape {
            Shape::Any => json!({}),
            Shape::Boolean => json!({ "type": "boolean" }),
            // The Rust type's own bounds are part of what the parser checks.
            Shape::Integer { min, max } => json!({
                "type": "integer",
                "minimum": integer(*min),
                "maximum": integer(*max),
            }),
            Shape::Number => json!({ "type": "number" }),
            Shape::Str => json!({ "type": "string" }),
            Shape::Optional(inner) | Shape::Sensitive(inner) => self.shape(inner()),
            Shape::Array(item) => json!({ "type": "array", "items": self.shape(item()) }),
            Shape::Map(value) => {
                json!({ "type": "object", "additionalProperties": self.shape(value()) })
            }
            Shape::Enum(meta) => {
                let mut schema = described(meta.title, meta.description, "string");
                schema.insert("enum".into(), json!(meta.names));
                Value::Object(schema)
            }
            Shape::Object(meta) => {
                if self.stack.contains(&meta.ident) {
                    if !self.referred.contains(&meta.ident) {
                        self.referred.push(meta.ident);
                        self.pending.push(meta);
                    }
                    return json!({ "$ref": format!("{}{}", self.ref_prefix, meta.ident) });
                }
                self.stack.push(meta.ident);
                let schema = self.object(meta);
                self.stack.pop();
                schema
            }
        }
    }

    #[inline]
    fn object(&mut self, meta: &'static StructMeta) -> Value {
        let mut schema = described(meta.title, meta.description, "object");
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut fields = Vec::new();
        let mut dependents = Vec::new();
        flattened(meta, &mut fields);
        for field in fields {
            properties.insert(field.name.into(), self.property(field));
            if field.required {
                required.push(Value::from(field.name));
            }
            for rule in field.rules {
                if let Rule::Requires { properties, .. } = *rule {
                    dependents.push((field.name, properties));
                }
            }
        }
        schema.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        crate::rules::requires::schema(&dependents, &mut schema);
        if meta.deny_unknown_fields {
            schema.insert("additionalProperties".into(), false.into());
        }
        // Examples that are not JSON are left out; a test checks each is a valid document.
        let examples: Vec<Value> = meta
            .examples
            .iter()
            .filter_map(|example| serde_json::from_str(example).ok())
            .collect();
        if !examples.is_empty() {
            schema.insert("examples".into(), Value::Array(examples));
        }
        Value::Object(schema)
    }

    /// A property: its type's schema, with the field's own title, description and rules.
    #[inline]
    fn property(&mut self, field: &'static FieldMeta) -> Value {
        let mut schema = match self.shape((field.shape)()) {
            Value::Object(schema) => schema,
            _ => Map::new(),
        };
        // The field's words describe the property, and only they: a property without a title
        // of its own has none, whatever its type's title (as on the settings page).
        for (key, value) in [("title", field.title), ("description", field.description)] {
            schema.remove(key);
            if let Some(value) = value {
                schema.insert(key.into(), value.into());
            }
        }
        let shape = crate::parse::check::unwrap((field.shape)());
        crate::rules::schema(field.rules, shape, field.required, &mut schema);
        if let Some(default) = crate::rules::shown_default(field) {
            schema.insert("default".into(), default);
        }
        Value::Object(schema)
    }
}

/// A schema of JSON type `kind` with the type's title and description, when it has them.
#[inline]
fn described(title: Option<&str>, description: Option<&str>, kind: &str) -> Map<String, Value> {
    let mut schema = Map::new();
    for (key, value) in [("title", title), ("description", description)] {
        if let Some(value) = value {
            schema.insert(key.into(), value.into());
        }
    }
    schema.insert("type".into(), kind.into());
    schema
}

/// The properties of `meta`, those of flattened fields in their place.
#[inline]
fn flattened(meta: &'static StructMeta, out: &mut Vec<&'static FieldMeta>) {
    for field in meta.fields {
        match (field.flatten, (field.shape)()) {
            (true, Shape::Object(inner)) => flattened(inner, out),
            _ => out.push(field),
        }
    }
}

#[inline]
pub(crate) fn number(number: Number) -> Value {
    match number {
        Number::Int(n) => integer(n),
        Number::Float(x) => json!(x),
    }
}

/// A JSON number for any Rust integer bound (`serde_json` holds 64 bits).
#[allow(clippy::cast_precision_loss)]
#[inline]
fn integer(n: i128) -> Value {
    if let Ok(n) = i64::try_from(n) {
        Value::from(n)
    } else if let Ok(n) = u64::try_from(n) {
        Value::from(n)
    } else {
        json!(n as f64)
    }
}
