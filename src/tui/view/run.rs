//! The run screen: the steps by section with their marks, a progress gauge, and the selected
//! step's detail; the variant picker over it when open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Gauge, Paragraph, Wrap};

use super::{Ctx, fit, safe};
use crate::run::StepState;
use crate::run::schedule::choice_impact;
use crate::run::view::{Status, progress, status};
use crate::tui::app::{RunScreen, SaveState};

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

    let (done, all) = progress(p, &screen.run);
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
    let p = &screen.procedure;
    let block = Block::bordered().title(format!(" {} ", cx.t("tui-steps")));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    // Only the rows on screen are worked out: a status costs a look at the step's blockers.
    let first = screen
        .selected
        .saturating_sub(height.saturating_sub(1) / 2)
        .min(screen.order.len().saturating_sub(height.saturating_sub(2)));
    let mut lines = Vec::with_capacity(height);
    let mut section: Option<&str> = first
        .checked_sub(1)
        .and_then(|i| screen.order.get(i))
        .map(|i| p.steps()[*i].section.as_str());
    for (position, &index) in screen.order.iter().enumerate().skip(first) {
        if lines.len() >= height {
            break;
        }
        let step = &p.steps()[index];
        if section != Some(step.section.as_str()) {
            section = Some(step.section.as_str());
            let title = p.section(&step.section).map_or("", |s| s.title.as_str());
            lines.push(Line::from(fit(&safe(title), width)).style(cx.theme.title()));
            if lines.len() >= height {
                break;
            }
        }
        let status = status(p, &screen.run, index);
        let style = match status {
            Status::Done => cx.theme.done(),
            Status::Skipped | Status::Undecided => cx.theme.dim(),
            Status::Blocked { .. } => cx.theme.dim(),
            Status::Waiting { due: Some(due) } if due < cx.app.today => cx.theme.alert(),
            Status::Waiting { .. } => cx.theme.waiting(),
            Status::InProgress => cx.theme.active(),
            Status::Ready => ratatui::style::Style::new(),
        };
        let text = fit(
            &format!(" {} {}. {}", mark(&status), index + 1, safe(&step.title)),
            width,
        );
        let line = Line::from(text).style(style);
        lines.push(if position == screen.selected {
            line.style(cx.theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_detail(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let p = &screen.procedure;
    let index = screen.step();
    let step = &p.steps()[index];
    let block = Block::bordered().title(format!(" {}. ", index + 1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> =
        vec![Line::from(safe(&step.title).into_owned()).style(cx.theme.title())];
    let status = status(p, &screen.run, index);
    let date = |at: &jiff::Timestamp| {
        at.to_zoned(cx.app.tz.clone())
            .strftime("%d.%m.%Y")
            .to_string()
    };
    let words = match (&status, screen.run.steps.get(&step.id)) {
        (
            Status::Done,
            Some(StepState::Done {
                at,
                passed_over: true,
            }),
        ) => cx.tf("status-passed-over", &[("date", date(at).into())]),
        (Status::Done, Some(StepState::Done { at, .. })) => {
            cx.tf("status-done", &[("date", date(at).into())])
        }
        (Status::Done, _) => cx.t("status-done-undated"),
        (Status::Skipped, _) => cx.t("status-skipped"),
        (Status::Undecided, _) => cx.t("status-undecided"),
        (Status::Blocked { by, .. }, _) => {
            let first = by
                .first()
                .and_then(|id| p.step(id))
                .map_or(String::new(), |s| safe(&s.title).into_owned());
            cx.tf(
                "status-blocked",
                &[
                    ("by", first.into()),
                    ("more", by.len().saturating_sub(1).into()),
                ],
            )
        }
        (Status::InProgress, _) => cx.t("status-in-progress"),
        (Status::Waiting { due: Some(due) }, _) => cx.tf(
            "status-waiting-until",
            &[("date", due.strftime("%d.%m.%Y").to_string().into())],
        ),
        (Status::Waiting { due: None }, _) => cx.t("status-waiting"),
        (Status::Ready, _) => cx.t("status-ready"),
    };
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
        lines.extend(markdown(body));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// A Markdown body as styled lines (headings, lists, emphasis, links), made safe first.
fn markdown(body: &str) -> Vec<Line<'static>> {
    let clean = crate::text::sanitize(body);
    let text = tui_markdown::from_str(&clean);
    text.lines
        .into_iter()
        .map(|line| {
            let spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .map(|span| Span::styled(span.content.into_owned(), span.style))
                .collect();
            Line::from(spans).style(line.style)
        })
        .collect()
}

fn draw_picker(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(picker) = &screen.picker else { return };
    let p = &screen.procedure;
    let choice = &p.file().choices[picker.choice];
    let width = area.width.saturating_sub(8).min(76);
    let height = (choice.options.len() as u16 + 6).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(" {} ", safe(&choice.title)))
        .border_style(cx.theme.title());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let inner_width = usize::from(inner.width);
    let chosen = screen.run.choices.get(&choice.id);
    let mut lines: Vec<Line> = choice
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let mark = if chosen == Some(&option.id) {
                "●"
            } else {
                "○"
            };
            let line = Line::from(fit(&format!("{mark} {}", safe(&option.title)), inner_width));
            if i == picker.option {
                line.style(cx.theme.selected())
            } else {
                line
            }
        })
        .collect();
    // What this option would change, before it is chosen.
    let option = &choice.options[picker.option];
    let impact = choice_impact(p, &screen.run, &choice.id, &option.id);
    lines.push(Line::from(""));
    lines.push(Line::from(cx.tf(
        "tui-choice-impact",
        &[
            ("applies", impact.applies.len().into()),
            ("skipped", impact.skipped.len().into()),
        ],
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
