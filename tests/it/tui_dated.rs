//! The day asked for a step (keys S, C, W, P on the list of steps): today's date is offered
//! selected, so the first character typed replaces it; a day the engine refuses keeps the box
//! open with the refusal under it; a step that cannot be so marked at all is refused at once,
//! before any day is asked; and a step is begun on a past day as it is done on one. Today is
//! 24.11.2025 throughout.

use poryadok::i18n::Lang;
use poryadok::run::StepState;
use poryadok::tui::action::Action;
use poryadok::tui::app::Screen;
use poryadok::tui::shell::{Start, Wizard};

use crate::common::at;
use crate::tui_screens::{press, scene, screen, typed, wizard};

/// A new run of `procedure`, open on its first step, in Russian.
fn run(procedure: &str) -> (tempfile::TempDir, Wizard) {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    press(&mut wizard, &[Action::Resize(80, 24)]);
    wizard.start(&Start::Procedure(procedure.into()), at(0));
    let mut keys = typed("Комитет по образованию");
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    (data, wizard)
}

/// The text of the open date box, if one is open.
fn box_text(wizard: &Wizard) -> Option<String> {
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    screen.editor().map(|e| e.text())
}

/// The state of the step with this id.
fn state(wizard: &Wizard, step: &str) -> Option<StepState> {
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    screen.run.steps.get(step).cloned()
}

/// The id of the selected step.
fn selected(wizard: &Wizard) -> String {
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    screen.procedure.steps()[screen.step()].id.clone()
}

fn day(text: &str) -> jiff::civil::Date {
    poryadok::validate::parse_date(text).unwrap()
}

#[test]
fn the_first_character_typed_replaces_the_offered_day() {
    let (_data, mut wizard) = run("qualified-signature");
    // Typed straight in: no Backspace needed.
    press(&mut wizard, &[Action::WaitOn]);
    assert_eq!(box_text(&wizard).as_deref(), Some("24.11.2025"));
    press(&mut wizard, &typed("21.11.2025"));
    assert_eq!(box_text(&wizard).as_deref(), Some("21.11.2025"));
    // Typing on goes after what was typed: only the offered day is replaced.
    press(&mut wizard, &[Action::Backspace]);
    assert_eq!(box_text(&wizard).as_deref(), Some("21.11.202"));
    press(&mut wizard, &[Action::Back]);

    // A paste replaces it too.
    press(&mut wizard, &[Action::WaitOn]);
    wizard.paste("20.11.2025", at(60));
    assert_eq!(box_text(&wizard).as_deref(), Some("20.11.2025"));
    press(&mut wizard, &[Action::Back]);

    // The arrows, Backspace and Delete edit the offered day as text.
    press(&mut wizard, &[Action::WaitOn, Action::Backspace]);
    assert_eq!(box_text(&wizard).as_deref(), Some("24.11.202"));
    press(&mut wizard, &[Action::Back, Action::WaitOn, Action::First]);
    press(
        &mut wizard,
        &[Action::Right, Action::Delete, Action::Type('0')],
    );
    assert_eq!(box_text(&wizard).as_deref(), Some("20.11.2025"));
    press(
        &mut wizard,
        &[Action::Left, Action::Left, Action::Type('x')],
    );
    assert_eq!(box_text(&wizard).as_deref(), Some("x20.11.2025"));

    // Ctrl-U clears the line.
    press(&mut wizard, &[Action::ClearLine]);
    assert_eq!(box_text(&wizard).as_deref(), Some(""));
    press(&mut wizard, &typed("19.11.2025"));
    press(&mut wizard, &[Action::Keep]);
    assert_eq!(box_text(&wizard), None);
    match state(&wizard, "application") {
        Some(StepState::Waiting { on, .. }) => assert_eq!(on, Some(day("19.11.2025"))),
        other => panic!("{other:?}"),
    }
}

/// Ctrl-U clears a new run's label too.
#[test]
fn ctrl_u_clears_a_new_runs_label() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    press(&mut wizard, &[Action::Resize(80, 24)]);
    wizard.start(&Start::Procedure("rsmev-connection".into()), at(0));
    press(&mut wizard, &typed("Опечатка"));
    press(&mut wizard, &[Action::ClearLine]);
    press(&mut wizard, &typed("Комитет"));
    let Screen::NewRun(new) = &wizard.app.screen else {
        panic!("the new run asks its label")
    };
    assert_eq!(new.label, "Комитет");
}

#[test]
fn enter_alone_takes_the_offered_day() {
    let (_data, mut wizard) = run("rsmev-connection");
    let step = selected(&wizard);
    press(&mut wizard, &[Action::CompleteOn, Action::Keep]);
    assert_eq!(box_text(&wizard), None);
    match state(&wizard, &step) {
        Some(StepState::Done { on, .. }) => assert_eq!(on, Some(day("24.11.2025"))),
        other => panic!("{other:?}"),
    }
}

