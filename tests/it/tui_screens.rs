//! Every screen of the wizard as the officer sees it, in Russian and English, at 80x24 and
//! 120x40, drawn on ratatui's TestBackend and compared with reviewed snapshots.

use std::sync::Arc;

use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::at;
use poryadok::catalog::bundled_files;
use poryadok::i18n::Lang;
use poryadok::procedure::load;
use poryadok::store::Store;
use poryadok::tui::action::Action;
use poryadok::tui::shell::{Start, Wizard};
use poryadok::tui::view::{Theme, draw};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::Ru, "ru"), (Lang::En, "en")];

pub(crate) fn wizard(lang: Lang, data: &std::path::Path) -> Wizard {
    let procedures = bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .map(Arc::new)
        .collect();
    let store = Store::open(data).unwrap();
    let mut wizard = Wizard::new(lang, procedures, store, at(0));
    wizard.app.tz = TimeZone::UTC;
    wizard
}

pub(crate) fn screen(wizard: &Wizard, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| draw(frame, &wizard.app, Theme { color: false }))
        .unwrap();
    terminal.backend().to_string()
}

/// Presses keys (as actions) one after another, each change written as the terminal loop
/// writes it once its frame is out.
pub(crate) fn press(wizard: &mut Wizard, actions: &[Action]) {
    for action in actions {
        wizard.handle(*action, at(60));
        wizard.save_pending(at(60));
    }
}

pub(crate) fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

/// Shoots one scene in both languages and both sizes.
pub(crate) fn scene(name: &str, setup: impl Fn(&mut Wizard)) {
    for (lang, code) in LANGS {
        for (width, height) in SIZES {
            let data = tempfile::tempdir().unwrap();
            let mut wizard = wizard(lang, data.path());
            press(&mut wizard, &[Action::Resize(width, height)]);
            setup(&mut wizard);
            let text = screen(&wizard, width, height);
            insta::assert_snapshot!(format!("{name}-{code}-{width}x{height}"), text);
        }
    }
}

/// A new run of the e-signature procedure, open on its first step.
fn signature_run(wizard: &mut Wizard) {
    wizard.start(&Start::Procedure("qualified-signature".into()), at(0));
    let mut keys = typed("Иванов И.И., кафедра информатики");
    keys.push(Action::Open);
    press(wizard, &keys);
}

#[test]
fn home_without_runs() {
    scene("home-empty", |_| {});
}

#[test]
fn home_with_runs_one_overdue() {
    scene("home-runs", |wizard| {
        signature_run(wizard);
        // Step 1 waits for an answer that was due on 21.11.2025; today is 24.11.2025.
        let mut keys = vec![Action::WaitStep];
        keys.extend(typed("21.11.2025"));
        keys.extend([Action::Open, Action::Back]);
        press(wizard, &keys);
        wizard.start(&Start::Procedure("rsmev-connection".into()), at(0));
        let mut keys = typed("Комитет по образованию");
        keys.extend([Action::Open, Action::Back]);
        press(wizard, &keys);
    });
}

/// Left open past midnight, the wizard counts from the new day: a wait due today is overdue
/// tomorrow without a key pressed.
#[test]
fn a_wizard_left_open_overnight_moves_to_the_new_day() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::En, data.path());
    signature_run(&mut wizard);
    let mut keys = vec![Action::WaitStep];
    keys.extend(typed("24.11.2025"));
    keys.extend([Action::Open, Action::Back]);
    press(&mut wizard, &keys);
    let due = |wizard: &Wizard| screen(wizard, 120, 40).lines().nth(3).unwrap().to_owned();
    assert!(!due(&wizard).contains("OVERDUE"), "{}", due(&wizard));
    wizard.tick(at(24 * 60 * 60));
    assert!(
        due(&wizard).contains("due 24.11.2025, OVERDUE"),
        "{}",
        due(&wizard)
    );
}

#[test]
fn new_run_asks_for_a_label() {
    scene("new-run", |wizard| {
        wizard.start(&Start::Procedure("pgs-staff-access".into()), at(0));
        press(wizard, &typed("Администрация Кировского района"));
    });
}

#[test]
fn run_screen_on_its_first_step() {
    scene("run-first-step", signature_run);
}

#[test]
fn completing_a_step_with_an_empty_form_lists_what_to_fix() {
    scene("run-incomplete", |wizard| {
        signature_run(wizard);
        press(wizard, &[Action::CompleteStep]);
    });
}

#[test]
fn a_blocked_step_says_what_it_waits_for_and_why() {
    scene("run-blocked", |wizard| {
        signature_run(wizard);
        // Step 8, the certificate request, waits for the token of step 7.
        press(wizard, &[Action::First]);
        press(wizard, &[Action::Down; 7]);
        press(wizard, &[Action::CompleteStep]);
    });
}

#[test]
fn choosing_a_variant_shows_what_it_changes() {
    scene("run-variant", |wizard| {
        wizard.start(&Start::Procedure("antivirus-licenses".into()), at(0));
        let mut keys = typed("ГБУ «Пример»");
        keys.extend([Action::Open, Action::ChooseVariant, Action::Down]);
        press(wizard, &keys);
    });
}

#[test]
fn help_lists_the_keys_of_the_screen() {
    scene("help-run", |wizard| {
        signature_run(wizard);
        press(wizard, &[Action::Help]);
    });
}

#[test]
fn a_terminal_too_small_gets_a_message_not_garbage() {
    for (lang, code) in LANGS {
        let data = tempfile::tempdir().unwrap();
        let mut wizard = wizard(lang, data.path());
        signature_run(&mut wizard);
        press(&mut wizard, &[Action::Resize(50, 12)]);
        insta::assert_snapshot!(format!("too-small-{code}"), screen(&wizard, 50, 12));
    }
}

#[test]
fn a_form_with_an_invalid_value_says_what_is_wrong_beside_the_field() {
    scene("run-form-error", |wizard| {
        signature_run(wizard);
        let mut keys = vec![Action::NextPane, Action::Down, Action::Down, Action::Open];
        keys.extend(typed("500100732250"));
        keys.push(Action::Open);
        keys.push(Action::CompleteStep);
        press(wizard, &keys);
    });
}

#[test]
fn a_field_being_typed_into_is_checked_as_the_officer_types() {
    scene("run-editor", |wizard| {
        signature_run(wizard);
        let mut keys = vec![
            Action::NextPane,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Open,
        ];
        keys.extend(typed("8 912 345"));
        press(wizard, &keys);
    });
}

