//! The run's journal over the run screen: every change, newest first, in the words
//! `poryadok status --journal` uses (see [`crate::run::journal::told`]), scrolled with the keys
//! and the wheel.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::Ctx;
use super::material::draw_reading;
use crate::tui::app::RunScreen;
use crate::tui::keys::KeyMode;

pub fn draw(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(journal) = screen.journal() else {
        return;
    };
    let width = area.width.saturating_sub(4).min(110);
    let popup = super::centered_box(frame, area, width, area.height.saturating_sub(2));
    cx.shadow(popup);
    let title = cx.tf("journal-title", &[("count", journal.entries.len().into())]);
    let title = title.trim_end_matches(':');
    // Inside the border; every entry wrapped at words, its further lines indented under it.
    let width = usize::from(popup.width.saturating_sub(2)).max(20);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // Newest first: what the officer just did is what they look for.
    for told in journal.entries.iter().rev() {
        let number = format!("{:>3}. ", told.number);
        let mut head = format!("{} · {}", told.when, told.subject);
        if let Some(day) = &told.recorded_for {
            head = format!("{head} {day}");
        }
        let style = cx.theme.title();
        lines.extend(hanging(&number, &head, width).map(|l| Line::from(l).style(style)));
        let mut change = format!("{} → {}", told.old, told.new);
        if let Some(undoes) = &told.undoes {
            change = format!("{change} {undoes}");
        }
        if let Some(moved) = &told.moved {
            change = format!("{change} {moved}");
        }
        lines.extend(hanging(INDENT, &change, width).map(Line::from));
    }
    if lines.is_empty() {
        lines.push(Line::from(cx.t("tui-journal-empty")).style(cx.theme.dim()));
    }
    draw_reading(
        frame,
        cx,
        popup,
        title,
        KeyMode::Journal,
        lines,
        journal.scroll,
    );
}

/// How far an entry's further lines are indented: under its time.
const INDENT: &str = "     ";

/// `text` wrapped at words to `width` columns, its first line after `first` (as wide as
/// [`INDENT`]), the others indented by [`INDENT`].
fn hanging<'a>(first: &'a str, text: &str, width: usize) -> impl Iterator<Item = String> + 'a {
    let lines = super::wrap_words(text, width.saturating_sub(INDENT.len()));
    (lines.into_iter().enumerate()).map(move |(i, line)| match i {
        0 => format!("{first}{line}"),
        _ => format!("{INDENT}{line}"),
    })
}
