//! The wizard's state: which screen is up and what each screen holds. The shell in
//! [`super::shell`] owns the store and the terminal; everything here is plain data that
//! [`super::update`] changes and [`super::view`] reads.

use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use ratatui::text::{Line, Span};
use ratatui_textarea::TextArea;

use super::keys::KeyMode;
use crate::i18n::{Lang, Msg};
use crate::organisation::{OrgKey, Register};
use crate::procedure::{Column, Field, FieldType, Procedure};
use crate::run::view::StepFacts;
use crate::run::{Run, Value};

pub use super::copy::{CopyKind, CopyPopup, Copyable, copyables, is_web_address, links};
use std::collections::BTreeMap;

/// A run as the home screen lists it.
#[derive(Debug, Clone)]
pub struct RunSummary {
    pub id: String,
    pub label: String,
    /// Index into [`App::procedures`]; `None` when the procedure is not available.
    pub procedure: Option<usize>,
    pub done: usize,
    pub all: usize,
    /// The title of the next step to act on.
    pub next: Option<String>,
    pub due: Option<Date>,
    /// The number of the step that date is due for (as the list shows it).
    pub due_step: usize,
    /// Why the run cannot be read, if it cannot.
    pub problem: Option<String>,
    /// The version of a newer edition of the procedure the run may take, when there is one.
    pub newer: Option<String>,
}

/// A run's label as the store has it, for the rule on labels
/// ([`crate::store::same_label`]): every readable run, those in the archive too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub id: String,
    /// The procedure's id.
    pub procedure: String,
    pub label: String,
    /// When it was started: the wizard names another run by it, never by its id.
    pub created: jiff::Timestamp,
}

impl App {
    /// The other runs of `procedure` (by id) labelled `label`, but `except`.
    pub fn same_label(
        &self,
        procedure: &str,
        label: &str,
        except: Option<&str>,
    ) -> Vec<crate::store::SameLabel> {
        let runs = (self.labels.iter()).map(|r| {
            (
                r.id.as_str(),
                r.procedure.as_str(),
                r.label.as_str(),
                r.created,
            )
        });
        crate::store::same_label(runs, procedure, label, except)
    }
}

/// The whole wizard.
#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub tz: TimeZone,
    pub today: Date,
    pub procedures: Vec<Arc<Procedure>>,
    pub runs: Vec<RunSummary>,
    /// Every readable run's label, for the warning about a label another run has.
    pub labels: Vec<Labelled>,
    /// The organisations the officer works for, as last read from (or written to) the data
    /// folder.
    pub organisations: Register,
    pub screen: Screen,
    /// The key overlay is open.
    pub help: bool,
    /// How many lines the key overlay is scrolled.
    pub help_scroll: usize,
    /// The last thing the officer should read: a refusal, an error, a confirmation.
    pub notice: Option<Notice>,
    pub width: u16,
    pub height: u16,
    pub quit: bool,
}

/// A message on the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: Msg,
    /// More lines (the fields to fix, say), already in the officer's language.
    pub details: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Refused,
    Error,
}

/// The screens.
#[derive(Debug)]
pub enum Screen {
    Home(Home),
    NewRun(NewRun),
    Run(Box<RunScreen>),
    /// The organisations: their list, or one of them being edited.
    Organisations(OrgScreen),
    /// The runs in the archive and those deleted lately, to bring one back.
    Shelf(Shelf),
}

/// The runs put away: in the archive, and deleted but still kept.
#[derive(Debug, Default)]
pub struct Shelf {
    pub items: Vec<Shelved>,
    pub selected: usize,
}

/// A run put away, as the shelf lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelved {
    pub id: String,
    pub label: String,
    /// The procedure's title (or its id when it is not available).
    pub procedure: String,
    pub kind: ShelvedKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShelvedKind {
    /// In the archive since this day.
    Archived(Date),
    /// Deleted on this day, kept until the other.
    Deleted { on: Date, until: Date },
}

