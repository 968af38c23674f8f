//! A step's fields line by line: listed with their values, and asked for one at a time with a
//! numbered prompt; each answer is checked by the engine's validators before it is kept, and
//! kept with `SetField` as the wizard keeps it.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use super::walk::Walk;
use super::{Plain, command_letter, say};
use crate::export::model::text_of;
use crate::i18n::{Arg, Msg};
use crate::procedure::{Field, FieldType, Procedure};
use crate::run::command::{Command, validate_cell, validate_value};
use crate::run::{Run, Value};

/// What one prompt asks for: a field's or a table cell's value, with the check it must pass.
struct Asking<'a> {
    label: String,
    kind: FieldType,
    options: &'a [String],
    help: Option<&'a str>,
    required: bool,
    secret: bool,
    current: Option<&'a Value>,
    check: &'a dyn Fn(&Value) -> Result<(), Msg>,
}

/// The answer to a prompt.
enum Answer {
    Keep,
    Clear,
    Set(Value),
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// The step's fields, numbered, each with its value (or that it is empty or wrong).
    pub(super) fn list_fields(&mut self, walk: &Walk) -> io::Result<()> {
        let p = Arc::clone(&walk.procedure);
        let fields = p.step_fields(&walk.run, walk.step);
        if fields.is_empty() {
            return Ok(());
        }
        self.say("plain-fields", &[("count", fields.len().into())])?;
        for (n, field) in fields.iter().enumerate() {
            let text = self.field_line(&p, &walk.run, field);
            self.line(&format!("  {}. {text}", n + 1))?;
        }
        Ok(())
    }

    fn field_line(&self, p: &Procedure, run: &Run, field: &Field) -> String {
        let label = say::line(field.label.as_deref().unwrap_or_default());
        let id = field
            .id
            .as_deref()
            .or(field.reuse.as_deref())
            .unwrap_or_default();
        let value = run.values.get(id).filter(|v| v.is_filled());
        let state = match value {
            None => Msg::new("plain-empty"),
            Some(_) if field.secret => Msg::new("plain-secret-set"),
            Some(value) => {
                let text = one_line(&text_of(value, self.lang));
                match field.id.as_ref().map(|_| validate_value(field, value)) {
                    Some(Err(problem)) => Msg::new("plain-value-wrong")
                        .arg("value", text)
                        .arg("problem", problem),
                    _ => Msg::new("plain-value").arg("value", text),
                }
            }
        };
        let mut notes = Vec::new();
        if p.field_required(run, field) {
            notes.push(Msg::new("plain-required").text(self.lang));
        }
        if field.id.is_none() {
            notes.push(Msg::new("plain-reused").text(self.lang));
        }
        let label = if notes.is_empty() {
            label
        } else {
            format!("{label} ({})", notes.join(", "))
        };
        Msg::new("plain-field")
            .arg("label", label)
            .arg("state", state)
            .text(self.lang)
    }

    /// Asks for the value of the field numbered `number` in the step's list and keeps it.
    pub(super) fn fill(&mut self, walk: &mut Walk, number: usize) -> io::Result<()> {
        let p = Arc::clone(&walk.procedure);
        let fields = p.step_fields(&walk.run, walk.step);
        let Some(field) = number.checked_sub(1).and_then(|i| fields.get(i)).copied() else {
            let args: &[(&str, Arg)] = &[("typed", number.into()), ("count", fields.len().into())];
            return self.say("plain-no-such-field", args);
        };
        let Some(id) = field.id.clone() else {
            return self.say("plain-field-reused", &[]);
        };
        walk.run.cursor_field = Some(id.clone());
        if field.kind == Some(FieldType::Table) {
            return self.fill_table(walk, field, &id);
        }
        let current = walk.run.values.get(&id).cloned();
        let check = |value: &Value| validate_value(field, value);
        let asking = Asking {
            label: say::line(field.label.as_deref().unwrap_or(&id)),
            kind: field.kind.unwrap_or(FieldType::Text),
            options: &field.options,
            help: field.help.as_deref(),
            required: p.field_required(&walk.run, field),
            secret: field.secret,
            current: current.as_ref(),
            check: &check,
        };
        let command = match self.ask_value(&asking)? {
            None | Some(Answer::Keep) => return self.say("plain-kept", &[]),
            Some(Answer::Clear) => Command::ClearField(id),
            Some(Answer::Set(value)) => Command::SetField { field: id, value },
        };
        if self.command(walk, command)? {
            let line = self.field_line(&p, &walk.run, field);
            self.say("plain-saved", &[("field", line.into())])?;
        }
        Ok(())
    }

