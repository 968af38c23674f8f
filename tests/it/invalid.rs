//! Every fixture in `tests/invalid/` is refused, and what the officer reads about it is the
//! reviewed snapshot in `tests/snapshots/`. The English snapshots cover every fixture; a few are
//! also checked in Russian.

use std::path::Path;

use poryadok::catalog::read_and_load;
use poryadok::i18n::Lang;
use poryadok::procedure::{Diagnostic, Loaded, RenderOptions, render};
use poryadok::text::is_bidi_control;

fn rendered(path: &Path, loaded: &Loaded, lang: Lang) -> String {
    let diagnostics: &[Diagnostic] = match &loaded.result {
        Ok(_) => panic!("{} was accepted", path.display()),
        Err(diagnostics) => diagnostics,
    };
    let name = format!(
        "tests/invalid/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
    );
    render(
        &name,
        &loaded.source,
        diagnostics,
        RenderOptions { lang, color: false },
    )
}

#[test]
fn every_invalid_fixture_is_refused_with_its_diagnostics() {
    insta::glob!("..", "invalid/*.toml", |path| {
        let loaded = read_and_load(path);
        let out = rendered(path, &loaded, Lang::En);
        // Whatever the file holds, the report cannot act on the terminal that shows it.
        assert!(
            !out.chars()
                .any(|c| (c.is_control() && c != '\n') || is_bidi_control(c)),
            "{out:?}"
        );
        insta::assert_snapshot!(out);
    });
}

#[test]
fn diagnostics_read_in_russian() {
    for name in [
        "unknown-reference",
        "dependency-cycle",
        "escape-in-title",
        "invalid-utf8",
        "wrong-type",
        "kind-gate",
        "single-table-twice",
        "inline-table-lines",
        "letter-problems",
        "negative-days",
        "toml-syntax",
        "raw-control-bytes",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/invalid/{name}.toml"));
        let loaded = read_and_load(&path);
        insta::assert_snapshot!(format!("ru-{name}"), rendered(&path, &loaded, Lang::Ru));
    }
}

#[test]
fn a_five_megabyte_file_is_refused_without_being_parsed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("huge.toml");
    let mut text = crate::synthetic::procedure_text(1);
    let filler = "# заполнитель\n";
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(filler);
    }
    std::fs::write(&path, &text).expect("write");
    let loaded = read_and_load(&path);
    let out = rendered(&path, &loaded, Lang::En);
    insta::assert_snapshot!(out);
}