/// The list of organisations, or one open with its twelve values.
#[derive(Debug, Default)]
pub struct OrgScreen {
    /// In the list: the organisation selected, by its place among the register's ids; one past
    /// the last is «new».
    pub list: usize,
    /// The organisation open (its id in the register), with the value selected; `None`: the
    /// list is shown.
    pub open: Option<OrgOpen>,
}

/// One organisation open: the values listed, one selected, perhaps being typed into.
#[derive(Debug)]
pub struct OrgOpen {
    pub id: String,
    /// Index into [`OrgKey::ALL`].
    pub value: usize,
    /// The value being typed (the same text input as a form's field); its `field` is the key's
    /// name.
    pub editor: Option<Box<Editor>>,
}

/// The home screen: runs in progress, and the procedures that can be started.
#[derive(Debug, Default)]
pub struct Home {
    pub pane: HomePane,
    pub run: usize,
    pub procedure: usize,
    /// Over the list: the selected run's new label being typed, or its deletion to confirm.
    pub dialog: Option<HomeDialog>,
}

/// What lies over the home screen and has the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeDialog {
    /// The run with this id being renamed: the label typed so far (its label to begin with),
    /// and why the last Enter did not rename it (the run open in another window, say): the
    /// dialog stays open with what was typed, the reason under it.
    Rename {
        id: String,
        label: String,
        refused: Vec<String>,
    },
    /// The run with this id about to be deleted: Enter deletes it, Esc keeps it.
    Delete { id: String },
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum HomePane {
    #[default]
    Runs,
    Procedures,
}

/// Asking for the label of a new run.
#[derive(Debug)]
pub struct NewRun {
    pub procedure: usize,
    pub label: String,
    /// The organisation the run will belong to (its id in the register), if any.
    pub org: Option<String>,
}

/// One run, open.
#[derive(Debug)]
pub struct RunScreen {
    pub id: String,
    pub procedure: Arc<Procedure>,
    pub run: Run,
    /// Step indices in the order shown (by section).
    pub order: Vec<usize>,
    /// Position in `order`.
    pub selected: usize,
    pub saved: SaveState,
    /// What lies over the screen and has the keys: one popup at a time.
    pub overlay: Option<Overlay>,
    /// Whether the keys move through the steps, the selected step's text or its fields.
    pub focus: Focus,
    /// How many lines the selected step's text is scrolled; `usize::MAX`: to its end (the view
    /// stops at the last line).
    pub scroll: usize,
    /// The most the detail pane could scroll in the last frame drawn (see
    /// [`super::view::Hits`]); `None` before a frame has said.
    pub scroll_max: Option<usize>,
    /// The field selected, an index into [`Procedure::step_fields`] of the selected step.
    pub field: usize,
    /// A table field, open: its rows, one cell selected. It stays open under the editor or
    /// the options of one of its cells (the [`RunScreen::overlay`]).
    pub table: Option<TableEditor>,
    /// Derived from the run after every change (see [`RunScreen::refresh`]), so that drawing a
    /// frame of a long procedure costs only the rows on screen.
    pub blocked: Vec<bool>,
    pub progress: (usize, usize),
    /// What `blocked` and `progress` are worked out from, kept to be brought up to date.
    facts: StepFacts,
    /// The texts of the selected step and of its neighbours in the list, rendered ahead (see
    /// [`RunScreen::follow_selection`] and [`RunScreen::prepare_neighbours`]) rather than on
    /// every frame.
    pub bodies: StepBodies,
    /// A newer edition of the procedure in its file, available to the run (not finished):
    /// offered when the run is opened, then on a key.
    pub newer: Option<Arc<Procedure>>,
}

