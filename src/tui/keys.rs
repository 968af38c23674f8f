//! The one table of keys: for each [`KeyMode`] (what has the keys), which keys do what. The
//! keymap ([`action`]), the footer ([`footer`]), the `?` list ([`help`]) and the README's key
//! table ([`markdown`]) are all read from it, so they cannot say different things.
//!
//! Two rules the table keeps:
//! - where a text is typed (a form field with the focus, a table cell, a list of a field's
//!   options, a text input), every printable key is text: nothing in those modes is bound to a
//!   printable key, and [`action`] gives [`Action::Type`] for them before it looks at the table;
//! - every Latin letter works on the same physical key of the Russian ЙЦУКЕН layout (q and й,
//!   j and о, …), so an officer typing Russian never switches layouts to move around.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::i18n::Lang;

/// What has the keys right now: a screen, a pane of the run screen, or a popup over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Home,
    /// Typing the label of a new run.
    NewRun,
    /// Typing a run's new label.
    Rename,
    /// Asked whether to delete a run.
    ConfirmDelete,
    /// The runs in the archive and those deleted lately.
    Shelf,
    /// The list of a run's steps.
    Steps,
    /// Reading the selected step's text.
    Text,
    /// A field of the selected step's form.
    Form,
    /// A table field, open, one cell selected.
    Table,
    /// Typing into a field or a cell of one line.
    Editor,
    /// Typing into a field or a cell of several lines.
    MultilineEditor,
    /// Typing the day a step waits until.
    WaitPrompt,
    DatePrompt,
    /// A select or multi-select field's options.
    Options,
    /// Choosing a variant.
    Picker,
    /// The step's addresses, subjects and links, to copy or open.
    Copy,
    /// The selected step's reference material.
    Material,
    /// The run's journal.
    Journal,
    /// A newer edition of the procedure, offered.
    Edition,
    /// The files the officer adds to a step's letters.
    Attachments,
    /// Typing the path of a file to add to a letter.
    AttachPath,
    /// The list of keys.
    Help,
    /// The list of organisations.
    Organisations,
    /// One organisation's values.
    Organisation,
    /// The window is smaller than the wizard can draw in: only quitting works.
    TooSmall,
}

impl KeyMode {
    /// Every mode, in the order the README lists them.
    pub const ALL: [KeyMode; 25] = [
        KeyMode::Home,
        KeyMode::Rename,
        KeyMode::ConfirmDelete,
        KeyMode::Shelf,
        KeyMode::NewRun,
        KeyMode::Organisations,
        KeyMode::Organisation,
        KeyMode::Steps,
        KeyMode::Text,
        KeyMode::Form,
        KeyMode::Table,
        KeyMode::Editor,
        KeyMode::MultilineEditor,
        KeyMode::WaitPrompt,
        KeyMode::DatePrompt,
        KeyMode::Options,
        KeyMode::Picker,
        KeyMode::Copy,
        KeyMode::Material,
        KeyMode::Journal,
        KeyMode::Edition,
        KeyMode::Attachments,
        KeyMode::AttachPath,
        KeyMode::Help,
        KeyMode::TooSmall,
    ];

    /// Whether a printable key is text here (see the module's rules).
    pub fn typing(self) -> bool {
        matches!(
            self,
            KeyMode::NewRun
                | KeyMode::Rename
                | KeyMode::Organisation
                | KeyMode::Form
                | KeyMode::Table
                | KeyMode::Editor
                | KeyMode::MultilineEditor
                | KeyMode::WaitPrompt
                | KeyMode::DatePrompt
                | KeyMode::Options
                | KeyMode::AttachPath
        )
    }

    /// The message naming the mode (the README's headings, the help's title).
    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Home => "tui-mode-home",
            KeyMode::NewRun => "tui-mode-new-run",
            KeyMode::Rename => "tui-mode-rename",
            KeyMode::ConfirmDelete => "tui-mode-confirm-delete",
            KeyMode::Shelf => "tui-mode-shelf",
            KeyMode::Steps => "tui-mode-steps",
            KeyMode::Text => "tui-mode-text",
            KeyMode::Form => "tui-mode-form",
            KeyMode::Table => "tui-mode-table",
            KeyMode::Editor => "tui-mode-editor",
            KeyMode::MultilineEditor => "tui-mode-multiline",
            KeyMode::WaitPrompt => "tui-mode-wait",
            KeyMode::DatePrompt => "tui-mode-date",
            KeyMode::Options => "tui-mode-options",
            KeyMode::Picker => "tui-mode-picker",
            KeyMode::Copy => "tui-mode-copy",
            KeyMode::Material => "tui-mode-material",
            KeyMode::Journal => "tui-mode-journal",
            KeyMode::Edition => "tui-mode-edition",
            KeyMode::Attachments => "tui-mode-attachments",
            KeyMode::AttachPath => "tui-mode-attach-path",
            KeyMode::Help => "tui-mode-help",
            KeyMode::Organisations => "tui-mode-organisations",
            KeyMode::Organisation => "tui-mode-organisation",
            KeyMode::TooSmall => "tui-mode-too-small",
        }
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character; a Latin letter answers on its ЙЦУКЕН key too.
    Char(char),
    Enter,
    AltEnter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    ShiftUp,
    ShiftDown,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
    /// Ctrl with a Latin letter (or the Cyrillic one on the same key).
    Ctrl(char),
    /// Alt with a Latin letter (or the Cyrillic one on the same key). Esc followed at once by
    /// the letter arrives as this too.
    Alt(char),
    /// Any printable key, as text (only listed: [`action`] gives [`Action::Type`]).
    Typing,
    /// The mouse wheel (only listed: the terminal loop turns it into actions).
    Wheel,
}

