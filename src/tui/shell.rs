//! The imperative shell: the store and the clock. It runs [`update`] on each action and carries
//! out the effects (save, create, open, close); [`run`] reads the terminal's events and draws.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;

use super::action::Action;
use super::app::{
    App, Home, HomeDialog, Labelled, Notice, NoticeKind, RunScreen, RunSummary, SaveState, Screen,
    Shelf, Shelved, ShelvedKind,
};
use super::keys::KeyMode;
pub use super::terminal::run;
use super::update::{Effect, update};
use super::view::Theme;
use crate::calendar::ProductionCalendar;
use crate::catalog::Unkept;
use crate::i18n::{Lang, Msg};
use crate::procedure::Procedure;
use crate::run::schedule::summary;
use crate::store::{ChangeError, Edition, Session, Store};

/// Where the wizard starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    Home,
    /// `poryadok start PROCEDURE`: ask for the label of a new run of it.
    Procedure(String),
    /// `poryadok open RUN`.
    Run(String),
}

/// The wizard with what it needs from outside.
pub struct Wizard {
    pub app: App,
    store: Store,
    session: Option<Session>,
    theme: Theme,
    /// What the terminal loop must still send out: text for the clipboard, an address for the
    /// browser.
    outbox: Vec<Outgoing>,
    /// Where exports go; `None`: `poryadok/<run>` in the officer's documents folder.
    pub export_to: Option<PathBuf>,
    /// The open run changed since it was last written: [`Wizard::save_pending`] writes it.
    pub(super) unsaved: bool,
    /// The officer was told that quitting now loses a change that could not be written; a
    /// second quit leaves anyway.
    quit_asked: bool,
    /// The wizard closed with a change it could not write: why, to say after the screen is gone.
    pub left_unsaved: Option<String>,
    /// Procedures read from their files at this start, kept in the cache after the first frame.
    unkept: Option<Unkept>,
}

/// Something that leaves the wizard through the terminal or another program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outgoing {
    Clipboard(String),
    Browser(String),
}

impl Wizard {
    pub fn new(
        lang: Lang,
        procedures: Vec<Arc<Procedure>>,
        store: Store,
        now: Timestamp,
    ) -> Wizard {
        let mut wizard = Wizard {
            app: App::new(lang, procedures, now),
            store,
            session: None,
            theme: Theme::from_env(),
            outbox: Vec::new(),
            export_to: None,
            unsaved: false,
            quit_asked: false,
            left_unsaved: None,
            unkept: None,
        };
        wizard.refresh_runs();
        wizard.read_organisations();
        if wizard.app.runs.is_empty() {
            wizard.app.screen = Screen::Home(Home {
                pane: super::app::HomePane::Procedures,
                ..Home::default()
            });
        }
        wizard
    }

    /// Goes to where `start` says; an unknown procedure or run leaves the home screen up with a
    /// notice.
    pub fn start(&mut self, start: &Start, now: Timestamp) {
        match start {
            Start::Home => {}
            Start::Procedure(id) => match self.app.procedure_index(id) {
                Some(index) => {
                    super::update::ask_label(&mut self.app, index);
                    self.read_organisations();
                }
                None => self.notice(
                    NoticeKind::Error,
                    Msg::new("tui-unknown-procedure").arg("id", id.as_str()),
                ),
            },
            Start::Run(id) => self.perform(Effect::Open(id.clone()), now),
        }
    }

    /// Handles one action and its effect. A change to the open run is written by
    /// [`Wizard::save_pending`], which the terminal loop calls as soon as the frame showing the
    /// change is out, before it reads the next key.
    pub fn handle(&mut self, action: Action, now: Timestamp) {
        if action != Action::Quit {
            self.quit_asked = false;
        }
        if let Some(effect) = update(&mut self.app, action, now) {
            self.perform(effect, now);
        }
    }

    /// Handles a paste: the whole text at once (see [`super::update::paste`]).
    pub fn paste(&mut self, text: &str, now: Timestamp) {
        self.quit_asked = false;
        if let Some(effect) = super::update::paste(&mut self.app, text, now) {
            self.perform(effect, now);
        }
    }

    /// Writes the open run if it changed since it was last written; whether it did (the screen
    /// then shows the new "saved" time, or the error).
    pub fn save_pending(&mut self, now: Timestamp) -> bool {
        if !std::mem::take(&mut self.unsaved) {
            return false;
        }
        self.save(now);
        true
    }