/// Steps' Markdown texts as the detail pane shows them, kept so that a frame does not parse
/// them again: the selected step's, and those of the steps just above and below it in the
/// list, rendered between frames while the officer reads, so that moving one step draws at
/// once. A text depends on its step alone: the procedure's text is in one language, and the
/// pane wraps the lines to its width as it draws them, so neither the language nor the
/// terminal's size changes it.
///
/// It is state like any other, brought up to date outside the views (by `update` and by the
/// shell between frames), so that the views stay plain reads of the state (no cell memoised
/// behind a shared reference); a view that finds no text for the step it draws (the state was
/// changed by hand, as tests do) renders the text itself.
#[derive(Debug, Default)]
pub struct StepBodies(Vec<(usize, Vec<Line<'static>>)>);

impl StepBodies {
    /// The lines of the step at `index`, when they are rendered.
    pub fn get(&self, index: usize) -> Option<&[Line<'static>]> {
        self.0
            .iter()
            .find(|(step, _)| *step == index)
            .map(|(_, lines)| lines.as_slice())
    }

    /// Renders the text of the step at `index` unless it is rendered already.
    fn render(&mut self, procedure: &Procedure, index: usize) {
        if self.get(index).is_none() {
            let body = procedure.steps()[index].body.as_deref();
            self.0.push((index, body.map(markdown).unwrap_or_default()));
        }
    }
}

/// A Markdown text as styled lines (headings, lists, emphasis, links), made safe first.
pub fn markdown(body: &str) -> Vec<Line<'static>> {
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

/// What lies over the run screen and has the keys, one at a time: opening one closes any
/// other, so two popups can never both take the keys.
#[derive(Debug)]
pub enum Overlay {
    /// Choosing a variant.
    Picker(ChoicePicker),
    /// The step's addresses, subjects and links, listed to copy or open one.
    Copy(CopyPopup),
    /// The selected step's reference material, scrolled this many lines.
    Material(usize),
    /// A field, a table cell or the day a wait is due, being typed.
    Editor(Box<Editor>),
    /// A select or multi-select field's (or cell's) options.
    Options(OptionsPopup),
    /// The run's journal, every change newest first.
    Journal(JournalView),
    /// A newer edition of the procedure, offered: what it changes; taken or not.
    Edition(EditionOffer),
    /// The files the officer adds to the selected step's letters, to give or take one away.
    Attach(AttachPopup),
}

/// A newer edition of the procedure than the run's, offered: what taking it would change, in
/// the officer's words (worked out by the engine when the offer is opened), scrolled this many
/// lines.
#[derive(Debug, Clone)]
pub struct EditionOffer {
    pub newer: Arc<Procedure>,
    pub changes: Vec<crate::i18n::Msg>,
    pub scroll: usize,
}

/// The attachments of a step's letters that the officer adds (`attach_files`, a signed scan),
/// listed with the file each has; one of them, perhaps, with its file's path being typed.
#[derive(Debug)]
pub struct AttachPopup {
    /// The step's id.
    pub step: String,
    /// The attachment selected, from 0 (its number in the run, from 1, is one more).
    pub cursor: usize,
    /// The path being typed for the selected attachment.
    pub path: Option<Box<PathInput>>,
}

/// A file's path being typed (or pasted): one line, every printable key its text; what was
/// wrong with the path given last, until it is changed.
#[derive(Debug)]
pub struct PathInput {
    pub input: TextArea<'static>,
    pub error: Option<Msg>,
}

impl PathInput {
    pub fn new() -> PathInput {
        PathInput {
            input: TextArea::default(),
            error: None,
        }
    }

    /// What has been typed.
    pub fn text(&self) -> String {
        self.input.lines().join(" ")
    }
}

impl Default for PathInput {
    fn default() -> PathInput {
        PathInput::new()
    }
}

/// The run's journal as the officer reads it: its entries in words (made when it was opened,
/// with the editions the run had before, by the shell), scrolled this many lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalView {
    pub entries: Vec<crate::run::journal::Told>,
    pub scroll: usize,
}

/// The accessors of one kind of overlay: a reference when it is the one open, and taking it
/// (closing it) only when it is.
macro_rules! overlay {
    ($variant:ident, $ty:ty, $get:ident, $get_mut:ident, $take:ident) => {
        pub fn $get(&self) -> Option<&$ty> {
            match &self.overlay {
                Some(Overlay::$variant(it)) => Some(it),
                _ => None,
            }
        }

        pub fn $get_mut(&mut self) -> Option<&mut $ty> {
            match &mut self.overlay {
                Some(Overlay::$variant(it)) => Some(it),
                _ => None,
            }
        }

        pub fn $take(&mut self) -> Option<$ty> {
            match self.overlay.take() {
                Some(Overlay::$variant(it)) => Some(it),
                other => {
                    self.overlay = other;
                    None
                }
            }
        }
    };
}

impl RunScreen {
    overlay!(Picker, ChoicePicker, picker, picker_mut, take_picker);
    overlay!(Copy, CopyPopup, copy, copy_mut, take_copy);
    overlay!(Material, usize, material, material_mut, take_material);
    overlay!(Options, OptionsPopup, options, options_mut, take_options);
    overlay!(Journal, JournalView, journal, journal_mut, take_journal);
    overlay!(Edition, EditionOffer, edition, edition_mut, take_edition);
    overlay!(Attach, AttachPopup, attach, attach_mut, take_attach);

    /// How far the overlay that is read by scrolling (the material, the journal) is scrolled,
    /// when one is open.
    pub fn reading_mut(&mut self) -> Option<&mut usize> {
        match &mut self.overlay {
            Some(Overlay::Material(scroll)) => Some(scroll),
            Some(Overlay::Journal(journal)) => Some(&mut journal.scroll),
            Some(Overlay::Edition(offer)) => Some(&mut offer.scroll),
            _ => None,
        }
    }

    pub fn editor(&self) -> Option<&Editor> {
        match &self.overlay {
            Some(Overlay::Editor(editor)) => Some(editor),
            _ => None,
        }
    }

    pub fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.overlay {
            Some(Overlay::Editor(editor)) => Some(editor),
            _ => None,
        }
    }

    pub fn take_editor(&mut self) -> Option<Editor> {
        match self.overlay.take() {
            Some(Overlay::Editor(editor)) => Some(*editor),
            other => {
                self.overlay = other;
                None
            }
        }
    }

    /// Opens a text input over the screen, in place of any other popup.
    pub fn open_editor(&mut self, editor: Editor) {
        self.overlay = Some(Overlay::Editor(Box::new(editor)));
    }
}