#[test]
fn waiting_on_a_step_with_a_deadline_sets_its_due_day_on_the_production_calendar() {
    use poryadok::run::StepState;
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::En, data.path());
    signature_run(&mut wizard);
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("the run is open")
    };
    // Steps 1 to 9 done; step 10 waits for the call «в течение 1 рабочего дня».
    for step in &screen.procedure.steps()[..9] {
        screen.run.steps.insert(
            step.id.clone(),
            StepState::Done {
                at: at(0),
                passed_over: false,
                on: None,
                due: None,
            },
        );
    }
    screen.refresh();
    screen.selected = screen
        .order
        .iter()
        .position(|i| screen.procedure.steps()[*i].id == "wait-call")
        .unwrap();
    // at(60) is Monday 24 November 2025: one working day later is Tuesday the 25th.
    press(&mut wizard, &[Action::WaitStep]);
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    match screen.run.steps.get("wait-call") {
        Some(StepState::Waiting { due, .. }) => {
            assert_eq!(*due, Some("2025-11-25".parse().unwrap()))
        }
        other => panic!("{other:?}"),
    }
}

/// A new run of the staff-access procedure with its employee list open, two rows typed in
/// along the row (the second with a phone number that is too short), the bad cell selected.
fn employee_table(wizard: &mut Wizard) {
    wizard.start(&Start::Procedure("pgs-staff-access".into()), at(0));
    let mut keys = typed("Администрация Кировского района");
    keys.extend([Action::Open, Action::NextPane, Action::Open, Action::AddRow]);
    for (name, position, phone) in [
        (
            "Иванов Иван Иванович",
            "начальник отдела",
            "8 (813) 622-11-22",
        ),
        ("Петрова Анна Сергеевна", "специалист", "702-11"),
    ] {
        for cell in [
            name,
            position,
            phone,
            "kirovsk@lenreg.ru",
            "Выдача градплана",
        ] {
            keys.extend(typed(cell));
            keys.push(Action::Open);
        }
        // The roles: the second option ticked in the list that opened.
        keys.extend([Action::Down, Action::Type(' '), Action::Open]);
        if name.starts_with("Иванов") {
            keys.push(Action::AddRow);
        }
    }
    keys.extend([Action::Left, Action::Left, Action::Left]);
    press(wizard, &keys);
}

#[test]
fn a_table_field_shows_its_rows_and_the_selected_row_in_full() {
    scene("run-table", employee_table);
}

#[test]
fn a_table_cell_is_typed_into_with_its_column_named() {
    scene("run-table-cell", |wizard| {
        employee_table(wizard);
        let mut keys = vec![Action::Open];
        keys.extend(typed("+7 813"));
        press(wizard, &keys);
    });
}

#[test]
fn table_rows_are_added_edited_moved_removed_and_brought_back() {
    use poryadok::run::Value;
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    employee_table(&mut wizard);
    let names = |wizard: &Wizard| -> Vec<String> {
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        match screen.run.values.get("employees_list") {
            Some(Value::Table(rows)) => rows
                .iter()
                .map(|row| match row.get("full_name") {
                    Some(Value::Text(name)) => name.clone(),
                    other => format!("{other:?}"),
                })
                .collect(),
            None => Vec::new(),
            other => panic!("{other:?}"),
        }
    };
    let cell = |wizard: &Wizard, row: usize, column: &str| -> Option<Value> {
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        match screen.run.values.get("employees_list") {
            Some(Value::Table(rows)) => rows[row].get(column).cloned(),
            _ => None,
        }
    };
    assert_eq!(
        names(&wizard),
        ["Иванов Иван Иванович", "Петрова Анна Сергеевна"]
    );
    // Typed along the row: the phone kept as +7…, the roles as a list.
    assert_eq!(
        cell(&wizard, 0, "phone"),
        Some(Value::Text("+7 813 622-11-22".into()))
    );
    assert_eq!(
        cell(&wizard, 1, "roles"),
        Some(Value::List(vec!["Специалист".into()]))
    );
    // The bad phone of row 2 is corrected in place.
    let mut keys = vec![Action::Open];
    keys.extend((0..6).map(|_| Action::Backspace));
    keys.extend(typed("8 813 622-33-44"));
    keys.push(Action::Keep);
    press(&mut wizard, &keys);
    assert_eq!(
        cell(&wizard, 1, "phone"),
        Some(Value::Text("+7 813 622-33-44".into()))
    );
    // Row 2 moved above row 1, then back down with the other key.
    press(&mut wizard, &[Action::Back, Action::MoveRowUp]);
    assert_eq!(
        names(&wizard),
        ["Петрова Анна Сергеевна", "Иванов Иван Иванович"]
    );
    press(&mut wizard, &[Action::MoveRowDown]);
    assert_eq!(
        names(&wizard),
        ["Иванов Иван Иванович", "Петрова Анна Сергеевна"]
    );
    // Removed, and brought back by undo.
    press(&mut wizard, &[Action::ClearField]);
    assert_eq!(names(&wizard), ["Иванов Иван Иванович"]);
    press(&mut wizard, &[Action::Undo]);
    assert_eq!(
        names(&wizard),
        ["Иванов Иван Иванович", "Петрова Анна Сергеевна"]
    );
    // With every cell right, the step can be done from the steps list.
    press(
        &mut wizard,
        &[Action::Back, Action::Back, Action::CompleteStep],
    );
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert!(
        screen.run.is_done("employees-list"),
        "{:?}",
        wizard.app.notice
    );
    // And every one of those changes reached the disk (read once the wizard, and its lock,
    // are gone).
    let (id, values) = (screen.id.clone(), screen.run.values.clone());
    drop(wizard);
    let (_, opened) = Store::open(data.path()).unwrap().open_run(&id).unwrap();
    assert_eq!(opened.run.values, values);
}

/// Draws a frame and clicks where `text` is on the screen, as a mouse would.
fn click_on(wizard: &mut Wizard, text: &str) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut hits = poryadok::tui::view::Hits::default();
    terminal
        .draw(|frame| {
            hits = poryadok::tui::view::draw_with_hits(frame, &wizard.app, Theme { color: false })
        })
        .unwrap();
    let screen = terminal.backend().to_string();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(text))
        .unwrap_or_else(|| panic!("{text} is on the screen:\n{screen}"));
    // The column of the text's first character, counted in terminal cells.
    let before = &line[..line.find(text).unwrap()];
    let column = unicode_width::UnicodeWidthStr::width(before.trim_start_matches('"')) as u16;
    let target = hits.at(column, row as u16);
    let target = target.unwrap_or_else(|| panic!("something to click at {text}"));
    press(wizard, &[Action::Pick(target)]);
}

