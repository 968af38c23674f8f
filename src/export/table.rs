//! Table fields (003's employee list) as a spreadsheet and as CSV: the form's column headers,
//! a number column, one row per entry.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// A table field's content: its label (the sheet's title), column headers and cells.
#[derive(Debug, Clone, Copy)]
pub struct Table<'a> {
    pub label: &'a str,
    pub columns: &'a [String],
    pub rows: &'a [Vec<String>],
}

/// The header of the number column.
fn number_header(lang: crate::i18n::Lang) -> String {
    lang.text("export-number")
}

/// The height of one line of 11-point text, in points, and the padding of a row.
const LINE_HEIGHT: f64 = 15.0;
const ROW_PADDING: f64 = 2.0;
/// The tallest row Excel allows, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// The table as an XLSX workbook of one sheet: bold headers, the header row frozen and
/// filtered, columns wide enough to read, each row as tall as its wrapped text (a spreadsheet
/// program does not size rows on opening, so without heights wrapped cells print over each
/// other). Printed on A4 landscape, fitted to the page's width, the header on every page. Every
/// cell is written as text, never as a formula, whatever it starts with.
pub fn xlsx(table: Table, lang: crate::i18n::Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(table.label))?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_background_color("#E7E6E6");
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let number = number_header(lang);
    sheet.write_string_with_format(0, 0, &number, &header)?;
    let mut widths = vec![NUMBER_WIDTH];
    sheet.set_column_width(0, NUMBER_WIDTH)?;
    for (c, title) in table.columns.iter().enumerate() {
        let col = u16::try_from(c + 1).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, title, &header)?;
        let widest = std::iter::once(title)
            .chain(table.rows.iter().filter_map(|r| r.get(c)))
            .map(|t| t.lines().map(|l| l.chars().count()).max().unwrap_or(0))
            .max()
            .unwrap_or(10);
        let width = (widest as f64 + 2.0).clamp(10.0, 30.0);
        sheet.set_column_width(col, width)?;
        widths.push(width);
    }
    let header_texts: Vec<&str> = std::iter::once(number.as_str())
        .chain(table.columns.iter().map(String::as_str))
        .collect();
    sheet.set_row_height(0, row_height(&header_texts, &widths, 1.1))?;
    for (r, values) in table.rows.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        sheet.write_number_with_format(row, 0, (r + 1) as f64, &cell)?;
        let mut texts = vec![""];
        for (c, value) in values.iter().enumerate() {
            let col = u16::try_from(c + 1).unwrap_or(u16::MAX);
            // Excel keeps at most 32,767 characters in a cell.
            let value: String = value.chars().take(32_767).collect();
            sheet.write_string_with_format(row, col, value, &cell)?;
        }
        texts.extend(values.iter().map(String::as_str));
        sheet.set_row_height(row, row_height(&texts, &widths, 1.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed as the list is sent: A4 landscape, every column on the page's width, the header
    // on every page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    let last_col = u16::try_from(table.columns.len()).unwrap_or(u16::MAX);
    let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, last_col)?;
    book.save_to_buffer()
}

/// The width of the number column, in characters.
const NUMBER_WIDTH: f64 = 5.0;

