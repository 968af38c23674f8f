//! Deleting a run with a way back: its files (and the folder of the files the officer added to
//! its letters) move into `runs/deleted/`, named by the run and the moment, and stay there [`KEEP_DELETED`]; `restore` puts the latest back while its id is
//! free. Older deleted runs are removed when another run is deleted.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::errors::OpenError;
use super::{PREVIOUS_SUFFIX, RUN_SUFFIX, Store};
use crate::fsutil;

/// How long a deleted run can be brought back.
pub const KEEP_DELETED: Duration = Duration::from_secs(30 * 24 * 3600);

/// The folder deleted runs are kept in, inside the folder of runs.
pub const DELETED_DIR: &str = "deleted";

/// The suffix of a deleted run's folder of added files: `ID.STAMP.attachments`.
const ATTACHMENTS_SUFFIX: &str = ".attachments";

/// A deleted run still kept: its id, when it was deleted (its latest copy), and the run as it
/// was, or why it cannot be read.
#[derive(Debug)]
pub struct Deleted {
    pub id: String,
    pub at: jiff::Timestamp,
    pub run: Result<crate::run::Run, super::DecodeError>,
}

impl Deleted {
    /// The last day it can be brought back, in the time zone `tz`.
    pub fn kept_until(&self, tz: &jiff::tz::TimeZone) -> jiff::civil::Date {
        let until = self.at + jiff::SignedDuration::from_secs(KEEP_DELETED.as_secs() as i64);
        until.to_zoned(tz.clone()).date()
    }
}

/// Another run of the procedure that has the label being given: its id, for the command line
/// where ids are typed, and when it was started, for the wizard where ids are not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameLabel {
    pub id: String,
    pub created: jiff::Timestamp,
}

/// The rule for labels: the runs among `runs` (id, procedure id, label, when started) of the
/// procedure `procedure` whose label is `label`, spaces around it aside, but the run `except`
/// (the one being renamed). A label is never refused for it, only warned about.
pub fn same_label<'a>(
    runs: impl IntoIterator<Item = (&'a str, &'a str, &'a str, jiff::Timestamp)>,
    procedure: &str,
    label: &str,
    except: Option<&str>,
) -> Vec<SameLabel> {
    let label = label.trim();
    if label.is_empty() {
        return Vec::new();
    }
    runs.into_iter()
        .filter(|(id, of, other, _)| {
            *of == procedure && other.trim() == label && Some(*id) != except
        })
        .map(|(id, _, _, created)| SameLabel {
            id: id.to_owned(),
            created,
        })
        .collect()
}

/// The warning that the runs `same` already have the label `label`, as the message `message`
/// with its arguments: `label`, `count`, `started` (the days they were started, in `tz`, the
/// earliest first, each day once) and `runs` (their ids, for the command line).
pub fn same_label_warning(
    message: &'static str,
    label: &str,
    same: &[SameLabel],
    tz: &jiff::tz::TimeZone,
) -> crate::i18n::Msg {
    let mut by_start: Vec<&SameLabel> = same.iter().collect();
    by_start.sort_by_key(|run| run.created);
    let mut days: Vec<String> = (by_start.iter())
        .map(|run| {
            run.created
                .to_zoned(tz.clone())
                .strftime("%d.%m.%Y")
                .to_string()
        })
        .collect();
    days.dedup();
    let ids: Vec<&str> = by_start.iter().map(|run| run.id.as_str()).collect();
    crate::i18n::Msg::new(message)
        .arg(
            "label",
            crate::text::sanitize_line(label.trim()).into_owned(),
        )
        .arg("count", same.len())
        .arg("started", days.join(", "))
        .arg("runs", ids.join(", "))
}

impl Store {
    /// [`same_label`] among the runs in the store (those in the archive too).
    pub fn same_label(&self, procedure: &str, label: &str, except: Option<&str>) -> Vec<SameLabel> {
        let listed = self.list().unwrap_or_default();
        let runs = (listed.iter()).filter_map(|entry| {
            let run = entry.run.as_ref().ok()?;
            Some((
                entry.id.as_str(),
                run.procedure.id.as_str(),
                run.label.as_str(),
                run.created,
            ))
        });
        same_label(runs, procedure, label, except)
    }