#[test]
fn clicks_select_and_a_second_click_opens() {
    use poryadok::tui::app::{Focus, Screen};
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    press(&mut wizard, &[Action::Resize(80, 24)]);
    // Home: one click selects the procedure, the second starts a run of it.
    click_on(&mut wizard, "Порядок подключения к федеральным");
    assert!(matches!(wizard.app.screen, Screen::Home(_)));
    click_on(&mut wizard, "Порядок подключения к федеральным");
    let Screen::NewRun(new) = &wizard.app.screen else {
        panic!("a second click on a procedure asks for the new run's label")
    };
    assert_eq!(
        wizard.app.procedures[new.procedure].id(),
        "rsmev-connection"
    );
    // The run screen: a click on a step selects it, and only selects it.
    signature_run(&mut wizard);
    click_on(&mut wizard, "5. Отправка");
    click_on(&mut wizard, "5. Отправка");
    let step = |wizard: &Wizard| {
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        (
            screen.procedure.steps()[screen.step()].id.clone(),
            screen.focus,
            screen.field,
            screen.editor().is_some(),
            screen.run.steps.len(),
        )
    };
    let (id, focus, _, _, states) = step(&wizard);
    assert_eq!(
        (id.as_str(), focus, states),
        ("submit-documents", Focus::Steps, 0)
    );
    // Back on step 1, a click in its detail goes to its fields, a click on a field selects
    // it and a second one opens it for typing.
    click_on(&mut wizard, "1. Подача");
    click_on(&mut wizard, "Подразделение");
    assert_eq!(step(&wizard).1, Focus::Form);
    click_on(&mut wizard, "ФИО как в паспорте");
    assert_eq!(step(&wizard).2, 1);
    assert!(!step(&wizard).3);
    click_on(&mut wizard, "ФИО как в паспорте");
    assert!(
        step(&wizard).3,
        "the second click opens the field for typing"
    );
}

/// A new run of the staff-access procedure, open on its first step.
fn staff_run(wizard: &mut Wizard) {
    wizard.start(&Start::Procedure("pgs-staff-access".into()), at(0));
    let mut keys = typed("Администрация Кировского района");
    keys.push(Action::Open);
    press(wizard, &keys);
}

#[test]
fn a_steps_addresses_and_links_are_listed_to_copy_or_open() {
    scene("run-copy", |wizard| {
        staff_run(wizard);
        press(wizard, &[Action::Copy]);
    });
}

#[test]
fn copying_goes_to_the_clipboard_and_a_link_to_the_browser() {
    use poryadok::tui::shell::Outgoing;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    staff_run(&mut wizard);
    // Step 1 sends its list to an address.
    press(&mut wizard, &[Action::Copy, Action::Open]);
    assert_eq!(
        wizard.take_outgoing(),
        [Outgoing::Clipboard("nk_grishina@lenreg.ru".into())]
    );
    // An address is not opened in a browser.
    press(&mut wizard, &[Action::Copy, Action::OpenLink]);
    assert!(wizard.take_outgoing().is_empty());
    assert!(wizard.app.notice.is_some());
    // Step 5 gives the support chat's address in its text.
    press(
        &mut wizard,
        &[Action::Back, Action::Down, Action::Down, Action::Down],
    );
    press(
        &mut wizard,
        &[Action::Down, Action::OpenLink, Action::OpenLink],
    );
    assert_eq!(
        wizard.take_outgoing(),
        [Outgoing::Browser(
            "https://www.gosuslugi.ru/feedback".into()
        )]
    );
}

#[test]
fn waiting_on_a_step_without_a_deadline_asks_until_when() {
    scene("run-wait-prompt", |wizard| {
        signature_run(wizard);
        let mut keys = vec![Action::WaitStep];
        keys.extend(typed("31.11.2025"));
        press(wizard, &keys);
    });
}

#[test]
fn the_due_day_typed_for_a_wait_is_kept_and_a_wrong_one_is_not() {
    use poryadok::run::StepState;
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    signature_run(&mut wizard);
    let state = |wizard: &Wizard| {
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        (
            screen.run.steps.get("application").cloned(),
            screen.editor().is_some(),
        )
    };
    // 31 November does not exist: the prompt stays, nothing is recorded.
    let mut keys = vec![Action::WaitStep];
    keys.extend(typed("31.11.2025"));
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    assert_eq!(state(&wizard), (None, true));
    // Corrected to the 30th.
    press(&mut wizard, &[Action::Backspace; 10]);
    let mut keys = typed("30.11.2025");
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    match state(&wizard) {
        (Some(StepState::Waiting { due, .. }), false) => {
            assert_eq!(due, Some("2025-11-30".parse().unwrap()))
        }
        other => panic!("{other:?}"),
    }
    // A blocked step is refused at once, without asking for a day.
    press(&mut wizard, &[Action::Down, Action::Down, Action::WaitStep]);
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert!(screen.editor().is_none());
    assert!(wizard.app.notice.is_some());
}

#[test]
fn a_step_dated_in_the_past_asks_the_day_with_today_to_begin_with() {
    scene("run-date-prompt", |wizard| {
        signature_run(wizard);
        let mut keys = vec![Action::WaitOn];
        keys.extend([Action::Backspace; 10]);
        keys.extend(typed("25.11.2025"));
        press(wizard, &keys);
    });
}

