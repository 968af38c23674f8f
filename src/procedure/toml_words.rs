//! toml's own words for a syntax error («unclosed table, expected `]`»), told in the officer's
//! language: each description and each expected item toml can give has a message of its own
//! (`toml-*` in diagnostics.ftl). Words toml may add in a later version are kept as it says them.

use crate::i18n::{Arg, Msg};

/// What went wrong, as toml describes it, and the message that says it.
const DESCRIPTIONS: &[(&str, &str)] = &[
    ("duplicate key", "toml-duplicate-key"),
    (
        "string values must be quoted",
        "toml-string-values-must-be-quoted",
    ),
    ("invalid basic string", "toml-invalid-basic-string"),
    ("invalid literal string", "toml-invalid-literal-string"),
    ("invalid string", "toml-invalid-string"),
    ("invalid boolean", "toml-invalid-boolean"),
    ("invalid fraction", "toml-invalid-fraction"),
    ("invalid exponent", "toml-invalid-exponent"),
    ("invalid date-time", "toml-invalid-date-time"),
    ("invalid float", "toml-invalid-float"),
    ("invalid integer number", "toml-invalid-integer-number"),
    (
        "invalid hexadecimal number",
        "toml-invalid-hexadecimal-number",
    ),
    ("invalid octal number", "toml-invalid-octal-number"),
    ("invalid binary number", "toml-invalid-binary-number"),
    ("invalid key", "toml-invalid-key"),
    ("invalid table", "toml-invalid-table"),
    ("invalid unquoted key", "toml-invalid-unquoted-key"),
    ("invalid value", "toml-invalid-value"),
    ("invalid key-value pair", "toml-invalid-key-value-pair"),
    (
        "invalid inline table element",
        "toml-invalid-inline-table-element",
    ),
    (
        "invalid comment character",
        "toml-invalid-comment-character",
    ),
    ("unclosed table", "toml-unclosed-table"),
    ("unclosed array table", "toml-unclosed-array-table"),
    ("unclosed array", "toml-unclosed-array"),
    ("unclosed inline table", "toml-unclosed-inline-table"),
    ("key with no value", "toml-key-with-no-value"),
    ("missing value for key", "toml-missing-value-for-key"),
    ("missing value", "toml-missing-value"),
    ("extra `=`", "toml-extra-eq"),
    (
        "missing inline table opening",
        "toml-missing-inline-table-opening",
    ),
    ("missing array opening", "toml-missing-array-opening"),
    ("extra comma in array", "toml-extra-comma-in-array"),
    ("unexpected `=` in array", "toml-unexpected-eq-in-array"),
    (
        "missing comma between array elements",
        "toml-missing-comma-between-array-elements",
    ),
    (
        "extra comma in inline table",
        "toml-extra-comma-in-inline-table",
    ),
    (
        "extra assignment between key-value pairs",
        "toml-extra-assignment-between-key-value-pairs",
    ),
    (
        "missing key for inline table element",
        "toml-missing-key-for-inline-table-element",
    ),
    (
        "missing assignment between key-value pairs",
        "toml-missing-assignment-between-key-value-pairs",
    ),
    (
        "missing comma between key-value pairs",
        "toml-missing-comma-between-key-value-pairs",
    ),
    ("unexpected key or value", "toml-unexpected-key-or-value"),
    (
        "unexpected content between comment and newline",
        "toml-unexpected-content-between-comment-and-newline",
    ),
    ("unexpected content", "toml-unexpected-content"),
    ("missing table open", "toml-missing-table-open"),
    ("unexpected leading zero", "toml-unexpected-leading-zero"),
    ("unexpected sign", "toml-unexpected-sign"),
    ("redundant numeric sign", "toml-redundant-numeric-sign"),
    (
        "redundant integer number prefix",
        "toml-redundant-integer-number-prefix",
    ),
    (
        "integers with a radix cannot be signed",
        "toml-integers-with-a-radix-cannot-be-signed",
    ),
    ("radix must be lowercase", "toml-radix-must-be-lowercase"),
    (
        "`_` may only go between digits",
        "toml-underscore-may-only-go-between-digits",
    ),
    (
        "keys cannot be multi-line basic strings",
        "toml-keys-cannot-be-multi-line-basic-strings",
    ),
    (
        "keys cannot be multi-line literal strings",
        "toml-keys-cannot-be-multi-line-literal-strings",
    ),
    (
        "unquoted keys cannot be empty",
        "toml-unquoted-keys-cannot-be-empty",
    ),
    ("missing opening quote", "toml-missing-opening-quote"),
    ("missing escaped value", "toml-missing-escaped-value"),
    ("missing comment start", "toml-missing-comment-start"),
    (
        "carriage return must be followed by newline",
        "toml-carriage-return-must-be-followed-by-newline",
    ),
    (
        "too few unicode value digits",
        "toml-too-few-unicode-value-digits",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "toml-cannot-recurse-further-max-recursion-depth-met",
    ),
];