    /// Whether the wizard may close now that the officer asked to quit. A change that could not
    /// be written is written again first; when that fails too, the officer is told that quitting
    /// loses it and why, and only a second quit leaves (with [`Wizard::left_unsaved`] set, for
    /// the line after the screen).
    pub fn may_quit(&mut self, now: Timestamp) -> bool {
        if self.save_error().is_none() {
            return true;
        }
        self.save(now);
        let Some(error) = self.save_error() else {
            return true;
        };
        if self.quit_asked {
            self.left_unsaved = Some(error);
            return true;
        }
        self.quit_asked = true;
        self.app.quit = false;
        self.notice(NoticeKind::Error, Msg::new("tui-quit-unsaved"));
        false
    }

    /// The terminal loop's tick, when it wakes with no key (once a minute): "today" moves on
    /// past midnight, and with it the marks of waits past their due day; a change that could
    /// not be written is tried again (space freed or the folder mended, the change reaches the
    /// disk without waiting for the next change).
    pub fn tick(&mut self, now: Timestamp) {
        super::update::set_today(&mut self.app, now);
        if self.save_error().is_some() {
            self.unsaved = true;
        }
    }

    /// Why the open run's last change could not be written, if it could not.
    fn save_error(&self) -> Option<String> {
        match &self.app.screen {
            Screen::Run(screen) => match &screen.saved {
                SaveState::Failed(error) => Some(error.clone()),
                SaveState::Saved(_) => None,
            },
            _ => None,
        }
    }

    /// Has `unkept` kept in the cache once the first frame is out: encoding and writing a long
    /// procedure would delay that frame by a few milliseconds.
    pub fn keep_later(&mut self, unkept: Unkept) {
        self.unkept = Some(unkept);
    }

    /// Work done once a frame is drawn, while the officer reads it, so that the next keypress
    /// draws sooner: the procedures read at this start kept in the cache (after the first
    /// frame), the texts of the steps next to the selected one.
    pub fn after_frame(&mut self) {
        if let Some(unkept) = self.unkept.take() {
            unkept.keep();
        }
        if let Screen::Run(screen) = &mut self.app.screen {
            screen.prepare_neighbours();
        }
    }

