//! Keys in a step's form: moving between fields, the text editor with its live validation,
//! yes/no toggles and the options popup of selects; each value kept as it is confirmed.

use jiff::Timestamp;

use super::table::{first_bad_cell, open_cell, set_cell};
use super::{Effect, move_selection, notice, run_command};
use crate::i18n::Msg;
use crate::procedure::{FieldType, Procedure};
use crate::run::Value;
use crate::run::command::Command;
use crate::tui::action::Action;
use crate::tui::app::{
    App, Cell, Editor, Focus, NoticeKind, OptionsPopup, Overlay, Screen, TableEditor, column,
    table_rows,
};

/// Keys while the fields of the selected step have the focus. A printable key is the field's:
/// it opens the field with that character typed, as a spreadsheet cell does.
pub(super) fn update_form(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let fields = screen.procedure.step_fields(&screen.run, screen.step());
    let last = fields.len().saturating_sub(1);
    let Some(field) = fields.get(screen.field.min(last)).copied() else {
        screen.focus = Focus::Steps;
        return None;
    };
    let command = match action {
        _ if move_selection(&mut screen.field, fields.len(), &action) => None,
        // Tab and Shift-Tab go through the fields as in a paper form, and leave the form at
        // either end.
        Action::NextPane if screen.field < last => {
            screen.field += 1;
            None
        }
        Action::PrevPane if screen.field > 0 => {
            screen.field -= 1;
            None
        }
        Action::NextPane | Action::PrevPane | Action::Back => {
            screen.focus = Focus::Steps;
            None
        }
        Action::Open | Action::Type(_) | Action::Backspace => {
            let Some(id) = field.id.clone() else {
                // A field that shows another form's value is edited in that form.
                app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-field-reused")));
                return None;
            };
            let typed = match action {
                Action::Type(c) => Some(c),
                _ => None,
            };
            let value = screen.run.values.get(&id);
            match field.kind {
                Some(FieldType::Yesno) => match yes_no(typed, value) {
                    Some(on) => Some(Command::SetField {
                        field: id,
                        value: Value::Bool(on),
                    }),
                    None if action == Action::Backspace => None,
                    None => {
                        app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-yesno-keys")));
                        None
                    }
                },
                Some(kind @ (FieldType::Select | FieldType::Multiselect)) => {
                    if action == Action::Backspace {
                        return None;
                    }
                    let mut popup = OptionsPopup::new(&id, None, &field.options, value, kind);
                    if let Some(c) = typed {
                        find_option(&mut popup, &field.options, c);
                    }
                    screen.overlay = Some(Overlay::Options(popup));
                    None
                }
                Some(FieldType::Table) => {
                    // The table opens on the first cell to fix, if any.
                    let rows = table_rows(&screen.run, &id);
                    let cell = first_bad_cell(field, rows).unwrap_or(Cell { row: 0, column: 0 });
                    screen.table = Some(TableEditor { field: id, cell });
                    return match typed {
                        Some(c) => super::table::update_table(app, Action::Type(c), now),
                        None => None,
                    };
                }
                _ => {
                    let text = match value {
                        Some(Value::Text(text)) => text.as_str(),
                        _ => "",
                    };
                    let mut editor = Editor::new(field, &id, text);
                    match action {
                        // What is typed takes the value's place; Esc brings the value back.
                        Action::Type(c) => {
                            editor = Editor::new(field, &id, "");
                            editor.input.insert_char(c);
                        }
                        Action::Backspace => {
                            editor.input.delete_char();
                        }
                        _ => {}
                    }
                    screen.open_editor(editor);
                    None
                }
            }
        }
        Action::ClearField => field.id.clone().map(Command::ClearField),
        action => return super::step_action(app, action, now),
    };
    command.and_then(|command| run_command(app, command, now))
}

/// What a key does to a yes/no field or cell: Space or Enter (`None`) turns it over, a letter
/// of «да»/yes or 1 sets it, one of «нет»/no or 0 clears it; `None` for any other key.
pub(super) fn yes_no(typed: Option<char>, value: Option<&Value>) -> Option<bool> {
    let on = matches!(value, Some(Value::Bool(true)));
    match typed.map(|c| c.to_lowercase().next().unwrap_or(c)) {
        None | Some(' ') => Some(!on),
        Some('д' | 'y' | '1' | '+') => Some(true),
        Some('н' | 'n' | '0' | '-') => Some(false),
        Some(_) => None,
    }
}

/// Moves the cursor of an options list to the next option whose words begin with what has been
/// typed so far, `c` last; a space in a list of several marks the option instead.
pub(super) fn find_option(popup: &mut OptionsPopup, options: &[String], c: char) {
    if c == ' ' && popup.multi {
        if let Some(on) = popup.chosen.get_mut(popup.cursor) {
            *on = !*on;
        }
        return;
    }
    let lower = |s: &str| s.to_lowercase();
    popup.typed.push(c);
    let find = |typed: &str| {
        let typed = lower(typed);
        options.iter().position(|o| lower(o).starts_with(&typed))
    };
    match find(&popup.typed) {
        Some(i) => popup.cursor = i,
        None => {
            popup.typed = c.to_string();
            if let Some(i) = find(&popup.typed) {
                popup.cursor = i;
            }
        }
    }
}

