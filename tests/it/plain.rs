//! The plain mode driven in process, line by line, as a screen-reader user would: what it says
//! (a transcript with the answers typed), and what it keeps in the store.

use jiff::tz::TimeZone;
use std::sync::Arc;

use crate::common::{at, bundled};
use poryadok::i18n::Lang;
use poryadok::plain::{Plain, Start};
use poryadok::run::Value;
use poryadok::store::Store;

/// Runs the plain mode from `start` on `answers` (one per line) and gives back the transcript:
/// what it wrote, with each answer after the prompt it answered, as a terminal echoes it.
fn transcript(store: Store, lang: Lang, start: &Start, answers: &[&str]) -> String {
    let procedures = ["qualified-signature", "antivirus-licenses"]
        .map(|id| Arc::new(bundled(id)))
        .to_vec();
    let input = answers.iter().map(|a| format!("{a}\n")).collect::<String>();
    let mut out = Vec::new();
    let mut seconds = 0;
    let clock = move || {
        seconds += 60;
        at(seconds)
    };
    Plain::new(lang, procedures, store, input.as_bytes(), &mut out)
        .with_clock(clock, TimeZone::UTC)
        .run(start)
        .expect("the plain mode runs to the end");
    let out = String::from_utf8(out).expect("UTF-8");
    assert_readable(&out);
    let mut parts = out.split("> ");
    let mut echoed = parts.next().unwrap_or_default().to_owned();
    for (part, answer) in parts.zip(answers.iter().chain(std::iter::repeat(&""))) {
        echoed.push_str(&format!("> {answer}"));
        if !part.starts_with('\n') {
            echoed.push('\n');
        }
        echoed.push_str(part);
    }
    echoed
}

/// Nothing a screen reader would read as noise or a terminal would act on: no escape sequence,
/// no box-drawing, none of the wizard's marks.
fn assert_readable(out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control character {c:?} in:\n{out}"
        );
        assert!(
            !('\u{2500}'..='\u{259F}').contains(&c) && !"✓▶⧗⊘○↗✉•".contains(c),
            "{c:?} in:\n{out}"
        );
    }
}

#[test]
fn the_e_signature_application_is_filled_line_by_line() {
    let data = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(data.path()).expect("store");
    let said = transcript(
        store,
        Lang::Ru,
        &Start::Procedure("qualified-signature".into()),
        &[
            "",
            "Администрация города",
            "с",
            "3",
            "12345",
            "500100732259",
            "4",
            "8 (916) 123-45-67",
            "6",
            "3",
            "1",
            "s",
            "n",
            "c",
            "u",
            "l",
            "1",
            "q",
        ],
    );
    insta::assert_snapshot!("plain-qualified-signature-ru", said);
    // What was kept is in the store, as the wizard would have kept it.
    let store = Store::open(data.path()).expect("store");
    let (_, opened) = store.open_run("qualified-signature-1").expect("the run");
    let values = &opened.run.values;
    assert_eq!(values.get("inn"), Some(&Value::Text("500100732259".into())));
    assert_eq!(
        values.get("mobile_phone"),
        Some(&Value::Text("+7 916 123-45-67".into()))
    );
    assert_eq!(values.get("has_key_carrier"), Some(&Value::Bool(true)));
    // `s` started step 1, `u` took it back.
    assert!(opened.run.steps.is_empty(), "{:?}", opened.run.steps);
}

#[test]
fn home_lists_runs_and_procedures_and_opens_a_run() {
    let data = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(data.path()).expect("store");
    let p = bundled("antivirus-licenses");
    drop(store.create(&p, "Школа № 1", at(0)).expect("a run"));
    let said = transcript(
        store,
        Lang::En,
        &Start::Home,
        &["9", "1", "v", "1", "2", "h", "q"],
    );
    insta::assert_snapshot!("plain-home-en", said);
}

#[test]
fn an_unknown_run_or_procedure_goes_home_with_a_reason() {
    let data = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(data.path()).expect("store");
    let said = transcript(store, Lang::Ru, &Start::Run("nosuch-1".into()), &[]);
    assert!(said.contains("nosuch-1"), "{said}");
    assert!(
        said.contains("Процедуры, которые можно начать: 2."),
        "{said}"
    );
    let store = Store::open(data.path()).expect("store");
    let said = transcript(store, Lang::Ru, &Start::Procedure("nosuch".into()), &["q"]);
    assert!(said.contains("Процедуры nosuch нет"), "{said}");
}