    /// What has the keys now.
    pub fn mode(&self) -> KeyMode {
        self.app.key_mode()
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// Takes what must be sent out (see [`Outgoing`]).
    pub fn take_outgoing(&mut self) -> Vec<Outgoing> {
        std::mem::take(&mut self.outbox)
    }

    fn perform(&mut self, effect: Effect, now: Timestamp) {
        if matches!(effect, Effect::Create { .. } | Effect::Open(_)) {
            // The run on screen is written before another takes its place.
            self.save_pending(now);
        }
        match effect {
            Effect::Copy(text) => self.outbox.push(Outgoing::Clipboard(text)),
            Effect::OpenUrl(url) => self.outbox.push(Outgoing::Browser(url)),
            Effect::Export => self.export(now),
            Effect::Save => self.unsaved = true,
            Effect::ReadOrganisations => self.read_organisations(),
            Effect::Journal => self.show_journal(),
            Effect::Attach { step, number, path } => {
                self.attach(&step, number, path.as_deref(), now)
            }
            Effect::Rename { id, label } => self.rename(&id, &label, now),
            Effect::Archive(id) => self.archive(&id, now),
            Effect::DeleteRun(id) => self.delete(&id),
            Effect::ShowShelf => {
                let items = self.shelf_items();
                self.app.screen = Screen::Shelf(Shelf { items, selected: 0 });
            }
            Effect::Restore { id, archived } => self.restore(&id, archived, now),
            Effect::Home => {
                self.refresh_runs();
                let pane = match self.app.runs.is_empty() {
                    true => super::app::HomePane::Procedures,
                    false => super::app::HomePane::Runs,
                };
                self.app.screen = Screen::Home(Home {
                    pane,
                    ..Home::default()
                });
            }
            Effect::SaveOrganisation(id) => self.save_organisation(&id),
            Effect::Create {
                procedure,
                label,
                org,
            } => {
                let procedure = Arc::clone(&self.app.procedures[procedure]);
                match self.store.create(&procedure, &label, now) {
                    Ok((mut session, mut run)) => {
                        let id = session.id().to_owned();
                        if let Some(org) = org {
                            self.give_run(&org, &procedure, &mut session, &mut run, now);
                        }
                        self.session = Some(session);
                        self.app.screen = Screen::Run(Box::new(RunScreen::new(
                            id,
                            procedure,
                            run,
                            SaveState::Saved(now),
                        )));
                    }
                    Err(error) => self.notice(NoticeKind::Error, error.message()),
                }
            }
            Effect::Open(id) => self.open(&id, now),
            Effect::Close => {
                self.save(now);
                self.session = None;
                self.refresh_runs();
                let (run, archived) = match &self.app.screen {
                    Screen::Run(screen) => (
                        self.app.runs.iter().position(|r| r.id == screen.id),
                        screen.run.archived.is_some().then(|| screen.id.clone()),
                    ),
                    _ => (None, None),
                };
                self.app.screen = Screen::Home(Home {
                    run: run.unwrap_or(0),
                    ..Home::default()
                });
                // A run read from the archive goes back to the shelf it was opened from.
                if let Some(id) = archived {
                    let items = self.shelf_items();
                    let selected = items.iter().position(|i| i.id == id).unwrap_or(0);
                    self.app.screen = Screen::Shelf(Shelf { items, selected });
                }
            }
        }
    }

    /// Gives the file at `path` to the `number`-th file added to the letters of `step` of the
    /// open run, or takes it away (no `path`): the file copied into the run's folder by the
    /// store, as `poryadok attach` does, then the change applied to the run on screen. A path
    /// that cannot be taken is said under it, and nothing is stored.
    fn attach(
        &mut self,
        step: &str,
        number: usize,
        path: Option<&std::path::Path>,
        now: Timestamp,
    ) {
        use super::update::attach;
        let Screen::Run(screen) = &self.app.screen else {
            return;
        };
        match self.store.attach_command(&screen.id, step, number, path) {
            Ok(command) => {
                if attach::attached(&mut self.app, command, now).is_some() {
                    self.unsaved = true;
                }
            }
            Err(error) => attach::refused(&mut self.app, error.message()),
        }
    }

    /// The data folder: the register of organisations is kept there.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.store.runs_dir().parent().map(PathBuf::from)
    }

    /// Reads the register of organisations again (another program may have changed it); a
    /// register that cannot be read is said, and nothing is written over it.
    fn read_organisations(&mut self) {
        let Some(data) = self.data_dir() else {
            return;
        };
        match crate::organisation::Register::load(&data) {
            Ok(register) => self.app.organisations = register,
            Err(error) => self.notice(NoticeKind::Error, error.message()),
        }
    }

    /// Writes one organisation, as the wizard holds it, into the register on disk (read again
    /// first, so that what another program wrote there meanwhile is kept). When it cannot be
    /// written the officer is told why; the values stay in the wizard and the next one kept
    /// writes them all.
    fn save_organisation(&mut self, id: &str) {
        use crate::organisation::Register;
        let Some(data) = self.data_dir() else {
            return;
        };
        let org = self.app.organisations.organisations.get(id).cloned();
        let result = Register::load(&data).and_then(|mut register| {
            match org {
                Some(org) => register.organisations.insert(id.to_owned(), org),
                None => register.organisations.remove(id),
            };
            register.save(&data).map(|()| register)
        });
        match result {
            Ok(register) => self.app.organisations = register,
            Err(error) => self.notice(NoticeKind::Error, error.message()),
        }
    }

    /// Gives a new run to an organisation of the register as `poryadok new --org` does
    /// ([`crate::organisation::give`]): its fields that are the organisation's values filled and
    /// journaled, the run recorded in the register. What fails is said; the run stays.
    fn give_run(
        &mut self,
        org: &str,
        procedure: &Procedure,
        session: &mut Session,
        run: &mut crate::run::Run,
        now: Timestamp,
    ) {
        use crate::organisation::{Register, give};
        let Some(data) = self.data_dir() else {
            return;
        };
        let result = Register::load(&data)
            .map_err(|e| e.message())
            .and_then(|mut register| {
                let run_id = session.id().to_owned();
                let filled = give(&mut register, org, procedure, &run_id, run, now)
                    .ok_or_else(|| Msg::new("org-unknown").arg("id", org))?;
                if !filled.is_empty() {
                    session.save(procedure, run, now).map_err(|e| e.message())?;
                }
                register.save(&data).map_err(|e| e.message())?;
                Ok(register)
            });
        match result {
            Ok(register) => self.app.organisations = register,
            Err(text) => self.notice(NoticeKind::Error, text),
        }
    }