impl Key {
    /// The key's name as printed on a keyboard.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Key::Char(' ') => lang.text("tui-keyname-space"),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::AltEnter => "Alt-Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
            Key::Insert => "Ins".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::ShiftUp => "Shift-↑".into(),
            Key::ShiftDown => "Shift-↓".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::F(n) => format!("F{n}"),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Typing => lang.text("tui-keyname-typing"),
            Key::Wheel => lang.text("tui-keyname-wheel"),
        }
    }

    /// Whether a key event is this key.
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        let plain = !ctrl && !alt;
        let letter = |c: char| match event.code {
            KeyCode::Char(typed) => typed == c || latin(typed) == c,
            _ => false,
        };
        match self {
            Key::Char(c) => plain && letter(c),
            Key::Ctrl(c) => ctrl && !alt && letter(c),
            Key::Alt(c) => alt && !ctrl && letter(c),
            Key::Enter => plain && event.code == KeyCode::Enter,
            Key::AltEnter => alt && event.code == KeyCode::Enter,
            Key::Up => plain && !shift && event.code == KeyCode::Up,
            Key::Down => plain && !shift && event.code == KeyCode::Down,
            Key::ShiftUp => shift && event.code == KeyCode::Up,
            Key::ShiftDown => shift && event.code == KeyCode::Down,
            Key::Esc => event.code == KeyCode::Esc,
            Key::Tab => event.code == KeyCode::Tab && !shift,
            Key::BackTab => event.code == KeyCode::BackTab || (event.code == KeyCode::Tab && shift),
            Key::Backspace => plain && event.code == KeyCode::Backspace,
            Key::Delete => plain && event.code == KeyCode::Delete,
            Key::Insert => plain && event.code == KeyCode::Insert,
            Key::Left => plain && event.code == KeyCode::Left,
            Key::Right => plain && event.code == KeyCode::Right,
            Key::PageUp => event.code == KeyCode::PageUp,
            Key::PageDown => event.code == KeyCode::PageDown,
            Key::Home => event.code == KeyCode::Home,
            Key::End => event.code == KeyCode::End,
            Key::F(n) => event.code == KeyCode::F(n),
            Key::Typing | Key::Wheel => false,
        }
    }
}

/// One line of the table: keys, the action they stand for, what the `?` list says of them
/// (a message id; lines with the same id are listed as one) and, for the footer, a short word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub footer: Option<&'static str>,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        footer: None,
    }
}

const fn show(
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        help,
        footer: Some(footer),
    }
}

use Key::*;

const HELP: Binding = show(
    &[Char('?'), F(1)],
    Action::Help,
    "tui-key-help",
    "tui-foot-keys",
);
const HELP_F1: Binding = show(&[F(1)], Action::Help, "tui-key-help", "tui-foot-keys");
const QUIT: Binding = show(
    &[Char('q'), Ctrl('c')],
    Action::Quit,
    "tui-key-quit",
    "tui-foot-quit",
);
const QUIT_CTRL: Binding = bind(&[Ctrl('c')], Action::Quit, "tui-key-quit");
const UNDO: Binding = show(
    &[Char('u'), Ctrl('z')],
    Action::Undo,
    "tui-key-undo",
    "tui-foot-undo",
);
const UNDO_CTRL: Binding = bind(&[Ctrl('z')], Action::Undo, "tui-key-undo");

/// The moves of a list: one line, a page, the ends.
const LIST_MOVES: [Binding; 6] = [
    bind(&[Up, Char('k')], Action::Up, "tui-key-move"),
    bind(&[Down, Char('j')], Action::Down, "tui-key-move"),
    bind(&[PageUp], Action::PageUp, "tui-key-page"),
    bind(&[PageDown], Action::PageDown, "tui-key-page"),
    bind(&[Home, Char('g')], Action::First, "tui-key-page"),
    bind(&[End, Char('G')], Action::Last, "tui-key-page"),
];

/// The selected step's reference material.
const MATERIAL_KEY: Binding = bind(&[Char('i'), F(3)], Action::Material, "tui-key-material");
const MATERIAL_KEY_FORM: Binding = bind(&[F(3), Alt('i')], Action::Material, "tui-key-material");

/// The run's journal.
const JOURNAL_KEY: Binding = bind(&[Char('J'), F(4)], Action::Journal, "tui-key-journal");
/// A newer edition of the procedure, when the file has one: what it changes, to take it.
const EDITION_KEY: Binding = bind(&[Char('e')], Action::Edition, "tui-key-edition");
const JOURNAL_KEY_FORM: Binding = bind(&[F(4), Alt('J')], Action::Journal, "tui-key-journal");

