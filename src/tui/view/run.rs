//! The run screen: the steps by section with their marks, a progress gauge, and the selected
//! step's detail; the variant picker over it when open.

use crate::calendar::ProductionCalendar;
use crate::run::schedule::deadline_words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Wrap};

use super::form::{draw_editor, draw_options, draw_table, form_lines};
use super::popups::{draw_attach, draw_copy, draw_picker};
use super::{Ctx, bordered, fit, put_fit, row, safe};
use crate::run::view::{Status, status, status_given, status_msg};
use crate::tui::action::Target;
use crate::tui::app::{Focus, RunScreen, SaveState, markdown};

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
        // The reason can be long; it has its own wrapped line above the footer.
        SaveState::Failed(_) => cx.t("tui-save-failed"),
    };
    let saved_style = match screen.saved {
        SaveState::Saved(_) => cx.theme.dim(),
        SaveState::Failed(_) => cx.theme.alert(),
    };
    let saved = format!(" {saved}");
    let saved_width = unicode_width::UnicodeWidthStr::width(saved.as_str()) as u16;
    let [title_area, saved_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(saved_width)]).areas(header);
    // A run read from the archive says so where the label is, never cut off.
    let archived = match screen.run.archived {
        Some(_) => cx.t("runs-archived"),
        None => String::new(),
    };
    let title = format!(
        "{}{archived} — {}",
        safe(&screen.run.label),
        safe(p.title())
    );
    // A newer edition available and not taken: said before the title, with its key.
    let hint = (screen.newer.as_ref()).map(|newer| {
        let hint = cx.tf(
            "tui-edition-hint",
            &[("version", safe(newer.version()).into_owned().into())],
        );
        format!("{} ", fit(&hint, usize::from(title_area.width) / 2))
    });
    let hint_width = hint
        .as_deref()
        .map_or(0, unicode_width::UnicodeWidthStr::width);
    let title = fit(
        &title,
        usize::from(title_area.width).saturating_sub(hint_width),
    );
    let spans: Vec<Span> = (hint.map(|h| Span::styled(h, cx.theme.alert())).into_iter())
        .chain([Span::styled(title, cx.theme.title())])
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), title_area);
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
    if screen.picker().is_some() {
        draw_picker(frame, cx, screen, main);
    }
    super::material::draw(frame, cx, screen, main);
    super::journal::draw(frame, cx, screen, main);
    super::edition::draw(frame, cx, screen, main);
    draw_attach(frame, cx, screen, main);
}

/// The mark of a step's status: a symbol that says it without colour. A step passed over as
/// not needed is not marked as done, and a wait past its due day is marked as such.
pub fn mark(status: &Status, passed_over: bool, today: jiff::civil::Date) -> &'static str {
    match status {
        Status::Done if passed_over => "↷",
        Status::Done => "✓",
        Status::Skipped => "–",
        Status::Undecided => "?",
        Status::Blocked { .. } => "⊘",
        Status::InProgress => "▶",
        Status::Waiting { due: Some(due) } if *due < today => "!",
        Status::Waiting { .. } => "⧗",
        Status::Ready => "○",
    }
}

/// The mark of a step in the list: a control event has its own, reached (◆) or not yet (◇).
fn step_mark(
    step: &crate::procedure::Step,
    status: &Status,
    passed_over: bool,
    today: jiff::civil::Date,
) -> &'static str {
    match status {
        _ if step.kind != crate::procedure::model::StepKind::Milestone => {
            mark(status, passed_over, today)
        }
        Status::Done => "◆",
        Status::Blocked { .. } | Status::Ready => "◇",
        _ => mark(status, passed_over, today),
    }
}

/// Every mark of the list of steps with its message, in the order the legend lists them.
pub const MARKS: [(&str, &str); 11] = [
    ("○", "tui-mark-ready"),
    ("▶", "tui-mark-in-progress"),
    ("⧗", "tui-mark-waiting"),
    ("!", "tui-mark-overdue"),
    ("✓", "tui-mark-done"),
    ("↷", "tui-mark-passed-over"),
    ("–", "tui-mark-skipped"),
    ("?", "tui-mark-undecided"),
    ("⊘", "tui-mark-blocked"),
    ("◆", "tui-mark-reached"),
    ("◇", "tui-mark-milestone"),
];