    fn open(&mut self, id: &str, now: Timestamp) {
        let (session, opened) = match self.store.open_run(id) {
            Ok(opened) => opened,
            Err(error) => {
                self.notice(NoticeKind::Error, error.message());
                return;
            }
        };
        let file = (self.app.procedure_index(&opened.run.procedure.id))
            .map(|index| Arc::clone(&self.app.procedures[index]));
        // Secret values the key file does not open are said, not shown as empty fields.
        let unreadable = opened.unreadable_notice(id, self.store.key_path());
        let mut run = opened.run;
        // The run's own edition, or the file fitted when nothing else opens it; a newer edition
        // in the file is offered, not applied.
        let Some(walked) = self.store.walk_edition(&mut run, file.as_deref(), now) else {
            self.notice(
                NoticeKind::Error,
                Msg::new("runs-unknown-procedure").arg("procedure", run.procedure.id.as_str()),
            );
            return;
        };
        let procedure = match &walked.procedure {
            Edition::Kept(kept) => Arc::clone(kept),
            Edition::File(_) => Arc::clone(file.as_ref().expect("walked with the file")),
        };
        // The newer edition the run may take, as the wizard holds it; asked about at once
        // unless the officer kept the run's own edition before.
        let offer = (walked.offer.as_ref())
            .filter(|offer| offer.open())
            .map(|offer| {
                (
                    offer.to_ask(),
                    Arc::clone(file.as_ref().expect("offered by the file")),
                )
            });
        let moved = walked.moved;
        let said = walked.said;
        let saved = SaveState::Saved(opened.saved.unwrap_or(now));
        self.session = Some(session);
        self.app.screen = Screen::Run(Box::new(RunScreen::new(
            id.to_owned(),
            Arc::clone(&procedure),
            run,
            saved,
        )));
        if moved.changed() || opened.migrated_from.is_some() {
            self.save(now);
        }
        if !moved.set_aside.is_empty() {
            // In words, from the edition the run had before when it is kept.
            let before = (moved.edition_from.as_ref())
                .and_then(|from| self.store.kept_edition(procedure.id(), from));
            let editions: Vec<&crate::procedure::Procedure> =
                before.as_deref().into_iter().chain([&*procedure]).collect();
            let details = (moved.set_aside.iter())
                .map(|item| {
                    crate::run::journal::What::parse(item).words_in(&editions, self.app.lang)
                })
                .collect();
            self.app.notice = Some(Notice {
                kind: NoticeKind::Info,
                text: Msg::new("tui-set-aside").arg("count", moved.set_aside.len()),
                details,
            });
        }
        if let Some(text) = said {
            self.notice(NoticeKind::Info, text);
        }
        if let Some((ask, newer)) = offer
            && let Screen::Run(screen) = &mut self.app.screen
        {
            screen.newer = Some(newer);
            if ask {
                crate::tui::update::offer_edition(&mut self.app);
            }
        }
        if let Some(text) = unreadable {
            self.notice(NoticeKind::Error, text);
        }
    }

    /// The procedure's file as the wizard has it (the store decides which edition a run is
    /// walked with; `None` when the file is gone or broken).
    fn procedure_of(&self, run: &crate::run::Run) -> Option<&Procedure> {
        let id = &run.procedure.id;
        (self.app.procedures.iter())
            .find(|p| p.id() == id)
            .map(|p| &**p)
    }

    /// The label of the run `id` as the home screen lists it (its id when it is not listed).
    fn label_of(&self, id: &str) -> String {
        (self.app.labels.iter())
            .find(|r| r.id == id)
            .map_or_else(|| id.to_owned(), |r| r.label.clone())
    }

