//! The selected step's form on the run screen: its fields with values and problems, the text
//! editor, the options of a select and a table field's rows.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, bottom_box, centered_box, fit, row, safe, wrap_words};
use crate::run::Value;
use crate::run::command::{validate_cell, validate_value};
use crate::tui::action::Target;
use crate::tui::app::{Focus, RunScreen, table_rows};
use crate::tui::keys::KeyMode;

/// The step's fields: label, a `*` when required, the value, and what is wrong with it.
/// Also returns the position of each field's line.
pub(super) fn form_lines(
    cx: &Ctx,
    screen: &RunScreen,
    width: usize,
) -> (Vec<Line<'static>>, Vec<usize>) {
    let p = &screen.procedure;
    let index = screen.step();
    let fields = p.step_fields(&screen.run, index);
    if fields.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let step = &p.steps()[index];
    let title = match step.form.as_deref().and_then(|id| p.form(id)) {
        Some(form) => cx.tf(
            "tui-form",
            &[("title", safe(&form.title).into_owned().into())],
        ),
        None => cx.t("tui-results"),
    };
    let hint = if screen.focus == Focus::Form {
        cx.t("tui-form-hint-focused")
    } else {
        cx.t("tui-form-hint")
    };
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(fit(&title, width), cx.theme.title())),
        Line::from(Span::styled(fit(&hint, width), cx.theme.dim())),
    ];
    let mut field_lines = Vec::with_capacity(fields.len());
    for (i, field) in fields.iter().enumerate() {
        let chosen = screen.focus == Focus::Form && i == screen.field;
        field_lines.push(lines.len());
        let label = field.label.as_deref().or(field.id.as_deref()).unwrap_or("");
        let star = if p.field_required(&screen.run, field) {
            "*"
        } else {
            ""
        };
        let id = field.id.as_deref().or(field.reuse.as_deref());
        let value = id.and_then(|id| screen.run.values.get(id));
        // Secret if the procedure says so or the run keeps it secret (a later edition cannot
        // unmask a stored password).
        let secret = field.secret || id.is_some_and(|id| screen.run.secret.contains(id));
        let shown = value.map_or(String::new(), |v| show(cx, secret, v));
        let marker = if chosen { "▸" } else { " " };
        let whole = format!("{marker} {}{star}: {shown}", safe(label));
        if unicode_width::UnicodeWidthStr::width(whole.as_str()) <= width {
            lines.push(cx.highlight(Line::from(whole), chosen));
        } else {
            // A label too long for the line goes above its value, wrapped, so that the value
            // is always seen.
            let head = format!("{}{star}:", safe(label));
            for (n, part) in wrap_words(&head, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                let marker = if n == 0 { marker } else { " " };
                lines.push(cx.highlight(Line::from(format!("{marker} {part}")), chosen));
            }
            if !shown.is_empty() {
                let value = Line::from(fit(&format!("    {shown}"), width));
                lines.push(cx.highlight(value, chosen));
            }
        }
        // Where a field that shows another form's value takes it from.
        if let Some(source) = field.reuse.as_deref().and_then(|id| source_form(p, id)) {
            let from = cx.tf(
                "tui-reused-from",
                &[("form", safe(source).into_owned().into())],
            );
            for part in wrap_words(&from, width.saturating_sub(4)) {
                lines.push(Line::from(format!("    {part}")).style(cx.theme.dim()));
            }
        }
        // The selected field's explanation, as the procedure gives it.
        if let Some(help) = field.help.as_deref().filter(|_| chosen) {
            for paragraph in help.lines() {
                for part in wrap_words(&safe(paragraph), width.saturating_sub(4)) {
                    lines.push(Line::from(format!("    {part}")).style(cx.theme.dim()));
                }
            }
        }
        let problem = value
            .filter(|v| v.is_filled())
            .and_then(|v| validate_value(field, v).err());
        if let Some(problem) = problem {
            let text = format!("✖ {}", safe(&problem.text(cx.lang())));
            for part in wrap_words(&text, width.saturating_sub(4)) {
                lines.push(Line::from(format!("    {part}")).style(cx.theme.alert()));
            }
        }
    }
    (lines, field_lines)
}

/// The title of the form that holds the field with this id.
fn source_form<'a>(procedure: &'a crate::procedure::Procedure, id: &str) -> Option<&'a str> {
    procedure
        .file()
        .forms
        .iter()
        .find(|form| form.fields.iter().any(|f| f.id.as_deref() == Some(id)))
        .map(|form| form.title.as_str())
}