/// Which pane of the run screen has the keys when no popup does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Focus {
    /// The list of steps: the keys move and run the step commands.
    #[default]
    Steps,
    /// The selected step's text: the keys scroll it.
    Text,
    /// A field of the selected step's form: printable keys are its text.
    Form,
}

/// A cell of a table field: the row (from 0) and the index of the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub column: usize,
}

/// A table field open for editing: rows are added, edited, removed and moved here, and every
/// change is saved as the whole table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEditor {
    pub field: String,
    pub cell: Cell,
}

/// Typing into a text field or a table cell: a real text input (cursor, Cyrillic, paste,
/// several lines where the field takes them).
#[derive(Debug)]
pub struct Editor {
    pub field: String,
    /// The cell typed into, when the field is a table.
    pub cell: Option<Cell>,
    /// Not a field: the day the step with this id waits until (its procedure sets no
    /// deadline), typed as ДД.ММ.ГГГГ; left blank, the wait has no due day.
    pub wait_for: Option<String>,
    /// Not a field: the day the step with this id was done, began waiting or was passed over,
    /// typed as ДД.ММ.ГГГГ (today's date to begin with).
    pub dated: Option<(String, Dated)>,
    /// Why the engine refused the day typed last (said under the input until the text
    /// changes); the prompt stays open on it.
    pub refused: Option<crate::i18n::Msg>,
    pub input: TextArea<'static>,
    pub multiline: bool,
}

