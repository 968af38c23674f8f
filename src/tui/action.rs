//! Everything an officer can do in the wizard, as values. Keys (and mouse clicks) become
//! actions in [`super::keys`]; [`super::update`] applies them. Names are `snake_case` in
//! serde so that a keys file could name them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the selection one line up.
    Up,
    /// Move the selection one line down.
    Down,
    /// Move the selection a page up.
    PageUp,
    /// Move the selection a page down.
    PageDown,
    /// Go to the first line.
    First,
    /// Go to the last line.
    Last,
    /// Tab: the next pane of the screen (runs and procedures on the home screen), the next
    /// field of a form, the next cell of a table.
    NextPane,
    /// Shift-Tab: the previous pane, field or cell.
    PrevPane,
    /// Open what is selected: a run, a new run of a procedure, a choice's options.
    Open,
    /// Go back one screen, or close an overlay.
    Back,
    /// Begin the selected step.
    StartStep,
    /// Mark the selected step done.
    CompleteStep,
    /// Mark the selected step as waiting for an answer from outside.
    WaitStep,
    /// Take a done step back to in progress.
    ReopenStep,
    /// Mark an optional step as not needed.
    PassOver,
    /// Start the selected step on a day the officer gives (today unless changed).
    StartOn,
    /// Mark the selected step done on a day the officer gives (today unless changed).
    CompleteOn,
    /// Mark the selected step as waiting since a day the officer gives.
    WaitOn,
    /// Mark an optional step as not needed on a day the officer gives.
    PassOverOn,
    /// Choose the variant the selected step depends on.
    ChooseVariant,
    /// Take back the last change.
    Undo,
    /// Show or hide the selected step's reference material (its section's introduction, the
    /// references it names, the procedure's other references).
    Material,
    /// Show the run's journal: every change, newest first, in words.
    Journal,
    /// Show the newer edition of the procedure on offer: what it changes, to take it.
    Edition,
    /// List the files the officer adds to the selected step's letters (a signed scan), to
    /// give one or take it away.
    Attach,
    /// Rename the run selected on the home screen.
    Rename,
    /// Put the run selected on the home screen in the archive.
    Archive,
    /// Delete the run selected on the home screen (asked first; it is kept a while).
    DeleteRun,
    /// Show the runs in the archive and those deleted lately.
    Shelf,
    /// Bring back the run selected among those put away.
    Restore,
    /// Show the organisations the officer works for, to add or edit one.
    Organisations,
    /// Show or hide the list of keys.
    Help,
    /// Leave the wizard (everything is already saved).
    Quit,
    /// A character typed into a text input.
    Type(char),
    /// Delete the character before the cursor in a text input.
    Backspace,
    /// Delete the character under the cursor in a text input.
    Delete,
    /// Clear the line of a one-line text input.
    ClearLine,
    /// Move the cursor of a text input one character left.
    Left,
    /// Move the cursor of a text input one character right.
    Right,
    /// Start a new line in a text input that takes several lines.
    Newline,
    /// Keep what was typed into a text input that takes several lines (Ctrl-S).
    Keep,
    /// Copy an address, a subject or a link of the selected step to the clipboard (OSC 52).
    Copy,
    /// Open a link of the selected step in the browser.
    OpenLink,
    /// Write the run's documents (forms, tables, report, letters) into its folder.
    Export,
    /// Clear the selected field; in a table, remove the selected row; in the list of a
    /// letter's files, take the selected one away.
    ClearField,
    /// Add a row to a table after the selected one.
    AddRow,
    /// Move the selected row of a table one place up.
    MoveRowUp,
    /// Move the selected row of a table one place down.
    MoveRowDown,
    /// The mouse wheel over the selected step's text: scroll it up, whatever has the keys.
    ScrollUp,
    /// The mouse wheel over the selected step's text: scroll it down.
    ScrollDown,
    /// The terminal changed size.
    Resize(u16, u16),
    /// A mouse click on something the screen shows: it is selected, and opened if it already
    /// was (a step is only ever selected by a click).
    Pick(Target),
}

/// What a mouse click landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A run on the home screen, by its index.
    Run(usize),
    /// A procedure on the home screen, by its index.
    Procedure(usize),
    /// A step of the open run, by its position in the list.
    Step(usize),
    /// The selected step's detail pane, outside any field.
    Detail,
    /// A field of the selected step, by its index among the step's fields.
    Field(usize),
    /// A row of an open table field.
    Row(usize),
    /// An option of an open list (a select field's options, a variant choice).
    Option(usize),
}