/// The files added to the selected step's letters (a signed scan).
const ATTACH_KEY: Binding = bind(&[Char('a')], Action::Attach, "tui-key-attach");
const ATTACH_KEY_FORM: Binding = bind(&[Alt('a')], Action::Attach, "tui-key-attach");

/// The commands on the selected step, from the list of steps and from its text.
const STEP_COMMANDS: [Binding; 13] = [
    bind(&[Char('s')], Action::StartStep, "tui-key-start"),
    show(
        &[Char('c'), Char(' ')],
        Action::CompleteStep,
        "tui-key-complete",
        "tui-foot-done",
    ),
    show(
        &[Char('w')],
        Action::WaitStep,
        "tui-key-wait",
        "tui-foot-wait",
    ),
    bind(&[Char('r')], Action::ReopenStep, "tui-key-reopen"),
    bind(&[Char('p')], Action::PassOver, "tui-key-pass-over"),
    show(
        &[Char('v')],
        Action::ChooseVariant,
        "tui-key-variant",
        "tui-foot-variant",
    ),
    bind(&[Char('y')], Action::Copy, "tui-key-copy-open"),
    bind(&[Char('o')], Action::OpenLink, "tui-key-copy-open"),
    bind(&[Char('d')], Action::Export, "tui-key-export"),
    bind(&[Char('C')], Action::CompleteOn, "tui-key-dated"),
    bind(&[Char('W')], Action::WaitOn, "tui-key-dated"),
    bind(&[Char('P')], Action::PassOverOn, "tui-key-dated"),
    bind(&[Char('S')], Action::StartOn, "tui-key-dated"),
];

/// The same commands from a form, on keys that cannot be typed as text.
const FORM_COMMANDS: [Binding; 6] = [
    bind(&[Alt('s')], Action::StartStep, "tui-key-alt-commands"),
    show(
        &[Alt('c')],
        Action::CompleteStep,
        "tui-key-alt-commands",
        "tui-foot-done",
    ),
    bind(&[Alt('w')], Action::WaitStep, "tui-key-alt-commands"),
    bind(&[Alt('r')], Action::ReopenStep, "tui-key-alt-commands"),
    bind(&[Alt('p')], Action::PassOver, "tui-key-alt-commands"),
    bind(&[Alt('v')], Action::ChooseVariant, "tui-key-alt-commands"),
];

static HOME: &[Binding] = &[
    LIST_MOVES[0],
    LIST_MOVES[1],
    LIST_MOVES[2],
    LIST_MOVES[3],
    LIST_MOVES[4],
    LIST_MOVES[5],
    show(&[Tab], Action::NextPane, "tui-key-pane", "tui-foot-pane"),
    bind(&[BackTab], Action::PrevPane, "tui-key-pane"),
    show(
        &[Enter, Char('l')],
        Action::Open,
        "tui-key-open",
        "tui-foot-open",
    ),
    show(
        &[Char('o')],
        Action::Organisations,
        "tui-key-organisations",
        "tui-foot-organisations",
    ),
    bind(&[Char('r'), F(2)], Action::Rename, "tui-key-rename"),
    bind(&[Char('a')], Action::Archive, "tui-key-archive"),
    bind(
        &[Delete, Char('x')],
        Action::DeleteRun,
        "tui-key-delete-run",
    ),
    show(
        &[Char('A')],
        Action::Shelf,
        "tui-key-shelf",
        "tui-foot-shelf",
    ),
    HELP,
    QUIT,
];

static RENAME: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-label"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Ctrl('u')], Action::ClearLine, "tui-key-clear-line"),
    show(
        &[Enter],
        Action::Open,
        "tui-key-keep-label",
        "tui-foot-keep",
    ),
    show(
        &[Esc],
        Action::Back,
        "tui-key-cancel-rename",
        "tui-foot-cancel",
    ),
    HELP_F1,
    QUIT_CTRL,
];

static CONFIRM_DELETE: &[Binding] = &[
    show(
        &[Enter],
        Action::Open,
        "tui-key-confirm-delete",
        "tui-foot-delete",
    ),
    show(&[Esc], Action::Back, "tui-key-keep-run", "tui-foot-cancel"),
    HELP,
    QUIT,
];

static SHELF: &[Binding] = &[
    LIST_MOVES[0],
    LIST_MOVES[1],
    LIST_MOVES[2],
    LIST_MOVES[3],
    LIST_MOVES[4],
    LIST_MOVES[5],
    show(
        &[Enter, Char('l')],
        Action::Open,
        "tui-key-open-archived",
        "tui-foot-open",
    ),
    show(
        &[Char('r')],
        Action::Restore,
        "tui-key-restore",
        "tui-foot-restore",
    ),
    show(
        &[Esc, Char('h'), Backspace],
        Action::Back,
        "tui-key-home",
        "tui-foot-runs",
    ),
    HELP,
    QUIT,
];

static NEW_RUN: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-label"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Ctrl('u')], Action::ClearLine, "tui-key-clear-line"),
    show(&[Down], Action::Down, "tui-key-run-org", "tui-foot-run-org"),
    bind(&[Up], Action::Up, "tui-key-run-org"),
    show(
        &[Enter],
        Action::Open,
        "tui-key-create",
        "tui-foot-start-run",
    ),
    show(&[Esc], Action::Back, "tui-key-back", "tui-foot-back"),
    HELP_F1,
    QUIT_CTRL,
];