impl Editor {
    pub fn new(field: &Field, id: &str, value: &str) -> Editor {
        Editor::with(
            id,
            None,
            value,
            field.secret,
            field.kind == Some(FieldType::Multiline),
        )
    }

    /// Typing into a cell of a table field.
    pub fn for_cell(column: &Column, id: &str, cell: Cell, value: &str) -> Editor {
        Editor::with(
            id,
            Some(cell),
            value,
            false,
            column.kind == FieldType::Multiline,
        )
    }

    fn with(id: &str, cell: Option<Cell>, value: &str, secret: bool, multiline: bool) -> Editor {
        let lines = value.split('\n').map(str::to_owned).collect();
        let mut input = TextArea::new(lines);
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        if secret {
            input.set_mask_char('•');
        }
        if multiline {
            // Long lines wrap at words, so that the whole text is in view as it is typed.
            input.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        }
        Editor {
            field: id.to_owned(),
            cell,
            wait_for: None,
            dated: None,
            refused: None,
            input,
            multiline,
        }
    }

    /// Typing a value of an organisation: one line, as a text field.
    pub fn for_org(key: OrgKey, value: &str) -> Editor {
        Editor::with(key.name(), None, value, false, false)
    }

    /// Asking until when a step waits.
    pub fn for_wait(step: &str) -> Editor {
        Editor {
            wait_for: Some(step.to_owned()),
            ..Editor::with(step, None, "", false, false)
        }
    }

    /// Asking on which day a step was begun, done, began waiting or was passed over; `today`
    /// to begin with, selected as a suggested value is: the first character typed (or a
    /// paste) replaces it, Enter takes it, the arrows, Backspace and Delete edit it.
    pub fn for_day(step: &str, dated: Dated, today: jiff::civil::Date) -> Editor {
        let today = today.strftime("%d.%m.%Y").to_string();
        let mut editor = Editor {
            dated: Some((step.to_owned(), dated)),
            ..Editor::with(step, None, &today, false, false)
        };
        editor.input.set_selection_style(
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::REVERSED),
        );
        editor.input.select_all();
        editor
    }

    /// Edits the text as `action` says, if it is an editing key: typing (over the suggested
    /// value while it is selected), erasing, moving the cursor, clearing the line (Ctrl-U).
    /// Whether it was one.
    pub fn edit(&mut self, action: &crate::tui::action::Action) -> bool {
        use crate::tui::action::Action;
        use ratatui_textarea::CursorMove;
        let moved = match action {
            Action::Left => Some(CursorMove::Back),
            Action::Right => Some(CursorMove::Forward),
            Action::Up => Some(CursorMove::Up),
            Action::Down => Some(CursorMove::Down),
            Action::First => Some(CursorMove::Head),
            Action::Last => Some(CursorMove::End),
            _ => None,
        };
        if let Some(m) = moved {
            // The suggested value is edited as text from where the cursor goes.
            self.input.cancel_selection();
            self.input.move_cursor(m);
            return true;
        }
        match action {
            // A typed character replaces the selected suggested value.
            Action::Type(c) if !c.is_control() => self.input.insert_char(*c),
            Action::Backspace => {
                self.input.cancel_selection();
                self.input.delete_char();
            }
            Action::Delete => {
                self.input.cancel_selection();
                self.input.delete_next_char();
            }
            Action::ClearLine => {
                self.input.cancel_selection();
                self.input.move_cursor(CursorMove::End);
                self.input.delete_line_by_head();
            }
            _ => return false,
        }
        self.refused = None;
        true
    }

    /// What has been typed.
    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }
}

/// What the officer dates with the date prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dated {
    Start,
    Complete,
    Wait,
    PassOver,
}

/// Choosing among a field's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsPopup {
    pub field: String,
    /// The cell chosen for, when the field is a table.
    pub cell: Option<Cell>,
    pub cursor: usize,
    /// Per option, whether it is chosen.
    pub chosen: Vec<bool>,
    pub multi: bool,
    /// The letters typed to find an option.
    pub typed: String,
}

