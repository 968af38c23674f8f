//! The organisations an officer works for, filled once: names, legal address, INN, KPP, OGRN,
//! the head and the officer, kept in `organisations.toml` in the data folder (0600). A run
//! belongs to one of them; the forms, letters and reports take these values wherever the
//! procedure asks for them (a field's `organisation = "inn"`), and every form prints the
//! organisation's requisites.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil::{self, Durability};
use crate::i18n::{Lang, Msg};
use crate::validate;

/// The register's file in the data folder.
pub const FILE: &str = "organisations.toml";

/// One value of an organisation, as a procedure names it in a field's `organisation` key.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OrgKey {
    /// The full name («Администрация Кировского муниципального района Ленинградской области»).
    FullName,
    /// The short name («Администрация Кировского района»).
    ShortName,
    /// The legal address.
    LegalAddress,
    /// ИНН, 10 digits for an organisation.
    Inn,
    /// КПП.
    Kpp,
    /// ОГРН.
    Ogrn,
    /// The head's position («Глава администрации»).
    HeadPosition,
    /// The head's name.
    HeadName,
    /// The officer's name (the contact of letters).
    OfficerName,
    /// The officer's position.
    OfficerPosition,
    /// The officer's phone.
    Phone,
    /// The officer's e-mail.
    Email,
}

impl OrgKey {
    pub const ALL: [OrgKey; 12] = [
        OrgKey::FullName,
        OrgKey::ShortName,
        OrgKey::LegalAddress,
        OrgKey::Inn,
        OrgKey::Kpp,
        OrgKey::Ogrn,
        OrgKey::HeadPosition,
        OrgKey::HeadName,
        OrgKey::OfficerName,
        OrgKey::OfficerPosition,
        OrgKey::Phone,
        OrgKey::Email,
    ];

    /// The key as the procedure format and the command line write it: `inn`, `full_name`.
    pub fn name(self) -> &'static str {
        match self {
            OrgKey::FullName => "full_name",
            OrgKey::ShortName => "short_name",
            OrgKey::LegalAddress => "legal_address",
            OrgKey::Inn => "inn",
            OrgKey::Kpp => "kpp",
            OrgKey::Ogrn => "ogrn",
            OrgKey::HeadPosition => "head_position",
            OrgKey::HeadName => "head_name",
            OrgKey::OfficerName => "officer_name",
            OrgKey::OfficerPosition => "officer_position",
            OrgKey::Phone => "phone",
            OrgKey::Email => "email",
        }
    }

    pub fn from_name(name: &str) -> Option<OrgKey> {
        OrgKey::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The value's name for the officer (`org-key-inn`: «ИНН»).
    pub fn label(self, lang: Lang) -> String {
        lang.text(&format!("org-key-{}", self.name().replace('_', "-")))
    }
}

/// An organisation's values; an empty one is not known yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<OrgKey, String>,
}

impl Organisation {
    pub fn get(&self, key: OrgKey) -> Option<&str> {
        self.values
            .get(&key)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    /// Sets a value, checked and normalised as the wizard checks the same kind of field (an INN
    /// with its check digits, a phone as +7…); an empty text removes it.
    pub fn set(&mut self, key: OrgKey, text: &str) -> Result<(), Msg> {
        let text = crate::text::sanitize(text.trim()).into_owned();
        if text.is_empty() {
            self.values.remove(&key);
            return Ok(());
        }
        let value = match key {
            OrgKey::Inn => validate::inn(&text)?,
            OrgKey::Kpp => validate::kpp(&text)?,
            OrgKey::Ogrn => validate::ogrn(&text)?,
            OrgKey::Phone => validate::phone(&text)?,
            OrgKey::Email => validate::email(&text)?,
            // Names and addresses are one line each: they go into headers and file names.
            _ => text.split_whitespace().collect::<Vec<_>>().join(" "),
        };
        self.values.insert(key, value);
        Ok(())
    }

    /// The requisites printed at the top of a form, a line each: the full (else short) name,
    /// the legal address, «ИНН …, КПП …», «ОГРН …»; the lines it has values for.
    pub fn requisites(&self, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(name) = self.get(OrgKey::FullName).or(self.get(OrgKey::ShortName)) {
            lines.push(name.to_owned());
        }
        if let Some(address) = self.get(OrgKey::LegalAddress) {
            lines.push(address.to_owned());
        }
        let numbers: Vec<String> = [OrgKey::Inn, OrgKey::Kpp]
            .into_iter()
            .filter_map(|k| Some(format!("{} {}", k.label(lang), self.get(k)?)))
            .collect();
        if !numbers.is_empty() {
            lines.push(numbers.join(", "));
        }
        if let Some(ogrn) = self.get(OrgKey::Ogrn) {
            lines.push(format!("{} {ogrn}", OrgKey::Ogrn.label(lang)));
        }
        lines
    }

    /// The name a run of this organisation is labelled with by default: the short name, else
    /// the full one.
    pub fn label(&self) -> Option<&str> {
        self.get(OrgKey::ShortName).or(self.get(OrgKey::FullName))
    }
}

/// The register: organisations by the id the officer gave them, and the organisation of each
/// run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub organisations: BTreeMap<String, Organisation>,
    /// Run id → organisation id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub runs: BTreeMap<String, String>,
}