/// What toml expected instead, item by item.
const EXPECTED: &[(&str, &str)] = &[
    ("nothing", "toml-expect-nothing"),
    ("digits", "toml-expect-digits"),
    ("numbers", "toml-expect-numbers"),
    ("letters", "toml-expect-letters"),
    ("key", "toml-expect-key"),
    ("value", "toml-expect-value"),
    ("literal string", "toml-expect-literal-string"),
    ("basic string", "toml-expect-basic-string"),
    (
        "multi-line basic string",
        "toml-expect-multi-line-basic-string",
    ),
    (
        "multi-line literal string",
        "toml-expect-multi-line-literal-string",
    ),
    (
        "unicode hexadecimal value",
        "toml-expect-unicode-hexadecimal-value",
    ),
    ("printable characters", "toml-expect-printable-characters"),
    ("characters", "toml-expect-characters"),
    (
        "non-single-quote visible characters",
        "toml-expect-non-single-quote-visible-characters",
    ),
    (
        "non-single-quote characters",
        "toml-expect-non-single-quote-characters",
    ),
    (
        "non-double-quote visible characters",
        "toml-expect-non-double-quote-visible-characters",
    ),
    ("newline", "toml-expect-newline"),
    ("whitespace", "toml-expect-whitespace"),
    ("comment", "toml-expect-comment"),
    ("string", "toml-expect-string"),
    ("integer", "toml-expect-integer"),
    ("float", "toml-expect-float"),
    ("boolean", "toml-expect-boolean"),
    ("date-time", "toml-expect-date-time"),
];

fn known(table: &[(&str, &'static str)], words: &str) -> Option<&'static str> {
    table.iter().find(|(en, _)| *en == words).map(|(_, id)| *id)
}

/// An item of what was expected: a token in backquotes (`` `]` ``) as it is, a word in the
/// officer's language.
fn expected_item(item: &str) -> Option<Arg> {
    if item.starts_with('`') && item.ends_with('`') && item.len() > 1 {
        return Some(item.into());
    }
    known(EXPECTED, item).map(|id| Msg::new(id).into())
}

/// toml's message for a syntax error as the detail of a diagnostic: in the officer's language
/// when every word of it is known, as toml says it otherwise.
pub fn detail(message: &str) -> Arg {
    let message = message.trim().replace('\n', "; ");
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message.as_str(), None),
    };
    let Some(id) = known(DESCRIPTIONS, what) else {
        return message.as_str().into();
    };
    let what = Msg::new(id);
    let Some(expected) = expected.filter(|e| *e != "nothing") else {
        return what.into();
    };
    let items: Option<Vec<Arg>> = expected.split(", ").map(expected_item).collect();
    let Some(mut items) = items else {
        return message.as_str().into();
    };
    // «`"`, `'`»: the items in toml's order, joined as it joins them.
    let first = Msg::new("toml-list").arg("item", items.remove(0));
    let list = items.into_iter().fold(first, |list, next| {
        Msg::new("toml-list-more")
            .arg("list", list)
            .arg("next", next)
    });
    Msg::new("toml-expected")
        .arg("what", what)
        .arg("expected", list)
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn said(message: &str, lang: Lang) -> String {
        Msg::new("diag-toml-syntax")
            .arg("detail", detail(message))
            .text(lang)
    }

    #[test]
    fn toml_words_are_told_in_russian_and_kept_in_english() {
        for (message, russian) in [
            (
                "unclosed table, expected `]`",
                "заголовок таблицы не закрыт; нужно: `]`",
            ),
            (
                "invalid string, expected `\"`, `'`",
                "неверная строка; нужно: `\"`, `'`",
            ),
            ("duplicate key", "повторяющийся ключ"),
            (
                "invalid fraction, expected digits",
                "неверная дробная часть; нужно: цифры",
            ),
            (
                "unexpected leading zero, expected nothing",
                "лишний ноль в начале числа",
            ),
        ] {
            assert_eq!(
                said(message, Lang::Ru),
                format!("синтаксическая ошибка TOML: {russian}")
            );
            let english = message.trim_end_matches(", expected nothing");
            assert_eq!(
                said(message, Lang::En),
                format!("TOML syntax error: {english}")
            );
        }
    }

    #[test]
    fn every_word_has_its_message_in_both_languages() {
        for (english, id) in DESCRIPTIONS.iter().chain(EXPECTED) {
            assert_eq!(Lang::En.text(id), *english, "{id}");
            let russian = Lang::Ru.text(id);
            assert_ne!(russian, *id, "{id} is in the Russian catalogue");
            // No English word is left, but for TOML's own `true` and `false`.
            let words = russian.replace("true", "").replace("false", "");
            assert!(
                !words.chars().any(|c| c.is_ascii_lowercase()),
                "{id}: {russian}"
            );
        }
    }

    #[test]
    fn words_toml_may_add_later_are_kept_as_it_says_them() {
        assert_eq!(
            said("a new complaint, expected `]`", Lang::Ru),
            "синтаксическая ошибка TOML: a new complaint, expected `]`"
        );
        assert_eq!(
            said("unclosed table, expected a new thing", Lang::Ru),
            "синтаксическая ошибка TOML: unclosed table, expected a new thing"
        );
    }
}
