//! `update(app, action, now)`: the one place the wizard's state changes. No I/O here: what
//! needs the disk comes back as an [`Effect`] for the shell to carry out.

pub mod attach;
mod form;
mod lifecycle;
mod orgs;
mod paste;
mod popups;
mod table;

use jiff::Timestamp;

use super::action::{Action, Target};
use super::app::{
    App, Dated, Editor, Focus, Home, HomePane, NewRun, Notice, NoticeKind, Overlay, RunScreen,
    Screen,
};
use crate::calendar::ProductionCalendar;
use crate::i18n::Msg;
use crate::organisation::OrgKey;
use crate::run::command::{Command, Refusal, apply};
use crate::run::schedule;
use form::{update_editor, update_form, update_options};
pub use paste::paste;
use popups::{open_copy, open_picker, update_copy, update_picker};
use table::update_table;

/// What the shell must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the open run (it changed, or the officer is leaving it).
    Save,
    /// Start a run of the procedure at this index with this label, given to the organisation
    /// with this id when there is one, and open it.
    Create {
        procedure: usize,
        label: String,
        org: Option<String>,
    },
    /// Open the run with this id.
    Open(String),
    /// Close the open run (its lock is released) and show the home screen again.
    Close,
    /// Put this text on the clipboard (through the terminal, OSC 52).
    Copy(String),
    /// Open this web address in the browser (http and https only, checked before).
    OpenUrl(String),
    /// Write the open run's documents into its folder.
    Export,
    /// Read the register of organisations from the data folder again.
    ReadOrganisations,
    /// Write this organisation, as [`App::organisations`] holds it, into the register.
    SaveOrganisation(String),
    /// Give the run with this id this label (the store warns of another run with it).
    Rename { id: String, label: String },
    /// Put the run with this id in the archive.
    Archive(String),
    /// Delete the run with this id (kept a while, to bring back).
    DeleteRun(String),
    /// Show the runs in the archive and those deleted lately.
    ShowShelf,
    /// Bring back the run with this id: out of the archive, or deleted.
    Restore { id: String, archived: bool },
    /// Show the home screen again.
    Home,
    /// Show the open run's journal (the shell reads the editions it had before, to name what
    /// the procedure no longer has).
    Journal,
    /// Copy the file at `path` into the open run's folder and give it to the `number`-th file
    /// added to the letters of the step `step` (see [`attach`]).
    Attach {
        step: String,
        number: usize,
        path: Option<std::path::PathBuf>,
    },
}

/// Brings "today" to the day `now` falls on, so that a wizard left open past midnight marks
/// the waits due yesterday as past their day.
pub fn set_today(app: &mut App, now: Timestamp) {
    app.today = now.to_zoned(app.tz.clone()).date();
}

/// Lines a page moves.
const PAGE: usize = 10;

/// Applies an action; returns what the shell must do.
pub fn update(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    set_today(app, now);
    let effect = apply_action(app, action, now);
    if let Screen::Run(screen) = &mut app.screen {
        // Whatever is saved holds the place the officer is at, step and field, to resume there.
        if effect.is_some() {
            screen.remember_place();
        }
        screen.follow_selection();
    }
    effect
}

