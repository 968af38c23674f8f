//! The plain mode driven in process, line by line, as a screen-reader user would: what it says
//! (a transcript with the answers typed), and what it keeps in the store.

use jiff::tz::TimeZone;
use std::sync::Arc;

use crate::common::{at, bundled};
use poryadok::i18n::Lang;
use poryadok::plain::{Plain, Start};
use poryadok::procedure::{Procedure, load};
use poryadok::run::{StepState, Value};
use poryadok::store::Store;

/// Runs the plain mode from `start` on `answers` (one per line) and gives back the transcript:
/// what it wrote, with each answer after the prompt it answered, as a terminal echoes it.
fn transcript(store: Store, lang: Lang, start: &Start, answers: &[&str]) -> String {
    let procedures = ["qualified-signature", "antivirus-licenses"]
        .map(|id| Arc::new(bundled(id)))
        .to_vec();
    transcript_of(procedures, store, lang, start, answers)
}

/// [`transcript`] with other procedures.
fn transcript_of(
    procedures: Vec<Arc<Procedure>>,
    store: Store,
    lang: Lang,
    start: &Start,
    answers: &[&str],
) -> String {
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
        &["9", "1", "v", "1", "2", "y", "h", "q"],
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

/// A procedure where the applicant is a company (ЮЛ) or a sole trader (ИП): the application's
/// form needs an ОГРНИП for a sole trader only, the charter is a company's step, the certificate
/// a sole trader's, and the submission is due three working days after the application.
const APPLICANT: &str = r#"
[procedure]
format = 1
id = "applicant"
title = "Подача заявки"
version = "1"
source = "Тестовый документ"
summary = "ЮЛ или ИП."

[[choice]]
id = "applicant"
title = "Заявитель"

[[choice.option]]
id = "ul"
title = "Юридическое лицо"

[[choice.option]]
id = "ip"
title = "Индивидуальный предприниматель"

[[section]]
id = "main"
title = "Основной раздел"

[[step]]
id = "request"
section = "main"
title = "Заявка"
form = "request"

[[step]]
id = "charter"
section = "main"
title = "Устав"
when = { choice = "applicant", is = "ul" }

[[step]]
id = "certificate"
section = "main"
title = "Свидетельство ИП"
when = { choice = "applicant", is = "ip" }

[[step]]
id = "submit"
section = "main"
title = "Подача комплекта"
deadline = { working_days = 3, from = "request" }

[[form]]
id = "request"
title = "Заявка"

[[form.field]]
id = "name"
type = "text"
label = "Наименование"
required = true

[[form.field]]
id = "ogrnip"
type = "ogrnip"
label = "ОГРНИП"
required_when = { choice = "applicant", is = "ip" }
"#;

fn applicant() -> Vec<Arc<Procedure>> {
    vec![Arc::new(
        load(APPLICANT.as_bytes())
            .result
            .expect("a valid procedure"),
    )]
}

/// Today is Monday 24 November 2025 in these transcripts. A step marked done on a past day says
/// that day and moves the deadline counted from it (done today, it would be 27 November; done on
/// Friday 31 October 2025, the three working days are Saturday 1 November, worked in place of
/// Monday 3 November, then 5 and 6 November after the holiday of the 4th); a day after today, a day that does not
/// exist and a finish before the start are refused in words; a wait dated back is due by the
/// deadline counted from the step it follows, a day already passed, and says so. A variant
/// change says first what it would do to the done work, and is made only when confirmed.
#[test]
fn steps_are_marked_on_the_day_they_happened_and_a_variant_change_is_previewed() {
    let data = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(data.path()).expect("store");
    let said = transcript_of(
        applicant(),
        store,
        Lang::Ru,
        &Start::Procedure("applicant".into()),
        &[
            "Отдел кадров",
            // The first choice: nothing done yet.
            "v",
            "1",
            "д",
            "1",
            "ООО «Ромашка»",
            "c 25.11.2025",
            "c 31.02.2025",
            "c 3 декабря",
            "с 2025-10-31",
            "n",
            "s 20.11.2025",
            "c 19.11.2025",
            "c",
            "n",
            "n",
            "w 21.11.2025",
            // To a sole trader: said first, refused once, then made.
            "v",
            "2",
            "да?",
            "н",
            "v",
            "2",
            "y",
            "l",
            "1",
            "q",
        ],
    );
    insta::assert_snapshot!("plain-dated-and-variant-ru", said);
    for text in [
        "Шаг «Заявка» выполнен 31.10.2025. Выполнено 1 из 3.",
        "Срок: до 06.11.2025 (3 рабочих дня после шага 1).",
        "25.11.2025 — позже сегодняшнего дня (24.11.2025)",
        "19.11.2025 — раньше дня, когда шаг начат (20.11.2025)",
        "Ожидание записано со сроком 06.11.2025, а этот день уже прошёл",
        "2. Устав",
        "1. Заявка: ОГРНИП",
        "Вариант не изменён.",
    ] {
        assert!(said.contains(text), "{text:?} is not said:\n{said}");
    }
    let store = Store::open(data.path()).expect("store");
    let (_, opened) = store.open_run("applicant-1").expect("the run");
    let run = &opened.run;
    let day = |y, m, d| jiff::civil::date(y, m, d);
    assert!(
        matches!(run.steps.get("request"), Some(StepState::Done { on: Some(on), .. }) if *on == day(2025, 10, 31)),
        "{:?}",
        run.steps
    );
    assert!(
        matches!(
            run.steps.get("submit"),
            Some(StepState::Waiting { on: Some(on), due: Some(due), .. })
                if *on == day(2025, 11, 21) && *due == day(2025, 11, 6)
        ),
        "{:?}",
        run.steps
    );
    assert_eq!(run.choices.get("applicant").map(String::as_str), Some("ip"));
}

/// In English too; a date in the future is refused with the wizard's words and nothing is kept.
#[test]
fn a_future_day_is_refused_in_words_and_nothing_is_kept() {
    let data = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(data.path()).expect("store");
    let said = transcript_of(
        applicant(),
        store,
        Lang::En,
        &Start::Procedure("applicant".into()),
        &["HR", "1", "Romashka", "c 2026-01-05", "c 32.11.2025", "q"],
    );
    assert!(
        said.contains("05.01.2026 is after today (24.11.2025): a step is recorded on the day it happened, never ahead"),
        "{said}"
    );
    assert!(
        said.contains("Not recorded: '32.11.2025' — there is no such date."),
        "{said}"
    );
    let store = Store::open(data.path()).expect("store");
    let (_, opened) = store.open_run("applicant-1").expect("the run");
    assert!(opened.run.steps.is_empty(), "{:?}", opened.run.steps);
}

/// An optional step marked not needed on a past day, after a variant chosen with its preview.
#[test]
fn an_optional_step_is_marked_not_needed_on_a_past_day() {
    let data = tempfile::tempdir().expect("temporary folder");
    let store = Store::open(data.path()).expect("store");
    let said = transcript(
        store,
        Lang::En,
        &Start::Procedure("antivirus-licenses".into()),
        &[
            "School 1",
            "v",
            "1",
            "4",
            "y",
            "l",
            "14",
            "p 2025-11-25",
            "p 2025-11-20",
            "q",
        ],
    );
    for text in [
        "Choose «4. Создание собственного сервера независимого KSC сервера",
        "Chosen: 4. Создание собственного сервера независимого KSC сервера",
        "25.11.2025 is after today (24.11.2025)",
        "Step «Организация встречи Заявителя и ответственных со стороны ДИТа» not needed, marked on 20.11.2025.",
    ] {
        assert!(said.contains(text), "{text:?} is not said:\n{said}");
    }
    let store = Store::open(data.path()).expect("store");
    let (_, opened) = store.open_run("antivirus-licenses-1").expect("the run");
    assert!(
        matches!(
            opened.run.steps.get("v4-meeting"),
            Some(StepState::Done { passed_over: true, on: Some(on), .. })
                if *on == jiff::civil::date(2025, 11, 20)
        ),
        "{:?}",
        opened.run.steps
    );
}

/// A run opened after the methodologist's new edition: what it changes is said, and a yes or
/// no takes it or keeps the run's own (not asked again, one line says how to take it later).
#[test]
fn a_newer_edition_is_offered_with_a_yes_or_no() {
    use poryadok::run::command::{Command, apply};
    let data = tempfile::tempdir().expect("temporary folder");
    let old = bundled("qualified-signature");
    let open = || Store::open(data.path()).expect("store");
    let store = open();
    let (mut session, mut run) = store.create(&old, "Иванов", at(0)).unwrap();
    let set = Command::SetField {
        field: "inn".into(),
        value: Value::Text("500100732259".into()),
    };
    apply(&old, &mut run, set, at(1)).unwrap();
    session.save(&old, &run, at(2)).unwrap();
    drop((session, store));
    let four = || {
        let text = crate::cli_edition::edition_four();
        vec![Arc::new(load(text.as_bytes()).result.unwrap())]
    };
    let start = Start::Run("qualified-signature-1".into());

    // Kept: the run stays on edition 3 and is not asked again.
    let said = transcript_of(four(), open(), Lang::Ru, &start, &["н", "q"]);
    assert!(
        said.contains("В файле процедуры новая редакция 4; прохождение идёт по своей редакции 3"),
        "{said}"
    );
    assert!(
        said.contains("  - Поле «ИНН»: значение сохраняется"),
        "{said}"
    );
    assert!(
        said.contains("Прохождение остаётся на редакции 3"),
        "{said}"
    );
    let (opened, _) = open().read("qualified-signature-1", false).unwrap();
    assert_eq!(opened.run.procedure.version, "3");
    let said = transcript_of(four(), open(), Lang::Ru, &start, &["q"]);
    assert!(!said.contains("Принять новую редакцию?"), "{said}");
    assert!(
        said.contains("poryadok edition qualified-signature-1 --take"),
        "{said}"
    );

    // Asked from the command line's hint, taken here by the wizard's way: a fresh run, yes.
    open().delete("qualified-signature-1").unwrap();
    let store = open();
    let (mut session, mut run) = store.create(&old, "Петров", at(0)).unwrap();
    let set = Command::SetField {
        field: "inn".into(),
        value: Value::Text("500100732259".into()),
    };
    apply(&old, &mut run, set, at(1)).unwrap();
    session.save(&old, &run, at(2)).unwrap();
    let id = session.id().to_owned();
    drop((session, store));
    let said = transcript_of(
        four(),
        open(),
        Lang::Ru,
        &Start::Run(id.clone()),
        &["д", "q"],
    );
    assert!(said.contains("переведено на редакцию 4"), "{said}");
    let (opened, _) = open().read(&id, false).unwrap();
    assert_eq!(opened.run.procedure.version, "4");
    assert_eq!(
        opened.run.values.get("user_inn"),
        Some(&Value::Text("500100732259".into()))
    );
}
