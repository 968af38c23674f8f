//! The offer of a newer edition of the procedure over the run screen: the versions, what taking
//! it would change in the officer's words (see [`crate::run::edition::changes`]), whether it
//! can be undone, and the keys to take it (Enter) or keep the run's own edition (Esc).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::material::draw_reading;
use super::{Ctx, safe, wrap_words};
use crate::tui::app::RunScreen;
use crate::tui::keys::KeyMode;

pub fn draw(frame: &mut Frame, cx: &Ctx, screen: &RunScreen, area: Rect) {
    let Some(offer) = screen.edition() else {
        return;
    };
    let width = area.width.saturating_sub(4).min(100);
    let popup = super::centered_box(frame, area, width, area.height.saturating_sub(2));
    cx.shadow(popup);
    let title = cx.tf(
        "tui-edition-title",
        &[
            ("old", safe(screen.procedure.version()).into_owned().into()),
            ("new", safe(offer.newer.version()).into_owned().into()),
        ],
    );
    // Inside the border; each change a bullet, wrapped at words under itself.
    let width = usize::from(popup.width.saturating_sub(2)).max(20);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let intro = cx.tf(
        "tui-edition-intro",
        &[
            ("old", safe(screen.procedure.version()).into_owned().into()),
            ("new", safe(offer.newer.version()).into_owned().into()),
        ],
    );
    lines.extend(wrap_words(&intro, width).into_iter().map(Line::from));
    lines.push(Line::from(""));
    for change in &offer.changes {
        let text = safe(&change.text(cx.app.lang)).into_owned();
        let wrapped = wrap_words(&text, width.saturating_sub(2));
        for (i, line) in wrapped.into_iter().enumerate() {
            let mark = if i == 0 { "• " } else { "  " };
            lines.push(Line::from(format!("{mark}{line}")));
        }
    }
    lines.push(Line::from(""));
    for id in ["edition-not-undone", "tui-edition-keys"] {
        let style = cx.theme.dim();
        lines.extend(
            wrap_words(&cx.t(id), width)
                .into_iter()
                .map(|l| Line::from(l).style(style)),
        );
    }
    draw_reading(
        frame,
        cx,
        popup,
        &title,
        KeyMode::Edition,
        lines,
        offer.scroll,
    );
}
