//! The reference material of the selected step, over the run screen: its section's
//! introduction, the references the step names, and the procedure's other references, each
//! whole, scrolled with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, centered_box, safe};
use crate::tui::app::{RunScreen, markdown};
use crate::tui::keys::KeyMode;

/// The material's lines, unwrapped.
pub fn material_lines(cx: &Ctx, screen: &RunScreen) -> Vec<Line<'static>> {
    let p = &screen.procedure;
    let step = &p.steps()[screen.step()];
    let mut lines: Vec<Line<'static>> = Vec::new();
    let part = |lines: &mut Vec<Line<'static>>, title: String, body: Option<&str>| {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(title).style(cx.theme.title()));
        lines.extend(body.map(markdown).unwrap_or_default());
    };
    if let Some(section) = p.section(&step.section)
        && let Some(body) = section.body.as_deref()
    {
        let title = cx.tf(
            "tui-material-section",
            &[("section", safe(&section.title).into_owned().into())],
        );
        part(&mut lines, title, Some(body));
    }
    let references = &p.file().references;
    let named = step
        .references
        .iter()
        .filter_map(|id| references.iter().find(|r| &r.id == id));
    for reference in named {
        part(
            &mut lines,
            safe(&reference.title).into_owned(),
            reference.body.as_deref(),
        );
    }
    let others: Vec<_> = references
        .iter()
        .filter(|r| !step.references.contains(&r.id))
        .collect();
    if !others.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(cx.t("tui-material-others")).style(cx.theme.dim()));
        for reference in others {
            part(
                &mut lines,
                safe(&reference.title).into_owned(),
                reference.body.as_deref(),
            );
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(cx.t("tui-material-none")).style(cx.theme.dim()));
    }
    lines
}

/// How many parts of material the step has of its own: its section's introduction and the
/// references it names.
pub fn own_material(screen: &RunScreen) -> usize {
    let p = &screen.procedure;
    let step = &p.steps()[screen.step()];
    let section = p.section(&step.section).is_some_and(|s| s.body.is_some());
    usize::from(section) + step.references.len()
}

pub fn draw(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(&scroll) = screen.material() else {
        return;
    };
    let width = area.width.saturating_sub(4).min(100);
    let popup = centered_box(frame, area, width, area.height.saturating_sub(2));
    cx.shadow(popup);
    let title = cx.tf(
        "tui-material-title",
        &[("step", (screen.step() + 1).into())],
    );
    let lines = material_lines(cx, screen);
    draw_reading(frame, cx, popup, &title, KeyMode::Material, lines, scroll);
}

/// A popup read by scrolling (the material, the journal): `lines` wrapped in `popup`, scrolled
/// `scroll` lines (at most to the end, which the keys stop at), marks saying there is more
/// above or below.
pub fn draw_reading(
    frame: &mut Frame,
    cx: &Ctx,
    popup: Rect,
    title: &str,
    mode: KeyMode,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let block = cx.popup_block(title, mode);
    let inner = block.inner(popup);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let max = paragraph
        .line_count(inner.width)
        .saturating_sub(usize::from(inner.height));
    let offset = scroll.min(max);
    // As the detail pane's: the keys stop at the end.
    cx.scrolls(max);
    let mut block = block;
    if offset > 0 {
        block = block.title_top(Line::from(" ▲ ").right_aligned());
    }
    if offset < max {
        block =
            block.title_top(Line::from(format!(" {} ", cx.t("tui-more-below"))).right_aligned());
    }
    frame.render_widget(paragraph.scroll((offset as u16, 0)).block(block), popup);
}