static ORGANISATIONS: &[Binding] = &[
    bind(&[Up, Char('k')], Action::Up, "tui-key-move"),
    bind(&[Down, Char('j')], Action::Down, "tui-key-move"),
    bind(&[Home, Char('g')], Action::First, "tui-key-orgs-ends"),
    bind(&[End, Char('G')], Action::Last, "tui-key-orgs-ends"),
    show(
        &[Enter, Char('l')],
        Action::Open,
        "tui-key-open-org",
        "tui-foot-open",
    ),
    show(
        &[Esc, Char('h'), Backspace],
        Action::Back,
        "tui-key-orgs-back",
        "tui-foot-back",
    ),
    HELP,
    QUIT,
];

static ORGANISATION: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-org"),
    show(
        &[Tab],
        Action::NextPane,
        "tui-key-org-value",
        "tui-foot-value",
    ),
    bind(&[BackTab], Action::PrevPane, "tui-key-org-value"),
    bind(&[Down], Action::Down, "tui-key-org-value"),
    bind(&[Up], Action::Up, "tui-key-org-value"),
    bind(&[Home, PageUp], Action::First, "tui-key-org-value-ends"),
    bind(&[End, PageDown], Action::Last, "tui-key-org-value-ends"),
    show(
        &[Enter, F(2)],
        Action::Open,
        "tui-key-org-edit",
        "tui-foot-edit",
    ),
    bind(
        &[Backspace],
        Action::Backspace,
        "tui-key-org-edit-backspace",
    ),
    show(
        &[Delete],
        Action::ClearField,
        "tui-key-org-clear",
        "tui-foot-clear",
    ),
    show(&[Esc], Action::Back, "tui-key-to-orgs", "tui-foot-orgs"),
    HELP_F1,
    QUIT_CTRL,
];

static STEPS: &[Binding] = &[
    LIST_MOVES[0],
    LIST_MOVES[1],
    LIST_MOVES[2],
    LIST_MOVES[3],
    LIST_MOVES[4],
    LIST_MOVES[5],
    show(
        &[Enter, Char('l')],
        Action::Open,
        "tui-key-open-step",
        "tui-foot-open",
    ),
    bind(&[Tab], Action::NextPane, "tui-key-to-form"),
    bind(&[BackTab], Action::PrevPane, "tui-key-to-form"),
    STEP_COMMANDS[0],
    STEP_COMMANDS[1],
    STEP_COMMANDS[2],
    STEP_COMMANDS[3],
    STEP_COMMANDS[4],
    STEP_COMMANDS[5],
    STEP_COMMANDS[6],
    STEP_COMMANDS[7],
    STEP_COMMANDS[8],
    MATERIAL_KEY,
    JOURNAL_KEY,
    EDITION_KEY,
    ATTACH_KEY,
    STEP_COMMANDS[9],
    STEP_COMMANDS[10],
    STEP_COMMANDS[11],
    STEP_COMMANDS[12],
    UNDO,
    show(
        &[Esc, Char('h'), Backspace],
        Action::Back,
        "tui-key-home",
        "tui-foot-runs",
    ),
    HELP,
    QUIT,
];

static TEXT: &[Binding] = &[
    show(
        &[Up, Char('k')],
        Action::Up,
        "tui-key-scroll",
        "tui-foot-scroll",
    ),
    bind(&[Down, Char('j')], Action::Down, "tui-key-scroll"),
    bind(&[Wheel], Action::Down, "tui-key-scroll"),
    bind(&[PageUp], Action::PageUp, "tui-key-scroll-page"),
    bind(
        &[PageDown, Char(' ')],
        Action::PageDown,
        "tui-key-scroll-page",
    ),
    bind(&[Home, Char('g')], Action::First, "tui-key-scroll-page"),
    bind(&[End, Char('G')], Action::Last, "tui-key-scroll-page"),
    bind(&[Tab], Action::NextPane, "tui-key-to-form"),
    bind(&[BackTab], Action::PrevPane, "tui-key-to-form"),
    STEP_COMMANDS[0],
    show(
        &[Char('c')],
        Action::CompleteStep,
        "tui-key-complete",
        "tui-foot-done",
    ),
    STEP_COMMANDS[2],
    STEP_COMMANDS[3],
    STEP_COMMANDS[4],
    STEP_COMMANDS[5],
    STEP_COMMANDS[6],
    STEP_COMMANDS[7],
    STEP_COMMANDS[8],
    MATERIAL_KEY,
    JOURNAL_KEY,
    EDITION_KEY,
    ATTACH_KEY,
    STEP_COMMANDS[9],
    STEP_COMMANDS[10],
    STEP_COMMANDS[11],
    STEP_COMMANDS[12],
    UNDO,
    show(
        &[Esc, Char('h'), Backspace],
        Action::Back,
        "tui-key-to-steps",
        "tui-foot-steps",
    ),
    HELP,
    QUIT,
];

