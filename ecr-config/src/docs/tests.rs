//! The reference of small ad-hoc types: what each table row, heading and link turns into.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{Secret, Validate};

/// The table row of property `name` in the section headed `heading`.
fn row<'d>(docs: &'d str, heading: &str, name: &str) -> &'d str {
    let start = docs
        .lines()
        .position(|line| line == heading)
        .unwrap_or_else(|| panic!("no {heading:?} in\n{docs}"));
    let cell = format!("| `{name}`");
    docs.lines()
        .skip(start + 1)
        .take_while(|line| !line.starts_with("## ") || line.starts_with("## Properties"))
        .find(|line| line.starts_with(&cell))
        .unwrap_or_else(|| panic!("no {name} under {heading:?} in\n{docs}"))
}

#[allow(
    clippy::doc_markdown,
    reason = "an unmatched backtick in a doc comment is one of the cases under test"
)]
#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("Pipes | and `ticks`")]
#[example(r#"{ "choice": "a", "tick": "x" }"#)]
struct Escapes {
    /// Either `a` or `b` (a|b)
    #[title("Choice | pick")]
    #[pattern("^(a|b)$")]
    choice: String,
    /// A backtick: `
    #[pattern("^[^`]*`?$")]
    tick: String,
}

#[test]
fn pipes_are_escaped_in_cells_and_backticks_get_longer_fences() {
    let docs = Escapes::markdown_reference();
    assert!(docs.starts_with("# Pipes | and \\`ticks\\`\n"), "{docs}");
    assert_eq!(
        row(&docs, "## Properties", "choice"),
        r"| `choice`<br>(Choice \| pick) | string | Either `a` or `b` (a\|b)<br>Pattern: `^(a\|b)$` | yes |"
    );
    assert_eq!(
        row(&docs, "## Properties", "tick"),
        "| `tick` | string | A backtick: \\`<br>Pattern: ``^[^`]*`?$`` | yes |"
    );
    // Every row has its four cells: no `|` of the content splits one.
    for line in docs.lines().filter(|line| line.starts_with("| `")) {
        assert_eq!(line.replace(r"\|", "").matches('|').count(), 5, "{line}");
    }
}

/// A struct with a long story.
///
/// It spans two paragraphs, the second over
/// two lines.
#[derive(Deserialize, Validate)]
struct Story {
    /// First line of the field,
    /// second line of the field.
    ///
    /// Second paragraph.
    chapter: String,
}

#[test]
fn multi_line_docs_are_one_line_per_cell_and_paragraphs_in_sections() {
    let docs = Story::markdown_reference();
    assert!(
        docs.starts_with(
            "# Story\n\nA struct with a long story.\n\nIt spans two paragraphs, the second over \
             two lines.\n\n## Properties\n"
        ),
        "{docs}"
    );
    assert_eq!(
        row(&docs, "## Properties", "chapter"),
        "| `chapter` | string | First line of the field, second line of the field.<br><br>Second \
         paragraph. | yes |"
    );
    // No title, no unknown-properties rule, no example: nothing is said about them.
    assert!(!docs.contains("Additional Properties"), "{docs}");
    assert!(!docs.contains("Example"), "{docs}");
}

/// A node of a tree
#[derive(Deserialize, Validate)]
#[title("Tree")]
struct Tree {
    /// The node's label
    label: String,
    /// Subtrees, each described like the tree itself
    #[len(max = 8)]
    children: Vec<Tree>,
    /// The node's data, if any
    leaf: Option<Box<Leaf>>,
}

/// The data at a node
#[derive(Deserialize, Validate)]
struct Leaf {
    /// Back to the top
    parent: Option<Box<Tree>>,
    value: u8,
}