/// Whether the step with this id was marked as not needed.
fn passed_over(run: &crate::run::Run, id: &str) -> bool {
    matches!(
        run.steps.get(id),
        Some(crate::run::StepState::Done {
            passed_over: true,
            ..
        })
    )
}

/// The position of the first step the list shows in `height` rows: the selected step about
/// the middle, and always on screen, however many section headings come between.
fn first_step_shown(screen: &RunScreen, height: usize) -> usize {
    let p = &screen.procedure;
    let section = |position: usize| {
        screen
            .order
            .get(position)
            .map(|&i| p.steps()[i].section.as_str())
    };
    // A heading goes above every step that begins its section.
    let heading = |position: usize| section(position) != position.checked_sub(1).and_then(section);
    let rows = |first: usize, last: usize| {
        (first..=last)
            .map(|i| 1 + usize::from(heading(i)))
            .sum::<usize>()
    };
    let selected = screen.selected.min(screen.order.len().saturating_sub(1));
    let mut first = selected
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(screen.order.len().saturating_sub(height.saturating_sub(2)));
    while first < selected && rows(first, selected) > height {
        first += 1;
    }
    first
}

fn draw_steps(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    use std::fmt::Write as _;
    let p = &screen.procedure;
    let inner = bordered(frame, area, &format!(" {} ", cx.t("tui-steps")));
    let height = usize::from(inner.height);
    // Only the rows on screen are worked out: a status costs a look at the step's blockers.
    let first = first_step_shown(screen, height);
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
            step_mark(
                step,
                &status,
                passed_over(&screen.run, &step.id),
                cx.app.today
            ),
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
    let date = |date: jiff::civil::Date| date.strftime("%d.%m.%Y").to_string();
    let words = status_msg(
        p,
        &screen.run,
        index,
        &status,
        &cx.app.tz,
        cx.app.today,
        date,
    )
    .text(cx.lang());
    lines.push(Line::from(vec![
        Span::raw(format!(
            "{} ",
            step_mark(
                step,
                &status,
                passed_over(&screen.run, &step.id),
                cx.app.today
            )
        )),
        Span::styled(words, cx.theme.active()),
    ]));
    if let Status::Blocked {
        reason: Some(reason),
        ..
    } = &status
    {
        lines.push(Line::from(format!("⊘ {}", safe(reason))).style(cx.theme.alert()));
    }
    let own = super::material::own_material(screen);
    if own > 0 {
        lines.push(Line::from(cx.t("tui-material-hint")).style(cx.theme.dim()));
    }
    // A letter that needs a file from the officer says so here, in view, with the key.
    let files = crate::run::journal::added_files(p, &step.id).count();
    if files > 0 {
        let missing = (1..=files)
            .filter(|n| {
                let key = crate::run::state::attachment_key(&step.id, *n);
                !screen.run.attachments.contains_key(&key)
            })
            .count();
        let (id, style) = match missing {
            0 => ("tui-attach-hint", cx.theme.dim()),
            _ => ("tui-attach-hint-missing", cx.theme.alert()),
        };
        lines.push(Line::from(cx.t(id)).style(style));
    }
    let (form, field_lines) = form_lines(cx, screen, usize::from(inner.width));
    if screen.focus == Focus::Form {
        // Filling in: the fields only, scrolled so that the selected one is in view.
        lines[0] =
            Line::from(fit(&safe(&step.title), usize::from(inner.width))).style(cx.theme.title());
        let room = usize::from(inner.height).saturating_sub(lines.len());
        let selected = field_lines.get(screen.field).copied().unwrap_or(0);
        let end = field_lines
            .get(screen.field + 1)
            .copied()
            .unwrap_or(form.len());
        // The whole field in view, its value under a long label too; its label first of all.
        let first = selected
            .saturating_sub(room.saturating_sub(2))
            .min(form.len().saturating_sub(room))
            .max(end.saturating_sub(room))
            .min(selected);
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
    if let Some((question, answer)) = crate::run::view::decision(p, &screen.run, index) {
        let args = [
            ("choice", safe(question).into_owned().into()),
            (
                "option",
                answer
                    .map(|a| safe(a).into_owned())
                    .unwrap_or_default()
                    .into(),
            ),
        ];
        let id = if answer.is_some() {
            "tui-decided"
        } else {
            "tui-decide"
        };
        lines.push(Line::from(cx.tf(id, &args)));
    }
    let date = |date: jiff::civil::Date| date.strftime("%d.%m.%Y").to_string();
    if let Some(deadline) =
        deadline_words(p, &screen.run, index, &ProductionCalendar, &cx.app.tz, date)
    {
        let text = deadline.text(cx.lang());
        lines.push(Line::from(cx.tf(
            "tui-deadline",
            &[("deadline", safe(&text).into_owned().into())],
        )));
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
    // What the officer adds to the letters (`a` gives a file), numbered across the step as
    // `poryadok attach` takes.
    let mut added = 0;
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
        // What goes with it, and its text with the officer's values in it, as exported.
        if !letter.attach.is_empty() {
            let files: Vec<String> = (letter.attach.iter())
                .map(|id| p.form(id).map_or(id.as_str(), |f| f.title.as_str()))
                .map(|title| format!("«{}»", safe(title)))
                .collect();
            lines.push(Line::from(
                cx.tf("tui-letter-attach", &[("files", files.join(", ").into())]),
            ));
        }
        for what in &letter.attach_files {
            added += 1;
            let key = crate::run::state::attachment_key(&step.id, added);
            let what = safe(what).into_owned();
            lines.push(Line::from(match screen.run.attachments.get(&key) {
                Some(file) => cx.tf(
                    "tui-letter-added-file",
                    &[
                        ("what", what.into()),
                        ("name", safe(&file.name).into_owned().into()),
                    ],
                ),
                None => cx.tf("tui-letter-added-missing", &[("what", what.into())]),
            }));
        }
        if let Some(body) = &letter.body {
            let options = crate::export::model::Options {
                lang: cx.lang(),
                include_secrets: false,
                tz: cx.app.tz.clone(),
                organisation: None,
                added_files: None,
                earlier: Vec::new(),
            };
            let text = crate::export::model::fill_in(p, &screen.run, body, &options);
            lines.push(Line::from(""));
            lines.extend(text.lines().map(|line| Line::from(safe(line).into_owned())));
        }
    }
    if let Some(body) = &step.body {
        lines.push(Line::from(""));
        match screen.bodies.get(index) {
            Some(rendered) => lines.extend(rendered.iter().map(borrowed)),
            None => lines.extend(markdown(body)),
        }
    }
    // The whole text, scrolled (by the keys when it has the focus, by the wheel always), with
    // a sign on the frame while more of it lies above or below.
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max = paragraph
        .line_count(inner.width)
        .saturating_sub(usize::from(inner.height));
    let offset = screen.scroll.min(max);
    cx.scrolls(max);
    frame.render_widget(paragraph.scroll((offset as u16, 0)), inner);
    more_signs(frame, cx, area, offset, max);
    if screen.table.is_none() {
        draw_editor(frame, cx, screen, inner);
        draw_options(frame, cx, screen, inner);
    }
    draw_copy(frame, cx, screen, inner);
}

/// «▲» on the top of a pane's frame while lines lie above, «▼ more below» on its bottom while
/// lines lie below.
fn more_signs(frame: &mut Frame, cx: &Ctx, area: Rect, offset: usize, max: usize) {
    use unicode_width::UnicodeWidthStr;
    if area.width < 8 || area.height < 2 {
        return;
    }
    let right = area.x + area.width - 1;
    let buf = frame.buffer_mut();
    if offset > 0 {
        let text = format!(" {} ", cx.t("tui-more-above"));
        let x = right.saturating_sub(text.width() as u16);
        put_fit(buf, x, area.y, &text, area.width - 2, cx.theme.active());
    }
    if offset < max {
        let text = format!(" {} ", cx.t("tui-more-below"));
        let x = right.saturating_sub(text.width() as u16).max(area.x + 1);
        let y = area.y + area.height - 1;
        put_fit(buf, x, y, &text, right - x, cx.theme.active());
    }
}

/// A line that borrows the text of another.
pub(super) fn borrowed<'a>(line: &'a Line<'_>) -> Line<'a> {
    let spans: Vec<Span<'a>> = line
        .spans
        .iter()
        .map(|span| Span::styled(span.content.as_ref(), span.style))
        .collect();
    Line::from(spans).style(line.style)
}