    /// The deleted runs still kept, the latest copy of each, the most recently deleted first.
    pub fn deleted(&self) -> Vec<Deleted> {
        let Ok(entries) = fs::read_dir(self.deleted_dir()) else {
            return Vec::new();
        };
        let mut ids: Vec<String> = (entries.filter_map(Result::ok))
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let stem = name.strip_suffix(RUN_SUFFIX)?;
                if name.ends_with(PREVIOUS_SUFFIX) {
                    return None;
                }
                let (id, stamp) = stem.rsplit_once('.')?;
                stamp.parse::<u64>().ok()?;
                crate::procedure::is_valid_id(id).then(|| id.to_owned())
            })
            .collect();
        ids.sort();
        ids.dedup();
        let mut out: Vec<Deleted> = (ids.into_iter())
            .filter_map(|id| {
                let (stamp, path) = self.deleted_copies(&id).pop()?;
                let at = jiff::Timestamp::from_second(stamp as i64).ok()?;
                let run = match super::read_run_file(&path) {
                    Ok(Some(bytes)) => super::format::decode(&bytes, None).map(|d| d.run),
                    Ok(None) => return None,
                    Err(reason) => Err(reason),
                };
                Some(Deleted { id, at, run })
            })
            .collect();
        out.sort_by_key(|gone| std::cmp::Reverse(gone.at));
        out
    }

    fn deleted_dir(&self) -> PathBuf {
        self.runs_dir().join(DELETED_DIR)
    }

    /// Deletes the run `id` with a way back: under its lock (a run open in a wizard is
    /// refused), its file and the copy before its last save move into `runs/deleted/`, where
    /// [`Store::restore`] finds them for [`KEEP_DELETED`]. Returns where the run file went.
    pub fn delete(&self, id: &str) -> Result<PathBuf, OpenError> {
        if !crate::procedure::is_valid_id(id) || !self.run_path(id).exists() {
            return Err(OpenError::NotFound { id: id.to_owned() });
        }
        let _session = self.lock(id)?;
        let dir = self.deleted_dir();
        let io = |path: &PathBuf| {
            let path = path.clone();
            move |error| OpenError::Io { path, error }
        };
        fsutil::private_dir(&dir).map_err(io(&dir))?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let target = dir.join(format!("{id}.{stamp}{RUN_SUFFIX}"));
        let added = self.attachments_dir(id);
        if added.is_dir() {
            let kept = dir.join(format!("{id}.{stamp}{ATTACHMENTS_SUFFIX}"));
            fs::rename(&added, &kept).map_err(io(&added))?;
        }
        let previous = self.previous_path(id);
        if previous.exists() {
            let kept = dir.join(format!("{id}.{stamp}{PREVIOUS_SUFFIX}"));
            fs::rename(&previous, &kept).map_err(io(&previous))?;
        }
        let path = self.run_path(id);
        fs::rename(&path, &target).map_err(io(&path))?;
        fsutil::sync_dir(&dir).map_err(io(&dir))?;
        fsutil::sync_dir(self.runs_dir()).map_err(io(&self.runs_dir().to_path_buf()))?;
        self.forget_old_deleted();
        Ok(target)
    }

    /// Brings back the run `id` deleted last, if it is still kept and no run has its id now.
    pub fn restore(&self, id: &str) -> Result<(), OpenError> {
        let not_found = || OpenError::NotFound { id: id.to_owned() };
        if !crate::procedure::is_valid_id(id) {
            return Err(not_found());
        }
        let path = self.run_path(id);
        if path.exists() {
            return Err(OpenError::Taken { id: id.to_owned() });
        }
        let (stamp, kept) = self.deleted_copies(id).pop().ok_or_else(not_found)?;
        let _session = self.lock(id)?;
        let io = |path: &PathBuf| {
            let path = path.clone();
            move |error| OpenError::Io { path, error }
        };
        // The added files first: if they cannot go back, nothing has moved.
        let added = self
            .deleted_dir()
            .join(format!("{id}.{stamp}{ATTACHMENTS_SUFFIX}"));
        if added.is_dir() {
            let back = self.attachments_dir(id);
            if let Some(parent) = back.parent() {
                fsutil::private_dir(parent).map_err(io(&parent.to_path_buf()))?;
            }
            fs::rename(&added, &back).map_err(io(&added))?;
        }
        let previous = self
            .deleted_dir()
            .join(format!("{id}.{stamp}{PREVIOUS_SUFFIX}"));
        if previous.exists() {
            fs::rename(&previous, self.previous_path(id)).map_err(io(&previous))?;
        }
        fs::rename(&kept, &path).map_err(io(&kept))?;
        fsutil::sync_dir(self.runs_dir()).map_err(io(&self.runs_dir().to_path_buf()))?;
        Ok(())
    }

    /// The deleted copies of run `id` still kept, oldest first, with their moments.
    fn deleted_copies(&self, id: &str) -> Vec<(u64, PathBuf)> {
        let Ok(entries) = fs::read_dir(self.deleted_dir()) else {
            return Vec::new();
        };
        let mut out: Vec<(u64, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let rest = name.strip_prefix(id)?.strip_prefix('.')?;
                let stamp = rest.strip_suffix(RUN_SUFFIX)?;
                // Not the copy before the last save (`ID.STAMP.previous.json`).
                let stamp: u64 = stamp.parse().ok()?;
                Some((stamp, entry.path()))
            })
            .collect();
        out.sort();
        out
    }

    /// Removes deleted runs kept longer than [`KEEP_DELETED`]; one that cannot be removed is
    /// left for next time.
    fn forget_old_deleted(&self) {
        let Ok(entries) = fs::read_dir(self.deleted_dir()) else {
            return;
        };
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        for entry in entries.filter_map(Result::ok) {
            // The moment of deletion is in the name: `ID.STAMP.json`, `ID.STAMP.previous.json`,
            // `ID.STAMP.attachments` (a folder).
            let name = entry.file_name().to_string_lossy().into_owned();
            let folder = name.strip_suffix(ATTACHMENTS_SUFFIX);
            let stem = (name.strip_suffix(PREVIOUS_SUFFIX))
                .or_else(|| name.strip_suffix(RUN_SUFFIX))
                .or(folder);
            let stamp = stem
                .and_then(|stem| stem.rsplit_once('.'))
                .and_then(|(_, stamp)| stamp.parse::<u64>().ok());
            if stamp.is_some_and(|stamp| now.saturating_sub(stamp) > KEEP_DELETED.as_secs()) {
                // A folder's symbolic links are removed, never followed.
                let _ = match folder {
                    Some(_) => fs::remove_dir_all(entry.path()),
                    None => fs::remove_file(entry.path()),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SameLabel, same_label, same_label_warning};
    use crate::i18n::Lang;

    #[test]
    fn another_runs_label_is_warned_about_by_the_day_it_was_started() {
        let at = |text: &str| text.parse::<jiff::Timestamp>().unwrap();
        let runs = [
            ("ks-3", "ks", "Иванов ", at("2026-12-05T08:00:00Z")),
            ("ks-1", "ks", "Иванов", at("2026-12-03T22:30:00Z")),
            ("ks-2", "ks", "Петров", at("2026-12-04T08:00:00Z")),
            ("other-1", "other", "Иванов", at("2026-12-04T08:00:00Z")),
        ];
        let same = same_label(runs, "ks", " Иванов", Some("ks-4"));
        assert_eq!(
            same.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["ks-3", "ks-1"]
        );
        assert!(same_label(runs, "ks", "Иванов", Some("ks-1")).len() == 1);
        assert!(same_label(runs, "ks", "  ", None).is_empty());
        // In Moscow the first run was started on the 4th: the earliest first, by its day there.
        let moscow = jiff::tz::TimeZone::get("Europe/Moscow").unwrap();
        let said = same_label_warning("change-same-label", "Иванов", &same, &moscow);
        assert_eq!(
            said.text(Lang::Ru),
            "у других прохождений этой процедуры, начатых 04.12.2026, 05.12.2026, уже есть \
             название «Иванов»: ks-1, ks-3"
        );
        let one = [SameLabel {
            id: "ks-1".into(),
            created: at("2026-12-03T10:00:00Z"),
        }];
        let said = same_label_warning("tui-same-label", "Иванов", &one, &moscow);
        assert_eq!(
            said.text(Lang::En),
            "⚠ Another run of this procedure, started 03.12.2026, already has this label. \
             You may keep it, but the runs will be harder to tell apart."
        );
    }
}