#[test]
fn the_day_typed_for_a_step_is_recorded_and_a_future_one_is_refused() {
    use poryadok::run::StepState;
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    signature_run(&mut wizard);
    let state = |wizard: &Wizard| {
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        (
            screen.run.steps.get("application").cloned(),
            screen.editor().map(|e| e.text()),
        )
    };
    // The prompt starts with today.
    press(&mut wizard, &[Action::WaitOn]);
    let today = wizard.app.today.strftime("%d.%m.%Y").to_string();
    assert_eq!(state(&wizard), (None, Some(today)));
    // Tomorrow is refused: nothing is recorded, the box stays open on it, and the officer is
    // told why under it.
    let tomorrow = wizard.app.today.tomorrow().unwrap();
    let tomorrow = tomorrow.strftime("%d.%m.%Y").to_string();
    let mut keys = typed(&tomorrow);
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    assert_eq!(state(&wizard), (None, Some(tomorrow)));
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    let refused = screen.editor().and_then(|e| e.refused.as_ref());
    assert!(
        refused
            .expect("a refusal in the box")
            .text(Lang::Ru)
            .contains("позже сегодняшнего дня")
    );
    press(&mut wizard, &[Action::Back]);
    // Three days ago is kept as the day the wait began.
    let earlier = wizard
        .app
        .today
        .checked_sub(jiff::Span::new().days(3))
        .unwrap();
    press(&mut wizard, &[Action::WaitOn]);
    press(&mut wizard, &[Action::Backspace; 10]);
    let mut keys = typed(&earlier.strftime("%d.%m.%Y").to_string());
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    match state(&wizard) {
        (Some(StepState::Waiting { on, .. }), None) => assert_eq!(on, Some(earlier)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_run_reopens_on_the_step_and_field_where_the_officer_left_it() {
    use poryadok::tui::app::{Focus, Screen};
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::En, data.path());
    signature_run(&mut wizard);
    // Into the form, the INN typed, on to the phone; then quit.
    let mut keys = vec![Action::NextPane, Action::Down, Action::Down, Action::Open];
    keys.extend(typed("500100732259"));
    keys.extend([Action::Open, Action::Quit]);
    press(&mut wizard, &keys);
    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    let id = screen.id.clone();
    drop(wizard);
    let mut again = self::wizard(Lang::En, data.path());
    again.start(&Start::Home, at(60));
    press(&mut again, &[Action::Resize(80, 24), Action::Open]);
    let Screen::Run(screen) = &again.app.screen else {
        panic!("the home screen opens the run")
    };
    assert_eq!(screen.id, id);
    assert_eq!((screen.focus, screen.field), (Focus::Form, 3));
    assert_eq!(screen.procedure.steps()[screen.step()].id, "application");
}

#[test]
fn d_exports_the_run_and_says_where_every_file_went() {
    use poryadok::tui::app::{NoticeKind, Screen};
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("документы");
    let mut wizard = wizard(Lang::Ru, data.path());
    wizard.export_to = Some(out.clone());
    staff_run(&mut wizard);
    // The employee list, two rows, so that there is a table to export.
    employee_table(&mut wizard);
    press(&mut wizard, &[Action::Back, Action::Back, Action::Export]);
    let notice = wizard.app.notice.clone().expect("the export is reported");
    assert_eq!(notice.kind, NoticeKind::Info, "{notice:?}");
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != poryadok::export::write::MARKER)
        .collect();
    assert!(!written.is_empty());
    for name in &written {
        assert!(
            notice.details.contains(name),
            "{name} in {:?}",
            notice.details
        );
    }
    assert!(written.iter().any(|n| n.ends_with(".xlsx")), "{written:?}");
    assert!(matches!(wizard.app.screen, Screen::Run(_)));
    // Again: the folder is replaced, not filled with copies.
    press(&mut wizard, &[Action::Export]);
    let again = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(again, written.len() + 1, "the same files and the marker");
}

#[test]
fn d_shows_the_folder_in_full_at_any_width() {
    let data = tempfile::tempdir().unwrap();
    // A deep folder whose path takes more lines than a notice used to have.
    let mut out = data.path().join("Документы отдела информатизации");
    for year in 2014..2028 {
        out = out.join(format!("выгрузки прохождений {year} года"));
    }
    let mut wizard = wizard(Lang::Ru, data.path());
    wizard.export_to = Some(out.clone());
    staff_run(&mut wizard);
    press(&mut wizard, &[Action::Export]);
    let path = out.display().to_string();
    assert!(path.chars().count() > 60 * 6, "{}", path.chars().count());
    for (width, height) in [(80, 24), (60, 20), (120, 40)] {
        let text = screen(&wizard, width, height);
        // The screen's lines joined: the path is wrapped, but every character of it is shown.
        let joined: String = text.lines().map(|l| l.trim_matches('"')).collect();
        let squeezed: String = joined.chars().filter(|c| !c.is_whitespace()).collect();
        let wanted: String = path.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&wanted), "{width}x{height}:\n{text}");
    }
}

/// The README's tables of keys are the wizard's own table of keys, word for word.
#[test]
fn the_readme_lists_the_keys_the_wizard_has() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = "<!-- keys: generated from src/tui/keys.rs -->\n";
    let end = "<!-- /keys -->";
    let from = readme.find(start).expect("the README has the keys") + start.len();
    let to = readme[from..].find(end).expect("the keys end") + from;
    let expected = poryadok::tui::keys::markdown(Lang::En);
    if readme[from..to] != expected {
        panic!(
            "README.md's keys differ from src/tui/keys.rs; put this between the markers:\n{expected}"
        );
    }
}

/// Selects the step with this id in the list of the open run.
fn select_step(wizard: &mut Wizard, id: &str) {
    use poryadok::tui::app::Screen;
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("a run is open")
    };
    let index = screen.procedure.step_index(id).unwrap();
    screen.selected = screen.order.iter().position(|i| *i == index).unwrap();
}

/// A run of a procedure by its id, open on its list of steps.
fn run_of(wizard: &mut Wizard, procedure: &str) {
    wizard.start(&Start::Procedure(procedure.into()), at(0));
    let mut keys = typed("Комитет цифрового развития");
    keys.push(Action::Open);
    press(wizard, &keys);
}

/// Step 8 of the staff-access procedure, the longest text, read to its end.
#[test]
fn a_long_step_scrolled_to_its_end() {
    scene("run-long-step-end", |wizard| {
        use poryadok::tui::app::{Focus, Screen};
        staff_run(wizard);
        select_step(wizard, "add-to-access-groups");
        if let Screen::Run(screen) = &mut wizard.app.screen {
            screen.focus = Focus::Text;
        }
        press(wizard, &[Action::Last]);
    });
}

/// A label too long for its line goes above the value, which is always seen.
#[test]
fn a_long_label_with_its_value() {
    scene("run-long-label", |wizard| {
        staff_run(wizard);
        select_step(wizard, "access-request");
        let mut keys = vec![Action::NextPane, Action::Down, Action::Down, Action::Down];
        keys.extend(typed("ТОР ПГС 2.0, рег. № 47-0015"));
        keys.extend([Action::Keep, Action::Up]);
        press(wizard, &keys);
    });
}

/// The variant picker says what each option is, as the procedure explains it.
#[test]
fn the_variant_picker_shows_the_options_help() {
    scene("run-variant-help", |wizard| {
        run_of(wizard, "antivirus-licenses");
        press(wizard, &[Action::ChooseVariant]);
    });
}

/// The role model the staff-access steps refer to, opened from the step.
#[test]
fn the_reference_material_of_a_step() {
    scene("run-material", |wizard| {
        staff_run(wizard);
        select_step(wizard, "add-to-access-groups");
        press(wizard, &[Action::Material]);
    });
}

/// The last step of the ЕСИА procedure, its section heading and itself in view.
#[test]
fn the_last_step_of_a_long_list_with_sections_is_in_view() {
    scene("run-esia-last", |wizard| {
        run_of(wizard, "esia-service-centres");
        press(wizard, &[Action::Last]);
    });
}

/// In every bundled procedure, at every size down to the smallest the wizard draws in, every
/// step selected is on screen in the list, whatever headings come before it.
#[test]
fn the_selected_step_is_always_in_the_list() {
    use poryadok::tui::action::Target;
    use poryadok::tui::app::Screen;
    use poryadok::tui::view::{MIN_HEIGHT, MIN_WIDTH, draw_with_hits};
    for procedure in [
        "esia-service-centres",
        "antivirus-licenses",
        "pgs-staff-access",
        "qualified-signature",
        "rsmev-connection",
    ] {
        let data = tempfile::tempdir().unwrap();
        let mut wizard = wizard(Lang::Ru, data.path());
        run_of(&mut wizard, procedure);
        let steps = match &wizard.app.screen {
            Screen::Run(screen) => screen.order.len(),
            _ => panic!("a run is open"),
        };
        for (width, height) in [(MIN_WIDTH, MIN_HEIGHT), (80, 24), (100, 30), (120, 40)] {
            press(&mut wizard, &[Action::Resize(width, height), Action::First]);
            for position in 0..steps {
                let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
                let mut hits = None;
                terminal
                    .draw(|frame| {
                        hits = Some(draw_with_hits(frame, &wizard.app, Theme { color: false }))
                    })
                    .unwrap();
                let hits = hits.unwrap();
                let seen = (0..height).any(|y| hits.at(2, y) == Some(Target::Step(position)));
                assert!(
                    seen,
                    "{procedure} at {width}x{height}: step {position} is not in the list:\n{}",
                    terminal.backend()
                );
                press(&mut wizard, &[Action::Down]);
            }
        }
    }
}