#[test]
fn a_recursive_type_has_one_section_and_links_back_to_it() {
    let docs = Tree::markdown_reference();
    assert_eq!(
        row(&docs, "## Properties", "children"),
        "| `children` | array of [object](#tree) | Subtrees, each described like the tree \
         itself<br>Maximal Items: 8 | yes |"
    );
    assert_eq!(
        row(&docs, "## Properties", "leaf"),
        "| `leaf` | [object](#leaf) | The node's data, if any | no |"
    );
    assert_eq!(
        row(&docs, "## leaf", "parent"),
        "| `parent` | [object](#tree) | Back to the top | no |"
    );
    let headings: Vec<&str> = docs.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        ["# Tree", "## Properties", "## leaf", "### Properties"]
    );
    // A field's description, not the type's, describes the property: the section of an
    // object held directly takes the field's.
    assert!(
        docs.contains("## leaf\n\nThe node's data, if any\n"),
        "{docs}"
    );
}

#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("Service")]
struct Service {
    /// The service's name
    name: String,
    #[serde(flatten)]
    network: Network,
}

#[derive(Deserialize, Validate)]
struct Network {
    /// Port to listen on
    port: u16,
    /// Where to reach the service
    #[title("Endpoint")]
    endpoint: Endpoint,
}

/// A network endpoint
#[derive(Deserialize, Validate)]
#[title("Endpoint")]
struct Endpoint {
    /// Host name
    host: String,
}

#[test]
fn flattened_fields_are_properties_of_the_outer_object() {
    let docs = Service::markdown_reference();
    let names: Vec<&str> = docs
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| line.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(names, ["name", "port", "endpoint", "host"]);
    assert_eq!(
        row(&docs, "## Properties", "port"),
        "| `port` | integer | Port to listen on<br>Minimum: 0<br>Maximum: 65535 | yes |"
    );
    assert_eq!(
        row(&docs, "## Properties", "endpoint"),
        "| `endpoint`<br>(Endpoint) | [object](#endpoint-endpoint) | Where to reach the service \
         | yes |"
    );
    assert!(
        docs.contains("\n## endpoint: Endpoint\n\nWhere to reach the service\n"),
        "{docs}"
    );
}

#[derive(Deserialize, Validate)]
#[title("Registries")]
struct Registries {
    /// Registries by name
    #[len(min = 1)]
    by_name: BTreeMap<String, Registry>,
    /// Labels
    labels: BTreeMap<String, String>,
    /// Tokens by registry name
    tokens: BTreeMap<String, Secret<String>>,
}

/// A registry
#[derive(Deserialize, Validate)]
#[title("Registry")]
#[example(r#"{ "mirrors": [] }"#)]
struct Registry {
    /// Mirrors of the registry
    mirrors: Vec<Mirror>,
}

/// A mirror
#[derive(Deserialize, Validate)]
struct Mirror {
    /// URL
    url: String,
}

#[test]
fn maps_and_lists_of_objects_get_sections_at_their_paths() {
    let docs = Registries::markdown_reference();
    assert_eq!(
        row(&docs, "## Properties", "by_name"),
        "| `by_name` | map of [object](#by_name-registry) | Registries by \
         name<br>Minimal Properties: 1 | yes |"
    );
    assert_eq!(
        row(&docs, "## Properties", "labels"),
        "| `labels` | map of string | Labels | yes |"
    );
    assert_eq!(
        row(&docs, "## Properties", "tokens"),
        "| `tokens` | map of string | Tokens by registry name<br>Secret: never shown in reports or logs \
         | yes |"
    );
    assert_eq!(
        row(&docs, r"## by_name.\*: Registry", "mirrors"),
        "| `mirrors` | array of [object](#by_namemirrors) | Mirrors of the registry | yes |"
    );
    assert!(
        docs.contains("\n## by_name.\\*.mirrors[]\n\nA mirror\n"),
        "{docs}"
    );
    // Only the registry has an example.
    assert_eq!(docs.matches("```json").count(), 1, "{docs}");
    assert!(
        docs.contains("### Example\n\n```json\n{\n  \"mirrors\": []\n}\n```\n\n## by_name"),
        "{docs}"
    );
}

