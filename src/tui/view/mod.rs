//! Drawing: reads [`App`], never changes it, never does I/O. Every text from a procedure file or
//! from the officer goes through [`safe`] before it reaches the terminal.

mod edition;
mod form;
mod help;
mod home;
mod journal;
mod material;
mod orgs;
mod popups;
mod run;
mod shelf;

use std::borrow::Cow;
use std::cell::RefCell;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::action::Target;
use super::app::{App, NoticeKind, SaveState, Screen};
use crate::i18n::{Arg, Lang};

/// The smallest terminal the wizard draws in; below it a message says so.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Colours that read on dark and light backgrounds alike, or none at all (NO_COLOR). Nothing is
/// said by colour alone: every status also has its mark and its words.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// From the environment: `NO_COLOR` set to anything turns colour off.
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
    pub fn done(self) -> Style {
        self.fg(Color::Green)
    }
    pub fn alert(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn waiting(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn active(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}

/// What every view needs besides the app.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub theme: Theme,
    /// Where things were drawn, for mouse clicks; later entries lie over earlier ones.
    hits: RefCell<Vec<(Rect, Option<Target>)>>,
    /// How far the detail pane could scroll, once it is drawn.
    scroll_max: std::cell::Cell<Option<usize>>,
}

impl Ctx<'_> {
    /// Records that `target` is drawn at `area`.
    pub fn hit(&self, area: Rect, target: Target) {
        self.hits.borrow_mut().push((area, Some(target)));
    }

    /// Records how far the step's text could scroll in this frame.
    pub fn scrolls(&self, max: usize) {
        self.scroll_max.set(Some(max));
    }

    /// Records an overlay at `area`: a click there selects nothing under it.
    pub fn shadow(&self, area: Rect) {
        self.hits.borrow_mut().push((area, None));
    }

    pub fn t(&self, id: &str) -> String {
        self.app.lang.text(id)
    }
    pub fn tf(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.app.lang.format(id, args)
    }
    pub fn lang(&self) -> Lang {
        self.app.lang
    }

    /// The frame of a popup that has the keyboard: its title at the top, its keys (those of
    /// `mode`, as the footer gives them) at the bottom.
    pub fn popup_block(&self, title: &str, mode: super::keys::KeyMode) -> Block<'static> {
        let keys = super::keys::footer(mode, self.app.lang, usize::from(self.app.width) / 2);
        Block::bordered()
            .title(format!(" {title} "))
            .title_bottom(format!(" {keys} "))
            .border_style(self.theme.active())
    }

    /// The line in the selection's style when it is the selected one.
    pub fn highlight<'l>(&self, line: Line<'l>, selected: bool) -> Line<'l> {
        if selected {
            line.style(self.theme.selected())
        } else {
            line
        }
    }
}

/// Text from a file or the officer, made safe for the terminal and kept to one line.
pub fn safe(text: &str) -> Cow<'_, str> {
    crate::text::sanitize_line(text)
}

/// Where the things a click can select were drawn in the last frame.
#[derive(Debug, Default, Clone)]
pub struct Hits(Vec<(Rect, Option<Target>)>, Option<usize>);

impl Hits {
    /// How many lines the step's text could scroll in the last frame (its lines beyond the
    /// pane's height), when a step's text was drawn.
    pub fn scroll_max(&self) -> Option<usize> {
        self.1
    }

    /// What lies at a cell of the screen: the last thing drawn there (an overlay over the
    /// screen under it).
    pub fn at(&self, column: u16, row: u16) -> Option<Target> {
        let point = ratatui::layout::Position::new(column, row);
        self.0
            .iter()
            .rev()
            .find(|(area, _)| area.contains(point))
            .and_then(|(_, target)| *target)
    }
}

/// Draws the whole wizard.
pub fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    draw_with_hits(frame, app, theme);
}

/// Draws the whole wizard and says where the things a click can select are.
pub fn draw_with_hits(frame: &mut Frame, app: &App, theme: Theme) -> Hits {
    let area = frame.area();
    let cx = Ctx {
        app,
        theme,
        hits: RefCell::new(Vec::new()),
        scroll_max: std::cell::Cell::new(None),
    };
    draw_in(frame, &cx, area);
    Hits(cx.hits.into_inner(), cx.scroll_max.get())
}

fn draw_in(frame: &mut Frame, cx: &Ctx, area: Rect) {
    let (app, theme) = (cx.app, cx.theme);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, cx, area);
        return;
    }
    let notice = notice(cx);
    // Wrapped, so that a long message is read to its end: the message itself (a folder's path)
    // in full at any width, its details a few lines at most; the body keeps a few lines.
    let notice_height = notice.as_ref().map_or(0, |(p, message)| {
        let full = p.line_count(area.width);
        let message = message.line_count(area.width);
        full.min(message.max(6))
            .min(usize::from(area.height.saturating_sub(4)))
    }) as u16;
    let not_saved = not_saved(cx);
    // A few lines at most, so that the run stays in view on a small terminal.
    let not_saved_height = not_saved
        .as_ref()
        .map_or(0, |p| p.line_count(area.width).min(5)) as u16;
    let [body, not_saved_area, notice_area, footer] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(not_saved_height),
        Constraint::Length(notice_height),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(not_saved) = not_saved {
        frame.render_widget(not_saved, not_saved_area);
    }
    match &app.screen {
        Screen::Home(home) => home::draw(frame, cx, home, body),
        Screen::NewRun(new) => home::draw_new_run(frame, cx, new, body),
        Screen::Run(screen) => run::draw(frame, cx, screen, body),
        Screen::Organisations(orgs) => orgs::draw(frame, cx, orgs, body),
        Screen::Shelf(shelf) => shelf::draw(frame, cx, shelf, body),
    }
    if let Some((notice, _)) = notice {
        frame.render_widget(notice, notice_area);
    }
    let keys = super::keys::footer(app.key_mode(), app.lang, usize::from(footer.width));
    frame.render_widget(Paragraph::new(Line::from(keys).style(theme.dim())), footer);
    if app.help {
        help::draw(frame, cx, area, app.screen_key_mode());
    }
}