/// A value as a field shows it.
fn show(cx: &Ctx, secret: bool, value: &Value) -> String {
    match value {
        _ if secret && value.is_filled() => "••••••".to_owned(),
        value => show_value(cx, value),
    }
}

/// A value on one line, made safe.
fn show_value(cx: &Ctx, value: &Value) -> String {
    match value {
        Value::Text(text) => safe(text.lines().next().unwrap_or("")).into_owned(),
        Value::Bool(true) => cx.t("tui-yes"),
        Value::Bool(false) => cx.t("tui-no"),
        Value::List(items) => safe(&items.join(", ")).into_owned(),
        Value::Table(rows) => cx.tf("tui-rows", &[("count", rows.len().into())]),
    }
}

pub(super) fn draw_editor(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(editor) = screen.editor() else {
        return;
    };
    if editor.wait_for.is_some() {
        draw_wait_prompt(frame, cx, editor, area);
        return;
    }
    if let Some((_, dated)) = &editor.dated {
        draw_date_prompt(frame, cx, editor, *dated, area);
        return;
    }
    let Some(field) = screen.procedure.field(&editor.field) else {
        return;
    };
    let column = editor
        .cell
        .and_then(|cell| field.columns.get(cell.column).map(|c| (cell, c)));
    let rows = if editor.multiline { 6 } else { 1 };
    let label = match column {
        Some((cell, column)) => cx.tf(
            "tui-cell",
            &[
                ("row", (cell.row + 1).into()),
                ("column", column.label.clone().into()),
            ],
        ),
        None => field.label.clone().unwrap_or_else(|| editor.field.clone()),
    };
    let keys = if editor.multiline {
        KeyMode::MultilineEditor
    } else {
        KeyMode::Editor
    };
    // A label the frame's title cuts is given whole inside, above the input.
    let room = usize::from(area.width).saturating_sub(4);
    let whole: Vec<String> = if unicode_width::UnicodeWidthStr::width(label.as_str()) > room {
        wrap_words(&safe(&label), usize::from(area.width).saturating_sub(2))
    } else {
        Vec::new()
    };
    let whole_height = whole.len().min(4) as u16;
    let rect = bottom_box(frame, area, rows + 4 + whole_height);
    cx.shadow(rect);
    let title = fit(&safe(&label), room);
    let block = cx.popup_block(&title, keys);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [label_area, input_area, message_area] = Layout::vertical([
        Constraint::Length(whole_height),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    let whole: Vec<Line> = whole
        .into_iter()
        .map(|part| Line::from(part).style(cx.theme.dim()))
        .collect();
    frame.render_widget(Paragraph::new(whole), label_area);
    frame.render_widget(&editor.input, input_area);
    // Checked as the officer types.
    let text = editor.text();
    let placeholder = match column {
        Some((_, column)) => column.placeholder.as_deref(),
        None => field.placeholder.as_deref(),
    };
    let message = if text.trim().is_empty() {
        placeholder.map(|p| Line::from(safe(p).into_owned()).style(cx.theme.dim()))
    } else {
        let value = Value::Text(text);
        let checked = match column {
            Some((_, column)) => validate_cell(column, Some(&value)),
            None => validate_value(field, &value),
        };
        Some(match checked {
            Ok(()) => Line::from(format!("✓ {}", cx.t("tui-value-ok"))).style(cx.theme.done()),
            Err(problem) => {
                Line::from(format!("✖ {}", safe(&problem.text(cx.lang())))).style(cx.theme.alert())
            }
        })
    };
    if let Some(message) = message {
        frame.render_widget(
            Paragraph::new(message).wrap(Wrap { trim: true }),
            message_area,
        );
    }
}

/// On which day a step was begun, done, began waiting or was passed over: today's date to begin
/// with, selected; a day after today said to be refused before Enter is pressed, and any day
/// the engine refused on Enter said so until the text changes.
fn draw_date_prompt(
    frame: &mut Frame,
    cx: &Ctx,
    editor: &crate::tui::app::Editor,
    dated: crate::tui::app::Dated,
    area: Rect,
) {
    use crate::tui::app::Dated;
    let (text, alert) = match crate::validate::parse_date(&editor.text()) {
        // What the engine said of this day when Enter was pressed, until the text changes.
        _ if editor.refused.is_some() => {
            let text = editor.refused.as_ref().map(|m| m.text(cx.lang()));
            (format!("✖ {}", text.unwrap_or_default()), true)
        }
        Ok(date) if date > cx.app.today => {
            let text = cx.tf(
                "tui-date-future",
                &[("date", date.strftime("%d.%m.%Y").to_string().into())],
            );
            (format!("✖ {text}"), true)
        }
        Ok(date) => (format!("✓ {}", date.strftime("%d.%m.%Y")), false),
        Err(problem) => (format!("✖ {}", problem.text(cx.lang())), true),
    };
    // The box grows to say the whole message (two lines at least, as it always had).
    let message = wrap_words(&safe(&text), usize::from(area.width).saturating_sub(2));
    let rows = message.len().clamp(2, 6) as u16;
    let rect = bottom_box(frame, area, rows + 3);
    cx.shadow(rect);
    let title = match dated {
        Dated::Start => cx.t("tui-date-start"),
        Dated::Complete => cx.t("tui-date-complete"),
        Dated::Wait => cx.t("tui-date-wait"),
        Dated::PassOver => cx.t("tui-date-pass-over"),
    };
    let title = fit(&title, usize::from(area.width).saturating_sub(4));
    let block = cx.popup_block(&title, KeyMode::DatePrompt);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [input_area, message_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(&editor.input, input_area);
    let style = if alert {
        cx.theme.alert()
    } else {
        cx.theme.done()
    };
    let lines: Vec<Line> = message
        .into_iter()
        .map(|part| Line::from(part).style(style))
        .collect();
    frame.render_widget(Paragraph::new(lines), message_area);
}

/// Until when a step waits, when its procedure sets no deadline.
fn draw_wait_prompt(frame: &mut Frame, cx: &Ctx, editor: &crate::tui::app::Editor, area: Rect) {
    let rect = bottom_box(frame, area, 5);
    cx.shadow(rect);
    let title = fit(
        &cx.t("tui-wait-until"),
        usize::from(area.width).saturating_sub(4),
    );
    let block = cx.popup_block(&title, KeyMode::WaitPrompt);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [input_area, message_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(&editor.input, input_area);
    let text = editor.text();
    let message = if text.trim().is_empty() {
        Line::from(cx.t("tui-wait-no-date")).style(cx.theme.dim())
    } else {
        match crate::validate::date(&text) {
            Ok(date) => match crate::validate::parse_date(&text) {
                // A day already passed is said before it is kept.
                Ok(day) if day < cx.app.today => Line::from(format!(
                    "! {}",
                    cx.tf("tui-wait-past", &[("date", date.into())])
                ))
                .style(cx.theme.alert()),
                _ => Line::from(format!("✓ {date}")).style(cx.theme.done()),
            },
            Err(problem) => {
                Line::from(format!("✖ {}", safe(&problem.text(cx.lang())))).style(cx.theme.alert())
            }
        }
    };
    frame.render_widget(
        Paragraph::new(message).wrap(Wrap { trim: true }),
        message_area,
    );
}

pub(super) fn draw_options(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(popup) = screen.options() else {
        return;
    };
    let Some(field) = screen.procedure.field(&popup.field) else {
        return;
    };
    let (label, options) = match popup.cell.and_then(|cell| field.columns.get(cell.column)) {
        Some(column) => (column.label.as_str(), &column.options),
        None => (
            field.label.as_deref().unwrap_or(&popup.field),
            &field.options,
        ),
    };
    let rect = bottom_box(frame, area, options.len() as u16 + 2);
    cx.shadow(rect);
    let block = cx.popup_block(&safe(label), KeyMode::Options);
    let inner = block.inner(rect);
    let width = usize::from(inner.width);
    // A list longer than the box scrolls, the option under the cursor always in view.
    let first = popup
        .cursor
        .saturating_sub(usize::from(inner.height).saturating_sub(1));
    let lines: Vec<Line> = options
        .iter()
        .zip(&popup.chosen)
        .enumerate()
        .skip(first)
        .map(|(i, (option, on))| {
            cx.hit(row(inner, i - first), Target::Option(i));
            let mark = match (popup.multi, on) {
                (true, true) => "[x]",
                (true, false) => "[ ]",
                (false, true) => "(•)",
                (false, false) => "( )",
            };
            let line = Line::from(fit(&format!("{mark} {}", safe(option)), width));
            cx.highlight(line, i == popup.cursor)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// A table field, open over the run screen: the rows as a grid with the selected cell, and the
/// selected row in full below it, each cell with what is wrong with it. Returns the area the
/// cell editor and option lists open in: over the grid, so that the row stays in view.
pub(super) fn draw_table(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) -> Rect {
    use ratatui::widgets::{Row, Table, TableState};
    let Some(table) = &screen.table else {
        return area;
    };
    let Some(field) = screen.procedure.field(&table.field) else {
        return area;
    };
    let rows = table_rows(&screen.run, &table.field);
    let columns = &field.columns;
    let cell = table.cell;
    let label = field.label.as_deref().unwrap_or(&table.field);
    let rect = centered_box(frame, area, area.width, area.height);
    let title = format!(
        "{} — {}",
        safe(label),
        cx.tf("tui-rows", &[("count", rows.len().into())])
    );
    let block = cx.popup_block(&title, KeyMode::Table);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    cx.shadow(rect);
    let card_height = (columns.len() as u16 + 4).min(inner.height / 2);
    let [grid_area, card_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(card_height)]).areas(inner);

    // The grid: a number column, then every column sharing the rest.
    let number_width = 4;
    let spacing = 1;
    let n = columns.len().max(1);
    let cell_width = usize::from(grid_area.width)
        .saturating_sub(number_width + spacing * n)
        .checked_div(n)
        .unwrap_or(0)
        .max(1);
    let header = Row::new(
        std::iter::once("#".to_owned()).chain(columns.iter().map(|c| {
            let star = if c.required { "*" } else { "" };
            fit(&format!("{}{star}", safe(&c.label)), cell_width)
        })),
    )
    .style(cx.theme.title());
    let grid_rows: Vec<Row> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let bad = columns
                .iter()
                .any(|c| validate_cell(c, row.get(&c.id)).is_err());
            let number = if bad {
                format!("{}✖", i + 1)
            } else {
                format!("{}", i + 1)
            };
            let cells = columns.iter().map(|c| {
                let value = row.get(&c.id);
                let text = value.map_or(String::new(), |v| show_value(cx, v));
                let text = ratatui::widgets::Cell::from(fit(&text, cell_width));
                if validate_cell(c, value).is_err() && value.is_some_and(Value::is_filled) {
                    text.style(cx.theme.alert())
                } else {
                    text
                }
            });
            Row::new(std::iter::once(ratatui::widgets::Cell::from(number)).chain(cells))
        })
        .collect();
    let widths = std::iter::once(Constraint::Length(number_width as u16))
        .chain(columns.iter().map(|_| Constraint::Fill(1)));
    let grid = Table::new(grid_rows, widths)
        .header(header)
        .column_spacing(spacing as u16)
        .cell_highlight_style(cx.theme.selected());
    let mut state = TableState::new().with_selected_cell((cell.row, cell.column + 1));
    frame.render_stateful_widget(grid, grid_area, &mut state);
    // Below the header, the rows from the one the grid scrolled to.
    let visible = usize::from(grid_area.height).saturating_sub(1);
    for (line, index) in (state.offset()..rows.len()).enumerate().take(visible) {
        cx.hit(row(grid_area, 1 + line), Target::Row(index));
    }
    if rows.is_empty() {
        let [_, hint] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(grid_area);
        frame.render_widget(
            Paragraph::new(cx.t("tui-table-empty")).style(cx.theme.dim()),
            hint,
        );
    }

    // The selected row in full.
    let width = usize::from(card_area.width);
    let mut lines = Vec::new();
    if let Some(row) = rows.get(cell.row) {
        lines.push(
            Line::from(fit(
                &cx.tf(
                    "tui-row-of",
                    &[("row", (cell.row + 1).into()), ("count", rows.len().into())],
                ),
                width,
            ))
            .style(cx.theme.title()),
        );
        for (i, column) in columns.iter().enumerate() {
            let value = row.get(&column.id);
            let chosen = i == cell.column;
            let star = if column.required { "*" } else { "" };
            let shown = value.map_or(String::new(), |v| show_value(cx, v));
            let problem = validate_cell(column, value).err();
            let marker = if chosen { "▸" } else { " " };
            let bad = if problem.is_some() { " ✖" } else { "" };
            let line = Line::from(fit(
                &format!("{marker} {}{star}:{bad} {shown}", safe(&column.label)),
                width,
            ));
            lines.push(if chosen {
                line.style(cx.theme.selected())
            } else if problem.is_some() {
                line.style(cx.theme.alert())
            } else {
                line
            });
            // What is wrong with the selected cell, in full.
            if let Some(problem) = problem.filter(|_| chosen) {
                let text = format!("✖ {}", safe(&problem.text(cx.lang())));
                for part in wrap_words(&text, width.saturating_sub(4)) {
                    lines.push(Line::from(format!("    {part}")).style(cx.theme.alert()));
                }
            }
        }
        if let Some(help) = columns.get(cell.column).and_then(|c| c.help.as_deref()) {
            lines.push(Line::from(fit(&safe(help), width)).style(cx.theme.dim()));
        }
    }
    frame.render_widget(Paragraph::new(lines), card_area);
    grid_area
}