fn apply_action(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    match action {
        Action::Resize(width, height) => {
            app.width = width;
            app.height = height;
            return None;
        }
        Action::Help => {
            app.help = !app.help;
            app.help_scroll = 0;
            return None;
        }
        Action::Back if app.help => {
            app.help = false;
            return None;
        }
        Action::Quit => {
            app.quit = true;
            // Leaving a run saves where the officer was.
            return matches!(app.screen, Screen::Run(_)).then_some(Effect::Save);
        }
        _ => {}
    }
    if app.help {
        app.help_scroll = match action {
            Action::Up => app.help_scroll.saturating_sub(1),
            Action::Down => app.help_scroll + 1,
            Action::PageUp => app.help_scroll.saturating_sub(PAGE),
            Action::PageDown => app.help_scroll + PAGE,
            _ => app.help_scroll,
        };
        return None;
    }
    if let Action::Pick(target) = action {
        // A click selects; on what was already selected, it opens.
        return match pick(app, target) {
            Some(then) => apply_action(app, then, now),
            None => None,
        };
    }
    app.notice = None;
    match &mut app.screen {
        Screen::Home(home) if home.dialog.is_some() => lifecycle::dialog(app, action),
        Screen::Home(_)
            if matches!(action, Action::Rename | Action::Archive | Action::DeleteRun) =>
        {
            lifecycle::on_run(app, action)
        }
        Screen::Home(_) if action == Action::Shelf => Some(Effect::ShowShelf),
        Screen::Shelf(_) => lifecycle::shelf(app, action),
        Screen::Home(home) if action == Action::Open => match home.pane {
            HomePane::Runs => app.runs.get(home.run).map(|r| Effect::Open(r.id.clone())),
            HomePane::Procedures => {
                let procedure = home.procedure;
                if procedure < app.procedures.len() {
                    ask_label(app, procedure);
                    return Some(Effect::ReadOrganisations);
                }
                None
            }
        },
        Screen::Home(_) if action == Action::Organisations => orgs::show(app),
        Screen::Organisations(_) => orgs::update_orgs(app, action),
        Screen::Home(home) => {
            update_home(home, app.runs.len(), app.procedures.len(), action);
            None
        }
        Screen::NewRun(new) => match action {
            Action::Type(c) if !c.is_control() => {
                new.label.push(c);
                None
            }
            Action::ClearLine => {
                new.label.clear();
                None
            }
            Action::Backspace => {
                new.label.pop();
                None
            }
            Action::Up | Action::Down => {
                orgs::choose_for_run(app, action == Action::Up);
                None
            }
            Action::Back => {
                app.screen = Screen::Home(Home {
                    pane: HomePane::Procedures,
                    procedure: new.procedure,
                    ..Home::default()
                });
                None
            }
            Action::Open if !new.label.trim().is_empty() => Some(Effect::Create {
                procedure: new.procedure,
                label: new.label.trim().to_owned(),
                org: new.org.clone(),
            }),
            Action::Open => {
                app.notice = Some(notice(NoticeKind::Refused, Msg::new("tui-label-needed")));
                None
            }
            _ => None,
        },
        Screen::Run(screen) => {
            // The offer of a newer edition: taken (Enter) or not (Esc); its keys scroll it.
            if screen.edition().is_some() && matches!(action, Action::Open | Action::Back) {
                return answer_edition(app, action == Action::Open, now);
            }
            let max = screen.scroll_max.unwrap_or(usize::MAX);
            if let Some(scroll) = screen.reading_mut() {
                let at = (*scroll).min(max);
                *scroll = match action {
                    Action::Up => at.saturating_sub(1),
                    Action::Down => at.saturating_add(1).min(max),
                    Action::ScrollUp => at.saturating_sub(3),
                    Action::ScrollDown => at.saturating_add(3).min(max),
                    Action::PageUp => at.saturating_sub(PAGE),
                    Action::PageDown => at.saturating_add(PAGE).min(max),
                    Action::First => 0,
                    Action::Last => max,
                    Action::Back | Action::Material | Action::Journal => {
                        screen.overlay = None;
                        return None;
                    }
                    _ => at,
                };
                return None;
            }
            if screen.picker().is_some() {
                return update_picker(app, action, now);
            }
            if screen.copy().is_some() {
                return update_copy(app, action);
            }
            if screen.attach().is_some() {
                return attach::update(app, action);
            }
            if screen.editor().is_some() {
                return update_editor(app, action, now);
            }
            if screen.options().is_some() {
                return update_options(app, action, now);
            }
            if screen.table.is_some() {
                return update_table(app, action, now);
            }
            if let Some(effect) = scroll_text(screen, &action) {
                return effect;
            }
            match screen.focus {
                Focus::Form => update_form(app, action, now),
                Focus::Text => update_text(app, action, now),
                Focus::Steps => update_steps(app, action, now),
            }
        }
    }
}