    /// Renames the run `id` as `poryadok rename` does ([`Store::relabel`]); a label another run
    /// of the procedure has is said under the notice. Done, the rename dialog closes; refused
    /// (the run open in another window, say), it stays open with what was typed and says why.
    fn rename(&mut self, id: &str, label: &str, now: Timestamp) {
        let renamed = (self.store).relabel(id, label, |run| self.procedure_of(run), now);
        let renamed = renamed.map_err(|error| change_notice(error, self.app.lang, |msg| msg));
        let dialog = match &mut self.app.screen {
            Screen::Home(home) => Some(&mut home.dialog),
            _ => None,
        };
        let notice = match renamed {
            Err(notice) => {
                if let Some(Some(HomeDialog::Rename { refused, .. })) = dialog {
                    *refused = std::iter::once(notice.text.text(self.app.lang))
                        .chain(notice.details)
                        .collect();
                    return;
                }
                notice
            }
            Ok(same) => {
                if let Some(dialog) = dialog {
                    *dialog = None;
                }
                let mut details = Vec::new();
                if !same.is_empty() {
                    let warning = crate::store::same_label_warning(
                        "tui-renamed-same-label",
                        label,
                        &same,
                        &self.app.tz,
                    );
                    details.push(warning.text(self.app.lang));
                }
                Notice {
                    kind: NoticeKind::Info,
                    text: Msg::new("tui-renamed").arg("label", label),
                    details,
                }
            }
        };
        self.refresh_runs();
        self.app.notice = Some(notice);
    }

    /// Puts the run `id` in the archive as `poryadok archive` does, and says how to see it again.
    fn archive(&mut self, id: &str, now: Timestamp) {
        let label = self.label_of(id);
        let archived = (self.store).set_archived(id, true, |run| self.procedure_of(run), now);
        let notice = match archived {
            Ok(()) => Notice {
                kind: NoticeKind::Info,
                text: Msg::new("tui-archived").arg("label", label).arg("id", id),
                details: Vec::new(),
            },
            Err(error) => change_notice(error, self.app.lang, |never| match never {}),
        };
        self.refresh_runs();
        self.app.notice = Some(notice);
    }

    /// Deletes the run `id` as `poryadok delete` does: kept [`crate::store::KEEP_DELETED`], and
    /// the officer told how to bring it back.
    fn delete(&mut self, id: &str) {
        let label = self.label_of(id);
        let days = (crate::store::KEEP_DELETED.as_secs() / 86_400) as usize;
        let notice = match self.store.delete(id) {
            Ok(_) => Notice {
                kind: NoticeKind::Info,
                text: (Msg::new("tui-deleted").arg("label", label))
                    .arg("days", days)
                    .arg("id", id),
                details: Vec::new(),
            },
            Err(error) => {
                let error = ChangeError::<std::convert::Infallible>::Open(error);
                change_notice(error, self.app.lang, |never| match never {})
            }
        };
        self.refresh_runs();
        self.app.notice = Some(notice);
    }

    /// Brings the run `id` back to the home screen: out of the archive, or deleted (as
    /// `poryadok restore` does); the shelf stays up with what is still put away.
    fn restore(&mut self, id: &str, archived: bool, now: Timestamp) {
        let label = match &self.app.screen {
            Screen::Shelf(shelf) => shelf
                .items
                .iter()
                .find(|i| i.id == id)
                .map(|i| i.label.clone()),
            _ => None,
        }
        .unwrap_or_else(|| id.to_owned());
        let restored = match archived {
            true => (self.store).set_archived(id, false, |run| self.procedure_of(run), now),
            false => self.store.restore(id).map_err(ChangeError::Open),
        };
        let notice = match restored {
            Ok(()) => Notice {
                kind: NoticeKind::Info,
                text: Msg::new("tui-restored").arg("label", label),
                details: Vec::new(),
            },
            Err(error) => change_notice(error, self.app.lang, |never| match never {}),
        };
        self.refresh_runs();
        let items = self.shelf_items();
        if let Screen::Shelf(shelf) = &mut self.app.screen {
            shelf.selected = shelf.selected.min(items.len().saturating_sub(1));
            shelf.items = items;
        }
        self.app.notice = Some(notice);
    }

