//! Keys while a table field is open, and the commands that keep a table: a cell changed,
//! rows added, removed and moved, each change saved as the whole table.

use jiff::Timestamp;

use super::form::{find_option, yes_no};
use super::{Effect, NoticeKind, move_selection, notice, run_command};
use crate::i18n::Msg;
use crate::procedure::{Field, FieldType};
use crate::run::Value;
use crate::run::command::{Command, validate_cell};
use crate::tui::action::Action;
use crate::tui::app::{
    App, Cell, Editor, OptionsPopup, Overlay, Row, RunScreen, Screen, column, table_rows,
};

/// The command that keeps the whole table with one cell changed (cleared when `value` is
/// none).
pub(super) fn set_cell(
    screen: &RunScreen,
    field: &str,
    cell: Cell,
    value: Option<Value>,
) -> Option<Command> {
    let id = &column(&screen.procedure, field, cell.column)?.id;
    let mut rows = table_rows(&screen.run, field).to_vec();
    let row = rows.get_mut(cell.row)?;
    match value {
        Some(value) => row.insert(id.clone(), value),
        None => row.remove(id),
    };
    Some(set_rows(field, rows))
}

/// The command that keeps these rows as the table's value; a table with no rows is cleared.
fn set_rows(field: &str, rows: Vec<Row>) -> Command {
    if rows.is_empty() {
        Command::ClearField(field.to_owned())
    } else {
        Command::SetField {
            field: field.to_owned(),
            value: Value::Table(rows),
        }
    }
}

/// The first cell of a table that must be filled or fixed.
pub fn first_bad_cell(field: &Field, rows: &[Row]) -> Option<Cell> {
    rows.iter().enumerate().find_map(|(row, cells)| {
        field
            .columns
            .iter()
            .position(|c| validate_cell(c, cells.get(&c.id)).is_err())
            .map(|column| Cell { row, column })
    })
}

/// Opens a cell for editing: a text input, or the options of a select column. A yes/no cell is
/// toggled, but only when `toggle` (a key on that cell, not arriving there from the previous
/// one); the command that does it is returned.
pub(super) fn open_cell(
    screen: &mut RunScreen,
    field: &str,
    cell: Cell,
    toggle: bool,
) -> Option<Command> {
    let column = column(&screen.procedure, field, cell.column)?;
    let value = table_rows(&screen.run, field)
        .get(cell.row)?
        .get(&column.id);
    match column.kind {
        FieldType::Yesno if toggle => {
            let on = matches!(value, Some(Value::Bool(true)));
            return set_cell(screen, field, cell, Some(Value::Bool(!on)));
        }
        FieldType::Yesno => {}
        kind @ (FieldType::Select | FieldType::Multiselect) => {
            let popup = OptionsPopup::new(field, Some(cell), &column.options, value, kind);
            screen.overlay = Some(Overlay::Options(popup));
        }
        _ => {
            let text = match value {
                Some(Value::Text(text)) => text.as_str(),
                _ => "",
            };
            screen.open_editor(Editor::for_cell(column, field, cell, text));
        }
    }
    None
}

/// A printable key on a cell: the cell opened with it typed (a text cell), the options with
/// the one it begins found (a select cell), or yes/no set (a yes/no cell).
pub(super) fn type_into_cell(app: &mut App, field: &str, cell: Cell, c: char) -> Option<Command> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let column = column(&screen.procedure, field, cell.column)?;
    let value = table_rows(&screen.run, field)
        .get(cell.row)?
        .get(&column.id);
    match column.kind {
        FieldType::Yesno => match yes_no(Some(c), value) {
            Some(on) => set_cell(screen, field, cell, Some(Value::Bool(on))),
            None => {
                app.notice = Some(notice(NoticeKind::Info, Msg::new("tui-yesno-keys")));
                None
            }
        },
        kind @ (FieldType::Select | FieldType::Multiselect) => {
            let mut popup = OptionsPopup::new(field, Some(cell), &column.options, value, kind);
            find_option(&mut popup, &column.options, c);
            screen.overlay = Some(Overlay::Options(popup));
            None
        }
        _ => {
            let mut editor = Editor::for_cell(column, field, cell, "");
            editor.input.insert_char(c);
            screen.open_editor(editor);
            None
        }
    }
}