/// Keys on the list of steps: moves, opening a step, the step commands.
fn update_steps(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let before = screen.selected;
    let len = screen.order.len();
    if move_selection(&mut screen.selected, len, &action) {
        if screen.selected != before {
            screen.field = 0;
            screen.scroll = 0;
        }
        return None;
    }
    match action {
        Action::Back => Some(Effect::Close),
        // Enter opens the step: its form, or its text when it has none. It never changes
        // the run.
        Action::Open => {
            let fields = screen
                .procedure
                .step_fields(&screen.run, screen.step())
                .len();
            if fields > 0 {
                screen.focus = Focus::Form;
                screen.field = screen.field.min(fields - 1);
            } else {
                screen.focus = Focus::Text;
            }
            None
        }
        Action::NextPane | Action::PrevPane => {
            to_form(app, action == Action::PrevPane);
            None
        }
        action => step_action(app, action, now),
    }
}

/// Keys while the selected step's text has the focus: it scrolls.
fn update_text(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let max = screen.scroll_max.unwrap_or(usize::MAX);
    let at = screen.scroll.min(max);
    screen.scroll = match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => at.saturating_add(1).min(max),
        Action::PageUp => at.saturating_sub(PAGE),
        Action::PageDown => at.saturating_add(PAGE).min(max),
        Action::First => 0,
        Action::Last => usize::MAX,
        Action::Back => {
            screen.focus = Focus::Steps;
            return None;
        }
        Action::NextPane | Action::PrevPane => {
            to_form(app, action == Action::PrevPane);
            return None;
        }
        action => return step_action(app, action, now),
    };
    None
}

/// The wheel over the step's text scrolls it, whatever has the keys; `None` for any other
/// action.
fn scroll_text(screen: &mut RunScreen, action: &Action) -> Option<Option<Effect>> {
    let max = screen.scroll_max.unwrap_or(usize::MAX);
    let at = screen.scroll.min(max);
    screen.scroll = match action {
        Action::ScrollUp => at.saturating_sub(3),
        Action::ScrollDown => at.saturating_add(3).min(max),
        _ => return None,
    };
    Some(None)
}

/// Into the selected step's fields, at the first (or, going back, the last) one.
fn to_form(app: &mut App, back: bool) {
    let Screen::Run(screen) = &mut app.screen else {
        return;
    };
    let fields = screen.procedure.step_fields(&screen.run, screen.step());
    if fields.is_empty() {
        app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-no-fields")));
    } else {
        screen.focus = Focus::Form;
        screen.field = if back {
            fields.len() - 1
        } else {
            screen.field.min(fields.len() - 1)
        };
    }
}