/// How many lines a text takes in a column this many characters wide once wrapped at spaces:
/// each of its own lines, and a word longer than the column broken over several.
pub fn wrapped_lines(text: &str, width: f64, weight: f64) -> usize {
    // A column's width counts the digit «0» of the default font; a letter is about as wide, a
    // bold one a tenth wider; a character's worth is lost to the cell's padding.
    let room = ((width - 1.0) / weight).floor().max(1.0) as usize;
    text.split('\n')
        .map(|line| {
            let mut lines = 1;
            let mut used = 0;
            for word in line.split(' ') {
                let len = word.chars().count();
                let needed = if used == 0 { len } else { used + 1 + len };
                if needed <= room {
                    used = needed;
                } else if used == 0 {
                    // A word longer than the column: broken at its width.
                    lines += (len - 1) / room;
                    used = (len - 1) % room + 1;
                } else {
                    lines += 1 + len.saturating_sub(1) / room;
                    used = len.saturating_sub(1) % room + 1;
                }
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

/// The height of a row, in points: its tallest cell's wrapped lines.
fn row_height(texts: &[&str], widths: &[f64], weight: f64) -> f64 {
    let lines = texts
        .iter()
        .zip(widths)
        .map(|(text, width)| wrapped_lines(text, *width, weight))
        .max()
        .unwrap_or(1);
    (lines as f64 * LINE_HEIGHT + ROW_PADDING).min(MAX_ROW_HEIGHT)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(label: &str) -> String {
    let name: String = label
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .take(31)
        .collect();
    let name = name.trim().trim_matches('\'').to_owned();
    if name.is_empty() {
        "1".to_owned()
    } else {
        name
    }
}

/// The table as CSV for Excel in a Russian locale: UTF-8 with a byte order mark (so that
/// Cyrillic shows right), `;` between fields (the list separator there), CRLF line ends,
/// quotes where needed. A cell that a spreadsheet would take for a formula gets a leading `'`.
pub fn csv(table: Table, lang: crate::i18n::Lang) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.map(|c| csv_cell(&c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    line(&mut std::iter::once(number_header(lang)).chain(table.columns.iter().cloned()));
    for (r, values) in table.rows.iter().enumerate() {
        line(&mut std::iter::once((r + 1).to_string()).chain(values.iter().cloned()));
    }
    out.into_bytes()
}

fn csv_cell(text: &str) -> String {
    let text = if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Whether a spreadsheet would evaluate the text: it starts with `=`, `@`, a tab or a carriage
/// return, or with `+` or `-` followed by anything but a plain number (a phone number such as
/// +79111234567 stays as it is).
fn looks_like_formula(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars
            .as_str()
            .chars()
            .all(|c| c.is_ascii_digit() || " ()-.".contains(c)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn csv_has_a_bom_semicolons_quotes_and_no_formulas() {
        let columns = vec!["Ф.И.О.".to_owned(), "Телефон".to_owned()];
        let rows = vec![
            vec!["Иванов; \"Ваня\"".to_owned(), "+79111234567".to_owned()],
            vec![
                "=HYPERLINK(\"x\")".to_owned(),
                "+cmd|' /C calc'!A0".to_owned(),
            ],
        ];
        let table = Table {
            label: "Перечень",
            columns: &columns,
            rows: &rows,
        };
        let text = String::from_utf8(csv(table, Lang::Ru)).unwrap();
        assert!(text.starts_with("\u{feff}№;Ф.И.О.;Телефон\r\n"), "{text}");
        assert!(
            text.contains("1;\"Иванов; \"\"Ваня\"\"\";+79111234567\r\n"),
            "{text}"
        );
        assert!(
            text.contains("2;\"'=HYPERLINK(\"\"x\"\")\";'+cmd|' /C calc'!A0\r\n"),
            "{text}"
        );
    }

    #[test]
    fn wrapped_text_is_counted_in_lines() {
        assert_eq!(wrapped_lines("", 10.0, 1.0), 1);
        assert_eq!(wrapped_lines("коротко", 10.0, 1.0), 1);
        // 11 characters of room: «Главный специалист» is two lines; in 9, «специалист» is
        // broken too.
        assert_eq!(wrapped_lines("Главный специалист", 12.0, 1.0), 2);
        assert_eq!(wrapped_lines("Главный специалист", 10.0, 1.0), 3);
        assert_eq!(wrapped_lines("один\nдва\nтри", 30.0, 1.0), 3);
        // A word of 20 characters in 9: three lines.
        assert_eq!(wrapped_lines(&"я".repeat(20), 10.0, 1.0), 3);
        assert_eq!(wrapped_lines("а б", 10.0, 1.0), 1);
    }

    #[test]
    fn sheet_names_are_what_excel_accepts() {
        assert_eq!(
            sheet_name("Перечень сотрудников: [итог]"),
            "Перечень сотрудников   итог"
        );
        assert_eq!(sheet_name(&"а".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_name("///"), "1");
    }
}