/// Keys while a field is being typed into.
pub(super) fn update_editor(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let editor = screen.editor_mut()?;
    match action {
        _ if editor.edit(&action) => {}
        Action::Newline | Action::Open if editor.multiline => editor.input.insert_newline(),
        Action::Back => screen.overlay = None,
        Action::Open | Action::Keep if editor.dated.is_some() => {
            let on = match crate::validate::parse_date(&editor.text()) {
                Ok(date) => date,
                // The message under the input already says what is wrong; it stays open.
                Err(_) => return None,
            };
            return super::dated_step(app, on, now);
        }
        Action::Open | Action::Keep if editor.wait_for.is_some() => {
            let text = editor.text();
            let due = match text.trim() {
                "" => None,
                typed => match crate::validate::parse_date(typed) {
                    Ok(date) => Some(date),
                    // The message under the input already says what is wrong; it stays open.
                    Err(_) => return None,
                },
            };
            let step = screen.take_editor()?.wait_for?;
            return run_command(app, Command::WaitStep { step, due }, now);
        }
        Action::Open | Action::Keep | Action::NextPane | Action::PrevPane => {
            let editor = screen.take_editor()?;
            let text = editor.text();
            let back = action == Action::PrevPane;
            if let Some(cell) = editor.cell {
                let command = set_cell(screen, &editor.field, cell, typed(text));
                if let Some(command) = command {
                    run_command(app, command, now);
                }
                // On to the next cell of the row, still typing, as along a paper form's line;
                // the row ends at its last cell.
                let Screen::Run(screen) = &mut app.screen else {
                    return None;
                };
                let columns = screen
                    .procedure
                    .field(&editor.field)
                    .map_or(0, |f| f.columns.len());
                let next = if back {
                    cell.column.checked_sub(1)
                } else {
                    Some(cell.column + 1).filter(|c| *c < columns)
                };
                if let Some(column) = next {
                    let next = Cell { column, ..cell };
                    if let Some(table) = &mut screen.table {
                        table.cell = next;
                    }
                    open_cell(screen, &editor.field, next, false);
                }
                return Some(Effect::Save);
            }
            let command = match typed(text) {
                None => Command::ClearField(editor.field),
                Some(value) => Command::SetField {
                    field: editor.field,
                    value,
                },
            };
            // On to the next field, as in a paper form.
            let count = screen
                .procedure
                .step_fields(&screen.run, screen.step())
                .len();
            screen.field = if back {
                screen.field.saturating_sub(1)
            } else {
                (screen.field + 1).min(count.saturating_sub(1))
            };
            return run_command(app, command, now);
        }
        _ => {}
    }
    None
}

/// Keys while a select or multi-select field's options are open.
pub(super) fn update_options(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let Some(Overlay::Options(popup)) = &mut screen.overlay else {
        return None;
    };
    let last = popup.chosen.len().saturating_sub(1);
    match action {
        Action::Up => popup.cursor = popup.cursor.saturating_sub(1),
        Action::Down => popup.cursor = (popup.cursor + 1).min(last),
        Action::First => popup.cursor = 0,
        Action::Last => popup.cursor = last,
        Action::Type(c) => {
            let options = popup_options(&screen.procedure, popup).to_vec();
            find_option(popup, &options, c);
        }
        Action::Back => screen.overlay = None,
        Action::Open => {
            let popup = screen.take_options()?;
            let options = popup_options(&screen.procedure, &popup);
            let value = if popup.multi {
                Value::List(
                    options
                        .iter()
                        .zip(&popup.chosen)
                        .filter(|(_, on)| **on)
                        .map(|(o, _)| o.clone())
                        .collect(),
                )
            } else {
                Value::Text(options.get(popup.cursor)?.clone())
            };
            let command = match popup.cell {
                Some(cell) => set_cell(screen, &popup.field, cell, Some(value))?,
                None => Command::SetField {
                    field: popup.field,
                    value,
                },
            };
            return run_command(app, command, now);
        }
        _ => {}
    }
    None
}

/// What was typed, as the value to keep (the engine keeps a phone number in the form the
/// officer's counterparts expect); none when it is blank.
pub(super) fn typed(text: String) -> Option<Value> {
    (!text.trim().is_empty()).then_some(Value::Text(text))
}

/// The options a popup offers: the field's, or the column's for a table cell.
pub(super) fn popup_options<'a>(procedure: &'a Procedure, popup: &OptionsPopup) -> &'a [String] {
    match popup.cell {
        Some(cell) => column(procedure, &popup.field, cell.column).map(|c| c.options.as_slice()),
        None => procedure.field(&popup.field).map(|f| f.options.as_slice()),
    }
    .unwrap_or(&[])
}
