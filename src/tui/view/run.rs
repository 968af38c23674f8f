//! The run screen: the steps by section with their marks, a progress gauge, and the selected
//! step's detail; the variant picker over it when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};

use super::{Ctx, bordered, bottom_box, centered_box, fit, put_fit, row, safe, wrap_words};
use crate::procedure::Field;
use crate::run::Value;
use crate::run::command::{field_def, validate_cell, validate_value};
use crate::run::schedule::choice_impact;
use crate::run::view::{Status, status, status_given, status_msg};
use crate::tui::action::Target;
use crate::tui::app::{
    Focus, RunScreen, SaveState, is_required, markdown, step_fields, table_rows,
};

pub fn draw(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let p = &screen.procedure;
    let [header, gauge_area, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    let saved = match &screen.saved {
        SaveState::Saved(at) => cx.tf(
            "tui-saved",
            &[(
                "time",
                at.to_zoned(cx.app.tz.clone())
                    .strftime("%H:%M:%S")
                    .to_string()
                    .into(),
            )],
        ),
        SaveState::Failed(error) => cx.tf(
            "tui-save-failed",
            &[("error", safe(error).into_owned().into())],
        ),
    };
    let saved_style = match screen.saved {
        SaveState::Saved(_) => cx.theme.dim(),
        SaveState::Failed(_) => cx.theme.alert(),
    };
    let saved = format!(" {saved}");
    let saved_width = unicode_width::UnicodeWidthStr::width(saved.as_str()) as u16;
    let [title_area, saved_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(saved_width)]).areas(header);
    let title = format!("{} — {}", safe(&screen.run.label), safe(p.title()));
    frame.render_widget(
        Paragraph::new(fit(&title, usize::from(title_area.width))).style(cx.theme.title()),
        title_area,
    );
    frame.render_widget(Paragraph::new(saved).style(saved_style), saved_area);

    let (done, all) = screen.progress;
    let ratio = if all == 0 {
        0.0
    } else {
        done as f64 / all as f64
    };
    frame.render_widget(
        Gauge::default()
            .ratio(ratio)
            .label(cx.tf(
                "tui-progress",
                &[("done", done.into()), ("all", all.into())],
            ))
            .gauge_style(cx.theme.done()),
        gauge_area,
    );

    let list_width = (main.width * 9 / 20).max(30);
    let [list_area, detail_area] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(20)]).areas(main);
    draw_steps(frame, cx, screen, list_area);
    draw_detail(frame, cx, screen, detail_area);
    if screen.table.is_some() {
        let inner = draw_table(frame, cx, screen, main);
        draw_editor(frame, cx, screen, inner);
        draw_options(frame, cx, screen, inner);
    }
    if screen.picker.is_some() {
        draw_picker(frame, cx, screen, main);
    }
}

/// The mark of a status: a symbol that says it without colour.
fn mark(status: &Status) -> &'static str {
    match status {
        Status::Done => "✓",
        Status::Skipped => "–",
        Status::Undecided => "?",
        Status::Blocked { .. } => "⊘",
        Status::InProgress => "▶",
        Status::Waiting { .. } => "⧗",
        Status::Ready => "○",
    }
}

fn draw_steps(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    use std::fmt::Write as _;
    let p = &screen.procedure;
    let inner = bordered(frame, area, &format!(" {} ", cx.t("tui-steps")));
    let height = usize::from(inner.height);
    // Only the rows on screen are worked out: a status costs a look at the step's blockers.
    let first = screen
        .selected
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(screen.order.len().saturating_sub(height.saturating_sub(2)));
    // The rows are written straight into the frame, one line each: the list is redrawn on
    // every keypress.
    let buf = frame.buffer_mut();
    let mut rows = 0;
    let mut section: Option<&str> = first
        .checked_sub(1)
        .and_then(|i| screen.order.get(i))
        .map(|i| p.steps()[*i].section.as_str());
    let mut text = String::new();
    for (position, &index) in screen.order.iter().enumerate().skip(first) {
        if rows >= height {
            break;
        }
        let step = &p.steps()[index];
        if section != Some(step.section.as_str()) {
            section = Some(step.section.as_str());
            let title = p.section(&step.section).map_or("", |s| s.title.as_str());
            let y = row(inner, rows).y;
            put_fit(buf, inner.x, y, &safe(title), inner.width, cx.theme.title());
            rows += 1;
            if rows >= height {
                break;
            }
        }
        let is_blocked = screen.blocked.get(index).copied().unwrap_or(false);
        let status = status_given(p, &screen.run, index, is_blocked);
        let style = match status {
            _ if position == screen.selected => cx.theme.selected(),
            Status::Done => cx.theme.done(),
            Status::Skipped | Status::Undecided => cx.theme.dim(),
            Status::Blocked { .. } => cx.theme.dim(),
            Status::Waiting { due: Some(due) } if due < cx.app.today => cx.theme.alert(),
            Status::Waiting { .. } => cx.theme.waiting(),
            Status::InProgress => cx.theme.active(),
            Status::Ready => ratatui::style::Style::new(),
        };
        text.clear();
        let _ = write!(
            text,
            " {} {}. {}",
            mark(&status),
            index + 1,
            safe(&step.title)
        );
        let line = row(inner, rows);
        cx.hit(line, Target::Step(position));
        put_fit(buf, line.x, line.y, &text, line.width, style);
        rows += 1;
    }
}

