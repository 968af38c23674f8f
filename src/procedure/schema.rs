//! The JSON Schema of the procedure format, generated from the Rust types of [`super::model`].
//!
//! `assets/procedure.schema.json` is this schema as committed for editors (a test fails when it
//! is stale); the loader also uses it to list the keys a table may hold when it reports an
//! unknown one.

use std::sync::OnceLock;

use serde_json::Value;

use super::PathSeg;
use super::model::ProcedureFile;

/// The schema as pretty-printed JSON with a final newline, as committed in `assets/`.
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(schema().as_value())
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    text
}

fn schema() -> &'static schemars::Schema {
    static SCHEMA: OnceLock<schemars::Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(ProcedureFile))
}

/// The keys the table at `path` may hold (empty when the path leads nowhere known).
pub fn keys_at(path: &[PathSeg]) -> Vec<&'static str> {
    let root = schema().as_value();
    let mut node = resolve(root, root);
    for seg in path {
        let next = match seg {
            PathSeg::Key(key) => object_of(root, node)
                .and_then(|object| object.get("properties"))
                .and_then(|properties| properties.get(&**key)),
            PathSeg::Index(_) => array_of(root, node).and_then(|array| array.get("items")),
        };
        match next {
            Some(next) => node = resolve(root, next),
            None => return Vec::new(),
        }
    }
    object_of(root, node)
        .and_then(|object| object.get("properties"))
        .and_then(Value::as_object)
        .map(|properties| properties.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Follows `$ref` to the definition it names.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    let mut node = node;
    for _ in 0..16 {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(target) = reference
            .strip_prefix('#')
            .and_then(|pointer| root.pointer(pointer))
        else {
            break;
        };
        node = target;
    }
    node
}

/// The branch of `node` that describes a table (looking into `anyOf`/`oneOf` for optional
/// values).
fn object_of<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Value> {
    find_branch(root, node, &|n| n.get("properties").is_some())
}

fn array_of<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Value> {
    find_branch(root, node, &|n| n.get("items").is_some())
}

fn find_branch<'a>(
    root: &'a Value,
    node: &'a Value,
    wanted: &dyn Fn(&Value) -> bool,
) -> Option<&'a Value> {
    let node = resolve(root, node);
    if wanted(node) {
        return Some(node);
    }
    ["anyOf", "oneOf", "allOf"]
        .iter()
        .filter_map(|key| node.get(*key).and_then(Value::as_array))
        .flatten()
        .find_map(|branch| find_branch(root, branch, wanted))
}

#[cfg(test)]
// `path!` builds a `Vec`, which is what the library passes around.
#[allow(clippy::useless_vec)]
mod tests {
    use super::*;
    use crate::path;

    #[test]
    fn keys_of_nested_tables_are_known() {
        assert!(keys_at(&path!["step", 0]).contains(&"requires"));
        assert!(keys_at(&path!["step", 0, "letter", 1]).contains(&"cc"));
        assert!(keys_at(&path!["form", 0, "field", 0, "column", 0]).contains(&"label"));
        assert!(keys_at(&path!["procedure"]).contains(&"section_order"));
        assert!(keys_at(&path!["step", 0, "when"]).contains(&"in"));
        assert!(keys_at(&path!["nothing"]).is_empty());
    }

    #[test]
    fn committed_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/procedure.schema.json");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == schema_json(),
            "assets/procedure.schema.json is stale: run `cargo run -- schema > assets/procedure.schema.json`"
        );
    }
}