/// The editor of a field whose label its frame cuts gives the label whole, above the input.
#[test]
fn the_editor_gives_a_long_label_whole() {
    scene("run-editor-long-label", |wizard| {
        staff_run(wizard);
        select_step(wizard, "access-request");
        press(
            wizard,
            &[
                Action::NextPane,
                Action::Down,
                Action::Down,
                Action::Down,
                Action::Open,
            ],
        );
    });
}

/// A letter is shown with all its parts: what goes with it, and its text with the officer's
/// values filled in, as it is exported.
#[test]
fn a_letter_shows_its_attachments_and_its_text_filled_in() {
    use poryadok::run::Value;
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    press(&mut wizard, &[Action::Resize(120, 40)]);
    run_of(&mut wizard, "antivirus-licenses");
    // The third variant, and the justification its letter quotes.
    press(
        &mut wizard,
        &[
            Action::ChooseVariant,
            Action::Down,
            Action::Down,
            Action::Open,
        ],
    );
    if let Screen::Run(screen) = &mut wizard.app.screen {
        screen.run.values.insert(
            "autonomous_licenses_justification".into(),
            Value::Text("Сеть ИС изолирована от Интернета".into()),
        );
        screen.refresh();
    }
    select_step(&mut wizard, "v3-request");
    let shown = screen(&wizard, 120, 40);
    for text in [
        "Вложения: «",
        "Обоснование необходимости автономных лицензий:",
        "Сеть ИС изолирована от Интернета",
    ] {
        assert!(shown.contains(text), "{text:?} is not shown:\n{shown}");
    }
    assert!(!shown.contains("{{"), "{shown}");
}

/// The variant picker says first what done work another option would set aside.
#[test]
fn the_variant_picker_shows_the_done_work_a_change_sets_aside() {
    scene("run-variant-consequences", |wizard| {
        use poryadok::run::StepState;
        use poryadok::tui::app::Screen;
        run_of(wizard, "antivirus-licenses");
        // Variant 1 chosen, its first request done.
        press(wizard, &[Action::ChooseVariant, Action::Open]);
        let Screen::Run(screen) = &mut wizard.app.screen else {
            panic!("a run is open")
        };
        screen.run.steps.insert(
            "v1-oiv-request".into(),
            StepState::Done {
                at: at(30),
                passed_over: false,
                on: None,
                due: None,
            },
        );
        screen.refresh();
        // Variant 4 under the cursor, from the first step, which depends on the variant.
        select_step(wizard, "v1-oiv-request");
        press(wizard, &[Action::ChooseVariant]);
        let choice = |wizard: &Wizard| {
            let Screen::Run(screen) = &wizard.app.screen else {
                panic!("a run is open")
            };
            let choice = screen.picker().expect("the picker").choice;
            screen.procedure.file().choices[choice].id.clone()
        };
        for _ in 0..3 {
            if choice(wizard) == "variant" {
                break;
            }
            press(wizard, &[Action::NextPane]);
        }
        assert_eq!(choice(wizard), "variant");
        press(wizard, &[Action::Down, Action::Down, Action::Down]);
    });
}

/// The keys that add an organisation from the home screen and fill its names and INN, then
/// begin typing a phone number that is not one.
fn organisation_with_a_bad_phone_typed(wizard: &mut Wizard) {
    let mut keys = vec![Action::Organisations, Action::Open];
    keys.extend(typed("Администрация Кировского муниципального района"));
    keys.push(Action::Open);
    keys.extend(typed("Администрация Кировского района"));
    keys.push(Action::Open);
    // The legal address is left for later.
    keys.push(Action::Down);
    keys.extend(typed("7707083893"));
    keys.push(Action::Open);
    // From the KPP down to the phone.
    keys.extend([Action::Down; 6]);
    keys.extend(typed("12-34"));
    press(wizard, &keys);
}

#[test]
fn the_organisation_editor_shows_the_twelve_values_and_checks_the_one_typed() {
    scene("org-editor", organisation_with_a_bad_phone_typed);
}

#[test]
fn the_list_of_organisations_ends_with_new() {
    scene("org-list", |wizard| {
        organisation_with_a_bad_phone_typed(wizard);
        press(wizard, &[Action::Back, Action::Back]);
    });
}

/// An INN with a wrong check digit is refused with the validator's words and stays in the
/// input to be corrected; nothing reaches the register until it is right, and a right one is
/// there at once, private. A wrong one typed over it later leaves it as it was.
#[test]
fn a_bad_inn_is_refused_and_a_good_one_is_saved_to_the_register_at_once() {
    use poryadok::organisation::{FILE, OrgKey, Register};
    use poryadok::tui::app::NoticeKind;
    use poryadok::tui::keys::KeyMode;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    let mut keys = vec![Action::Organisations, Action::Open];
    keys.extend([Action::Down; 3]);
    keys.extend(typed("7707083894"));
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    let reason = poryadok::validate::inn("7707083894")
        .unwrap_err()
        .text(Lang::Ru);
    let notice = wizard.app.notice.clone().expect("a refusal");
    assert_eq!(notice.kind, NoticeKind::Refused);
    let said = notice.text.text(Lang::Ru);
    assert!(
        said.starts_with("ИНН: ") && said.contains(&reason),
        "{said}"
    );
    assert_eq!(wizard.mode(), KeyMode::Editor, "the input stays open");
    assert!(screen(&wizard, 80, 24).contains("7707083894"));
    assert!(
        Register::load(data.path())
            .unwrap()
            .organisations
            .is_empty()
    );

    press(
        &mut wizard,
        &[Action::Backspace, Action::Type('3'), Action::Open],
    );
    assert_eq!(wizard.mode(), KeyMode::Organisation);
    let register = Register::load(data.path()).unwrap();
    assert_eq!(
        register.organisations["org1"].get(OrgKey::Inn),
        Some("7707083893")
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(data.path().join(FILE))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // Back on the INN, a wrong digit typed over the right one.
    let mut keys = vec![
        Action::Up,
        Action::Open,
        Action::Backspace,
        Action::Type('4'),
    ];
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    assert_eq!(
        wizard.app.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Refused)
    );
    assert_eq!(
        Register::load(data.path()).unwrap().organisations["org1"].get(OrgKey::Inn),
        Some("7707083893")
    );
}