/// Why the register could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{}: {detail}", path.display())]
    Damaged { path: PathBuf, detail: String },
}

impl RegisterError {
    pub fn message(&self) -> Msg {
        match self {
            RegisterError::Io { path, error } => Msg::new("org-io")
                .arg("path", path.display().to_string())
                .arg("error", error.to_string()),
            RegisterError::Damaged { path, detail } => Msg::new("org-damaged")
                .arg("path", path.display().to_string())
                .arg("error", detail.clone()),
        }
    }
}

impl Register {
    /// The register in a data folder; none yet is an empty one.
    pub fn load(data: &Path) -> Result<Register, RegisterError> {
        let path = data.join(FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Register::default()),
            Err(error) => return Err(RegisterError::Io { path, error }),
        };
        toml::from_str(&text).map_err(|e| RegisterError::Damaged {
            path,
            detail: e.message().to_owned(),
        })
    }

    /// Writes the register into the data folder, whole or not at all, 0600.
    pub fn save(&self, data: &Path) -> Result<(), RegisterError> {
        let path = data.join(FILE);
        let io = |error: std::io::Error| RegisterError::Io {
            path: path.clone(),
            error,
        };
        fsutil::private_dir(data).map_err(io)?;
        let text = toml::to_string(self).map_err(|e| RegisterError::Damaged {
            path: path.clone(),
            detail: e.to_string(),
        })?;
        fsutil::replace(&path, text.as_bytes(), None, Durability::Sync).map_err(|e| io(e.into()))
    }

    /// The organisation a run belongs to, if it has one that is still in the register.
    pub fn of_run(&self, run: &str) -> Option<&Organisation> {
        self.organisations.get(self.runs.get(run)?)
    }
}

/// The fields of a procedure that are a value of the run's organisation, with that value: the
/// fields (of forms and step results) whose `organisation` key names a value the organisation
/// has.
pub fn values_for<'a>(
    procedure: &'a crate::procedure::Procedure,
    org: &'a Organisation,
) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    marked_fields(procedure).filter_map(move |(id, key)| Some((id, org.get(key)?)))
}

/// The fields of a procedure (of forms and step results) that are a value of the run's
/// organisation, with the value each one is (their `organisation` key).
pub fn marked_fields(
    procedure: &crate::procedure::Procedure,
) -> impl Iterator<Item = (&str, OrgKey)> + '_ {
    let file = procedure.file();
    file.forms
        .iter()
        .flat_map(|form| form.fields.iter())
        .chain(file.steps.iter().flat_map(|step| step.results.iter()))
        .filter_map(|field| Some((field.id.as_deref()?, field.organisation?)))
}

/// Fills the run's empty fields that are a value of the organisation, each as a change the
/// officer made (journaled, undoable); a field the officer filled is kept. Returns the ids of
/// the fields filled.
pub fn fill(
    procedure: &crate::procedure::Procedure,
    run: &mut crate::run::Run,
    org: &Organisation,
    now: jiff::Timestamp,
) -> Vec<String> {
    use crate::run::Value;
    use crate::run::command::{Command, apply};
    let mut filled = Vec::new();
    let wanted: Vec<(String, String)> = values_for(procedure, org)
        .map(|(id, value)| (id.to_owned(), value.to_owned()))
        .collect();
    for (id, value) in wanted {
        if run.values.get(&id).is_some_and(Value::is_filled) {
            continue;
        }
        let command = Command::SetField {
            field: id.clone(),
            value: Value::Text(value),
        };
        if apply(procedure, run, command, now).is_ok() {
            filled.push(id);
        }
    }
    filled
}