fn draw_detail(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let p = &screen.procedure;
    let index = screen.step();
    let step = &p.steps()[index];
    let inner = bordered(frame, area, &format!(" {}. ", index + 1));
    cx.hit(inner, Target::Detail);
    let mut lines: Vec<Line> =
        vec![Line::from(safe(&step.title).into_owned()).style(cx.theme.title())];
    // What holds the step up is looked up only when the flags worked out with the run say
    // something does (the two agree: see `run::view`).
    let status = if screen.blocked.get(index) == Some(&true) {
        status(p, &screen.run, index)
    } else {
        status_given(p, &screen.run, index, false)
    };
    let day = |at: jiff::Timestamp| {
        at.to_zoned(cx.app.tz.clone())
            .strftime("%d.%m.%Y")
            .to_string()
    };
    let date = |date: jiff::civil::Date| date.strftime("%d.%m.%Y").to_string();
    let words = status_msg(p, &screen.run, index, &status, day, date).text(cx.lang());
    lines.push(Line::from(vec![
        Span::raw(format!("{} ", mark(&status))),
        Span::styled(words, cx.theme.active()),
    ]));
    if let Status::Blocked {
        reason: Some(reason),
        ..
    } = &status
    {
        lines.push(Line::from(format!("⊘ {}", safe(reason))).style(cx.theme.alert()));
    }
    let (form, field_lines) = form_lines(cx, screen, usize::from(inner.width));
    if screen.focus == Focus::Form {
        // Filling in: the fields only, scrolled so that the selected one is in view.
        lines[0] =
            Line::from(fit(&safe(&step.title), usize::from(inner.width))).style(cx.theme.title());
        let room = usize::from(inner.height).saturating_sub(lines.len());
        let selected = field_lines.get(screen.field).copied().unwrap_or(0);
        let first = selected
            .saturating_sub(room.saturating_sub(2))
            .min(form.len().saturating_sub(room));
        for (field, &line) in field_lines.iter().enumerate() {
            if (first..first + room).contains(&line) {
                cx.hit(row(inner, lines.len() + line - first), Target::Field(field));
            }
        }
        lines.extend(form.into_iter().skip(first).take(room));
        frame.render_widget(Paragraph::new(lines), inner);
        if screen.table.is_none() {
            draw_editor(frame, cx, screen, inner);
            draw_options(frame, cx, screen, inner);
        }
        draw_copy(frame, cx, screen, inner);
        return;
    }
    lines.extend(form);
    if let Some(actor) = step
        .actor
        .as_deref()
        .and_then(|a| p.file().actors.iter().find(|x| x.id == a))
    {
        lines.push(Line::from(cx.tf(
            "tui-actor",
            &[("actor", safe(&actor.name).into_owned().into())],
        )));
    }
    if let Some(deadline) = &step.deadline {
        let text = match (deadline.working_days, deadline.calendar_days) {
            (Some(days), _) => cx.tf("tui-deadline-working", &[("count", days.into())]),
            (None, Some(days)) => cx.tf("tui-deadline-calendar", &[("count", days.into())]),
            (None, None) => String::new(),
        };
        lines.push(Line::from(text));
    }
    if !step.prepare.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(cx.t("tui-prepare")).style(cx.theme.title()));
        for item in &step.prepare {
            lines.push(Line::from(format!("• {}", safe(item))));
        }
    }
    for link in &step.links {
        lines.push(Line::from(format!(
            "↗ {}: {}",
            safe(&link.title),
            safe(&link.url)
        )));
    }
    for letter in &step.letters {
        lines.push(Line::from(""));
        let title = letter.title.as_deref().map(safe).unwrap_or_default();
        lines.push(Line::from(format!("✉ {title}")).style(cx.theme.title()));
        if !letter.to.is_empty() {
            lines.push(Line::from(cx.tf(
                "tui-letter-to",
                &[("to", safe(&letter.to.join(", ")).into_owned().into())],
            )));
        }
        if !letter.cc.is_empty() {
            lines.push(Line::from(cx.tf(
                "tui-letter-cc",
                &[("cc", safe(&letter.cc.join(", ")).into_owned().into())],
            )));
        }
        if let Some(subject) = &letter.subject {
            lines.push(Line::from(cx.tf(
                "tui-letter-subject",
                &[("subject", safe(subject).into_owned().into())],
            )));
        }
    }
    if let Some(body) = &step.body {
        lines.push(Line::from(""));
        match screen.bodies.get(index) {
            Some(rendered) => lines.extend(rendered.iter().map(borrowed)),
            None => lines.extend(markdown(body)),
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if screen.table.is_none() {
        draw_editor(frame, cx, screen, inner);
        draw_options(frame, cx, screen, inner);
    }
    draw_copy(frame, cx, screen, inner);
}

/// The step's addresses, subjects and links, to copy one or open a link.
fn draw_copy(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    use crate::tui::app::CopyKind;
    let Some(popup) = &screen.copy else { return };
    let rect = bottom_box(frame, area, popup.items.len() as u16 + 2);
    cx.shadow(rect);
    let block = Block::bordered()
        .title(format!(" {} ", cx.t("tui-copy-title")))
        .title_bottom(format!(" {} ", cx.t("tui-copy-keys")))
        .border_style(cx.theme.active());
    let inner = block.inner(rect);
    let width = usize::from(inner.width);
    let first = popup
        .cursor
        .saturating_sub(usize::from(inner.height).saturating_sub(1));
    let lines: Vec<Line> = popup
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
        .map(|(i, item)| {
            cx.hit(row(inner, i - first), Target::Option(i));
            let text = item.text.clone();
            let line = match item.kind {
                CopyKind::To => cx.tf("tui-letter-to", &[("to", text.into())]),
                CopyKind::Cc => cx.tf("tui-letter-cc", &[("cc", text.into())]),
                CopyKind::Subject => cx.tf("tui-letter-subject", &[("subject", text.into())]),
                CopyKind::Link => cx.tf("tui-link", &[("url", text.into())]),
            };
            let line = Line::from(fit(&line, width));
            cx.highlight(line, i == popup.cursor)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// The step's fields: label, a `*` when required, the value, and what is wrong with it.
/// Also returns the position of each field's line.
fn form_lines(cx: &Ctx, screen: &RunScreen, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let p = &screen.procedure;
    let index = screen.step();
    let fields = step_fields(p, &screen.run, index);
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
        let star = if is_required(p, &screen.run, field) {
            "*"
        } else {
            ""
        };
        let value = field
            .id
            .as_deref()
            .or(field.reuse.as_deref())
            .and_then(|id| screen.run.values.get(id));
        let shown = value.map_or(String::new(), |v| show(cx, field, v));
        let marker = if chosen { "▸" } else { " " };
        let line = Line::from(fit(
            &format!("{marker} {}{star}: {shown}", safe(label)),
            width,
        ));
        lines.push(cx.highlight(line, chosen));
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

/// A value as a field shows it.
fn show(cx: &Ctx, field: &Field, value: &Value) -> String {
    match value {
        _ if field.secret && value.is_filled() => "••••••".to_owned(),
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

fn draw_editor(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(editor) = &screen.editor else { return };
    if editor.wait_for.is_some() {
        draw_wait_prompt(frame, cx, editor, area);
        return;
    }
    let Some(field) = field_def(&screen.procedure, &editor.field) else {
        return;
    };
    let column = editor
        .cell
        .and_then(|cell| field.columns.get(cell.column).map(|c| (cell, c)));
    let rows = if editor.multiline { 6 } else { 1 };
    let rect = bottom_box(frame, area, rows + 4);
    cx.shadow(rect);
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
        cx.t("tui-editor-keys-multiline")
    } else {
        cx.t("tui-editor-keys")
    };
    let block = Block::bordered()
        .title(format!(
            " {} ",
            fit(&safe(&label), usize::from(area.width).saturating_sub(4))
        ))
        .title_bottom(format!(" {keys} "))
        .border_style(cx.theme.active());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [input_area, message_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(inner);
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

/// Until when a step waits, when its procedure sets no deadline.
fn draw_wait_prompt(frame: &mut Frame, cx: &Ctx, editor: &crate::tui::app::Editor, area: Rect) {
    let rect = bottom_box(frame, area, 5);
    cx.shadow(rect);
    let block = Block::bordered()
        .title(format!(
            " {} ",
            fit(
                &cx.t("tui-wait-until"),
                usize::from(area.width).saturating_sub(4)
            )
        ))
        .title_bottom(format!(" {} ", cx.t("tui-wait-keys")))
        .border_style(cx.theme.active());
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
            Ok(date) => Line::from(format!("✓ {date}")).style(cx.theme.done()),
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

fn draw_options(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(popup) = &screen.options else { return };
    let Some(field) = field_def(&screen.procedure, &popup.field) else {
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
    let keys = if popup.multi {
        cx.t("tui-options-keys-multi")
    } else {
        cx.t("tui-options-keys")
    };
    let block = Block::bordered()
        .title(format!(" {} ", safe(label)))
        .title_bottom(format!(" {keys} "))
        .border_style(cx.theme.active());
    let width = usize::from(block.inner(rect).width);
    let inner = block.inner(rect);
    let lines: Vec<Line> = options
        .iter()
        .zip(&popup.chosen)
        .enumerate()
        .map(|(i, (option, on))| {
            cx.hit(row(inner, i), Target::Option(i));
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

/// A line that borrows the text of another.
fn borrowed<'a>(line: &'a Line<'_>) -> Line<'a> {
    let spans: Vec<Span<'a>> = line
        .spans
        .iter()
        .map(|span| Span::styled(span.content.as_ref(), span.style))
        .collect();
    Line::from(spans).style(line.style)
}

fn draw_picker(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(picker) = &screen.picker else { return };
    let p = &screen.procedure;
    let choice = &p.file().choices[picker.choice];
    // What the option under the cursor would change, before it is chosen.
    let option = &choice.options[picker.option];
    let impact = choice_impact(p, &screen.run, &choice.id, &option.id);
    let changed = impact.applies.len() + impact.skipped.len();
    let popup = centered_box(
        frame,
        area,
        area.width.saturating_sub(8).min(76),
        (choice.options.len() + 6 + changed) as u16,
    );
    let block = Block::bordered()
        .title(format!(" {} ", safe(&choice.title)))
        .border_style(cx.theme.title());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    cx.shadow(popup);
    let inner_width = usize::from(inner.width);
    let chosen = screen.run.choices.get(&choice.id);
    let mut lines: Vec<Line> = choice
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            cx.hit(row(inner, i), Target::Option(i));
            let mark = if chosen == Some(&option.id) {
                "●"
            } else {
                "○"
            };
            let line = Line::from(fit(&format!("{mark} {}", safe(&option.title)), inner_width));
            cx.highlight(line, i == picker.option)
        })
        .collect();
    lines.push(Line::from(""));
    let summary = cx.tf(
        "tui-choice-impact",
        &[
            ("applies", impact.applies.len().into()),
            ("skipped", impact.skipped.len().into()),
        ],
    );
    for part in wrap_words(&summary, inner_width) {
        lines.push(Line::from(part));
    }
    // The steps themselves: + for those that start to apply, − for those that stop; as many
    // as there is room for, and how many more.
    let room = usize::from(inner.height).saturating_sub(lines.len());
    let steps: Vec<(&str, usize)> = impact
        .applies
        .iter()
        .map(|i| ("+", *i))
        .chain(impact.skipped.iter().map(|i| ("−", *i)))
        .collect();
    let shown = if steps.len() > room {
        room.saturating_sub(1)
    } else {
        steps.len()
    };
    for (sign, index) in &steps[..shown] {
        let title = safe(&p.steps()[*index].title);
        let line = Line::from(fit(&format!("{sign} {}. {title}", index + 1), inner_width));
        lines.push(if *sign == "+" {
            line
        } else {
            line.style(cx.theme.dim())
        });
    }
    if shown < steps.len() {
        let more = cx.tf("tui-and-more", &[("count", (steps.len() - shown).into())]);
        lines.push(Line::from(fit(&format!("  {more}"), inner_width)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A table field, open over the run screen: the rows as a grid with the selected cell, and the
/// selected row in full below it, each cell with what is wrong with it. Returns the area the
/// cell editor and option lists open in: over the grid, so that the row stays in view.
fn draw_table(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) -> Rect {
    use ratatui::widgets::{Row, Table, TableState};
    let Some(table) = &screen.table else {
        return area;
    };
    let Some(field) = field_def(&screen.procedure, &table.field) else {
        return area;
    };
    let rows = table_rows(&screen.run, &table.field);
    let columns = &field.columns;
    let cell = table.cell;
    let label = field.label.as_deref().unwrap_or(&table.field);
    let rect = centered_box(frame, area, area.width, area.height);
    let block = Block::bordered()
        .title(format!(
            " {} — {} ",
            safe(label),
            cx.tf("tui-rows", &[("count", rows.len().into())])
        ))
        .title_bottom(format!(" {} ", cx.t("tui-table-keys")))
        .border_style(cx.theme.active());
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