/// A run started on the new-run screen with an organisation chosen belongs to it, as with
/// `poryadok new --org`: labelled with its short name, recorded in the register, its fields
/// that are the organisation's values filled and journaled.
#[test]
fn a_run_started_for_an_organisation_belongs_to_it() {
    use poryadok::organisation::{OrgKey, Organisation, Register};
    use poryadok::run::Value;
    use poryadok::run::journal::What;
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut org = Organisation::default();
    org.set(
        OrgKey::FullName,
        "Администрация Кировского муниципального района",
    )
    .unwrap();
    org.set(OrgKey::ShortName, "Администрация Кировского района")
        .unwrap();
    org.set(OrgKey::HeadName, "А.П. Васильев").unwrap();
    let mut register = Register::default();
    register.organisations.insert("kirovsk".into(), org);
    register.save(data.path()).unwrap();

    let mut wizard = wizard(Lang::Ru, data.path());
    wizard.start(&Start::Procedure("pgs-staff-access".into()), at(0));
    press(&mut wizard, &[Action::Down]);
    let Screen::NewRun(new) = &wizard.app.screen else {
        panic!("the new-run screen")
    };
    assert_eq!(new.org.as_deref(), Some("kirovsk"));
    assert_eq!(new.label, "Администрация Кировского района");
    // Down again: none, and the label it gave goes with it.
    press(&mut wizard, &[Action::Down]);
    let Screen::NewRun(new) = &wizard.app.screen else {
        panic!("the new-run screen")
    };
    assert_eq!((new.org.as_deref(), new.label.as_str()), (None, ""));
    press(&mut wizard, &[Action::Up, Action::Open]);

    let Screen::Run(screen) = &wizard.app.screen else {
        panic!("the run is open")
    };
    assert_eq!(screen.run.label, "Администрация Кировского района");
    let register = Register::load(data.path()).unwrap();
    assert_eq!(
        register.runs.get(&screen.id).map(String::as_str),
        Some("kirovsk")
    );
    let text = |id: &str| match screen.run.values.get(id) {
        Some(Value::Text(text)) => Some(text.as_str()),
        _ => None,
    };
    assert_eq!(
        text("org_name"),
        Some("Администрация Кировского муниципального района")
    );
    assert_eq!(text("head_name"), Some("А.П. Васильев"));
    assert_eq!(text("org_legal_address"), None, "the organisation has none");
    let journaled: Vec<&What> = screen.run.journal.iter().map(|e| &e.what).collect();
    assert!(journaled.contains(&&What::Field("org_name".into())));
    // And on disk as the wizard wrote it.
    let opened = poryadok::store::Store::open(data.path())
        .unwrap()
        .list()
        .unwrap();
    let run = opened[0].run.as_ref().unwrap();
    assert_eq!(
        run.values.get("head_name"),
        Some(&Value::Text("А.П. Васильев".into()))
    );
}

/// On the organisations screen a click selects an organisation or a value, and a second
/// click opens it, as on the other screens.
#[test]
fn clicks_select_and_open_organisations_and_their_values() {
    use poryadok::tui::app::Screen;
    use poryadok::tui::keys::KeyMode;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    let mut keys = vec![Action::Organisations, Action::Open];
    keys.extend(typed("Администрация Кировского района"));
    keys.extend([Action::Open, Action::Back]);
    press(&mut wizard, &keys);
    let list = |wizard: &Wizard| match &wizard.app.screen {
        Screen::Organisations(orgs) => (orgs.list, orgs.open.as_ref().map(|o| o.id.clone())),
        _ => panic!("the organisations"),
    };
    assert_eq!(list(&wizard), (0, None));
    click_on(&mut wizard, "+ новая организация");
    assert_eq!(list(&wizard), (1, None));
    click_on(&mut wizard, "+ новая организация");
    assert_eq!(list(&wizard), (1, Some("org2".to_owned())));
    click_on(&mut wizard, "ИНН:");
    assert_eq!(wizard.mode(), KeyMode::Organisation);
    click_on(&mut wizard, "ИНН:");
    assert_eq!(wizard.mode(), KeyMode::Editor);
    let Screen::Organisations(orgs) = &wizard.app.screen else {
        panic!("the organisations")
    };
    assert_eq!(orgs.open.as_ref().map(|o| o.value), Some(3));
}

/// A run with changes of every kind, made through the engine as the wizard makes them: a
/// variant chosen, a step done on a past day, a field typed, a secret one, a choice changed and
/// the change taken back.
fn run_with_a_journal(wizard: &mut Wizard) {
    use poryadok::run::Value;
    use poryadok::run::command::{Command, Day, apply_on};
    use poryadok::tui::app::Screen;
    run_of(wizard, "antivirus-licenses");
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("the run is open")
    };
    let text = |text: &str| Value::Text(text.into());
    let choose = |choice: &str, option: &str| Command::Choose {
        choice: choice.into(),
        option: option.into(),
    };
    let set = |field: &str, value| Command::SetField {
        field: field.into(),
        value,
    };
    // Today is 24.11.2025; the rules were read on Friday 21.11.2025, recorded today.
    let friday = Day {
        on: jiff::civil::date(2025, 11, 21),
        today: jiff::civil::date(2025, 11, 24),
    };
    let changes = [
        (choose("variant", "v1"), None),
        (choose("applicant", "oiv"), None),
        (set("mediapack_kl8069rmzzz", Value::Bool(false)), None),
        (
            Command::CompleteStep("mediapack-rules".into()),
            Some(friday),
        ),
        (set("v1_ksc_login", text("ksc-admin")), None),
        (set("v1_ksc_password", text("Пароль-123")), None),
        (choose("applicant", "both"), None),
        (Command::Undo, None),
    ];
    for (minute, (command, day)) in changes.into_iter().enumerate() {
        let now = at(60 * (minute as i64 + 1));
        apply_on(&screen.procedure, &mut screen.run, command, now, day).unwrap();
    }
    screen.refresh();
}

/// The journal, newest first, in the officer's words: the day a step was recorded for, the
/// variant by its option's title, the change taken back.
#[test]
fn the_journal_lists_every_change_newest_first_in_words() {
    scene("run-journal", |wizard| {
        run_with_a_journal(wizard);
        press(wizard, &[Action::Journal]);
    });
}

