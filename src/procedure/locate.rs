//! Finding where in a file a path of keys and indices points, so that a problem found on the
//! typed model (which has no positions) can be underlined in the source.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::PathSeg;

/// What to underline at the end of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The value (for a wrong value).
    Value,
    /// The key (for an unknown key).
    Key,
}

/// The byte range of what `path` points at in `root`, or of the deepest part of the path that
/// exists (a missing key is reported at the table that lacks it).
pub fn locate(root: &Spanned<DeTable<'_>>, path: &[PathSeg], target: Target) -> Range<usize> {
    let mut span = root.span();
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    let mut value: Option<&DeValue<'_>> = None;
    for (position, seg) in path.iter().enumerate() {
        let last = position + 1 == path.len();
        match seg {
            PathSeg::Key(key) => {
                let Some((k, v)) = table.and_then(|t| t.get_key_value(&**key)) else {
                    break;
                };
                span = if last && target == Target::Key {
                    k.span()
                } else {
                    v.span()
                };
                value = Some(v.get_ref());
            }
            PathSeg::Index(index) => {
                let Some(item) = value
                    .and_then(DeValue::as_array)
                    .and_then(|a| a.get(*index))
                else {
                    break;
                };
                span = item.span();
                value = Some(item.get_ref());
            }
        }
        table = value.and_then(DeValue::as_table);
    }
    span
}

#[cfg(test)]
// `path!` builds a `Vec`, which is what the library passes around.
#[allow(clippy::useless_vec)]
mod tests {
    use super::*;
    use crate::path;

    #[test]
    fn paths_point_at_values_and_keys() {
        let text = "[procedure]\nid = \"x\"\n\n[[step]]\nid = \"a\"\nrequires = [\"b\", \"c\"]\n";
        let (root, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        let at = locate(&root, &path!["step", 0, "requires", 1], Target::Value);
        assert_eq!(&text[at], "\"c\"");
        let at = locate(&root, &path!["procedure", "id"], Target::Key);
        assert_eq!(&text[at], "id");
        let at = locate(&root, &path!["step", 0, "nothing"], Target::Value);
        // A missing key is shown at the header of the table that lacks it.
        assert_eq!(&text[at], "[[step]]");
    }
}