/// The commands on the selected step, the same from its list, its text and its form.
pub(super) fn step_action(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let step_id = screen.procedure.steps()[screen.step()].id.clone();
    let command = match action {
        Action::Export => return Some(Effect::Export),
        Action::Copy | Action::OpenLink => {
            open_copy(app, action == Action::OpenLink);
            return None;
        }
        Action::ChooseVariant => {
            open_picker(app);
            return None;
        }
        Action::Material => {
            screen.overlay = Some(Overlay::Material(0));
            screen.scroll_max = None;
            return None;
        }
        Action::Journal => return Some(Effect::Journal),
        Action::Edition => {
            offer_edition(app);
            return None;
        }
        Action::Attach => {
            attach::open(app);
            return None;
        }
        Action::ReopenStep => Some(Command::ReopenStep(step_id)),
        Action::PassOver => Some(Command::PassOver(step_id)),
        Action::WaitStep => return wait_step(app, now),
        Action::StartOn | Action::CompleteOn | Action::WaitOn | Action::PassOverOn => {
            let dated = match action {
                Action::StartOn => Dated::Start,
                Action::CompleteOn => Dated::Complete,
                Action::WaitOn => Dated::Wait,
                _ => Dated::PassOver,
            };
            // The day is asked only once the step can be so marked at all (today); what is
            // in the way is said at once, in the words the plain command would get. The focus
            // stays on the list: a date typed ahead must not land in a field.
            let day = today(now, &app.tz);
            let command = dated_command(app, &step_id, dated, day)?;
            if let Err(refusal) = try_on(app, command, now, day) {
                let (text, details) = refusal_text(app, &refusal);
                app.notice = Some(Notice {
                    kind: NoticeKind::Refused,
                    text,
                    details,
                });
                return None;
            }
            if let Screen::Run(screen) = &mut app.screen {
                screen.open_editor(Editor::for_day(&step_id, dated, day));
            }
            return None;
        }
        _ => step_command(screen, &action),
    };
    command.and_then(|command| run_command(app, command, now))
}

/// The selected step waits for an answer from outside: until the day its deadline falls on,
/// told as a forecast when the production calendar for it is not out yet; with no deadline,
/// until the day the officer gives, if they know it.
fn wait_step(app: &mut App, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let step = screen.step();
    let id = screen.procedure.steps()[step].id.clone();
    let (p, run) = (&screen.procedure, &screen.run);
    let Some(due) = schedule::wait_due(
        p,
        run,
        step,
        today(now, &app.tz),
        &ProductionCalendar,
        &app.tz,
    ) else {
        let command = Command::WaitStep {
            step: id.clone(),
            due: None,
        };
        // Asked only once it is clear the step can wait at all.
        let mut trial = screen.run.clone();
        if apply(&screen.procedure, &mut trial, command.clone(), now).is_ok() {
            screen.open_editor(Editor::for_wait(&id));
            return None;
        }
        return run_command(app, command, now);
    };
    let command = Command::WaitStep {
        step: id,
        due: Some(due.date),
    };
    let effect = run_command(app, command, now);
    if effect.is_some() && due.forecast && app.notice.is_none() {
        let date = due.date.strftime("%d.%m.%Y").to_string();
        let text = Msg::new("tui-wait-due-forecast").arg("date", date);
        app.notice = Some(notice(NoticeKind::Info, text));
    }
    effect
}

