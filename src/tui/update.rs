//! `update(app, action, now)`: the one place the wizard's state changes. No I/O here: what
//! needs the disk comes back as an [`Effect`] for the shell to carry out.

use jiff::Timestamp;

use super::action::Action;
use super::app::{
    App, ChoicePicker, Editor, Focus, Home, HomePane, NewRun, Notice, NoticeKind, OptionsPopup,
    RunScreen, Screen, step_fields,
};
use crate::i18n::Msg;
use crate::procedure::FieldType;
use crate::run::Value;
use crate::run::command::{Command, Refusal, apply, field_def};
use crate::run::eval::choice_applies;

/// What the shell must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the open run (it changed, or the officer is leaving it).
    Save,
    /// Start a run of the procedure at this index with this label, and open it.
    Create { procedure: usize, label: String },
    /// Open the run with this id.
    Open(String),
    /// Close the open run (its lock is released) and show the home screen again.
    Close,
}

/// Lines a page moves.
const PAGE: usize = 10;

/// Applies an action; returns what the shell must do.
pub fn update(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    match action {
        Action::Resize(width, height) => {
            app.width = width;
            app.height = height;
            return None;
        }
        Action::Help => {
            app.help = !app.help;
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
        return None;
    }
    app.notice = None;
    match &mut app.screen {
        Screen::Home(home) if action == Action::Open => match home.pane {
            HomePane::Runs => app.runs.get(home.run).map(|r| Effect::Open(r.id.clone())),
            HomePane::Procedures => {
                let procedure = home.procedure;
                if procedure < app.procedures.len() {
                    ask_label(app, procedure);
                }
                None
            }
        },
        Screen::Home(home) => {
            update_home(home, app.runs.len(), app.procedures.len(), action);
            None
        }
        Screen::NewRun(new) => match action {
            Action::Type(c) if !c.is_control() => {
                new.label.push(c);
                None
            }
            Action::Backspace => {
                new.label.pop();
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
            }),
            Action::Open => {
                app.notice = Some(notice(NoticeKind::Refused, Msg::new("tui-label-needed")));
                None
            }
            _ => None,
        },
        Screen::Run(screen) => {
            if screen.picker.is_some() {
                return update_picker(app, action, now);
            }
            if screen.editor.is_some() {
                return update_editor(app, action, now);
            }
            if screen.options.is_some() {
                return update_options(app, action, now);
            }
            if screen.focus == Focus::Form {
                return update_form(app, action, now);
            }
            let before = screen.selected;
            let len = screen.order.len();
            let step_id = screen.procedure.steps()[screen.step()].id.clone();
            let command = match action {
                _ if move_selection(&mut screen.selected, len, &action) => None,
                Action::Back => return Some(Effect::Close),
                Action::Open => Some(Command::CompleteStep(step_id)),
                Action::ReopenStep => Some(Command::ReopenStep(step_id)),
                Action::PassOver => Some(Command::PassOver(step_id)),
                Action::ChooseVariant => {
                    open_picker(app);
                    None
                }
                Action::NextPane => {
                    let fields = step_fields(&screen.procedure, &screen.run, screen.step());
                    if fields.is_empty() {
                        app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-no-fields")));
                    } else {
                        screen.focus = Focus::Form;
                        screen.field = screen.field.min(fields.len() - 1);
                    }
                    None
                }
                _ => step_command(screen, &action, now, &app.tz),
            };
            if let Screen::Run(screen) = &mut app.screen
                && screen.selected != before
            {
                screen.field = 0;
                screen.run.cursor = Some(screen.procedure.steps()[screen.step()].id.clone());
            }
            command.and_then(|command| run_command(app, command, now))
        }
    }
}

