//! The two languages poryadok speaks, and the Fluent catalogues behind every message.
//!
//! The `.ftl` files live in `assets/i18n/{en,ru}/` and are embedded into the binary. Code never
//! holds user-facing text: it names a message and passes its arguments, and Fluent picks the
//! wording and the plural form (Russian has three: 1 шаг, 2 шага, 5 шагов).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./assets/i18n",
        fallback_language: "en",
        // Without this Fluent wraps every argument in U+2068/U+2069, which terminals show as
        // garbage and which our own safety checks treat as bidi controls.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static RU: LanguageIdentifier = langid!("ru");

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// The language named by a locale string such as `ru_RU.UTF-8`, `ru` or `en_GB`.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lang = locale
            .split(['_', '.', '@', '-'])
            .next()?
            .to_ascii_lowercase();
        match lang.as_str() {
            "ru" => Some(Lang::Ru),
            "en" | "c" | "posix" => Some(Lang::En),
            "" => None,
            _ => Some(Lang::En),
        }
    }

    /// The language of the environment, looked up as POSIX does for messages: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; the first one that is set and not empty decides.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_locale(&value))
            .unwrap_or_default()
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        Lang::from_env_vars(|name| std::env::var(name).ok())
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Ru => &RU,
        }
    }

    /// The message `id` in this language.
    pub fn text(self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` in this language, with its arguments.
    pub fn format(self, id: &str, args: &[(&str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), value.to_fluent(self)))
            .collect();
        LOCALES
            .try_lookup_with_args(self.id(), id, &args)
            .unwrap_or_else(|| {
                debug_assert!(false, "message `{id}` is missing from the catalogues");
                id.to_owned()
            })
    }

    /// Whether the catalogue of this very language (not the fallback) has a message `id`.
    pub fn has(self, id: &str) -> bool {
        // Formatting without arguments fails for messages that take some; that still means the
        // message is there. fluent-templates does not export its error type, so the variant is
        // told by its name.
        match LOCALES.lookup_single_language::<&str>(self.id(), id, None) {
            Ok(_) => true,
            Err(error) => format!("{error:?}").starts_with("FluentError"),
        }
    }
}

/// A message in the catalogues, with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    pub fn text(&self, lang: Lang) -> String {
        lang.format(self.id, &self.args)
    }
}

/// A value passed to a message: text, a number that may choose a plural form, or another
/// message (put in the same language).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    Msg(Box<Msg>),
}

impl Arg {
    fn to_fluent(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::from(s.clone()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Msg(msg) => FluentValue::from(msg.text(lang)),
        }
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Arg::Msg(Box::new(msg))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

/// Decimal numbers (bounds of a number field) are shown as written, not as plurals.
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// Why a file or folder cannot be used, in words of the catalogues for the common kinds of
/// error (the system's own text, the only one left for the others, is English).
pub fn io_reason(error: &std::io::Error) -> Msg {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => Msg::new("io-not-found"),
        ErrorKind::PermissionDenied => Msg::new("io-permission-denied"),
        ErrorKind::NotADirectory => Msg::new("io-not-a-directory"),
        ErrorKind::IsADirectory => Msg::new("io-is-a-directory"),
        _ => Msg::new("io-other").arg("detail", error.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn locale_precedence_follows_posix() {
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "ru_RU.UTF-8")])),
            Lang::Ru
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ru_RU"),
                ("LANG", "C")
            ])),
            Lang::Ru
        );
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "de_DE.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn russian_plurals_take_three_forms() {
        let forms: Vec<String> = [1usize, 2, 5, 21, 22, 25, 11]
            .into_iter()
            .map(|n| Lang::Ru.format("count-steps", &[("count", n.into())]))
            .collect();
        assert_eq!(
            forms,
            [
                "1 шаг",
                "2 шага",
                "5 шагов",
                "21 шаг",
                "22 шага",
                "25 шагов",
                "11 шагов"
            ]
        );
        assert_eq!(
            Lang::En.format("count-steps", &[("count", 1usize.into())]),
            "1 step"
        );
        assert_eq!(
            Lang::En.format("count-steps", &[("count", 2usize.into())]),
            "2 steps"
        );
    }
}