impl OptionsPopup {
    /// The options of a select or multi-select (`kind`) field or cell, those in `value`
    /// ticked, the cursor on the first ticked.
    pub fn new(
        field: &str,
        cell: Option<Cell>,
        options: &[String],
        value: Option<&Value>,
        kind: FieldType,
    ) -> OptionsPopup {
        let chosen: Vec<bool> = options
            .iter()
            .map(|o| match value {
                Some(Value::Text(t)) => t == o,
                Some(Value::List(items)) => items.contains(o),
                _ => false,
            })
            .collect();
        OptionsPopup {
            field: field.to_owned(),
            cell,
            cursor: chosen.iter().position(|c| *c).unwrap_or(0),
            chosen,
            multi: kind == FieldType::Multiselect,
            typed: String::new(),
        }
    }
}

/// Where the run stands on disk.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved(Timestamp),
    /// The last change is only in memory; saving is retried with the next change.
    Failed(String),
}

/// Choosing a variant: the choices, then one choice's options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoicePicker {
    /// Index into the procedure's choices.
    pub choice: usize,
    /// Index into that choice's options.
    pub option: usize,
}

impl App {
    pub fn new(lang: Lang, procedures: Vec<Arc<Procedure>>, now: Timestamp) -> App {
        let tz = crate::calendar::local_time_zone();
        App {
            lang,
            today: now.to_zoned(tz.clone()).date(),
            tz,
            procedures,
            runs: Vec::new(),
            labels: Vec::new(),
            organisations: Register::default(),
            screen: Screen::Home(Home::default()),
            help: false,
            help_scroll: 0,
            notice: None,
            width: 80,
            height: 24,
            quit: false,
        }
    }

    /// The index of a procedure by id.
    pub fn procedure_index(&self, id: &str) -> Option<usize> {
        self.procedures.iter().position(|p| p.id() == id)
    }

    /// What has the keys now (see [`super::keys`]).
    pub fn key_mode(&self) -> KeyMode {
        use super::view::{MIN_HEIGHT, MIN_WIDTH};
        if self.width < MIN_WIDTH || self.height < MIN_HEIGHT {
            return KeyMode::TooSmall;
        }
        if self.help {
            return KeyMode::Help;
        }
        self.screen_key_mode()
    }

    /// What has the keys on the screen, under the list of keys when it is open.
    pub fn screen_key_mode(&self) -> KeyMode {
        match &self.screen {
            Screen::Home(Home {
                dialog: Some(dialog),
                ..
            }) => match dialog {
                HomeDialog::Rename { .. } => KeyMode::Rename,
                HomeDialog::Delete { .. } => KeyMode::ConfirmDelete,
            },
            Screen::Home(_) => KeyMode::Home,
            Screen::Shelf(_) => KeyMode::Shelf,
            Screen::NewRun(_) => KeyMode::NewRun,
            Screen::Organisations(orgs) => match &orgs.open {
                None => KeyMode::Organisations,
                Some(OrgOpen {
                    editor: Some(_), ..
                }) => KeyMode::Editor,
                Some(_) => KeyMode::Organisation,
            },
            Screen::Run(screen) => match &**screen {
                RunScreen {
                    overlay: Some(overlay),
                    ..
                } => match overlay {
                    Overlay::Material(_) => KeyMode::Material,
                    Overlay::Picker(_) => KeyMode::Picker,
                    Overlay::Copy(_) => KeyMode::Copy,
                    Overlay::Editor(e) if e.wait_for.is_some() => KeyMode::WaitPrompt,
                    Overlay::Editor(e) if e.dated.is_some() => KeyMode::DatePrompt,
                    Overlay::Editor(e) if e.multiline => KeyMode::MultilineEditor,
                    Overlay::Editor(_) => KeyMode::Editor,
                    Overlay::Options(_) => KeyMode::Options,
                    Overlay::Journal(_) => KeyMode::Journal,
                    Overlay::Edition(_) => KeyMode::Edition,
                    Overlay::Attach(AttachPopup { path: Some(_), .. }) => KeyMode::AttachPath,
                    Overlay::Attach(_) => KeyMode::Attachments,
                },
                s if s.table.is_some() => KeyMode::Table,
                s => match s.focus {
                    Focus::Steps => KeyMode::Steps,
                    Focus::Text => KeyMode::Text,
                    Focus::Form => KeyMode::Form,
                },
            },
        }
    }
}

