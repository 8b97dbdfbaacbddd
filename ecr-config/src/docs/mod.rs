//! A Markdown reference generated from a type's [`Shape`], laid out like the platform's
//! settings pages: a section per object with a table of its properties, each property's
//! rules in the page's wording, and the object's example. The same declarations drive
//! validation, parsing and the schema, so the reference cannot drift from what is checked.
//!
//! Its functions are `#[inline]`: compiled only into a crate that asks for a reference, not
//! into the runtime crate every user builds (most only parse and validate).

mod example;
pub(crate) mod markdown;
#[cfg(test)]
mod tests;

use crate::meta::{EnumMeta, FieldMeta, Shape, StructMeta};

use self::markdown::{Slugger, cell, close_code_spans, code, code_block, text};

/// The largest integer every JSON reader holds exactly (JavaScript's
/// `Number.MAX_SAFE_INTEGER`). A Rust type's own bound past it (`u64::MAX`) tells a reader
/// nothing they can use, so only declared bounds that large are shown.
pub(crate) const MAX_SAFE_INTEGER: u128 = (1 << 53) - 1;

/// The Markdown reference of a shape; see
/// [`Validate::markdown_reference`](crate::Validate::markdown_reference).
#[inline]
pub(crate) fn generate(shape: &'static Shape) -> String {
    let blocks = match unwrap(shape) {
        Shape::Object(meta) => Planner::document(meta),
        other => value(other),
    };
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// One object's section of the reference.
struct Section {
    meta: &'static StructMeta,
    /// The heading as it reads once rendered, which its anchor is made from.
    heading: String,
    /// The heading as Markdown.
    heading_markdown: String,
    description: Option<&'static str>,
    rows: Vec<Row>,
    /// The first `#[example]`, pretty-printed.
    example: Option<String>,
    /// The heading's anchor on GitHub.
    anchor: String,
}

/// Where an object sits in the document: `ci`, `mirrors[]`, `registries.*.auth`.
struct Path {
    plain: String,
    markdown: String,
}

impl Path {
    /// The path of the object reached through property `name` and then `suffix` (`[]` for
    /// an item, `.*` for a map's value), from the object at `parent`.
    #[inline]
    fn child(parent: Option<&Path>, name: &str, suffix: &str) -> Path {
        let (plain, markdown) = parent.map_or(("", ""), |parent| (&parent.plain, &parent.markdown));
        let dot = if parent.is_some() { "." } else { "" };
        // `[]` cannot form a link; a `*` could pair with another into emphasis.
        let suffix_markdown = suffix.replace('*', r"\*");
        Path {
            plain: format!("{plain}{dot}{name}{suffix}"),
            markdown: format!("{markdown}{dot}{}{suffix_markdown}", text(name)),
        }
    }
}

/// A property of a section's table.
struct Row {
    field: &'static FieldMeta,
    /// The section that describes the object the property holds (as its value, its items or
    /// its map's values).
    object: Option<usize>,
}

#[derive(Default)]
struct Planner {
    /// Every section, in document order.
    sections: Vec<Section>,
    /// The structs being described, outermost first, with their sections: meeting one again
    /// means recursion, and the property links to the section already there.
    stack: Vec<(&'static str, usize)>,
}

impl Planner {
    /// The reference of `meta`: its section, then one per object nested in it, depth first.
    #[inline]
    fn document(meta: &'static StructMeta) -> Vec<String> {
        let mut planner = Planner::default();
        planner.section(meta, None, meta.title, meta.description);
        // Anchors are numbered in the order of all headings, the repeated `Properties` and
        // `Example` included, so they are handed out before any link to them is written.
        let mut slugger = Slugger::default();
        for section in &mut planner.sections {
            section.anchor = slugger.slug(&section.heading);
            slugger.slug("Properties");
            if section.example.is_some() {
                slugger.slug("Example");
            }
        }
        let mut blocks = Vec::new();
        for index in 0..planner.sections.len() {
            planner.render(index, &mut blocks);
        }
        blocks
    }

    /// Plans the section of `meta` found at `path` (`None` for the document itself) and those
    /// of the objects inside it; returns its index.
    #[inline]
    fn section(
        &mut self,
        meta: &'static StructMeta,
        path: Option<&Path>,
        title: Option<&'static str>,
        description: Option<&'static str>,
    ) -> usize {
        let (heading, heading_markdown) = match (path, title) {
            (None, title) => {
                let title = title.unwrap_or(meta.ident);
                (title.to_owned(), text(title))
            }
            (Some(path), Some(title)) => (
                format!("{}: {title}", path.plain),
                format!("{}: {}", path.markdown, text(title)),
            ),
            (Some(path), None) => (path.plain.clone(), path.markdown.clone()),
        };
        let index = self.sections.len();
        self.sections.push(Section {
            meta,
            heading,
            heading_markdown,
            description,
            rows: Vec::new(),
            example: meta.examples.iter().find_map(|json| example::pretty(json)),
            anchor: String::new(),
        });
        self.stack.push((meta.ident, index));
        let mut fields = Vec::new();
        flattened(meta, &mut fields);
        let mut rows = Vec::with_capacity(fields.len());
        for field in fields {
            let object = object_in((field.shape)()).map(|(inner, suffix)| {
                if let Some(&(_, ancestor)) = self.stack.iter().find(|(id, _)| *id == inner.ident) {
                    return ancestor;
                }
                let child = Path::child(path, field.name, &suffix);
                // A property holding the object directly describes it in its own words; one
                // holding a list or map of them describes the list, not an item.
                let (title, description) = if suffix.is_empty() {
                    (
                        field.title.or(inner.title),
                        field.description.or(inner.description),
                    )
                } else {
                    (inner.title, inner.description)
                };
                self.section(inner, Some(&child), title, description)
            });
            rows.push(Row { field, object });
        }
        self.sections[index].rows = rows;
        self.stack.pop();
        index
    }

    #[inline]
    fn render(&self, index: usize, blocks: &mut Vec<String>) {
        let section = &self.sections[index];
        let (level, sublevel) = if index == 0 {
            ("#", "##")
        } else {
            ("##", "###")
        };
        blocks.push(format!("{level} {}", section.heading_markdown));
        if let Some(description) = section.description {
            blocks.push(description.to_owned());
        }
        blocks.push(format!("{sublevel} Properties"));
        blocks.push(self.table(section));
        if section.meta.deny_unknown_fields {
            blocks.push("Additional Properties: not allowed".to_owned());
        }
        if let Some(example) = &section.example {
            blocks.push(format!("{sublevel} Example"));
            blocks.push(code_block("json", example));
        }
    }

    #[inline]
    fn table(&self, section: &Section) -> String {
        if section.rows.is_empty() {
            return "None.".to_owned();
        }
        let mut lines = vec![
            "| Name | Type | Description | Required |".to_owned(),
            "|---|---|---|---|".to_owned(),
        ];
        for row in &section.rows {
            let field = row.field;
            let name = match field.title {
                Some(title) => format!("{}<br>({})", code(field.name), text(title)),
                None => code(field.name),
            };
            let anchor = row
                .object
                .map(|object| self.sections[object].anchor.as_str());
            let kind = type_name((field.shape)(), anchor);
            let mut description: Vec<String> = field
                .description
                .map(close_code_spans)
                .into_iter()
                .collect();
            description.extend(constraints(field));
            let required = if field.required { "yes" } else { "no" };
            lines.push(format!(
                "| {} | {} | {} | {required} |",
                cell(&name),
                cell(&kind),
                cell(&description.join("<br>")),
            ));
        }
        lines.join("\n")
    }
}

/// The reference of a type that is not a struct: its name, its JSON type and its values.
#[inline]
fn value(shape: &'static Shape) -> Vec<String> {
    let mut blocks = Vec::new();
    match shape {
        Shape::Enum(meta) => {
            blocks.push(format!("# {}", text(meta.title.unwrap_or(meta.ident))));
            blocks.extend(meta.description.map(str::to_owned));
            blocks.push("Type: string".to_owned());
            blocks.push(enum_values(meta));
        }
        other => {
            blocks.push("# Value".to_owned());
            blocks.push(format!("Type: {}", type_name(other, None)));
        }
    }
    blocks
}

/// `shape` without the wrappers that do not change the JSON value (`Option`, `Secret`).
#[inline]
fn unwrap(shape: &'static Shape) -> &'static Shape {
    match shape {
        Shape::Optional(inner) | Shape::Sensitive(inner) => unwrap(inner()),
        other => other,
    }
}

/// Whether the value, or every item or map value of it, is a `Secret`.
#[inline]
fn holds_secret(shape: &'static Shape) -> bool {
    match shape {
        Shape::Sensitive(_) => true,
        Shape::Optional(inner) | Shape::Array(inner) | Shape::Map(inner) => holds_secret(inner()),
        _ => false,
    }
}

/// The struct a property holds, as its value, its items (`[]`) or its map's values (`.*`),
/// with the path's suffix that leads to it.
#[inline]
fn object_in(shape: &'static Shape) -> Option<(&'static StructMeta, String)> {
    match shape {
        Shape::Object(meta) => Some((meta, String::new())),
        Shape::Optional(inner) | Shape::Sensitive(inner) => object_in(inner()),
        Shape::Array(item) => object_in(item()).map(|(meta, rest)| (meta, format!("[]{rest}"))),
        Shape::Map(value) => object_in(value()).map(|(meta, rest)| (meta, format!(".*{rest}"))),
        _ => None,
    }
}

/// The properties of `meta`, those of flattened fields in their place (as in the schema).
#[inline]
fn flattened(meta: &'static StructMeta, out: &mut Vec<&'static FieldMeta>) {
    for field in meta.fields {
        match (field.flatten, (field.shape)()) {
            (true, Shape::Object(inner)) => flattened(inner, out),
            _ => out.push(field),
        }
    }
}

/// The Type cell: the JSON type, with objects linked to their section.
#[inline]
fn type_name(shape: &'static Shape, anchor: Option<&str>) -> String {
    match shape {
        Shape::Any => "any".to_owned(),
        Shape::Boolean => "boolean".to_owned(),
        Shape::Integer { .. } => "integer".to_owned(),
        Shape::Number => "number".to_owned(),
        Shape::Str | Shape::Enum(_) => "string".to_owned(),
        Shape::Optional(inner) | Shape::Sensitive(inner) => type_name(inner(), anchor),
        Shape::Array(item) => format!("array of {}", type_name(item(), anchor)),
        Shape::Map(value) => format!("map of {}", type_name(value(), anchor)),
        Shape::Object(_) => match anchor {
            Some(anchor) => format!("[object](#{anchor})"),
            None => "object".to_owned(),
        },
    }
}

/// The lines under a property's description, in the settings page's wording and order.
#[inline]
fn constraints(field: &FieldMeta) -> Vec<String> {
    let shape = unwrap((field.shape)());
    let mut lines = Vec::new();
    if let Shape::Enum(meta) = shape {
        lines.push(enum_values(meta));
    }
    let mut ranked = crate::rules::Lines::default();
    // A declared default replaces the one a constant implies.
    let default = crate::rules::shown_default(field);
    let constant_default = !field.required && default.is_none();
    crate::rules::docs(field.rules, shape, constant_default, &mut ranked);
    if let Some(default) = default {
        let json = default.to_string();
        let shown = if default.is_object() || default.is_array() {
            code(&json)
        } else {
            text(&json)
        };
        ranked.push(crate::rules::rank::DEFAULT, format!("Default: {shown}"));
    }
    lines.extend(ranked.into_sorted());
    if holds_secret((field.shape)()) {
        lines.push("Secret: never shown in reports or logs".to_owned());
    }
    lines
}

#[inline]
fn enum_values(meta: &EnumMeta) -> String {
    let names: Vec<String> = meta.names.iter().map(|name| quoted(name)).collect();
    format!("Enum: {}", names.join(", "))
}

/// A string value as JSON writes it, escaped for Markdown: `"aws-ecr"`.
#[inline]
pub(crate) fn quoted(value: &str) -> String {
    text(&serde_json::Value::from(value).to_string())
}