    /// The runs put away: those in the archive (most recently archived first), then those
    /// deleted and still kept (most recently deleted first).
    fn shelf_items(&self) -> Vec<Shelved> {
        let lang = self.app.lang;
        let tz = &self.app.tz;
        let title = |id: &str| {
            (self.app.procedures.iter())
                .find(|p| p.id() == id)
                .map_or_else(|| id.to_owned(), |p| p.title().to_owned())
        };
        let mut archived: Vec<(jiff::Timestamp, Shelved)> = (self.store.list())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|entry| {
                let run = entry.run.ok()?;
                let at = run.archived?;
                let kind = ShelvedKind::Archived(at.to_zoned(tz.clone()).date());
                let item = Shelved {
                    id: entry.id,
                    label: run.label,
                    procedure: title(&run.procedure.id),
                    kind,
                };
                Some((at, item))
            })
            .collect();
        archived.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        let deleted = self.store.deleted().into_iter().map(|gone| {
            let kind = ShelvedKind::Deleted {
                on: gone.at.to_zoned(tz.clone()).date(),
                until: gone.kept_until(tz),
            };
            match gone.run {
                Ok(run) => Shelved {
                    id: gone.id,
                    label: run.label,
                    procedure: title(&run.procedure.id),
                    kind,
                },
                Err(problem) => Shelved {
                    label: gone.id.clone(),
                    id: gone.id,
                    procedure: (Msg::new("tui-shelf-unreadable"))
                        .arg("problem", problem.message().text(lang))
                        .text(lang),
                    kind,
                },
            }
        });
        archived
            .into_iter()
            .map(|(_, item)| item)
            .chain(deleted)
            .collect()
    }

    /// Opens the journal of the run on screen, in the same words as `poryadok status --journal`.
    fn show_journal(&mut self) {
        let Screen::Run(screen) = &mut self.app.screen else {
            return;
        };
        let store = &self.store;
        let earlier = store.earlier_editions(&screen.procedure, &screen.run);
        let entries = crate::run::journal::told(
            &screen.procedure,
            &screen.run,
            &earlier,
            self.app.lang,
            &self.app.tz,
        );
        screen.overlay = Some(super::app::Overlay::Journal(super::app::JournalView {
            entries,
            scroll: 0,
        }));
        screen.scroll_max = None;
    }

    fn save(&mut self, now: Timestamp) {
        self.unsaved = false;
        let (Screen::Run(screen), Some(session)) = (&mut self.app.screen, &mut self.session) else {
            return;
        };
        screen.saved = match session.save(&screen.procedure, &screen.run, now) {
            Ok(()) => SaveState::Saved(now),
            // The change stays in memory; the next change saves again.
            Err(error) => SaveState::Failed(error.message().text(self.app.lang)),
        };
    }

    /// Writes the open run's documents (every format, secrets left out) into the run's folder,
    /// in place of an earlier export, and says where, the folder in full.
    fn export(&mut self, now: Timestamp) {
        use crate::export::{Format, Options, make, report::Templates, write, write_to};
        let Screen::Run(screen) = &self.app.screen else {
            return;
        };
        let lang = self.app.lang;
        let templates = self
            .store
            .runs_dir()
            .parent()
            .map(|data| Templates::from_dir(&data.join("templates")))
            .unwrap_or_else(|| Ok(Templates::default()));
        let organisation = (self.store.runs_dir().parent())
            .map(|data| crate::organisation::of_run_in(data, &screen.id))
            .transpose()
            .map(Option::flatten)
            .map_err(|e| e.message().text(lang));
        let dir = self
            .export_to
            .clone()
            .or_else(|| write::default_dir(&screen.id));
        let result = templates.map_err(|e| e.to_string()).and_then(|templates| {
            let options = Options {
                lang,
                include_secrets: false,
                tz: self.app.tz.clone(),
                organisation: organisation?,
                added_files: Some(self.store.attachments_dir(&screen.id)),
                earlier: self.store.earlier_editions(&screen.procedure, &screen.run),
            };
            let made = make(
                &screen.procedure,
                &screen.run,
                &screen.id,
                now,
                &options,
                &templates,
                &Format::ALL,
            );
            let dir = dir.ok_or_else(|| lang.text("export-no-folder"))?;
            let written = write_to(&dir, &screen.id, &made, lang)?;
            let mut said = made.problems;
            let failed = !said.is_empty();
            said.extend(made.notes);
            Ok((dir, written, said, failed))
        });
        self.app.notice = Some(match result {
            Ok((dir, written, problems, failed)) => Notice {
                kind: if !failed {
                    NoticeKind::Info
                } else {
                    NoticeKind::Error
                },
                text: Msg::new("export-written")
                    .arg("count", written.len())
                    .arg("folder", dir.display().to_string()),
                // What could not be made first: it is what the officer acts on.
                details: problems
                    .into_iter()
                    .chain(
                        written
                            .iter()
                            .filter_map(|p| p.file_name())
                            .map(|n| n.to_string_lossy().into_owned()),
                    )
                    .collect(),
            },
            Err(detail) => Notice {
                kind: NoticeKind::Error,
                text: Msg::new("export-failed").arg("detail", detail),
                details: Vec::new(),
            },
        });
    }

    fn notice(&mut self, kind: NoticeKind, text: Msg) {
        self.app.notice = Some(Notice {
            kind,
            text,
            details: Vec::new(),
        });
    }

    /// Reads the runs for the home screen again.
    pub fn refresh_runs(&mut self) {
        let listed = match self.store.list() {
            Ok(listed) => listed,
            Err(error) => {
                self.notice(
                    NoticeKind::Error,
                    Msg::new("store-io")
                        .arg("path", error.path.display().to_string())
                        .arg("error", error.error.to_string()),
                );
                return;
            }
        };
        self.app.labels = (listed.iter())
            .filter_map(|entry| {
                let run = entry.run.as_ref().ok()?;
                Some(Labelled {
                    id: entry.id.clone(),
                    procedure: run.procedure.id.clone(),
                    label: run.label.clone(),
                    created: run.created,
                })
            })
            .collect();
        let (app, store) = (&self.app, &self.store);
        self.app.runs = listed
            .into_iter()
            // A run in the archive is off the home screen; `poryadok status` still reads it.
            .filter(|entry| !entry.run.as_ref().is_ok_and(|run| run.archived.is_some()))
            .map(|entry| {
                let mut out = RunSummary {
                    id: entry.id,
                    label: String::new(),
                    procedure: None,
                    done: 0,
                    all: 0,
                    next: None,
                    due: None,
                    due_step: 0,
                    problem: None,
                    newer: None,
                };
                match entry.run {
                    Err(error) => {
                        out.label = out.id.clone();
                        out.problem = Some(error.message().text(app.lang));
                    }
                    Ok(mut run) => {
                        out.label = run.label.clone();
                        out.procedure = app.procedure_index(&run.procedure.id);
                        let file = out.procedure.map(|index| &*app.procedures[index]);
                        // As the run is walked: with its own edition.
                        let walked = store.walk_edition(&mut run, file, Timestamp::now());
                        match walked {
                            Some(walked) => {
                                out.newer = (walked.offer.as_ref())
                                    .filter(|offer| offer.open())
                                    .map(|offer| offer.procedure.version().to_owned());
                                let p = &*walked.procedure;
                                let s = summary(p, &run, &ProductionCalendar, &app.tz);
                                (out.done, out.all) = (s.done, s.all);
                                out.next = s.next.map(|i| p.steps()[i].title.clone());
                                out.due = s.due.as_ref().map(|d| d.date);
                                out.due_step = s.due.map_or(0, |d| d.step + 1);
                            }
                            None => {
                                out.problem = Some(
                                    Msg::new("runs-unknown-procedure")
                                        .arg("procedure", run.procedure.id.as_str())
                                        .text(app.lang),
                                )
                            }
                        }
                    }
                }
                out
            })
            .collect();
        // The selection stays on the list when a run leaves it.
        let runs = self.app.runs.len();
        if let Screen::Home(home) = &mut self.app.screen {
            home.run = home.run.min(runs.saturating_sub(1));
        }
    }
}

/// Why a change to a run from the home screen did not happen, as a notice: a run open
/// elsewhere in the words the command line uses, a refusal as the engine gives it; `make` says
/// the caller's own reason.
fn change_notice<E>(error: ChangeError<'_, E>, lang: Lang, make: impl FnOnce(E) -> Msg) -> Notice {
    let (kind, text, details) = match error {
        ChangeError::Open(error) => (NoticeKind::Refused, error.message(), Vec::new()),
        ChangeError::NoProcedure(procedure) => (
            NoticeKind::Error,
            Msg::new("runs-unknown-procedure").arg("procedure", procedure),
            Vec::new(),
        ),
        ChangeError::Make(reason) => (NoticeKind::Refused, make(reason), Vec::new()),
        ChangeError::Refused(refusal, procedure) => {
            let (text, details) = refusal.words(&procedure, lang);
            (NoticeKind::Refused, text, details)
        }
        ChangeError::Save(error) => (NoticeKind::Error, error.message(), Vec::new()),
    };
    Notice {
        kind,
        text,
        details,
    }
}