impl RunScreen {
    pub fn new(id: String, procedure: Arc<Procedure>, run: Run, saved: SaveState) -> RunScreen {
        let order = display_order(&procedure);
        let facts = StepFacts::of(&procedure, &run);
        let (blocked, progress) = (facts.blocked(&procedure), facts.progress());
        let mut screen = RunScreen {
            id,
            procedure,
            run,
            order,
            selected: 0,
            saved,
            overlay: None,
            focus: Focus::Steps,
            scroll: 0,
            scroll_max: None,
            field: 0,
            table: None,
            blocked,
            progress,
            facts,
            bodies: StepBodies::default(),
            newer: None,
        };
        screen.selected = screen.resume_position();
        screen.follow_selection();
        // Back in the form, on the field where the officer was.
        let field = screen.run.cursor_field.clone().and_then(|id| {
            screen
                .procedure
                .step_fields(&screen.run, screen.step())
                .iter()
                .position(|f| f.id.as_deref().or(f.reuse.as_deref()) == Some(id.as_str()))
        });
        if let Some(field) = field {
            screen.focus = Focus::Form;
            screen.field = field;
        }
        screen
    }

    /// Works out again what the view shows of the whole run; called after every change.
    pub fn refresh(&mut self) {
        self.facts.refresh(&self.procedure, &self.run);
        self.blocked = self.facts.blocked(&self.procedure);
        self.progress = self.facts.progress();
    }

    /// After every action: the selected step's text, rendered now if it was not ahead (a jump),
    /// and only the texts next to it kept.
    pub fn follow_selection(&mut self) {
        let near = self.near_selection();
        self.bodies.0.retain(|(step, _)| near.contains(step));
        self.bodies.render(&self.procedure, self.step());
    }

    /// Between frames: the texts of the steps above and below the selected one.
    pub fn prepare_neighbours(&mut self) {
        for index in self.near_selection() {
            self.bodies.render(&self.procedure, index);
        }
    }

    /// The step selected and those just above and below it in the list.
    fn near_selection(&self) -> Vec<usize> {
        let first = self.selected.saturating_sub(1);
        let last = self.selected + 1;
        self.order
            .iter()
            .take(last + 1)
            .skip(first)
            .copied()
            .collect()
    }

    /// Records in the run where the officer is: the step, and the field when in its form.
    pub fn remember_place(&mut self) {
        let step = self.step();
        let field = match self.focus {
            Focus::Form => self
                .procedure
                .step_fields(&self.run, step)
                .get(self.field)
                .and_then(|f| f.id.clone().or_else(|| f.reuse.clone())),
            Focus::Steps | Focus::Text => None,
        };
        self.run.cursor = Some(self.procedure.steps()[step].id.clone());
        self.run.cursor_field = field;
    }

    /// The step index selected.
    pub fn step(&self) -> usize {
        self.order.get(self.selected).copied().unwrap_or(0)
    }

    /// Where the officer left off: the step recorded when the run was last left, else the first
    /// step to act on, else the top.
    fn resume_position(&self) -> usize {
        let p = &self.procedure;
        let by_id = |id: &str| {
            p.step_index(id)
                .and_then(|index| self.order.iter().position(|i| *i == index))
        };
        if let Some(position) = self.run.cursor.as_deref().and_then(by_id) {
            return position;
        }
        // The first step to act on, from the blocked flags already worked out.
        crate::run::schedule::actionable_given(p, &self.run, &self.facts.applies, &self.blocked)
            .first()
            .and_then(|index| self.order.iter().position(|i| i == index))
            .unwrap_or(0)
    }
}