/// Why the open run's last change is not on disk, whole and wrapped: the header has room only
/// for "NOT SAVED", and a reason such as "No space left on device" is what the officer acts on.
fn not_saved<'a>(cx: &Ctx) -> Option<Paragraph<'a>> {
    let Screen::Run(screen) = &cx.app.screen else {
        return None;
    };
    let SaveState::Failed(error) = &screen.saved else {
        return None;
    };
    Some(
        Paragraph::new(Line::from(Span::styled(
            format!("! {}", safe(error)),
            cx.theme.alert(),
        )))
        .wrap(Wrap { trim: false }),
    )
}

/// The last notice with its details, wrapped; and its message alone, to measure.
fn notice<'a>(cx: &Ctx) -> Option<(Paragraph<'a>, Paragraph<'a>)> {
    let notice = cx.app.notice.as_ref()?;
    let style = match notice.kind {
        NoticeKind::Info => cx.theme.title(),
        NoticeKind::Refused | NoticeKind::Error => cx.theme.alert(),
    };
    let mark = match notice.kind {
        NoticeKind::Info => "i",
        NoticeKind::Refused => "✖",
        NoticeKind::Error => "!",
    };
    let message = Line::from(Span::styled(
        format!("{mark} {}", safe(&notice.text.text(cx.lang()))),
        style,
    ));
    let mut lines = vec![message.clone()];
    let shown = notice.details.len().min(4);
    for (i, detail) in notice.details.iter().take(shown).enumerate() {
        let more = notice.details.len() - shown;
        let text = if i + 1 == shown && more > 0 {
            format!(
                "  • {} {}",
                safe(detail),
                cx.tf("tui-and-more", &[("count", more.into())])
            )
        } else {
            format!("  • {}", safe(detail))
        };
        lines.push(Line::from(text));
    }
    Some((
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        Paragraph::new(message).wrap(Wrap { trim: false }),
    ))
}

fn too_small(frame: &mut Frame, cx: &Ctx, area: Rect) {
    frame.render_widget(Clear, area);
    let text = cx.tf(
        "tui-too-small",
        &[
            ("width", usize::from(area.width).into()),
            ("height", usize::from(area.height).into()),
            ("min_width", usize::from(MIN_WIDTH).into()),
            ("min_height", usize::from(MIN_HEIGHT).into()),
        ],
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// The line `offset` rows below the top of `area`, one row high: where a list item is drawn.
pub fn row(area: Rect, offset: usize) -> Rect {
    Rect {
        y: area.y + offset as u16,
        height: 1,
        ..area
    }
}

/// A box at the bottom of `area`, `height` rows high, cleared.
pub fn bottom_box(frame: &mut Frame, area: Rect, height: u16) -> Rect {
    let height = height.min(area.height);
    let rect = Rect {
        x: area.x,
        y: area.y + area.height - height,
        width: area.width,
        height,
    };
    frame.render_widget(Clear, rect);
    rect
}

/// A box of at most `width` × `height` in the middle of `area`, cleared.
pub fn centered_box(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    rect
}

/// Cuts a line to `width` columns, with an ellipsis when cut.
pub fn fit(text: &str, width: usize) -> String {
    fitted(text, width).into_owned()
}

/// [`fit`], borrowing the text when it fits as it is (most lines of a list do).
pub fn fitted(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    Cow::Owned(cut(text, width).collect())
}

/// The characters of a text too wide for `width` columns as [`fit`] shows it: as many as
/// leave a column for the ellipsis that ends them.
fn cut(text: &str, width: usize) -> impl Iterator<Item = char> + '_ {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    let kept = text.chars().take_while(move |c| {
        used += c.width().unwrap_or(0);
        used < width
    });
    kept.chain((width > 0).then_some('…'))
}

/// A box with a border and `title` on its top edge; returns the area inside.
pub fn bordered(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let block = ratatui::widgets::Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Writes one line of a list straight into the frame: `text` cut to `width` columns as [`fit`]
/// cuts it, at `(x, y)`, in `style`, without a line and a paragraph built for every row.
pub fn put_fit(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) {
    let width = usize::from(width);
    buf.set_stringn(x, y, fitted(text, width), width, style);
}

/// Breaks text into lines of at most `width` columns at spaces (a word longer than a line is
/// cut).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if line.width() > width {
            lines.push(fit(&line, width));
            line.clear();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_does_not_fit_is_cut_with_an_ellipsis() {
        assert_eq!(fit("Подать заявку", 8), "Подать …");
        assert_eq!(fit("Подать заявку", 7), "Подать…");
        assert_eq!(fit("Подать", 6), "Подать");
        assert!(matches!(fitted("Подать", 6), Cow::Borrowed(_)));
    }
}