fn update_home(home: &mut Home, runs: usize, procedures: usize, action: Action) {
    if action == Action::NextPane {
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
fn step_command(
    screen: &RunScreen,
    action: &Action,
    now: Timestamp,
    tz: &jiff::tz::TimeZone,
) -> Option<Command> {
    let step = screen.step();
    let id = screen.procedure.steps()[step].id.clone();
    match action {
        Action::StartStep => Some(Command::StartStep(id)),
        Action::CompleteStep => Some(Command::CompleteStep(id)),
        Action::WaitStep => Some(Command::WaitStep {
            due: wait_due(&screen.procedure, &screen.run, step, now, tz),
            step: id,
        }),
        Action::Undo => Some(Command::Undo),
        _ => None,
    }
}

/// Runs a command on the open run; a refusal becomes the notice, a change asks for a save.
fn run_command(app: &mut App, command: Command, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    match apply(&screen.procedure, &mut screen.run, command, now) {
        Ok(outcome) => {
            screen.refresh();
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
        Err(refusal) => {
            if let Refusal::Incomplete(problems) = &refusal {
                let fields = step_fields(&screen.procedure, &screen.run, screen.step());
                if let Some(first) = problems
                    .first()
                    .and_then(|(id, _)| fields.iter().position(|f| f.id.as_deref() == Some(id)))
                {
                    screen.focus = Focus::Form;
                    screen.field = first;
                }
            }
            let (text, details) = refusal_text(app, &refusal);
            app.notice = Some(Notice {
                kind: NoticeKind::Refused,
                text,
                details,
            });
            None
        }
    }
}

/// A refusal in the officer's words: the message, and the lines under it.
fn refusal_text(app: &App, refusal: &Refusal) -> (Msg, Vec<String>) {
    let Screen::Run(screen) = &app.screen else {
        return (Msg::new("tui-refused"), Vec::new());
    };
    let p = &screen.procedure;
    let title = |id: &str| p.step(id).map_or(id.to_owned(), |s| s.title.clone());
    match refusal {
        Refusal::Blocked { by, reason } => {
            let mut details: Vec<String> = by.iter().map(|id| title(id)).collect();
            if let Some(reason) = reason {
                details.insert(0, reason.clone());
            }
            (
                Msg::new("tui-refused-blocked").arg("count", by.len()),
                details,
            )
        }
        Refusal::Incomplete(problems) => {
            let details = problems
                .iter()
                .map(|(field, msg)| {
                    let label = field_def(p, field)
                        .and_then(|f| f.label.clone())
                        .unwrap_or_else(|| field.clone());
                    format!("{label}: {}", msg.text(app.lang))
                })
                .collect();
            (
                Msg::new("tui-refused-incomplete").arg("count", problems.len()),
                details,
            )
        }
        Refusal::AlreadyDone(_) => (Msg::new("tui-refused-done"), Vec::new()),
        Refusal::NotDone(_) => (Msg::new("tui-refused-not-done"), Vec::new()),
        Refusal::NotApplicable(_) => (Msg::new("tui-refused-skipped"), Vec::new()),
        Refusal::Undecided(_) => (Msg::new("tui-refused-undecided"), Vec::new()),
        Refusal::NotOptional(_) => (Msg::new("tui-refused-not-optional"), Vec::new()),
        Refusal::NothingToUndo => (Msg::new("tui-refused-nothing-to-undo"), Vec::new()),
        Refusal::UnknownStep(_) | Refusal::UnknownField(_) | Refusal::UnknownOption { .. } => {
            (Msg::new("tui-refused"), Vec::new())
        }
    }
}

/// Opens the variant picker on the first choice that is asked now (and not yet made, if any).
fn open_picker(app: &mut App) {
    let Screen::Run(screen) = &mut app.screen else {
        return;
    };
    let p = &screen.procedure;
    let asked: Vec<usize> = p
        .file()
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| choice_applies(p, &screen.run, &c.id) != Some(false))
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = asked
        .iter()
        .find(|i| !screen.run.choices.contains_key(&p.file().choices[**i].id))
        .or(asked.first())
    else {
        app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-no-choices")));
        return;
    };
    let choice = &p.file().choices[first];
    let option = screen
        .run
        .choices
        .get(&choice.id)
        .and_then(|chosen| choice.options.iter().position(|o| &o.id == chosen))
        .unwrap_or(0);
    screen.picker = Some(ChoicePicker {
        choice: first,
        option,
    });
}

fn update_picker(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let picker = screen.picker.as_mut()?;
    let choices = &screen.procedure.file().choices;
    let options = choices[picker.choice].options.len();
    match action {
        Action::Up => picker.option = picker.option.saturating_sub(1),
        Action::Down => picker.option = (picker.option + 1).min(options.saturating_sub(1)),
        Action::NextPane => {
            // The next choice that is asked now.
            let next = (1..=choices.len())
                .map(|k| (picker.choice + k) % choices.len())
                .find(|i| {
                    choice_applies(&screen.procedure, &screen.run, &choices[*i].id) != Some(false)
                });
            if let Some(next) = next {
                picker.choice = next;
                picker.option = 0;
            }
        }
        Action::Back => screen.picker = None,
        Action::Open | Action::CompleteStep => {
            let choice = &choices[picker.choice];
            let command = Command::Choose {
                choice: choice.id.clone(),
                option: choice.options[picker.option].id.clone(),
            };
            screen.picker = None;
            return run_command(app, command, now);
        }
        _ => {}
    }
    None
}

/// Keys while the fields of the selected step have the focus.
fn update_form(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let fields = step_fields(&screen.procedure, &screen.run, screen.step());
    let last = fields.len().saturating_sub(1);
    let Some(field) = fields.get(screen.field.min(last)).copied() else {
        screen.focus = Focus::Steps;
        return None;
    };
    let command = match action {
        _ if move_selection(&mut screen.field, fields.len(), &action) => None,
        Action::NextPane | Action::Back => {
            screen.focus = Focus::Steps;
            None
        }
        Action::Open => {
            let Some(id) = field.id.clone() else {
                // A field that shows another form's value is edited in that form.
                app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-field-reused")));
                return None;
            };
            let value = screen.run.values.get(&id);
            match field.kind {
                Some(FieldType::Yesno) => {
                    let on = matches!(value, Some(Value::Bool(true)));
                    Some(Command::SetField {
                        field: id,
                        value: Value::Bool(!on),
                    })
                }
                Some(FieldType::Select | FieldType::Multiselect) => {
                    let chosen = field
                        .options
                        .iter()
                        .map(|o| match value {
                            Some(Value::Text(t)) => t == o,
                            Some(Value::List(items)) => items.contains(o),
                            _ => false,
                        })
                        .collect::<Vec<_>>();
                    screen.options = Some(OptionsPopup {
                        field: id,
                        cursor: chosen.iter().position(|c| *c).unwrap_or(0),
                        chosen,
                        multi: field.kind == Some(FieldType::Multiselect),
                    });
                    None
                }
                Some(FieldType::Table) => {
                    app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-table-not-yet")));
                    None
                }
                _ => {
                    let text = match value {
                        Some(Value::Text(text)) => text.as_str(),
                        _ => "",
                    };
                    screen.editor = Some(Editor::new(field, &id, text));
                    None
                }
            }
        }
        Action::ClearField => field.id.clone().map(Command::ClearField),
        _ => step_command(screen, &action, now, &app.tz),
    };
    command.and_then(|command| run_command(app, command, now))
}

/// Keys while a field is being typed into.
fn update_editor(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    use ratatui_textarea::CursorMove;
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let editor = screen.editor.as_mut()?;
    match action {
        Action::Type(c) if !c.is_control() => editor.input.insert_char(c),
        Action::Backspace => {
            editor.input.delete_char();
        }
        Action::Delete => {
            editor.input.delete_next_char();
        }
        Action::Left => editor.input.move_cursor(CursorMove::Back),
        Action::Right => editor.input.move_cursor(CursorMove::Forward),
        Action::Up => editor.input.move_cursor(CursorMove::Up),
        Action::Down => editor.input.move_cursor(CursorMove::Down),
        Action::First => editor.input.move_cursor(CursorMove::Head),
        Action::Last => editor.input.move_cursor(CursorMove::End),
        Action::Newline | Action::Open if editor.multiline => editor.input.insert_newline(),
        Action::Back => screen.editor = None,
        Action::Open | Action::Keep | Action::NextPane => {
            let editor = screen.editor.take()?;
            let text = editor.text();
            let field = editor.field;
            let kind =
                crate::run::command::field_def(&screen.procedure, &field).and_then(|f| f.kind);
            let command = if text.trim().is_empty() {
                Command::ClearField(field)
            } else {
                // A phone number is kept in the form the officer's counterparts expect.
                let text = match kind {
                    Some(FieldType::Phone) => crate::validate::phone(&text).unwrap_or(text),
                    _ => text,
                };
                Command::SetField {
                    field,
                    value: Value::Text(text),
                }
            };
            // On to the next field, as in a paper form.
            let count = step_fields(&screen.procedure, &screen.run, screen.step()).len();
            screen.field = (screen.field + 1).min(count.saturating_sub(1));
            return run_command(app, command, now);
        }
        _ => {}
    }
    None
}

/// Keys while a select or multi-select field's options are open.
fn update_options(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let popup = screen.options.as_mut()?;
    let last = popup.chosen.len().saturating_sub(1);
    match action {
        Action::Up => popup.cursor = popup.cursor.saturating_sub(1),
        Action::Down => popup.cursor = (popup.cursor + 1).min(last),
        Action::CompleteStep | Action::Type(' ') if popup.multi => {
            if let Some(c) = popup.chosen.get_mut(popup.cursor) {
                *c = !*c;
            }
        }
        Action::Back => screen.options = None,
        Action::Open | Action::CompleteStep => {
            let popup = screen.options.take()?;
            let field = crate::run::command::field_def(&screen.procedure, &popup.field)?;
            let value = if popup.multi {
                Value::List(
                    field
                        .options
                        .iter()
                        .zip(&popup.chosen)
                        .filter(|(_, on)| **on)
                        .map(|(o, _)| o.clone())
                        .collect(),
                )
            } else {
                Value::Text(field.options.get(popup.cursor)?.clone())
            };
            let command = Command::SetField {
                field: popup.field,
                value,
            };
            return run_command(app, command, now);
        }
        _ => {}
    }
    None
}

/// The day a wait is due: the step's deadline, counted on the production calendar from the
/// step it names (once done) or from today; none when the procedure sets no deadline.
fn wait_due(
    procedure: &crate::procedure::Procedure,
    run: &crate::run::Run,
    index: usize,
    now: Timestamp,
    tz: &jiff::tz::TimeZone,
) -> Option<jiff::civil::Date> {
    use crate::calendar::{ProductionCalendar, add_calendar_days, add_working_days};
    let deadline = procedure.steps()[index].deadline.as_ref()?;
    let from = match &deadline.from {
        Some(from) => match run.steps.get(from) {
            Some(crate::run::StepState::Done { at, .. }) => *at,
            _ => now,
        },
        None => now,
    };
    let start = from.to_zoned(tz.clone()).date();
    match (deadline.working_days, deadline.calendar_days) {
        (Some(days), _) => Some(add_working_days(&ProductionCalendar, start, days).date),
        (None, Some(days)) => Some(add_calendar_days(start, days).date),
        (None, None) => None,
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
    });
}