/// Keys while a table field is open: move between cells, edit one, add, remove and move rows.
pub(super) fn update_table(app: &mut App, action: Action, now: Timestamp) -> Option<Effect> {
    let Screen::Run(screen) = &mut app.screen else {
        return None;
    };
    let mut table = screen.table.clone()?;
    let Some(field) = screen.procedure.field(&table.field) else {
        screen.table = None;
        return None;
    };
    let mut rows = table_rows(&screen.run, &table.field).to_vec();
    let columns = field.columns.len();
    // Undo may have taken rows away.
    table.cell.row = table.cell.row.min(rows.len().saturating_sub(1));
    let cell = table.cell;
    let last_column = columns.saturating_sub(1);
    let mut command = None;
    match action {
        _ if move_selection(&mut table.cell.row, rows.len(), &action) => {}
        Action::Left => table.cell.column = cell.column.saturating_sub(1),
        Action::Right => table.cell.column = (cell.column + 1).min(last_column),
        // Tab goes along the row, then on to the next row.
        Action::NextPane if cell.column < last_column => table.cell.column += 1,
        Action::NextPane if cell.row + 1 < rows.len() => {
            table.cell = Cell {
                row: cell.row + 1,
                column: 0,
            };
        }
        Action::PrevPane if cell.column > 0 => table.cell.column -= 1,
        Action::PrevPane if cell.row > 0 => {
            table.cell = Cell {
                row: cell.row - 1,
                column: last_column,
            };
        }
        Action::Back => {
            screen.table = None;
            return None;
        }
        Action::AddRow | Action::Open | Action::Type(_)
            if rows.is_empty() || action == Action::AddRow =>
        {
            let row: Row = field
                .columns
                .iter()
                .filter_map(|c| Some((c.id.clone(), Value::from_default(c.default.as_ref()?))))
                .collect();
            let at = if rows.is_empty() { 0 } else { cell.row + 1 };
            rows.insert(at, row);
            table.cell = Cell { row: at, column: 0 };
            let field_id = table.field.clone();
            // Straight into the new row's first cell, once the row is there.
            if let Some(effect) = run_command(app, set_rows(&field_id, rows), now) {
                if let Screen::Run(screen) = &mut app.screen {
                    screen.table = Some(table.clone());
                    if let Action::Type(c) = action {
                        if let Some(command) = type_into_cell(app, &field_id, table.cell, c) {
                            run_command(app, command, now);
                        }
                    } else {
                        open_cell(screen, &field_id, table.cell, false);
                    }
                }
                return Some(effect);
            }
        }
        Action::Open => command = open_cell(screen, &table.field, cell, true),
        Action::Type(c) => {
            screen.table = Some(table.clone());
            let command = type_into_cell(app, &table.field, cell, c)?;
            return run_command(app, command, now);
        }
        Action::ClearField if !rows.is_empty() => {
            rows.remove(cell.row);
            table.cell.row = cell.row.min(rows.len().saturating_sub(1));
            command = Some(set_rows(&table.field, rows));
            app.notice = Some(notice(
                NoticeKind::Info,
                Msg::new("tui-row-removed").arg("row", cell.row + 1),
            ));
        }
        Action::MoveRowUp if cell.row > 0 && !rows.is_empty() => {
            rows.swap(cell.row, cell.row - 1);
            table.cell.row -= 1;
            command = Some(set_rows(&table.field, rows));
        }
        Action::MoveRowDown if cell.row + 1 < rows.len() => {
            rows.swap(cell.row, cell.row + 1);
            table.cell.row += 1;
            command = Some(set_rows(&table.field, rows));
        }
        Action::Undo => command = Some(Command::Undo),
        _ => {}
    }
    if let Screen::Run(screen) = &mut app.screen {
        screen.table = Some(table);
    }
    command.and_then(|command| run_command(app, command, now))
}
