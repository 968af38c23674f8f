//! Errors of the program (as opposed to its command line) in the officer's language: the ones
//! that stop a command before it starts, and the last line `poryadok` prints when a command fails.

use std::io;
use std::path::{Path, PathBuf};

use crate::catalog::FolderError;
use crate::i18n::{Lang, Msg, io_reason};
use crate::text::sanitize_line;

/// The wizard could not draw in the terminal it was given.
#[derive(Debug, thiserror::Error)]
#[error("the wizard could not use the terminal")]
pub struct WizardFailed(#[source] pub anyhow::Error);

/// A path given with `--procedures` that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("'{}', given with --procedures, cannot be used: {error}", path.display())]
pub struct ProceduresMissing {
    pub path: PathBuf,
    #[source]
    pub error: io::Error,
}

/// Every path given with `--procedures` is there (a folder or a file); a mistyped one is an
/// error before anything is read, not a row of `list` that cannot be used.
pub fn check_procedures(paths: &[PathBuf]) -> Result<(), ProceduresMissing> {
    for path in paths {
        if let Err(error) = std::fs::metadata(path) {
            return Err(ProceduresMissing {
                path: path.clone(),
                error,
            });
        }
    }
    Ok(())
}

fn path_arg(path: &Path) -> String {
    sanitize_line(&path.display().to_string()).into_owned()
}

/// The message for an error that ended a command, in `lang`: the first cause the catalogues
/// have words for, else the chain of causes as the program wrote them.
pub fn message(error: &anyhow::Error, lang: Lang) -> String {
    let known = error.chain().find_map(|cause| {
        if let Some(e) = cause.downcast_ref::<FolderError>() {
            Some(
                Msg::new("catalog-folder-unreadable")
                    .arg("path", path_arg(&e.path))
                    .arg("reason", io_reason(&e.error)),
            )
        } else if let Some(e) = cause.downcast_ref::<ProceduresMissing>() {
            Some(
                Msg::new("cli-procedures-missing")
                    .arg("path", path_arg(&e.path))
                    .arg("reason", io_reason(&e.error)),
            )
        } else {
            cause.downcast_ref::<WizardFailed>().map(|e| {
                let reason = match e.0.chain().find_map(|c| c.downcast_ref::<io::Error>()) {
                    Some(io) => io_reason(io),
                    None => Msg::new("io-other").arg("detail", format!("{:#}", e.0)),
                };
                Msg::new("cli-wizard-failed").arg("reason", reason)
            })
        }
    });
    let detail = match known {
        Some(msg) => msg.text(lang),
        None => format!("{error:#}"),
    };
    lang.format(
        "cli-error",
        &[("detail", sanitize_line(&detail).into_owned().into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_read_is_told_in_russian() {
        let error = anyhow::Error::from(FolderError {
            path: PathBuf::from("/srv/procedures"),
            error: io::Error::from(io::ErrorKind::PermissionDenied),
        });
        assert_eq!(
            message(&error, Lang::Ru),
            "ошибка: не удалось прочитать папку «/srv/procedures»: нет прав доступа"
        );
        assert_eq!(
            message(&error.context("while listing"), Lang::En),
            "error: cannot read the folder '/srv/procedures': permission denied"
        );
    }

    #[test]
    fn a_wizard_that_cannot_use_the_terminal_points_to_the_plain_mode() {
        let cause = anyhow::Error::from(io::Error::from(io::ErrorKind::PermissionDenied))
            .context("opening the terminal");
        let error = anyhow::Error::from(WizardFailed(cause));
        assert_eq!(
            message(&error, Lang::Ru),
            "ошибка: мастер не смог работать в этом терминале: нет прав доступа; пошаговый \
             режим `poryadok --plain` работает строка за строкой"
        );
    }

    #[test]
    fn a_procedures_path_that_is_not_there_is_refused() {
        let error = check_procedures(&[PathBuf::from("/nonexistent/procedures")])
            .expect_err("there is nothing there");
        assert_eq!(error.error.kind(), io::ErrorKind::NotFound);
        assert!(check_procedures(&[std::env::temp_dir()]).is_ok());
    }
}
