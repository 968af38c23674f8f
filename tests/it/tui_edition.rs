//! The wizard offers a newer edition of the procedure when a run is opened: what it changes,
//! taken with Enter or kept off with Esc (then only a hint in the header, and `e` to see it
//! again).

use std::sync::Arc;

use poryadok::i18n::Lang;
use poryadok::procedure::load;
use poryadok::run::Value;
use poryadok::run::command::{Command, apply};
use poryadok::run::journal::What;
use poryadok::tui::action::Action;
use poryadok::tui::app::{SaveState, Screen};
use poryadok::tui::shell::{Start, Wizard};

use crate::cli_edition::edition_four;
use crate::common::at;
use crate::tui_screens::{press, scene, screen, typed, wizard};

/// A qualified-signature run with its application filled and steps 1 and 2 done, left; then
/// the methodologist's edition 4 (the INN field renamed, a step put before step 2) in place of
/// the file.
fn run_then_new_edition(wizard: &mut Wizard) -> String {
    wizard.start(&Start::Procedure("qualified-signature".into()), at(0));
    let mut keys = typed("Иванов И.И., кафедра информатики");
    keys.push(Action::Open);
    press(wizard, &keys);
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("the run is open")
    };
    let id = screen.id.clone();
    let text = |t: &str| Value::Text(t.into());
    for (field, value) in [
        ("department", text("Кафедра информатики")),
        ("full_name", text("Иванов Иван Иванович")),
        ("inn", text("500100732259")),
        ("mobile_phone", text("+79123456789")),
        ("corporate_email", text("ivanov@university.ru")),
        ("has_key_carrier", Value::Bool(false)),
        ("grounds", text("Подписание документов в ЭДО")),
    ] {
        let command = Command::SetField {
            field: field.into(),
            value,
        };
        apply(&screen.procedure, &mut screen.run, command, at(10)).unwrap();
    }
    for step in ["application", "open-cabinet"] {
        let command = Command::CompleteStep(step.into());
        apply(&screen.procedure, &mut screen.run, command, at(20)).unwrap();
    }
    screen.refresh();
    // Back home: saved with edition 3.
    press(wizard, &[Action::Back]);
    let four = load(edition_four().as_bytes()).result.unwrap();
    let procedures = &mut wizard.app.procedures;
    let at = (procedures.iter())
        .position(|p| p.id() == "qualified-signature")
        .unwrap();
    procedures[at] = Arc::new(four);
    id
}

/// Opened after the procedure changed: the offer over the run, its changes in words.
#[test]
fn a_run_opened_after_a_new_edition_is_offered_it() {
    scene("run-edition-offer", |wizard| {
        let id = run_then_new_edition(wizard);
        wizard.start(&Start::Run(id), at(100));
    });
}

#[test]
fn declining_keeps_the_run_and_only_a_hint_remains_taking_moves_it() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    press(&mut wizard, &[Action::Resize(80, 24)]);
    let id = run_then_new_edition(&mut wizard);
    wizard.start(&Start::Run(id.clone()), at(100));
    let text = screen(&wizard, 80, 24);
    assert!(text.contains("Новая редакция процедуры: 3 → 4"), "{text}");
    assert!(
        text.contains("«Проверка заявки руководителем» — встаёт перед уже"),
        "{text}"
    );
    // Esc keeps the run's own edition.
    press(&mut wizard, &[Action::Back]);
    let Screen::Run(run) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert!(run.overlay.is_none());
    assert_eq!(run.run.procedure.version, "3");
    assert!(run.run.procedure.declined.is_some());
    let text = screen(&wizard, 80, 24);
    assert!(text.contains("★ новая редакция 4 (e)"), "{text}");

    // Opened again: not asked again, the hint stays.
    press(&mut wizard, &[Action::Back]);
    wizard.start(&Start::Run(id.clone()), at(200));
    let Screen::Run(run) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert!(run.overlay.is_none() && run.newer.is_some());
    let text = screen(&wizard, 80, 24);
    assert!(text.contains("★ новая редакция 4 (e)"), "{text}");

    // `e` shows it again; Enter takes it.
    press(&mut wizard, &[Action::Edition, Action::Open]);
    let Screen::Run(run) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert!(run.overlay.is_none() && run.newer.is_none());
    assert_eq!(run.run.procedure.version, "4");
    assert!(run.run.is_done("application") && run.run.is_done("open-cabinet"));
    assert_eq!(
        run.run.values.get("user_inn"),
        Some(&Value::Text("500100732259".into()))
    );
    assert_eq!(run.run.journal.last().unwrap().what, What::Edition);
    assert!(matches!(run.saved, SaveState::Saved(_)));
    let text = screen(&wizard, 80, 24);
    assert!(!text.contains("★"), "{text}");
    assert!(text.contains("○ 2. Проверка заявки"), "{text}");

    // Saved: opened again, it walks edition 4 and nothing is offered.
    press(&mut wizard, &[Action::Back]);
    wizard.start(&Start::Run(id), at(300));
    let Screen::Run(run) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert_eq!(run.procedure.version(), "4");
    assert!(run.overlay.is_none() && run.newer.is_none());
}