/// Selects what a click landed on; returns the action that follows when it was already
/// selected (open it, choose it, edit it).
fn pick(app: &mut App, target: Target) -> Option<Action> {
    let again = |selected: &mut usize, i: usize| {
        let was = *selected == i;
        *selected = i;
        was.then_some(Action::Open)
    };
    match (&mut app.screen, target) {
        (Screen::Home(home), _) if home.dialog.is_some() => None,
        (Screen::Shelf(shelf), Target::Option(i)) if i < shelf.items.len() => {
            again(&mut shelf.selected, i)
        }
        (Screen::Home(home), Target::Run(i)) if i < app.runs.len() => {
            let focused = home.pane == HomePane::Runs;
            home.pane = HomePane::Runs;
            again(&mut home.run, i).filter(|_| focused)
        }
        (Screen::Home(home), Target::Procedure(i)) if i < app.procedures.len() => {
            let focused = home.pane == HomePane::Procedures;
            home.pane = HomePane::Procedures;
            again(&mut home.procedure, i).filter(|_| focused)
        }
        (Screen::Organisations(orgs), target) => match (&mut orgs.open, target) {
            (None, Target::Option(i)) if i <= app.organisations.organisations.len() => {
                again(&mut orgs.list, i)
            }
            (Some(open), Target::Field(i)) if open.editor.is_none() && i < OrgKey::ALL.len() => {
                again(&mut open.value, i)
            }
            _ => None,
        },
        (Screen::Run(screen), _) if screen.material().is_some() || screen.journal().is_some() => {
            None
        }
        (Screen::Run(screen), target) => {
            if let Some(popup) = screen.copy_mut() {
                return match target {
                    Target::Option(i) if i < popup.items.len() => again(&mut popup.cursor, i),
                    _ => None,
                };
            }
            if let Some(popup) = screen.attach_mut() {
                return match target {
                    Target::Option(i) if popup.path.is_none() => again(&mut popup.cursor, i),
                    _ => None,
                };
            }
            if let Some(Overlay::Picker(picker)) = &mut screen.overlay {
                let options = screen.procedure.file().choices[picker.choice].options.len();
                return match target {
                    Target::Option(i) if i < options => again(&mut picker.option, i),
                    _ => None,
                };
            }
            if screen.editor().is_some() {
                return None;
            }
            if let Some(popup) = screen.options_mut() {
                let Target::Option(i) = target else {
                    return None;
                };
                if i >= popup.chosen.len() {
                    return None;
                }
                popup.cursor = i;
                // Ticking a box in a multi-select; choosing in a select.
                return Some(if popup.multi {
                    Action::Type(' ')
                } else {
                    Action::Open
                });
            }
            if let Some(table) = &mut screen.table {
                let Target::Row(i) = target else {
                    return None;
                };
                return again(&mut table.cell.row, i);
            }
            let fields = screen
                .procedure
                .step_fields(&screen.run, screen.step())
                .len();
            match target {
                Target::Step(position) if position < screen.order.len() => {
                    screen.focus = Focus::Steps;
                    if screen.selected != position {
                        screen.selected = position;
                        screen.field = 0;
                        screen.scroll = 0;
                    }
                    None
                }
                Target::Detail if fields > 0 => {
                    screen.focus = Focus::Form;
                    screen.field = screen.field.min(fields - 1);
                    None
                }
                Target::Detail => {
                    screen.focus = Focus::Text;
                    None
                }
                Target::Field(i) if i < fields => {
                    let focused = screen.focus == Focus::Form;
                    screen.focus = Focus::Form;
                    again(&mut screen.field, i).filter(|_| focused)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

fn update_home(home: &mut Home, runs: usize, procedures: usize, action: Action) {
    if matches!(action, Action::NextPane | Action::PrevPane) {
        home.pane = match home.pane {
            HomePane::Runs => HomePane::Procedures,
            HomePane::Procedures => HomePane::Runs,
        };
        return;
    }
    let (selected, len) = match home.pane {
        HomePane::Runs => (&mut home.run, runs),
        HomePane::Procedures => (&mut home.procedure, procedures),
    };
    move_selection(selected, len, &action);
}

/// Moves a selection in a list of `len` items; whether the action was a move.
fn move_selection(selected: &mut usize, len: usize, action: &Action) -> bool {
    let last = len.saturating_sub(1);
    *selected = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (*selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(PAGE),
        Action::PageDown => (*selected + PAGE).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => return false,
    };
    true
}

/// The commands on the selected step that the step list and its fields both take.
fn step_command(screen: &RunScreen, action: &Action) -> Option<Command> {
    let id = screen.procedure.steps()[screen.step()].id.clone();
    match action {
        Action::StartStep => Some(Command::StartStep(id)),
        Action::CompleteStep => Some(Command::CompleteStep(id)),
        Action::Undo => Some(Command::Undo),
        _ => None,
    }
}

/// Runs a command on the open run; a refusal becomes the notice, a change asks for a save.
fn run_command(app: &mut App, command: Command, now: Timestamp) -> Option<Effect> {
    run_command_on(app, command, now, None)
}

/// The command that marks `step` as `dated` says, on the day `on`: begun, done, waiting since
/// (until the day its deadline falls on, counted from `on`), or passed over.
fn dated_command(app: &App, step: &str, dated: Dated, on: jiff::civil::Date) -> Option<Command> {
    let Screen::Run(screen) = &app.screen else {
        return None;
    };
    let step = step.to_owned();
    Some(match dated {
        Dated::Start => Command::StartStep(step),
        Dated::Complete => Command::CompleteStep(step),
        Dated::PassOver => Command::PassOver(step),
        Dated::Wait => {
            let index = screen.procedure.step_index(&step)?;
            let due = schedule::wait_due(
                &screen.procedure,
                &screen.run,
                index,
                on,
                &ProductionCalendar,
                &app.tz,
            );
            Command::WaitStep {
                step,
                due: due.map(|d| d.date),
            }
        }
    })
}

/// Whether the engine takes `command` dated `on`, tried on a copy of the run.
fn try_on(
    app: &App,
    command: Command,
    now: Timestamp,
    on: jiff::civil::Date,
) -> Result<(), Refusal> {
    let Screen::Run(screen) = &app.screen else {
        return Ok(());
    };
    let day = crate::run::command::Day {
        on,
        today: today(now, &app.tz),
    };
    let mut trial = screen.run.clone();
    crate::run::command::apply_on(&screen.procedure, &mut trial, command, now, Some(day))
        .map(|_| ())
}

/// The step the officer dated with the date prompt, on the day `on` typed there. A refusal
/// for that day (after today, before the step was begun, or any the step would not get today)
/// keeps the prompt open with the text, the refusal said under it; any other closes it and is
/// the notice.
pub(super) fn dated_step(app: &mut App, on: jiff::civil::Date, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &app.screen else {
        return None;
    };
    let (step, dated) = screen.editor()?.dated.clone()?;
    let command = dated_command(app, &step, dated, on)?;
    if let Err(refusal) = try_on(app, command.clone(), now, on) {
        let day = today(now, &app.tz);
        let for_the_day = refusal.dated_msg().is_some()
            || dated_command(app, &step, dated, day)
                .is_some_and(|today| try_on(app, today, now, day).is_ok());
        if for_the_day {
            let text = match refusal.dated_msg() {
                Some(text) => text,
                None => refusal_text(app, &refusal).0,
            };
            if let Screen::Run(screen) = &mut app.screen
                && let Some(editor) = screen.editor_mut()
            {
                editor.refused = Some(text);
            }
            return None;
        }
    }
    if let Screen::Run(screen) = &mut app.screen {
        screen.take_editor();
    }
    let day = crate::run::command::Day {
        on,
        today: today(now, &app.tz),
    };
    run_command_on(app, command, now, Some(day))
}

/// [`run_command`], dated `day` when the officer gave one.
fn run_command_on(
    app: &mut App,
    command: Command,
    now: Timestamp,
    day: Option<crate::run::command::Day>,
) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let undo = command == Command::Undo;
    let past_due = match &command {
        Command::WaitStep { due: Some(due), .. } if *due < app.today => Some(*due),
        _ => None,
    };
    match crate::run::command::apply_on(&screen.procedure, &mut screen.run, command, now, day) {
        Ok(outcome) => {
            screen.refresh();
            if undo {
                app.notice = Some(notice(
                    NoticeKind::Info,
                    crate::run::journal::undone(
                        &screen.procedure,
                        &screen.run,
                        app.lang,
                        &app.tz,
                        app.today,
                    ),
                ));
            }
            if let Some(due) = past_due {
                let due = due.strftime("%d.%m.%Y").to_string();
                app.notice = Some(notice(
                    NoticeKind::Refused,
                    Msg::new("tui-due-past").arg("date", due),
                ));
            }
            if !outcome.affected.is_empty() {
                let titles: Vec<String> = outcome
                    .affected
                    .iter()
                    .filter_map(|id| screen.procedure.step(id))
                    .map(|s| s.title.clone())
                    .collect();
                app.notice = Some(Notice {
                    kind: NoticeKind::Info,
                    text: Msg::new("tui-reopen-affected").arg("count", titles.len()),
                    details: titles,
                });
            }
            Some(Effect::Save)
        }
        Err(refusal) => show_refusal(app, &refusal),
    }
}

/// A refusal as the notice; fields to fix first get the focus, the first of them selected.
fn show_refusal(app: &mut App, refusal: &Refusal) -> Option<Effect> {
    if let Screen::Run(screen) = &mut app.screen
        && let Refusal::Incomplete(problems) = refusal
    {
        let fields = screen.procedure.step_fields(&screen.run, screen.step());
        if let Some(first) = problems
            .first()
            .and_then(|(id, _)| fields.iter().position(|f| f.id.as_deref() == Some(id)))
        {
            screen.focus = Focus::Form;
            screen.field = first;
        }
    }
    let (text, details) = refusal_text(app, refusal);
    app.notice = Some(Notice {
        kind: NoticeKind::Refused,
        text,
        details,
    });
    None
}

/// A refusal in the officer's words: the message, and the lines under it.
fn refusal_text(app: &App, refusal: &Refusal) -> (Msg, Vec<String>) {
    match &app.screen {
        Screen::Run(screen) => refusal.words(&screen.procedure, app.lang),
        _ => (Msg::new("tui-refused"), Vec::new()),
    }
}

fn notice(kind: NoticeKind, text: Msg) -> Notice {
    Notice {
        kind,
        text,
        details: Vec::new(),
    }
}

/// Starts asking for a new run's label.
pub fn ask_label(app: &mut App, procedure: usize) {
    app.screen = Screen::NewRun(NewRun {
        procedure,
        label: String::new(),
        org: None,
    });
}

/// The officer's day of the moment `now`.
fn today(now: Timestamp, tz: &jiff::tz::TimeZone) -> jiff::civil::Date {
    now.to_zoned(tz.clone()).date()
}

/// Opens the offer of the newer edition of the procedure the open run has (see
/// [`crate::store::Store::walk_edition`]): what taking it would change, worked out by the
/// engine; says so when there is none.
pub fn offer_edition(app: &mut App) {
    let Screen::Run(screen) = &mut app.screen else {
        return;
    };
    let Some(newer) = screen.newer.clone() else {
        app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-edition-none")));
        return;
    };
    let changes =
        crate::run::edition::changes(&screen.procedure, &newer, &screen.run, &app.tz, |d| {
            d.strftime("%d.%m.%Y").to_string()
        });
    screen.overlay = Some(Overlay::Edition(super::app::EditionOffer {
        newer,
        changes,
        scroll: 0,
    }));
    screen.scroll_max = None;
}

/// The officer's answer to the offer of a newer edition: taken (fitted, journaled, saved; the
/// run is walked with it from now on) or kept to the run's own (not offered again on opening).
fn answer_edition(app: &mut App, take: bool, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let offer = screen.take_edition()?;
    if !take {
        crate::run::edition::decline(&offer.newer, &mut screen.run);
        app.notice = Some(notice(
            NoticeKind::Info,
            Msg::new("tui-edition-kept").arg("version", offer.newer.version()),
        ));
        return Some(Effect::Save);
    }
    let step = screen.procedure.steps()[screen.step()].id.clone();
    let mut run = screen.run.clone();
    crate::run::edition::take(&offer.newer, &mut run, now);
    let mut taken = RunScreen::new(
        screen.id.clone(),
        std::sync::Arc::clone(&offer.newer),
        run,
        screen.saved.clone(),
    );
    // On the same step, where the new edition still has it.
    let procedure = std::sync::Arc::clone(&taken.procedure);
    if let Some(at) = (taken.order.iter()).position(|&i| procedure.steps()[i].id == step) {
        taken.selected = at;
        taken.follow_selection();
    }
    **screen = taken;
    app.notice = Some(notice(
        NoticeKind::Info,
        Msg::new("tui-edition-taken").arg("version", offer.newer.version()),
    ));
    Some(Effect::Save)
}