/// Steps by section, in the order the sections are listed.
pub fn display_order(procedure: &Procedure) -> Vec<usize> {
    let mut order = Vec::with_capacity(procedure.steps().len());
    for section in procedure.sections() {
        for step in procedure.steps_in(&section.id) {
            if let Some(index) = procedure.step_index(&step.id) {
                order.push(index);
            }
        }
    }
    order
}

/// A row of a table field.
pub type Row = BTreeMap<String, Value>;

/// The rows of a table field as the run holds them (none when it is empty).
pub fn table_rows<'a>(run: &'a Run, field: &str) -> &'a [Row] {
    match run.values.get(field) {
        Some(Value::Table(rows)) => rows,
        _ => &[],
    }
}

/// A column of a table field, by its index.
pub fn column<'a>(procedure: &'a Procedure, field: &str, index: usize) -> Option<&'a Column> {
    procedure.field(field)?.columns.get(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One popup at a time: opening one puts it in place of another, and taking one kind
    /// leaves another kind open.
    #[test]
    fn one_overlay_has_the_keys_at_a_time() {
        let text = crate::procedure::synthetic::procedure_text(3);
        let procedure = Arc::new(crate::procedure::load(text.as_bytes()).result.unwrap());
        let at = Timestamp::UNIX_EPOCH;
        let run = Run::new(&procedure, "test", at);
        let mut screen = RunScreen::new("t-1".into(), procedure, run, SaveState::Saved(at));
        screen.overlay = Some(Overlay::Material(4));
        assert!(screen.take_editor().is_none());
        assert_eq!(screen.material(), Some(&4));
        let step = screen.procedure.steps()[0].id.clone();
        screen.open_editor(Editor::for_wait(&step));
        assert!(screen.material().is_none() && screen.editor().is_some());
        assert!(screen.take_picker().is_none());
        assert!(screen.take_editor().is_some());
        assert!(screen.overlay.is_none());
    }

    /// A run opened with no place recorded starts on the first step to act on, the same one
    /// `run::schedule::actionable` names, whatever state its steps are in.
    #[test]
    fn a_run_without_a_recorded_place_opens_on_the_first_step_to_act_on() {
        use crate::run::StepState;
        let texts: Vec<String> = crate::catalog::bundled_files()
            .iter()
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .chain([crate::procedure::synthetic::procedure_text(60)])
            .collect();
        let at = Timestamp::UNIX_EPOCH;
        let mut seed = 7u64;
        for text in &texts {
            let procedure = Arc::new(crate::procedure::load(text.as_bytes()).result.unwrap());
            for _ in 0..40 {
                let mut run = Run::new(&procedure, "test", at);
                for step in procedure.steps() {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    let state = match seed >> 61 {
                        0 | 1 => StepState::Done {
                            at,
                            passed_over: false,
                            on: None,
                            due: None,
                        },
                        2 => StepState::InProgress {
                            since: at,
                            on: None,
                        },
                        3 => StepState::Waiting {
                            since: at,
                            due: None,
                            on: None,
                        },
                        _ => continue,
                    };
                    run.steps.insert(step.id.clone(), state);
                }
                let first = crate::run::schedule::actionable(&procedure, &run)
                    .first()
                    .copied();
                let screen = RunScreen::new(
                    "test-1".into(),
                    Arc::clone(&procedure),
                    run,
                    SaveState::Saved(at),
                );
                assert_eq!(screen.run.cursor, None);
                match first {
                    Some(index) => assert_eq!(screen.step(), index, "{}", procedure.id()),
                    None => assert_eq!(screen.selected, 0),
                }
            }
        }
    }
}
