//! The wizard says what happened: a step passed over as not needed has its own mark, not the
//! mark of done; a due day already passed is warned about; "today" moves on past midnight and
//! with it the marks of waits past their day; undo names what it took back, in the officer's
//! words, in both languages.

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
use poryadok::tui::app::Screen;
use poryadok::tui::shell::{Start, Wizard};
use poryadok::tui::view::{Theme, draw};

const DAY: i64 = 24 * 60 * 60;

fn wizard(lang: Lang, data: &std::path::Path) -> Wizard {
    let procedures = bundled_files()
        .iter()
        .filter_map(|(_, bytes)| load(bytes).result.ok())
        .map(Arc::new)
        .collect();
    let store = Store::open(data).unwrap();
    let mut wizard = Wizard::new(lang, procedures, store, at(0));
    wizard.app.tz = TimeZone::UTC;
    wizard.handle(Action::Resize(120, 40), at(0));
    wizard
}

fn screen(wizard: &Wizard) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| draw(frame, &wizard.app, Theme { color: false }))
        .unwrap();
    terminal.backend().to_string()
}

fn press(wizard: &mut Wizard, actions: &[Action], seconds: i64) {
    for action in actions {
        wizard.handle(*action, at(seconds));
        wizard.save_pending(at(seconds));
    }
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Type).collect()
}

/// A new run of `procedure`, open on its list of steps.
fn new_run(wizard: &mut Wizard, procedure: &str) {
    wizard.start(&Start::Procedure(procedure.into()), at(0));
    let mut keys = typed("Кафедра информатики");
    keys.push(Action::Open);
    press(wizard, &keys, 0);
}

/// Selects the step with this id in the list.
fn select(wizard: &mut Wizard, id: &str) {
    let Screen::Run(screen) = &mut wizard.app.screen else {
        panic!("a run is open")
    };
    let index = screen.procedure.step_index(id).unwrap();
    screen.selected = screen.order.iter().position(|i| *i == index).unwrap();
}

/// The line of the screen that shows `text`.
fn line_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no line shows {text:?}:\n{screen}"))
        .to_owned()
}

fn notice(wizard: &Wizard, lang: Lang) -> String {
    wizard
        .app
        .notice
        .as_ref()
        .expect("a notice")
        .text
        .text(lang)
}

#[test]
fn a_step_not_needed_is_not_marked_done() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::Ru, data.path());
    new_run(&mut wizard, "rsmev-connection");
    select(&mut wizard, "fix-shortcomings");
    press(&mut wizard, &[Action::PassOver], 60);
    let shown = screen(&wizard);
    let row = line_with(&shown, ". Устранение выявленных недостатков");
    assert!(row.contains("↷") && !row.contains('✓'), "{row}");
    // The detail pane says it in words, with the same mark.
    assert!(shown.contains("↷ не потребовалось"), "{shown}");
    // The list of keys explains every mark, this one among them.
    press(&mut wizard, &[Action::Help], 60);
    let help = screen(&wizard);
    assert!(line_with(&help, "не потребовалось").contains('↷'), "{help}");
    assert!(
        help.lines()
            .any(|l| l.contains("│✓ ") && l.contains("выполнено")),
        "{help}"
    );
}

/// A wait due today is not yet past its day; the day after, without a key pressed, the tick
/// the terminal loop gives once a minute marks it as past.
#[test]
fn today_moves_on_past_midnight_and_marks_a_wait_past_its_day() {
    let data = tempfile::tempdir().unwrap();
    let mut wizard = wizard(Lang::En, data.path());
    new_run(&mut wizard, "qualified-signature");
    // at(0) is 24.11.2025 in UTC.
    let mut keys = vec![Action::WaitStep];
    keys.extend(typed("24.11.2025"));
    keys.push(Action::Open);
    press(&mut wizard, &keys, 60);
    let row = line_with(&screen(&wizard), "1. Подача Заявки");
    assert!(row.contains('⧗') && !row.contains('!'), "{row}");
    wizard.tick(at(DAY));
    assert_eq!(wizard.app.today, "2025-11-25".parse().unwrap());
    let row = line_with(&screen(&wizard), "1. Подача Заявки");
    assert!(row.contains('!') && !row.contains('⧗'), "{row}");
}

#[test]
fn a_due_day_already_passed_is_warned_about() {
    for (lang, before, after) in [
        (Lang::En, "has already passed", "already passed"),
        (Lang::Ru, "уже прошло", "уже прошёл"),
    ] {
        let data = tempfile::tempdir().unwrap();
        let mut wizard = wizard(lang, data.path());
        new_run(&mut wizard, "qualified-signature");
        let mut keys = vec![Action::WaitStep];
        keys.extend(typed("01.11.2025"));
        press(&mut wizard, &keys, 60);
        // Before it is kept, under the day typed.
        let shown = screen(&wizard);
        assert!(shown.contains(&format!("! 01.11.2025 {before}")), "{shown}");
        assert!(!shown.contains("✓ 01.11.2025"), "{shown}");
        // Kept all the same, and said again.
        press(&mut wizard, &[Action::Open], 60);
        assert!(
            notice(&wizard, lang).contains(after),
            "{}",
            notice(&wizard, lang)
        );
        let row = line_with(&screen(&wizard), "1. Подача Заявки");
        assert!(row.contains('!'), "{row}");
    }
}

/// Undo says what it took back: the step by its title and its state now, a field by its
/// label, a variant by its title and option.
#[test]
fn undo_names_what_it_took_back() {
    for (lang, step, field, choice) in [
        (
            Lang::En,
            "Undone: step «Подача Заявки на выпуск сертификата квалифицированной электронной подписи» is back to: can be done now",
            "Undone: «Подразделение» is empty again",
            "Undone: «Разработка и регистрация электронных сервисов» is not chosen again",
        ),
        (
            Lang::Ru,
            "Отменено: шаг «Подача Заявки на выпуск сертификата квалифицированной электронной подписи» снова: можно выполнять",
            "Отменено: поле «Подразделение» снова пустое",
            "Отменено: «Разработка и регистрация электронных сервисов» снова не выбран",
        ),
    ] {
        let data = tempfile::tempdir().unwrap();
        let mut wizard = wizard(lang, data.path());
        new_run(&mut wizard, "qualified-signature");
        press(&mut wizard, &[Action::StartStep, Action::Undo], 60);
        assert_eq!(notice(&wizard, lang), step);
        // A field typed into, then undone.
        let mut keys = vec![Action::NextPane];
        keys.extend(typed("Кафедра"));
        keys.extend([Action::Open, Action::Back, Action::Undo]);
        press(&mut wizard, &keys, 60);
        assert_eq!(notice(&wizard, lang), field);
        // A variant chosen, then undone.
        let data = tempfile::tempdir().unwrap();
        let mut wizard = self::wizard(lang, data.path());
        new_run(&mut wizard, "rsmev-connection");
        press(
            &mut wizard,
            &[Action::ChooseVariant, Action::Open, Action::Undo],
            60,
        );
        assert_eq!(notice(&wizard, lang), choice);
    }
}