/// A secret value is never on the journal's screen, in either language, at any size; the
/// journal scrolls to its oldest change with the keys and the wheel, and Esc closes it.
#[test]
fn the_journal_never_shows_a_secret_and_scrolls_to_its_first_change() {
    use poryadok::tui::app::Screen;
    for (lang, _) in LANGS {
        let data = tempfile::tempdir().unwrap();
        let mut wizard = wizard(lang, data.path());
        run_with_a_journal(&mut wizard);
        press(&mut wizard, &[Action::Journal]);
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        let entries = &screen.journal().expect("the journal is open").entries;
        assert_eq!(entries.len(), 8);
        assert!(entries.iter().all(|e| !e.line().contains("Пароль-123")));
        for (width, height) in SIZES {
            press(&mut wizard, &[Action::Resize(width, height), Action::First]);
            let top = screen_of(&mut wizard, width, height);
            assert!(!top.contains("Пароль-123"), "{top}");
            assert!(top.contains("8. 24.11.2025 16:08"), "{top}");
            press(&mut wizard, &[Action::Last]);
            let end = screen_of(&mut wizard, width, height);
            assert!(end.contains("1. 24.11.2025 16:01"), "{end}");
            assert!(!end.contains("Пароль-123"), "{end}");
        }
        // The wheel scrolls it where it does not fit.
        press(&mut wizard, &[Action::Resize(80, 20), Action::First]);
        screen_of(&mut wizard, 80, 20);
        press(&mut wizard, &[Action::ScrollDown]);
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        let max = screen.scroll_max.expect("drawn");
        assert!(max > 0);
        assert_eq!(screen.journal().map(|j| j.scroll), Some(max.min(3)));
        press(&mut wizard, &[Action::Back]);
        let Screen::Run(screen) = &wizard.app.screen else {
            panic!("the run is open")
        };
        assert!(screen.overlay.is_none());
    }
}

/// The screen as drawn, with the wizard told how far the journal can scroll (as the terminal
/// loop tells it after every frame).
fn screen_of(wizard: &mut Wizard, width: u16, height: u16) -> String {
    use poryadok::tui::app::Screen;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut hits = None;
    terminal
        .draw(|frame| {
            hits = Some(poryadok::tui::view::draw_with_hits(
                frame,
                &wizard.app,
                Theme { color: false },
            ))
        })
        .unwrap();
    if let Screen::Run(screen) = &mut wizard.app.screen {
        screen.scroll_max = hits.and_then(|h| h.scroll_max());
    }
    terminal.backend().to_string()
}

/// Two runs of the e-signature procedure on the home screen, the first selected.
fn two_runs(wizard: &mut Wizard) {
    for label in [
        "Иванов И.И., кафедра информатики",
        "Петров П.П., бухгалтерия",
    ] {
        wizard.start(&Start::Procedure("qualified-signature".into()), at(0));
        let mut keys = typed(label);
        keys.extend([Action::Open, Action::Back]);
        press(wizard, &keys);
    }
    press(wizard, &[Action::First]);
}

/// The run's id selected on the home screen.
fn selected_run(wizard: &Wizard) -> String {
    use poryadok::tui::app::Screen;
    let Screen::Home(home) = &wizard.app.screen else {
        panic!("the home screen is up")
    };
    wizard.app.runs[home.run].id.clone()
}

/// Deleting asks first, and says how long the run is kept and how to bring it back.
#[test]
fn deleting_a_run_asks_first_and_says_how_to_bring_it_back() {
    scene("home-delete-confirm", |wizard| {
        two_runs(wizard);
        press(wizard, &[Action::DeleteRun]);
    });
}

/// A new label another run of the procedure has is warned about as it is typed.
#[test]
fn renaming_a_run_warns_of_a_label_another_run_has() {
    scene("home-rename", |wizard| {
        two_runs(wizard);
        let mut keys = vec![Action::Rename];
        keys.extend([Action::Backspace; 40]);
        keys.extend(typed("Петров П.П., бухгалтерия"));
        press(wizard, &keys);
    });
}

/// The shelf: one run in the archive, one deleted, each with its day.
#[test]
fn the_archive_and_the_deleted_runs_are_listed_to_bring_back() {
    scene("home-shelf", |wizard| {
        two_runs(wizard);
        press(wizard, &[Action::Archive, Action::DeleteRun, Action::Open]);
        // The deletion's moment is the clock's; the copy is given the test's moment (24.11.2025)
        // so that the days shown are the same on every run of the test.
        let deleted = wizard_data(wizard).join("runs/deleted");
        for entry in std::fs::read_dir(&deleted).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let (id, rest) = name.split_once('.').unwrap();
            let (_, suffix) = rest.split_once('.').unwrap();
            let fixed = format!("{id}.{}.{suffix}", at(60).as_second());
            std::fs::rename(&path, deleted.join(fixed)).unwrap();
        }
        press(wizard, &[Action::Shelf]);
    });
}

/// The data folder of a wizard made by [`wizard`].
fn wizard_data(wizard: &Wizard) -> std::path::PathBuf {
    wizard.data_dir().expect("a data folder")
}