static FORM: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-field"),
    show(&[Tab], Action::NextPane, "tui-key-field", "tui-foot-field"),
    bind(&[BackTab], Action::PrevPane, "tui-key-field"),
    bind(&[Down], Action::Down, "tui-key-field"),
    bind(&[Up], Action::Up, "tui-key-field"),
    bind(&[Home, PageUp], Action::First, "tui-key-field-ends"),
    bind(&[End, PageDown], Action::Last, "tui-key-field-ends"),
    show(
        &[Enter, F(2)],
        Action::Open,
        "tui-key-edit",
        "tui-foot-edit",
    ),
    bind(&[Backspace], Action::Backspace, "tui-key-edit-backspace"),
    show(
        &[Delete],
        Action::ClearField,
        "tui-key-clear",
        "tui-foot-clear",
    ),
    FORM_COMMANDS[0],
    FORM_COMMANDS[1],
    FORM_COMMANDS[2],
    FORM_COMMANDS[3],
    FORM_COMMANDS[4],
    FORM_COMMANDS[5],
    MATERIAL_KEY_FORM,
    JOURNAL_KEY_FORM,
    ATTACH_KEY_FORM,
    UNDO_CTRL,
    show(&[Esc], Action::Back, "tui-key-to-steps", "tui-foot-steps"),
    HELP_F1,
    QUIT_CTRL,
];

static TABLE: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-cell"),
    show(&[Up], Action::Up, "tui-key-row", "tui-foot-cell"),
    bind(&[Down], Action::Down, "tui-key-row"),
    bind(&[PageUp], Action::PageUp, "tui-key-row"),
    bind(&[PageDown], Action::PageDown, "tui-key-row"),
    bind(&[Left], Action::Left, "tui-key-cell"),
    bind(&[Right], Action::Right, "tui-key-cell"),
    bind(&[Tab], Action::NextPane, "tui-key-next-cell"),
    bind(&[BackTab], Action::PrevPane, "tui-key-next-cell"),
    show(
        &[Enter, F(2)],
        Action::Open,
        "tui-key-edit-cell",
        "tui-foot-edit",
    ),
    show(
        &[Insert, Alt('a')],
        Action::AddRow,
        "tui-key-add-row",
        "tui-foot-add-row",
    ),
    show(
        &[Delete, Alt('x')],
        Action::ClearField,
        "tui-key-remove-row",
        "tui-foot-remove-row",
    ),
    bind(&[ShiftUp, Alt('K')], Action::MoveRowUp, "tui-key-move-row"),
    bind(
        &[ShiftDown, Alt('J')],
        Action::MoveRowDown,
        "tui-key-move-row",
    ),
    UNDO_CTRL,
    show(
        &[Esc],
        Action::Back,
        "tui-key-close-table",
        "tui-foot-fields",
    ),
    HELP_F1,
    QUIT_CTRL,
];

static EDITOR: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type"),
    show(&[Left], Action::Left, "tui-key-cursor", "tui-foot-cursor"),
    bind(&[Right], Action::Right, "tui-key-cursor"),
    bind(&[Home], Action::First, "tui-key-cursor"),
    bind(&[End], Action::Last, "tui-key-cursor"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Delete], Action::Delete, "tui-key-erase"),
    bind(&[Ctrl('u')], Action::ClearLine, "tui-key-clear-line"),
    show(
        &[Enter, Ctrl('s')],
        Action::Keep,
        "tui-key-keep",
        "tui-foot-keep",
    ),
    bind(&[Tab], Action::NextPane, "tui-key-keep-next"),
    bind(&[BackTab], Action::PrevPane, "tui-key-keep-next"),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP_F1,
    QUIT_CTRL,
];

static MULTILINE_EDITOR: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type"),
    show(&[Left], Action::Left, "tui-key-cursor", "tui-foot-cursor"),
    bind(&[Right], Action::Right, "tui-key-cursor"),
    bind(&[Up], Action::Up, "tui-key-cursor"),
    bind(&[Down], Action::Down, "tui-key-cursor"),
    bind(&[Home], Action::First, "tui-key-cursor"),
    bind(&[End], Action::Last, "tui-key-cursor"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Delete], Action::Delete, "tui-key-erase"),
    show(
        &[Enter, AltEnter, Ctrl('j')],
        Action::Newline,
        "tui-key-newline",
        "tui-foot-newline",
    ),
    show(&[Ctrl('s')], Action::Keep, "tui-key-keep", "tui-foot-keep"),
    bind(&[Tab], Action::NextPane, "tui-key-keep-next"),
    bind(&[BackTab], Action::PrevPane, "tui-key-keep-next"),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP_F1,
    QUIT_CTRL,
];

static WAIT_PROMPT: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-date"),
    bind(&[Left], Action::Left, "tui-key-cursor"),
    bind(&[Right], Action::Right, "tui-key-cursor"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Delete], Action::Delete, "tui-key-erase"),
    bind(&[Ctrl('u')], Action::ClearLine, "tui-key-clear-line"),
    show(&[Enter], Action::Keep, "tui-key-wait-keep", "tui-foot-wait"),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP_F1,
    QUIT_CTRL,
];

static DATE_PROMPT: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-day"),
    bind(&[Left], Action::Left, "tui-key-cursor"),
    bind(&[Right], Action::Right, "tui-key-cursor"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Delete], Action::Delete, "tui-key-erase"),
    bind(&[Ctrl('u')], Action::ClearLine, "tui-key-clear-line"),
    show(&[Enter], Action::Keep, "tui-key-date-keep", "tui-foot-date"),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP_F1,
    QUIT_CTRL,
];