/// Gives a run to the organisation `id` of the register, as `poryadok new --org` and the wizard
/// do: the run's empty fields that are the organisation's values are filled (journaled, as if
/// typed, see [`fill`]) and the run is recorded as the organisation's. Returns the ids of the
/// fields filled, or `None` when the register has no such organisation (nothing changes). The
/// caller writes the run (when a field was filled) and the register.
pub fn give(
    register: &mut Register,
    id: &str,
    procedure: &crate::procedure::Procedure,
    run_id: &str,
    run: &mut crate::run::Run,
    now: jiff::Timestamp,
) -> Option<Vec<String>> {
    let org = register.organisations.get(id)?;
    let filled = fill(procedure, run, org, now);
    register.runs.insert(run_id.to_owned(), id.to_owned());
    Some(filled)
}

/// An id for a new organisation that the register does not have yet: `org1`, `org2`, …
pub fn free_id(register: &Register) -> String {
    (1..)
        .map(|n| format!("org{n}"))
        .find(|id| !register.organisations.contains_key(id))
        .unwrap_or_default()
}

/// The organisation of a run in the register of a data folder.
pub fn of_run_in(data: &Path, run: &str) -> Result<Option<Organisation>, RegisterError> {
    Ok(Register::load(data)?.of_run(run).cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kirovsk() -> Organisation {
        let mut org = Organisation::default();
        org.set(
            OrgKey::FullName,
            "Администрация Кировского муниципального района",
        )
        .unwrap();
        org.set(OrgKey::ShortName, "Администрация Кировского района")
            .unwrap();
        org.set(OrgKey::Inn, "7707 083 893").unwrap();
        org.set(OrgKey::Kpp, "773601001").unwrap();
        org.set(OrgKey::Ogrn, "1027700132195").unwrap();
        org
    }

    #[test]
    fn values_are_checked_and_normalised_as_in_the_wizard() {
        let mut org = kirovsk();
        assert_eq!(org.get(OrgKey::Inn), Some("7707083893"));
        assert!(org.set(OrgKey::Inn, "7707083894").is_err(), "check digit");
        assert_eq!(org.get(OrgKey::Inn), Some("7707083893"), "kept as it was");
        assert!(org.set(OrgKey::Email, "not an address").is_err());
        org.set(OrgKey::Phone, "8 (813) 702-11-46").unwrap();
        assert_eq!(org.get(OrgKey::Phone), Some("+7 813 702-11-46"));
        // A name is one line: no line break can reach a header or a file name.
        org.set(OrgKey::HeadName, "Васильев\r\nАлексей\u{1b}[31m Петрович")
            .unwrap();
        assert!(
            !org.get(OrgKey::HeadName)
                .unwrap()
                .contains(['\n', '\r', '\u{1b}'])
        );
        org.set(OrgKey::Kpp, "").unwrap();
        assert_eq!(org.get(OrgKey::Kpp), None);
    }

    #[test]
    fn requisites_are_the_lines_the_organisation_has() {
        assert_eq!(
            kirovsk().requisites(Lang::Ru),
            [
                "Администрация Кировского муниципального района",
                "ИНН 7707083893, КПП 773601001",
                "ОГРН 1027700132195"
            ]
        );
        assert!(Organisation::default().requisites(Lang::Ru).is_empty());
    }

    #[test]
    fn the_register_is_kept_private_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        assert_eq!(Register::load(&data).unwrap(), Register::default());
        let mut register = Register::default();
        register.organisations.insert("kirovsk".into(), kirovsk());
        register
            .runs
            .insert("pgs-staff-access-1".into(), "kirovsk".into());
        register.save(&data).unwrap();
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join(FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let again = Register::load(&data).unwrap();
        assert_eq!(again, register);
        assert_eq!(again.of_run("pgs-staff-access-1"), Some(&kirovsk()));
        std::fs::write(data.join(FILE), "organisations = 1").unwrap();
        assert!(matches!(
            Register::load(&data),
            Err(RegisterError::Damaged { .. })
        ));
    }
}