/// Rename, archive, delete and bring back from the home screen, each as `poryadok` does it:
/// journaled, the same warning for a label another run has, the same refusal for a run open
/// elsewhere.
#[test]
fn a_run_is_renamed_archived_deleted_and_brought_back_from_the_home_screen() {
    use poryadok::run::journal::What;
    use poryadok::tui::app::{Screen, ShelvedKind};
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let run_of = |id: &str| {
        let listed = store.list().unwrap();
        let entry = listed.into_iter().find(|e| e.id == id);
        entry.and_then(|e| e.run.ok())
    };
    let mut wizard = wizard(Lang::Ru, data.path());
    two_runs(&mut wizard);
    let first = selected_run(&wizard);
    let notice = |wizard: &Wizard| {
        let notice = wizard.app.notice.as_ref().expect("a notice");
        let mut text = notice.text.text(Lang::Ru);
        for line in &notice.details {
            text.push('\n');
            text.push_str(line);
        }
        text
    };

    // Renamed: the editor starts with the label; the change is journaled.
    let mut keys = vec![Action::Rename];
    keys.extend([Action::Backspace; 40]);
    keys.extend(typed("  Сидоров С.С.  "));
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    let run = run_of(&first).unwrap();
    assert_eq!(run.label, "Сидоров С.С.");
    assert_eq!(wizard.mode(), poryadok::tui::keys::KeyMode::Home);
    assert_eq!(run.journal.last().map(|e| &e.what), Some(&What::Label));
    assert!(
        notice(&wizard).contains("«Сидоров С.С.»"),
        "{}",
        notice(&wizard)
    );
    // The label of the other run: renamed, with the warning `poryadok rename` gives.
    let mut keys = vec![Action::Rename];
    keys.extend([Action::Backspace; 40]);
    keys.extend(typed("Петров П.П., бухгалтерия"));
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    // The other run as the officer knows it: by the day it was started, never by its id.
    assert!(
        notice(&wizard).contains(
            "У другого прохождения этой процедуры, начатого 24.11.2025, уже есть название \
             «Петров П.П., бухгалтерия»"
        ),
        "{}",
        notice(&wizard)
    );
    assert!(!notice(&wizard).contains("qualified-signature-"));
    // An empty label is refused, and nothing changes; Esc leaves the label as it was.
    let mut keys = vec![Action::Rename];
    keys.extend([Action::Backspace; 40]);
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    assert_eq!(wizard.mode(), poryadok::tui::keys::KeyMode::Rename);
    press(&mut wizard, &[Action::Back]);
    assert_eq!(run_of(&first).unwrap().label, "Петров П.П., бухгалтерия");

    // Archived: off the home screen, on the shelf, and back.
    press(&mut wizard, &[Action::Archive]);
    assert!(wizard.app.runs.iter().all(|r| r.id != first));
    assert!(run_of(&first).unwrap().archived.is_some());
    assert!(notice(&wizard).contains("A (архив и удалённые)"));
    press(&mut wizard, &[Action::Shelf]);
    let Screen::Shelf(shelf) = &wizard.app.screen else {
        panic!("the shelf is up")
    };
    assert_eq!(shelf.items.len(), 1);
    assert!(matches!(shelf.items[0].kind, ShelvedKind::Archived(_)));
    press(&mut wizard, &[Action::Restore, Action::Back]);
    assert!(wizard.app.runs.iter().any(|r| r.id == first));
    let run = run_of(&first).unwrap();
    assert!(run.archived.is_none());
    assert_eq!(run.journal.last().map(|e| &e.what), Some(&What::Archived));

    // Deleted after asking (Esc keeps it), kept in runs/deleted, and brought back.
    press(&mut wizard, &[Action::First]);
    let id = selected_run(&wizard);
    press(&mut wizard, &[Action::DeleteRun, Action::Back]);
    assert!(run_of(&id).is_some());
    press(&mut wizard, &[Action::DeleteRun, Action::Open]);
    assert!(run_of(&id).is_none());
    assert!(wizard.app.runs.iter().all(|r| r.id != id));
    assert!(notice(&wizard).contains("30 дней"), "{}", notice(&wizard));
    assert!(notice(&wizard).contains(&format!("poryadok restore {id}")));
    assert_eq!(store.deleted().len(), 1);
    press(&mut wizard, &[Action::Shelf]);
    let Screen::Shelf(shelf) = &wizard.app.screen else {
        panic!("the shelf is up")
    };
    assert!(matches!(shelf.items[0].kind, ShelvedKind::Deleted { .. }));
    press(&mut wizard, &[Action::Restore]);
    assert!(run_of(&id).is_some());
    assert!(store.deleted().is_empty());
    press(&mut wizard, &[Action::Back]);
    assert_eq!(wizard.app.runs.len(), 2);

    // A run open elsewhere is refused, in the words `poryadok` uses, and stays as it was.
    press(&mut wizard, &[Action::First]);
    let id = selected_run(&wizard);
    let held = store.open_run(&id).unwrap();
    let locked = poryadok::store::OpenError::Locked {
        id: id.clone(),
        pid: Some(std::process::id()),
    }
    .message()
    .text(Lang::Ru);
    let label = run_of(&id).unwrap().label;
    let mut keys = vec![Action::Rename];
    keys.extend(typed(" 2"));
    keys.push(Action::Open);
    press(&mut wizard, &keys);
    // The rename dialog stays open with what was typed, the refusal under it.
    assert_eq!(wizard.mode(), poryadok::tui::keys::KeyMode::Rename);
    let Screen::Home(home) = &wizard.app.screen else {
        panic!("the home screen is up")
    };
    assert_eq!(
        home.dialog,
        Some(poryadok::tui::app::HomeDialog::Rename {
            id: id.clone(),
            label: format!("{label} 2"),
            refused: vec![locked.clone()],
        })
    );
    let text = screen(&wizard, 120, 40);
    assert!(text.contains(&format!("> {label} 2█")), "{text}");
    assert!(text.contains("✗ прохождение"), "{text}");
    assert!(text.contains("уже открыто в другом poryadok"), "{text}");
    assert_eq!(run_of(&id).unwrap().label, label);
    // Esc leaves it as it was.
    press(&mut wizard, &[Action::Back]);
    assert_eq!(wizard.mode(), poryadok::tui::keys::KeyMode::Home);
    press(&mut wizard, &[Action::Archive]);
    assert_eq!(notice(&wizard), locked);
    press(&mut wizard, &[Action::DeleteRun, Action::Open]);
    assert_eq!(notice(&wizard), locked);
    assert!(wizard.app.runs.iter().any(|r| r.id == id));
    drop(held);
    assert!(run_of(&id).unwrap().archived.is_none());
}

/// The new run's label is warned about, not refused, when another run of the procedure has it.
#[test]
fn a_new_run_with_the_label_of_another_is_warned_about_and_started() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::En, data.path());
    two_runs(&mut wizard);
    wizard.start(&Start::Procedure("qualified-signature".into()), at(0));
    press(&mut wizard, &typed("Петров П.П., бухгалтерия"));
    let text = screen(&wizard, 80, 24);
    assert!(
        text.contains("Another run of this procedure, started 24.11.2025,"),
        "{text}"
    );
    assert!(!text.contains("qualified-signature-"), "{text}");
    press(&mut wizard, &typed("!"));
    assert!(!screen(&wizard, 80, 24).contains("Another run of this procedure"));
    press(
        &mut wizard,
        &[Action::Backspace, Action::Open, Action::Back],
    );
    assert_eq!(wizard.app.runs.len(), 3);
}

/// A run in the archive opens from the shelf to be read, says it is in the archive, stays
/// there, and closing it goes back to the shelf; a deleted run does not open.
#[test]
fn a_run_in_the_archive_is_read_from_the_shelf_and_stays_there() {
    use poryadok::tui::app::Screen;
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::En, data.path());
    two_runs(&mut wizard);
    let archived = selected_run(&wizard);
    press(
        &mut wizard,
        &[Action::Archive, Action::DeleteRun, Action::Open],
    );
    press(&mut wizard, &[Action::Shelf, Action::Open]);
    assert!(matches!(&wizard.app.screen, Screen::Run(s) if s.id == archived));
    let text = screen(&wizard, 80, 24);
    assert!(
        text.lines().next().unwrap().contains("[in the archive] — "),
        "{text}"
    );
    press(&mut wizard, &[Action::Back]);
    let Screen::Shelf(shelf) = &wizard.app.screen else {
        panic!("back on the shelf")
    };
    assert_eq!(shelf.items[shelf.selected].id, archived);
    assert!(wizard.app.runs.iter().all(|r| r.id != archived));
    // The deleted one is second on the shelf: it is refused, and the shelf stays up.
    press(&mut wizard, &[Action::Down, Action::Open]);
    assert!(matches!(&wizard.app.screen, Screen::Shelf(_)));
    let notice = wizard.app.notice.as_ref().expect("a notice");
    assert!(notice.text.text(Lang::En).contains("bring it back first"));
}