static OPTIONS: &[Binding] = &[
    show(&[Up], Action::Up, "tui-key-move", "tui-foot-move"),
    bind(&[Down], Action::Down, "tui-key-move"),
    bind(&[Home], Action::First, "tui-key-move"),
    bind(&[End], Action::Last, "tui-key-move"),
    show(
        &[Typing],
        Action::Type(' '),
        "tui-key-type-option",
        "tui-foot-find",
    ),
    show(
        &[Enter],
        Action::Open,
        "tui-key-choose-option",
        "tui-foot-choose",
    ),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP_F1,
    QUIT_CTRL,
];

static PICKER: &[Binding] = &[
    show(
        &[Up, Char('k')],
        Action::Up,
        "tui-key-move",
        "tui-foot-move",
    ),
    bind(&[Down, Char('j')], Action::Down, "tui-key-move"),
    bind(&[PageUp], Action::PageUp, "tui-key-move"),
    bind(&[PageDown], Action::PageDown, "tui-key-move"),
    show(
        &[Tab],
        Action::NextPane,
        "tui-key-next-choice",
        "tui-foot-next-choice",
    ),
    bind(&[BackTab], Action::PrevPane, "tui-key-next-choice"),
    show(
        &[Enter, Char(' ')],
        Action::Open,
        "tui-key-choose",
        "tui-foot-choose",
    ),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP,
    QUIT,
];

static COPY: &[Binding] = &[
    show(
        &[Up, Char('k')],
        Action::Up,
        "tui-key-move",
        "tui-foot-move",
    ),
    bind(&[Down, Char('j')], Action::Down, "tui-key-move"),
    show(
        &[Enter, Char('y')],
        Action::Copy,
        "tui-key-copy",
        "tui-foot-copy",
    ),
    show(
        &[Char('o')],
        Action::OpenLink,
        "tui-key-open-link",
        "tui-foot-open-link",
    ),
    show(&[Esc], Action::Back, "tui-key-cancel", "tui-foot-cancel"),
    HELP,
    QUIT,
];

/// A reading overlay's table: the keys that scroll it (said in `?` with `$help`), then its own.
macro_rules! reading {
    ($name:ident, $help:literal, [$($own:expr),* $(,)?]) => {
        static $name: &[Binding] = &[
            show(&[Up, Char('k')], Action::Up, $help, "tui-foot-scroll"),
            bind(&[Down, Char('j')], Action::Down, $help),
            bind(&[Wheel], Action::Down, $help),
            bind(&[PageUp], Action::PageUp, $help),
            bind(&[PageDown, Char(' ')], Action::PageDown, $help),
            bind(&[Home, Char('g')], Action::First, $help),
            bind(&[End, Char('G')], Action::Last, $help),
            $($own,)*
            HELP,
            QUIT,
        ];
    };
}

reading!(
    MATERIAL,
    "tui-key-scroll-material",
    [show(
        &[Esc, Char('i'), F(3)],
        Action::Back,
        "tui-key-close-material",
        "tui-foot-close",
    )]
);

reading!(
    EDITION,
    "tui-key-scroll-edition",
    [
        show(
            &[Enter],
            Action::Open,
            "tui-key-take-edition",
            "tui-foot-take-edition",
        ),
        show(
            &[Esc],
            Action::Back,
            "tui-key-keep-edition",
            "tui-foot-keep-edition",
        ),
    ]
);

reading!(
    JOURNAL,
    "tui-key-scroll-journal",
    [show(
        &[Esc, Char('J'), F(4)],
        Action::Back,
        "tui-key-close-journal",
        "tui-foot-close",
    )]
);

static ATTACHMENTS: &[Binding] = &[
    show(
        &[Up, Char('k')],
        Action::Up,
        "tui-key-move",
        "tui-foot-move",
    ),
    bind(&[Down, Char('j')], Action::Down, "tui-key-move"),
    show(
        &[Enter, Char('l')],
        Action::Open,
        "tui-key-attach-file",
        "tui-foot-attach-file",
    ),
    show(
        &[Delete, Char('x')],
        Action::ClearField,
        "tui-key-detach-file",
        "tui-foot-detach-file",
    ),
    show(
        &[Esc, Char('a')],
        Action::Back,
        "tui-key-close-attachments",
        "tui-foot-close",
    ),
    HELP,
    QUIT,
];

static ATTACH_PATH: &[Binding] = &[
    bind(&[Typing], Action::Type(' '), "tui-key-type-path"),
    bind(&[Left], Action::Left, "tui-key-cursor"),
    bind(&[Right], Action::Right, "tui-key-cursor"),
    bind(&[Home], Action::First, "tui-key-cursor"),
    bind(&[End], Action::Last, "tui-key-cursor"),
    bind(&[Backspace], Action::Backspace, "tui-key-erase"),
    bind(&[Delete], Action::Delete, "tui-key-erase"),
    show(
        &[Enter],
        Action::Open,
        "tui-key-attach-keep",
        "tui-foot-attach-keep",
    ),
    show(
        &[Esc],
        Action::Back,
        "tui-key-attach-cancel",
        "tui-foot-cancel",
    ),
    HELP_F1,
    QUIT_CTRL,
];

