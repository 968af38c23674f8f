//! The runs put away: those in the archive and those deleted lately, each with its day, to
//! bring one back to the home screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, bordered, fit, safe};
use crate::tui::action::Target;
use crate::tui::app::{Shelf, ShelvedKind};

pub fn draw(frame: &mut Frame, cx: &Ctx, shelf: &Shelf, area: Rect) {
    let [title, list_area, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(cx.t("tui-shelf-title")).style(cx.theme.title())),
        title,
    );
    let inner = bordered(frame, list_area, "");
    let width = usize::from(inner.width);
    let date = |d: jiff::civil::Date| d.strftime("%d.%m.%Y").to_string();
    let days = (crate::store::KEEP_DELETED.as_secs() / 86_400) as usize;
    // Every line with the item it belongs to, to keep the selected one in view and to click.
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let archived = (shelf.items.iter()).filter(|i| matches!(i.kind, ShelvedKind::Archived(_)));
    let sections = [
        (cx.t("tui-shelf-archived"), archived.count() > 0, true),
        (
            cx.tf("tui-shelf-deleted", &[("days", days.into())]),
            (shelf.items.iter()).any(|i| matches!(i.kind, ShelvedKind::Deleted { .. })),
            false,
        ),
    ];
    for (heading, any, of_archive) in sections {
        if !lines.is_empty() {
            lines.push((None, Line::from("")));
        }
        lines.push((None, Line::from(heading).style(cx.theme.title())));
        if !any {
            lines.push((
                None,
                Line::from(format!("  {}", cx.t("tui-shelf-none"))).style(cx.theme.dim()),
            ));
        }
        for (i, item) in shelf.items.iter().enumerate() {
            let when = match item.kind {
                ShelvedKind::Archived(on) if of_archive => {
                    cx.tf("tui-shelf-archived-since", &[("date", date(on).into())])
                }
                ShelvedKind::Deleted { on, until } if !of_archive => cx.tf(
                    "tui-shelf-deleted-on",
                    &[("date", date(on).into()), ("until", date(until).into())],
                ),
                _ => continue,
            };
            let chosen = i == shelf.selected;
            let marker = if chosen { "▶ " } else { "  " };
            let head = fit(
                &format!("{marker}{} — {}", safe(&item.label), safe(&item.procedure)),
                width,
            );
            lines.push((Some(i), cx.highlight(Line::from(head), chosen)));
            lines.push((
                Some(i),
                Line::from(fit(&format!("    {when}"), width)).style(cx.theme.dim()),
            ));
        }
    }
    let height = usize::from(inner.height);
    let last_selected = lines.iter().rposition(|(i, _)| *i == Some(shelf.selected));
    let first = last_selected.map_or(0, |at| (at + 1).saturating_sub(height));
    for (row, (item, _)) in lines.iter().enumerate().skip(first).take(height) {
        if let Some(i) = item {
            cx.hit(super::row(inner, row - first), Target::Option(*i));
        }
    }
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(first)
        .take(height)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    frame.render_widget(
        Paragraph::new(cx.t("tui-shelf-hint"))
            .style(cx.theme.dim())
            .wrap(Wrap { trim: true }),
        hint,
    );
}