#[derive(Deserialize, Validate)]
#[title("Bounds")]
struct Bounds {
    /// Not declared: the type's own bounds
    small: u8,
    /// Declared on one side: the other is the type's
    #[range(min = 1)]
    port: u16,
    /// A bound past the type's is narrowed to it
    #[range(min = -5, max = 1000)]
    level: u8,
    /// The type's maximum is past what a JSON reader holds exactly: not shown
    id: u64,
    /// Declared bounds are shown however large
    #[range(max = 10_000_000_000_000_000)]
    big: u64,
    /// A float's bounds are its declared ones
    #[range(min = 0.5, max = 2.5)]
    ratio: f64,
    /// An optional constant defaults to itself
    #[constant("v1")]
    #[serde(default)]
    version: Option<String>,
    /// A required constant has no default
    #[constant("x")]
    kind: String,
    /// A secret
    #[len(min = 8)]
    token: Option<Secret<String>>,
    /// A policy
    #[content_media_type("application/json")]
    policy: String,
    /// Tags
    #[len(min = 1, max = 3)]
    tags: Option<Vec<String>>,
}

#[test]
fn rules_are_worded_like_the_settings_page() {
    let docs = Bounds::markdown_reference();
    let cells = |name| {
        let row = row(&docs, "## Properties", name);
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        (
            cells[1].to_owned(),
            cells[2].to_owned(),
            cells[3].to_owned(),
        )
    };
    let expected = [
        ("small", "integer", "Minimum: 0<br>Maximum: 255", "yes"),
        ("port", "integer", "Minimum: 1<br>Maximum: 65535", "yes"),
        ("level", "integer", "Minimum: 0<br>Maximum: 255", "yes"),
        ("id", "integer", "Minimum: 0", "yes"),
        (
            "big",
            "integer",
            "Minimum: 0<br>Maximum: 10000000000000000",
            "yes",
        ),
        ("ratio", "number", "Minimum: 0.5<br>Maximum: 2.5", "yes"),
        (
            "version",
            "string",
            r#"Default: "v1"<br>Constant Value: "v1""#,
            "no",
        ),
        ("kind", "string", r#"Constant Value: "x""#, "yes"),
        (
            "token",
            "string",
            "Minimal Length: 8<br>Secret: never shown in reports or logs",
            "no",
        ),
        (
            "policy",
            "string",
            "Content Media Type: application/json",
            "yes",
        ),
        (
            "tags",
            "array of string",
            "Minimal Items: 1<br>Maximal Items: 3",
            "no",
        ),
    ];
    for (name, kind, rules, required) in expected {
        let (found_kind, description, found_required) = cells(name);
        assert_eq!(found_kind, kind, "{name}");
        let found_rules = description
            .split_once("<br>")
            .map_or("", |(_, rules)| rules);
        assert_eq!(found_rules, rules, "{name}");
        assert_eq!(found_required, required, "{name}");
    }
}

#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[example(r#"{ "example": { "properties": 1 } }"#)]
struct Collide {
    example: Inner,
}

#[derive(Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[example(r#"{ "properties": 1 }"#)]
struct Inner {
    properties: u8,
}

#[test]
fn anchors_are_unique_like_githubs() {
    let docs = Collide::markdown_reference();
    // `# Collide`, `## Properties`, `## Example`, then `## example`: GitHub numbers the repeat.
    assert_eq!(
        row(&docs, "## Properties", "example"),
        "| `example` | [object](#example-1) |  | yes |"
    );
    assert!(docs.contains("\n## example\n\n### Properties\n"), "{docs}");
}

#[derive(Deserialize, Validate)]
enum Color {
    /// Red
    Red,
    Green,
}

#[test]
fn a_type_that_is_not_a_struct_has_a_short_reference() {
    assert_eq!(
        Color::markdown_reference(),
        "# Color\n\nType: string\n\nEnum: \"Red\", \"Green\"\n"
    );
    assert_eq!(String::markdown_reference(), "# Value\n\nType: string\n");
}