    /// The rows of a table field; a row is added, changed cell by cell, or removed.
    fn fill_table(&mut self, walk: &mut Walk, field: &Field, id: &str) -> io::Result<()> {
        let label = say::line(field.label.as_deref().unwrap_or(id));
        loop {
            let rows = crate::tui::app::table_rows(&walk.run, id).to_vec();
            self.say(
                "plain-table",
                &[
                    ("label", label.as_str().into()),
                    ("count", rows.len().into()),
                ],
            )?;
            for (n, row) in rows.iter().enumerate() {
                let cells: Vec<String> = (field.columns.iter())
                    .map(|c| {
                        let value = row.get(&c.id).filter(|v| v.is_filled());
                        let value = value.map_or_else(
                            || Msg::new("plain-empty").text(self.lang),
                            |v| one_line(&text_of(v, self.lang)),
                        );
                        format!("{} — {value}", c.label)
                    })
                    .collect();
                let args: &[(&str, Arg)] = &[
                    ("row", (n + 1).into()),
                    ("cells", say::line(&cells.join("; ")).into()),
                ];
                self.say("plain-row", args)?;
            }
            let Some(typed) = self.ask("plain-table-prompt", &[])? else {
                return Ok(());
            };
            let typed = typed.trim();
            let mut rows = rows;
            let row = if typed.is_empty() {
                return Ok(());
            } else if command_letter(typed) == Some('a') {
                // A new row starts with the columns' defaults, as in the wizard.
                let row = (field.columns.iter())
                    .filter_map(|c| Some((c.id.clone(), Value::from_default(c.default.as_ref()?))))
                    .collect();
                rows.push(row);
                if !self.keep_rows(walk, id, rows.clone())? {
                    continue;
                }
                rows.len() - 1
            } else if let Some(n) = typed
                .strip_prefix(['x', 'X', 'ч', 'Ч'])
                .and_then(|n| n.trim().parse::<usize>().ok())
                .filter(|n| (1..=rows.len()).contains(n))
            {
                rows.remove(n - 1);
                if self.keep_rows(walk, id, rows)? {
                    self.say("plain-row-removed", &[("row", n.into())])?;
                }
                continue;
            } else if let Some(n) = typed
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=rows.len()).contains(n))
            {
                n - 1
            } else {
                self.say("plain-not-a-command", &[("typed", say::line(typed).into())])?;
                continue;
            };
            self.fill_row(walk, field, id, row)?;
        }
    }

    /// Asks for every cell of row `row` in turn; each answer is kept as it is given.
    fn fill_row(&mut self, walk: &mut Walk, field: &Field, id: &str, row: usize) -> io::Result<()> {
        for column in &field.columns {
            let rows = crate::tui::app::table_rows(&walk.run, id).to_vec();
            let Some(cells) = rows.get(row) else {
                return Ok(());
            };
            let current = cells.get(&column.id).cloned();
            let check = |value: &Value| validate_cell(column, Some(value));
            let asking = Asking {
                label: Msg::new("plain-cell")
                    .arg("row", row + 1)
                    .arg("column", say::line(&column.label))
                    .text(self.lang),
                kind: column.kind,
                options: &column.options,
                help: column.help.as_deref(),
                required: column.required,
                secret: false,
                current: current.as_ref(),
                check: &check,
            };
            let mut rows = rows;
            match self.ask_value(&asking)? {
                None => return Ok(()),
                Some(Answer::Keep) => continue,
                Some(Answer::Clear) => rows[row].remove(&column.id),
                Some(Answer::Set(value)) => rows[row].insert(column.id.clone(), value),
            };
            self.keep_rows(walk, id, rows)?;
        }
        Ok(())
    }

    /// Keeps `rows` as the table's value (a table with no rows is cleared), as the wizard does.
    fn keep_rows(
        &mut self,
        walk: &mut Walk,
        id: &str,
        rows: Vec<crate::tui::app::Row>,
    ) -> io::Result<bool> {
        let command = if rows.is_empty() {
            Command::ClearField(id.to_owned())
        } else {
            Command::SetField {
                field: id.to_owned(),
                value: Value::Table(rows),
            }
        };
        self.command(walk, command)
    }

    /// One numbered prompt for a value; `None` when the input ended. A value that does not
    /// pass its check is refused with the reason and asked again.
    fn ask_value(&mut self, asking: &Asking) -> io::Result<Option<Answer>> {
        let current = match asking.current.filter(|v| v.is_filled()) {
            None => Msg::new("plain-empty"),
            Some(_) if asking.secret => Msg::new("plain-secret-set"),
            Some(value) => {
                Msg::new("plain-value").arg("value", say::line(&text_of(value, self.lang)))
            }
        };
        let required = if asking.required {
            Msg::new("plain-required-note")
        } else {
            Msg::new("plain-optional-note")
        };
        self.say(
            "plain-asking",
            &[
                ("label", asking.label.as_str().into()),
                ("required", required.into()),
                ("current", current.into()),
            ],
        )?;
        if let Some(help) = asking.help {
            self.line(&say::line(help))?;
        }
        let mut again = false;
        loop {
            let answer = match asking.kind {
                FieldType::Yesno => {
                    let options = [self.lang.text("export-yes"), self.lang.text("export-no")];
                    self.ask_options(&options, false, again)?.map(|a| match a {
                        Picked::One(0) => Answer::Set(Value::Bool(true)),
                        Picked::One(_) => Answer::Set(Value::Bool(false)),
                        Picked::Keep => Answer::Keep,
                        Picked::Clear | Picked::Many(_) => Answer::Clear,
                    })
                }
                FieldType::Select | FieldType::Multiselect => {
                    let multi = asking.kind == FieldType::Multiselect;
                    self.ask_options(asking.options, multi, again)?
                        .map(|a| match a {
                            Picked::One(i) => Answer::Set(Value::Text(asking.options[i].clone())),
                            Picked::Many(chosen) => Answer::Set(Value::List(
                                chosen.iter().map(|&i| asking.options[i].clone()).collect(),
                            )),
                            Picked::Keep => Answer::Keep,
                            Picked::Clear => Answer::Clear,
                        })
                }
                FieldType::Multiline => self.ask_lines(again)?,
                // A phone number is put in the form counterparts expect (+7…) by the engine.
                _ => self.ask_text(asking.secret, again)?,
            };
            match &answer {
                Some(Answer::Set(value)) => match (asking.check)(value) {
                    Ok(()) => return Ok(answer),
                    Err(problem) => {
                        let problem = problem.text(self.lang);
                        self.say(
                            "plain-not-accepted",
                            &[("problem", say::line(&problem).into())],
                        )?;
                        again = true;
                    }
                },
                _ => return Ok(answer),
            }
        }
    }

    /// A line of text: empty keeps the value, `-` clears it. `again`: after a refused answer,
    /// whose message said what to do.
    fn ask_text(&mut self, secret: bool, again: bool) -> io::Result<Option<Answer>> {
        let prompt = match (again, secret) {
            (true, _) => "",
            (false, true) => "plain-type-secret",
            (false, false) => "plain-type-text",
        };
        Ok(self.ask(prompt, &[])?.map(|typed| match typed.trim() {
            "" => Answer::Keep,
            "-" => Answer::Clear,
            text => Answer::Set(Value::Text(text.to_owned())),
        }))
    }

    /// Several lines, up to a line of a single dot.
    fn ask_lines(&mut self, again: bool) -> io::Result<Option<Answer>> {
        let mut lines: Vec<String> = Vec::new();
        let mut prompt = if again { "" } else { "plain-type-lines" };
        loop {
            let Some(typed) = self.ask(prompt, &[])? else {
                return Ok(None);
            };
            prompt = "plain-type-more-lines";
            match typed.trim() {
                "." if lines.is_empty() => return Ok(Some(Answer::Keep)),
                "." => return Ok(Some(Answer::Set(Value::Text(lines.join("\n"))))),
                "-" if lines.is_empty() => return Ok(Some(Answer::Clear)),
                _ => lines.push(typed),
            }
        }
    }

    /// Options numbered from 1: one number, or several separated by commas or spaces for a
    /// multi-select; empty keeps the value, `-` clears it.
    fn ask_options(
        &mut self,
        options: &[String],
        multi: bool,
        again: bool,
    ) -> io::Result<Option<Picked>> {
        let mut prompt = match (again, multi) {
            (true, _) => "",
            (false, true) => "plain-pick-many",
            (false, false) => "plain-pick-one",
        };
        if !again {
            for (n, option) in options.iter().enumerate() {
                self.line(&format!("  {}. {}", n + 1, say::line(option)))?;
            }
        }
        loop {
            let Some(typed) = self.ask(prompt, &[("count", options.len().into())])? else {
                return Ok(None);
            };
            let typed = typed.trim();
            match typed {
                "" => return Ok(Some(Picked::Keep)),
                "-" => return Ok(Some(Picked::Clear)),
                _ => {}
            }
            let numbers: Option<Vec<usize>> = typed
                .split([',', ' ', ';'])
                .filter(|part| !part.is_empty())
                .map(|part| {
                    part.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=options.len()).contains(n))
                })
                .collect();
            match numbers {
                Some(numbers) if multi && !numbers.is_empty() => {
                    let mut chosen: Vec<usize> = numbers.iter().map(|n| n - 1).collect();
                    chosen.sort_unstable();
                    chosen.dedup();
                    return Ok(Some(Picked::Many(chosen)));
                }
                Some(numbers) if numbers.len() == 1 => {
                    return Ok(Some(Picked::One(numbers[0] - 1)));
                }
                _ => {
                    let args: &[(&str, Arg)] = &[
                        ("typed", say::line(typed).into()),
                        ("count", options.len().into()),
                    ];
                    self.say("plain-not-a-choice", args)?;
                    prompt = "";
                }
            }
        }
    }
}

/// The options picked at a numbered prompt.
enum Picked {
    One(usize),
    Many(Vec<usize>),
    Keep,
    Clear,
}

/// A value of several lines on one, its lines parted by a slash, and made safe.
fn one_line(text: &str) -> String {
    say::line(&text.replace('\n', " / "))
}