/// A day after today, and a day before the step was begun: the box stays open with the day
/// typed and the engine's words under it; what is typed next goes into the box, never to the
/// list of steps.
#[test]
fn a_refused_day_keeps_the_box_open_and_the_keys_in_it() {
    let (_data, mut wizard) = run("rsmev-connection");
    let step = selected(&wizard);
    let mut keys = vec![Action::CompleteOn];
    keys.extend(typed("30.11.2025"));
    keys.push(Action::Keep);
    press(&mut wizard, &keys);
    assert_eq!(box_text(&wizard).as_deref(), Some("30.11.2025"));
    assert_eq!(state(&wizard, &step), None);
    let shown = screen(&wizard, 80, 24);
    assert!(shown.contains("позже сегодняшнего дня"), "{shown}");
    // Keys the list would take (h goes back to the runs, d exports) are typed into the box.
    press(&mut wizard, &typed("hd"));
    assert_eq!(box_text(&wizard).as_deref(), Some("30.11.2025hd"));
    assert!(matches!(wizard.app.screen, Screen::Run(_)));
    press(&mut wizard, &[Action::Back]);
    assert_eq!(box_text(&wizard), None);

    // Begun on the 20th; done on the 18th is refused in the box, on the 21st it is kept.
    let mut keys = vec![Action::StartOn];
    keys.extend(typed("20.11.2025"));
    keys.extend([Action::Keep, Action::CompleteOn]);
    keys.extend(typed("18.11.2025"));
    keys.push(Action::Keep);
    press(&mut wizard, &keys);
    assert_eq!(box_text(&wizard).as_deref(), Some("18.11.2025"));
    let shown = screen(&wizard, 80, 24);
    assert!(shown.contains("раньше дня, когда шаг"), "{shown}");
    let mut keys = vec![Action::ClearLine];
    keys.extend(typed("21.11.2025"));
    keys.push(Action::Keep);
    press(&mut wizard, &keys);
    assert_eq!(box_text(&wizard), None);
    match state(&wizard, &step) {
        Some(StepState::Done { on, .. }) => assert_eq!(on, Some(day("21.11.2025"))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_step_is_begun_on_a_past_day_with_s() {
    let (_data, mut wizard) = run("qualified-signature");
    let mut keys = vec![Action::StartOn];
    keys.extend(typed("20.11.2025"));
    keys.push(Action::Keep);
    press(&mut wizard, &keys);
    match state(&wizard, "application") {
        Some(StepState::InProgress { on, .. }) => assert_eq!(on, Some(day("20.11.2025"))),
        other => panic!("{other:?}"),
    }
    // The key is S in both keyboard layouts.
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use poryadok::tui::keys::{KeyMode, action};
    for c in ['S', 'Ы'] {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
        assert_eq!(action(key, KeyMode::Steps), Some(Action::StartOn), "{c}");
    }
    // Ctrl-U clears the line wherever one line is typed.
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    for mode in [
        KeyMode::DatePrompt,
        KeyMode::WaitPrompt,
        KeyMode::Editor,
        KeyMode::NewRun,
        KeyMode::Rename,
    ] {
        assert_eq!(action(ctrl_u, mode), Some(Action::ClearLine), "{mode:?}");
    }
}

/// A required step cannot be passed over, a step still blocked cannot be done, a step whose
/// form is not filled in cannot be done: said at once, in the words the plain key gets,
/// without asking for a day, the focus left on the list.
#[test]
fn a_step_that_cannot_be_so_marked_is_refused_before_the_day_is_asked() {
    let (_data, mut wizard) = run("qualified-signature");
    let refused = |wizard: &mut Wizard, keys: &[Action], words: &str| {
        press(wizard, keys);
        assert_eq!(box_text(wizard), None, "{keys:?}");
        let notice = wizard.app.notice.as_ref().expect("a notice");
        assert!(notice.text.text(Lang::Ru).contains(words), "{keys:?}");
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        assert_eq!(screen.focus, poryadok::tui::app::Focus::Steps);
    };
    refused(&mut wizard, &[Action::PassOverOn], "только необязательный");
    refused(&mut wizard, &[Action::CompleteOn], "исправьте");
    // A date typed ahead falls on the list, where it changes nothing.
    press(&mut wizard, &typed("01.12.2025"));
    assert_eq!(state(&wizard, "application"), None);
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert!(screen.run.values.is_empty());
    refused(
        &mut wizard,
        &[Action::Down, Action::Down, Action::CompleteOn],
        "Пока нельзя",
    );
    refused(&mut wizard, &[Action::StartOn], "Пока нельзя");
}

#[test]
fn a_day_refused_in_the_box() {
    scene("run-date-refused", |wizard| {
        wizard.start(&Start::Procedure("rsmev-connection".into()), at(0));
        let mut keys = typed("Комитет по образованию");
        keys.extend([Action::Open, Action::CompleteOn]);
        keys.extend(typed("30.11.2025"));
        keys.push(Action::Keep);
        press(wizard, &keys);
    });
}

/// The variant picker on the option already chosen says it is the current one, not that
/// choosing it would add and skip no steps; on another option it says what would change.
#[test]
fn the_picker_on_the_chosen_option_says_it_is_the_current_one() {
    let (_data, mut wizard) = run("antivirus-licenses");
    press(&mut wizard, &[Action::First, Action::ChooseVariant]);
    let shown = screen(&wizard, 80, 24);
    assert!(shown.contains("Если выбрать"), "{shown}");
    press(
        &mut wizard,
        &[Action::Open, Action::First, Action::ChooseVariant],
    );
    // The picker opens on the choice still to make; Tab goes to the one just made.
    let mut shown = screen(&wizard, 80, 24);
    for _ in 0..4 {
        if shown.contains('●') {
            break;
        }
        press(&mut wizard, &[Action::NextPane]);
        shown = screen(&wizard, 80, 24);
    }
    assert!(shown.contains("Этот вариант выбран сейчас"), "{shown}");
    assert!(!shown.contains("Если выбрать"), "{shown}");
    press(&mut wizard, &[Action::Down]);
    let shown = screen(&wizard, 80, 24);
    assert!(shown.contains("Если выбрать"), "{shown}");
}
