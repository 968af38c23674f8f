//! The popups over the run screen: the variant picker, with the steps a choice would change,
//! and the list of addresses, subjects and links to copy or open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::{Ctx, bottom_box, centered_box, fit, row, safe, wrap_words};
use crate::run::schedule::choice_impact;
use crate::tui::action::Target;
use crate::tui::app::RunScreen;
use crate::tui::keys::KeyMode;

/// The step's addresses, subjects and links, to copy one or open a link.
pub(super) fn draw_copy(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    use crate::tui::app::CopyKind;
    let Some(popup) = screen.copy() else { return };
    let rect = bottom_box(frame, area, popup.items.len() as u16 + 2);
    cx.shadow(rect);
    let block = cx.popup_block(&cx.t("tui-copy-title"), KeyMode::Copy);
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

pub(super) fn draw_picker(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(picker) = screen.picker() else {
        return;
    };
    let p = &screen.procedure;
    let choice = &p.file().choices[picker.choice];
    // What the option under the cursor would change, before it is chosen.
    let option = &choice.options[picker.option];
    let impact = choice_impact(p, &screen.run, &choice.id, &option.id);
    let changed = impact.applies.len() + impact.skipped.len() + impact.incomplete.len();
    let width = area.width.saturating_sub(8).min(76);
    let inner_width = usize::from(width.saturating_sub(2));
    // What the choice and the option under the cursor are, as the procedure explains them.
    let mut help: Vec<Line> = Vec::new();
    // The option's whole title, when its line cuts it.
    let title = safe(&option.title);
    if unicode_width::UnicodeWidthStr::width(title.as_ref()) + 2 > inner_width {
        for part in wrap_words(&title, inner_width) {
            help.push(Line::from(part).style(cx.theme.title()));
        }
    }
    for (text, style) in [
        (choice.help.as_deref(), cx.theme.dim()),
        (option.help.as_deref(), ratatui::style::Style::new()),
    ] {
        for paragraph in text.into_iter().flat_map(str::lines) {
            for part in wrap_words(&safe(paragraph), inner_width) {
                help.push(Line::from(part).style(style));
            }
        }
    }
    let popup = centered_box(
        frame,
        area,
        width,
        (choice.options.len() + 6 + help.len() + usize::from(!help.is_empty()) + changed) as u16,
    );
    let block = Block::bordered()
        .title(format!(" {} ", safe(&choice.title)))
        .border_style(cx.theme.title());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    cx.shadow(popup);
    let chosen = screen.run.choices.get(&choice.id);
    // The options, scrolled so that the one under the cursor is in view.
    let first = picker
        .option
        .saturating_sub(usize::from(inner.height).saturating_sub(1));
    let mut lines: Vec<Line> = choice
        .options
        .iter()
        .enumerate()
        .skip(first)
        .map(|(i, option)| {
            cx.hit(row(inner, i - first), Target::Option(i));
            let mark = if chosen == Some(&option.id) {
                "●"
            } else {
                "○"
            };
            let line = Line::from(fit(&format!("{mark} {}", safe(&option.title)), inner_width));
            cx.highlight(line, i == picker.option)
        })
        .collect();
    if !help.is_empty() {
        lines.push(Line::from(""));
        lines.extend(help);
    }
    lines.push(Line::from(""));
    // The option already chosen changes nothing: it is said to be the current one.
    let current = chosen == Some(&option.id);
    let summary = if current {
        cx.t("tui-choice-current")
    } else {
        cx.tf(
            "tui-choice-impact",
            &[
                ("applies", impact.applies.len().into()),
                ("skipped", impact.skipped.len().into()),
            ],
        )
    };
    for part in wrap_words(&summary, inner_width) {
        lines.push(Line::from(part));
    }
    // The steps themselves: + for those that start to apply, − for those that stop; as many
    // as there is room for, and how many more.
    let room = usize::from(inner.height).saturating_sub(lines.len());
    // Done work the change sets aside, and done steps it leaves incomplete, come first: they
    // are what the officer must not miss.
    let mut steps: Vec<(&str, usize)> = Vec::new();
    steps.extend(impact.done_skipped.iter().map(|i| ("✗", *i)));
    steps.extend(impact.incomplete.iter().map(|(i, _)| ("!", *i)));
    steps.extend(impact.applies.iter().map(|i| ("+", *i)));
    steps.extend(
        (impact.skipped.iter())
            .filter(|i| !impact.done_skipped.contains(i))
            .map(|i| ("−", *i)),
    );
    let shown = if steps.len() > room {
        room.saturating_sub(1)
    } else {
        steps.len()
    };
    for (sign, index) in &steps[..shown] {
        let title = safe(&p.steps()[*index].title);
        let text = match *sign {
            "✗" => cx.tf(
                "tui-impact-done-skipped",
                &[
                    ("number", (index + 1).into()),
                    ("title", title.into_owned().into()),
                ],
            ),
            "!" => {
                let fields = (impact.incomplete.iter())
                    .find(|(i, _)| i == index)
                    .map(|(_, fields)| {
                        (fields.iter())
                            .map(|id| {
                                p.field(id)
                                    .and_then(|f| f.label.as_deref())
                                    .map_or_else(|| id.clone(), |l| safe(l).into_owned())
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                cx.tf(
                    "tui-impact-incomplete",
                    &[
                        ("number", (index + 1).into()),
                        ("title", title.into_owned().into()),
                        ("fields", fields.into()),
                    ],
                )
            }
            _ => format!("{sign} {}. {title}", index + 1),
        };
        let line = Line::from(fit(&text, inner_width));
        lines.push(match *sign {
            "+" => line,
            "✗" | "!" => line.style(cx.theme.alert()),
            _ => line.style(cx.theme.dim()),
        });
    }
    if shown < steps.len() {
        let more = cx.tf("tui-and-more", &[("count", (steps.len() - shown).into())]);
        lines.push(Line::from(fit(&format!("  {more}"), inner_width)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The files the officer adds to the selected step's letters, each with the file it has; over
/// it, when one is being given, its file's path being typed with what was wrong with the last.
pub(super) fn draw_attach(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    use crate::run::journal::added_files_by_letter;
    let Some(popup) = screen.attach() else { return };
    let width = usize::from(area.width.saturating_sub(2));
    let added: Vec<_> = added_files_by_letter(&screen.procedure, &popup.step).collect();
    let letter_of = |letter: &crate::procedure::model::Letter, what: &str| {
        safe(letter.title.as_deref().unwrap_or(what)).into_owned()
    };
    if let Some(path) = &popup.path {
        let Some((letter, what)) = added.get(popup.cursor) else {
            return;
        };
        let (message, style) = match &path.error {
            Some(error) => (
                format!("✖ {}", safe(&error.text(cx.lang()))),
                cx.theme.alert(),
            ),
            None => (cx.t("tui-attach-path-hint"), cx.theme.dim()),
        };
        let message: Vec<Line> = wrap_words(&message, width)
            .into_iter()
            .take(6)
            .map(|part| Line::from(part).style(style))
            .collect();
        let into = cx.tf(
            "tui-attach-into",
            &[("letter", letter_of(letter, what).into())],
        );
        let rect = bottom_box(frame, area, message.len() as u16 + 5);
        cx.shadow(rect);
        let title = fit(
            &cx.tf(
                "tui-attach-path-title",
                &[("what", safe(what).into_owned().into())],
            ),
            width.saturating_sub(2),
        );
        let block = cx.popup_block(&title, KeyMode::AttachPath);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let [into_area, input_area, _, message_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(fit(&into, width)).style(cx.theme.dim()),
            into_area,
        );
        frame.render_widget(&path.input, input_area);
        frame.render_widget(Paragraph::new(message), message_area);
        return;
    }
    // Each file to add, its number as `poryadok attach` takes it, and what the letter has.
    let mut lines: Vec<Line> = Vec::new();
    let mut rows: Vec<(usize, usize)> = Vec::new();
    for (i, (letter, what)) in added.iter().enumerate() {
        let selected = i == popup.cursor;
        let key = crate::run::state::attachment_key(&popup.step, i + 1);
        let mark = if selected { "›" } else { " " };
        let first = lines.len();
        for (n, part) in wrap_words(&format!("{}. {}", i + 1, safe(what)), width - 2)
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { mark } else { " " };
            let line = Line::from(format!("{lead} {part}"));
            lines.push(cx.highlight(line, selected));
        }
        let (state, style) = match screen.run.attachments.get(&key) {
            Some(file) => (
                cx.tf(
                    "tui-attach-has-file",
                    &[
                        ("letter", letter_of(letter, what).into()),
                        ("name", safe(&file.name).into_owned().into()),
                        (
                            "size",
                            crate::store::attachments::size_words(file.size).into(),
                        ),
                    ],
                ),
                cx.theme.done(),
            ),
            None => (
                cx.tf(
                    "tui-attach-no-file-yet",
                    &[("letter", letter_of(letter, what).into())],
                ),
                cx.theme.alert(),
            ),
        };
        for part in wrap_words(&state, width.saturating_sub(4)) {
            lines.push(Line::from(format!("    {part}")).style(style));
        }
        rows.push((first, lines.len()));
        if i + 1 < added.len() {
            lines.push(Line::from(""));
        }
    }
    let rect = bottom_box(frame, area, lines.len() as u16 + 2);
    cx.shadow(rect);
    let title = fit(
        &cx.tf(
            "tui-attach-title",
            &[(
                "step",
                safe(&screen.procedure.steps()[screen.step()].title)
                    .into_owned()
                    .into(),
            )],
        ),
        width.saturating_sub(2),
    );
    let block = cx.popup_block(&title, KeyMode::Attachments);
    let inner = block.inner(rect);
    for (i, (first, end)) in rows.into_iter().enumerate() {
        for line in first..end {
            if line < usize::from(inner.height) {
                cx.hit(row(inner, line), Target::Option(i));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
