//! The annotated example in `docs/procedure-format.md` is a real procedure: it must load and
//! pass every check, so the documentation cannot drift from the format.

use poryadok::procedure::load;

#[test]
fn the_documented_example_passes_every_check() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/procedure-format.md"
    ))
    .expect("docs/procedure-format.md is readable");
    let start = doc
        .find("```toml example\n")
        .expect("the doc has a ```toml example block");
    let body = &doc[start + "```toml example\n".len()..];
    let end = body.find("\n```").expect("the example block is closed");
    let example = &body[..end];
    let loaded = load(example.as_bytes());
    match loaded.result {
        Ok(procedure) => assert!(!procedure.steps().is_empty()),
        Err(diagnostics) => panic!("the documented example has problems: {diagnostics:#?}"),
    }
}