static HELP_KEYS: &[Binding] = &[
    bind(&[Up, Char('k')], Action::Up, "tui-key-scroll-help"),
    bind(&[Down, Char('j')], Action::Down, "tui-key-scroll-help"),
    bind(&[PageUp], Action::PageUp, "tui-key-scroll-help"),
    bind(
        &[PageDown, Char(' ')],
        Action::PageDown,
        "tui-key-scroll-help",
    ),
    show(
        &[Esc, Char('?'), F(1)],
        Action::Help,
        "tui-key-close-help",
        "tui-foot-close",
    ),
    QUIT,
];

static TOO_SMALL: &[Binding] = &[show(
    &[Ctrl('c')],
    Action::Quit,
    "tui-key-quit",
    "tui-foot-quit",
)];

/// The keys of a mode, in the order the help lists them.
pub fn bindings(mode: KeyMode) -> &'static [Binding] {
    match mode {
        KeyMode::Home => HOME,
        KeyMode::NewRun => NEW_RUN,
        KeyMode::Rename => RENAME,
        KeyMode::ConfirmDelete => CONFIRM_DELETE,
        KeyMode::Shelf => SHELF,
        KeyMode::Organisations => ORGANISATIONS,
        KeyMode::Organisation => ORGANISATION,
        KeyMode::Steps => STEPS,
        KeyMode::Text => TEXT,
        KeyMode::Form => FORM,
        KeyMode::Table => TABLE,
        KeyMode::Editor => EDITOR,
        KeyMode::MultilineEditor => MULTILINE_EDITOR,
        KeyMode::WaitPrompt => WAIT_PROMPT,
        KeyMode::DatePrompt => DATE_PROMPT,
        KeyMode::Options => OPTIONS,
        KeyMode::Picker => PICKER,
        KeyMode::Copy => COPY,
        KeyMode::Material => MATERIAL,
        KeyMode::Journal => JOURNAL,
        KeyMode::Edition => EDITION,
        KeyMode::Attachments => ATTACHMENTS,
        KeyMode::AttachPath => ATTACH_PATH,
        KeyMode::Help => HELP_KEYS,
        KeyMode::TooSmall => TOO_SMALL,
    }
}

/// The action a key stands for in a mode, if any.
pub fn action(event: KeyEvent, mode: KeyMode) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    if mode.typing()
        && let KeyCode::Char(c) = event.code
        && !event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && !c.is_control()
    {
        return Some(Action::Type(c));
    }
    bindings(mode)
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(&event)))
        .map(|b| b.action)
}

/// The footer of a mode, at most `width` columns: the first key of each line marked for it,
/// with its short word, as many as fit, the key to the list of all keys always among them.
pub fn footer(mode: KeyMode, lang: Lang, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let items: Vec<(bool, String)> = bindings(mode)
        .iter()
        .filter_map(|b| {
            let word = b.footer?;
            let help = b.action == Action::Help;
            Some((
                help,
                format!("{} {}", b.keys[0].name(lang), lang.text(word)),
            ))
        })
        .collect();
    let reserved: usize = items
        .iter()
        .filter(|(help, _)| *help)
        .map(|(_, text)| text.width() + 2)
        .sum();
    let mut used = reserved;
    let mut shown = Vec::new();
    for (help, text) in &items {
        if *help {
            shown.push(text.as_str());
        } else if used + text.width() + 2 <= width + 2 {
            used += text.width() + 2;
            shown.push(text.as_str());
        }
    }
    shown.join("  ")
}

/// The `?` list of a mode: the keys of every line with the same help, and the help.
pub fn help(mode: KeyMode, lang: Lang) -> Vec<(String, String)> {
    help_rows(mode, lang)
        .into_iter()
        .map(|(keys, help)| (keys.join(" "), help))
        .collect()
}

fn help_rows(mode: KeyMode, lang: Lang) -> Vec<(Vec<String>, String)> {
    let mut rows: Vec<(Vec<String>, &'static str)> = Vec::new();
    for binding in bindings(mode) {
        let names = binding.keys.iter().map(|k| k.name(lang));
        match rows.iter_mut().find(|(_, help)| *help == binding.help) {
            Some((keys, _)) => {
                for name in names {
                    if !keys.contains(&name) {
                        keys.push(name);
                    }
                }
            }
            None => rows.push((names.collect(), binding.help)),
        }
    }
    rows.into_iter()
        .map(|(keys, help)| (keys, lang.text(help)))
        .collect()
}

/// Every mode's keys as Markdown tables, in `lang`: what the README shows (a test keeps the
/// two the same).
pub fn markdown(lang: Lang) -> String {
    let mut out = String::new();
    for mode in KeyMode::ALL {
        out.push_str(&format!("| {} | |\n|---|---|\n", lang.text(mode.title())));
        for (keys, help) in help_rows(mode, lang) {
            let keys = keys
                .iter()
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!("| {keys} | {help} |\n"));
        }
        out.push('\n');
    }
    out
}

/// The Latin letter on the same key of a US keyboard as `c` in the ЙЦУКЕН layout.
pub fn latin(c: char) -> char {
    const RU: &str = "йцукенгшщзфывапролдячсмитьЙЦУКЕНГШЩЗФЫВАПРОЛДЯЧСМИТЬ";
    const EN: &str = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM";
    RU.chars()
        .position(|r| r == c)
        .and_then(|i| EN.chars().nth(i))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_letter_shortcut_works_in_the_russian_layout_too() {
        for (en, ru) in [
            ('q', 'й'),
            ('j', 'о'),
            ('k', 'л'),
            ('s', 'ы'),
            ('c', 'с'),
            ('w', 'ц'),
            ('r', 'к'),
            ('p', 'з'),
            ('v', 'м'),
            ('u', 'г'),
            ('g', 'п'),
            ('G', 'П'),
            ('h', 'р'),
            ('l', 'д'),
            ('y', 'н'),
            ('o', 'щ'),
            ('d', 'в'),
            ('J', 'О'),
            ('a', 'ф'),
        ] {
            let latin = action(press(en), KeyMode::Steps);
            assert!(latin.is_some(), "{en} does something");
            assert_eq!(action(press(ru), KeyMode::Steps), latin, "{ru} as {en}");
        }
        let alt = |c| action(key(KeyCode::Char(c), KeyModifiers::ALT), KeyMode::Form);
        assert_eq!(alt('с'), Some(Action::CompleteStep));
        assert_eq!(alt('c'), Some(Action::CompleteStep));
    }

    /// Where text is typed, no printable key is a command: every character, Latin, Cyrillic,
    /// digits and signs, is text; the commands are on keys that cannot be typed.
    #[test]
    fn where_text_is_typed_every_printable_key_is_text() {
        let printable = (' '..='~')
            .chain('а'..='я')
            .chain('А'..='Я')
            .chain(['ё', 'Ё', '№']);
        for mode in KeyMode::ALL.into_iter().filter(|m| m.typing()) {
            for c in printable.clone() {
                let shifted = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                assert_eq!(
                    action(key(KeyCode::Char(c), shifted), mode),
                    Some(Action::Type(c)),
                    "{c:?} in {mode:?}"
                );
            }
            for binding in bindings(mode) {
                for k in binding.keys {
                    assert!(
                        !matches!(k, Key::Char(_)),
                        "{mode:?} binds the printable {k:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn enter_on_a_step_opens_it_and_never_changes_the_run() {
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action(enter, KeyMode::Steps), Some(Action::Open));
        for mode in KeyMode::ALL {
            for binding in bindings(mode) {
                if binding.keys.contains(&Key::Enter) {
                    assert!(
                        !matches!(
                            binding.action,
                            Action::CompleteStep
                                | Action::StartStep
                                | Action::WaitStep
                                | Action::PassOver
                                | Action::ReopenStep
                        ),
                        "Enter in {mode:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn tab_shift_tab_and_shift_arrows() {
        assert_eq!(
            action(key(KeyCode::Tab, KeyModifiers::NONE), KeyMode::Steps),
            Some(Action::NextPane)
        );
        assert_eq!(
            action(key(KeyCode::BackTab, KeyModifiers::SHIFT), KeyMode::Form),
            Some(Action::PrevPane)
        );
        assert_eq!(
            action(key(KeyCode::Up, KeyModifiers::SHIFT), KeyMode::Table),
            Some(Action::MoveRowUp)
        );
        assert_eq!(
            action(key(KeyCode::Insert, KeyModifiers::NONE), KeyMode::Table),
            Some(Action::AddRow)
        );
        assert_eq!(
            action(key(KeyCode::Up, KeyModifiers::SHIFT), KeyMode::Editor),
            None
        );
    }

    #[test]
    fn a_window_too_small_takes_no_key_but_ctrl_c() {
        for c in ['c', 'q', ' ', 'й'] {
            assert_eq!(action(press(c), KeyMode::TooSmall), None);
        }
        assert_eq!(
            action(key(KeyCode::Enter, KeyModifiers::NONE), KeyMode::TooSmall),
            None
        );
        assert_eq!(
            action(
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                KeyMode::TooSmall
            ),
            Some(Action::Quit)
        );
    }

    /// No key does two things in one mode: a key listed twice would do only the first, and
    /// the help would say otherwise.
    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in KeyMode::ALL {
            let mut seen: Vec<(Key, Action)> = Vec::new();
            for binding in bindings(mode) {
                for key in binding.keys {
                    if matches!(key, Key::Typing | Key::Wheel) {
                        continue;
                    }
                    if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                        assert_eq!(*first, binding.action, "{key:?} twice in {mode:?}");
                    }
                    seen.push((*key, binding.action));
                }
            }
        }
    }

    /// Every mode has a footer and a help, and every message they name exists in both
    /// languages.
    #[test]
    fn every_mode_has_its_footer_and_help_in_both_languages() {
        for lang in [Lang::Ru, Lang::En] {
            for mode in KeyMode::ALL {
                assert!(!footer(mode, lang, 80).is_empty(), "{mode:?}");
                for (keys, help) in help(mode, lang) {
                    assert!(!keys.is_empty() && !help.starts_with("tui-"), "{help}");
                }
                assert!(!lang.text(mode.title()).starts_with("tui-"));
            }
        }
    }
}
