//! What a filled form's DOCX must say, read back with the reader of this module: the form's
//! addressee, title, fields, tables, signature and date, in its order, on A4 portrait in Times
//! New Roman, with tables as wide as the text.

use poryadok::export::model::{FilledForm, FormRow, SignatureBlock};
use poryadok::i18n::Lang;

use super::{Docx, Element};

/// The width of the text on an A4 page with the form's margins, in twips.
const TEXT_WIDTH: usize = 11906 - 1134 - 851;

pub fn cells(row: &Element) -> Vec<String> {
    row.elements()
        .filter(|e| e.name == "w:tc")
        .map(Element::text)
        .collect()
}

pub fn rows(table: &Element) -> Vec<&Element> {
    table.elements().filter(|e| e.name == "w:tr").collect()
}

fn twips(e: Option<&Element>, attr: &str) -> usize {
    e.and_then(|e| e.attr(attr))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{attr} in twips"))
}

/// The widths of a table's columns, in twips.
fn grid(table: &Element) -> Vec<usize> {
    table
        .child("w:tblGrid")
        .expect("a grid")
        .elements()
        .map(|c| twips(Some(c), "w:w"))
        .collect()
}

/// Every table is exactly as wide as the text, and its cells as wide as its grid says.
fn check_widths(table: &Element) {
    let grid = grid(table);
    assert_eq!(grid.iter().sum::<usize>(), TEXT_WIDTH, "grid {grid:?}");
    for row in rows(table) {
        let widths: Vec<usize> = row
            .elements()
            .filter(|e| e.name == "w:tc")
            .map(|tc| twips(tc.child("w:tcPr").and_then(|p| p.child("w:tcW")), "w:w"))
            .collect();
        assert_eq!(widths, grid, "cell widths follow the grid");
    }
}

fn bold(e: &Element) -> bool {
    e.find_all("w:r")
        .iter()
        .all(|r| r.child("w:rPr").is_some_and(|p| p.child("w:b").is_some()))
}

fn is_signer(form: &FilledForm, row: &FormRow) -> bool {
    matches!((row, &form.signature), (
        FormRow::Field { label, value },
        Some(SignatureBlock { role, name: Some(name) }),
    ) if label == role && value == name)
}

/// The document says what the form says, in its order: addressee, title, the fields, each
/// table field after its label, the signature, the date; A4 portrait in Times New Roman.
pub fn check_form(form: &FilledForm, lang: Lang, docx: &Docx) {
    let body = docx.document.child("w:body").expect("a body");
    // No text node holds a raw line break: lines are w:br.
    for t in body.find_all("w:t") {
        let text = t.text();
        assert!(
            !text.contains(['\n', '\r']),
            "a line break inside w:t: {text:.60}"
        );
    }
    let mut blocks = body.elements().filter(|e| e.name != "w:sectPr").peekable();
    let mut next = |what: &str| {
        blocks
            .next()
            .unwrap_or_else(|| panic!("{}: {what} is missing", form.id))
    };

    if let Some(addressee) = &form.addressee {
        let p = next("the addressee");
        assert_eq!(p.text(), *addressee);
        let ind = p.find_all("w:ind");
        let left = twips(ind.first().copied(), "w:left");
        assert!(
            left >= TEXT_WIDTH / 3,
            "the addressee is on the right: {left}"
        );
    }
    let title = next("the title");
    assert_eq!(title.name, "w:p");
    assert_eq!(title.text(), form.title);
    assert!(bold(title), "the title is bold");
    assert_eq!(
        title.find_all("w:jc").first().and_then(|j| j.attr("w:val")),
        Some("center"),
        "the title is centred"
    );

    // The signer's name field is printed in the signature block, not again among the fields.
    let printed: Vec<&FormRow> = form
        .rows
        .iter()
        .filter(|row| !is_signer(form, row))
        .collect();
    let mut i = 0;
    while i < printed.len() {
        match printed[i] {
            FormRow::Field { .. } => {
                let mut table = next("a fields table");
                if table.name == "w:p" && table.text().is_empty() {
                    table = next("a fields table after a line");
                }
                assert_eq!(table.name, "w:tbl", "{}: fields as a table", form.id);
                check_widths(table);
                let grid = grid(table);
                assert!(
                    grid.len() == 2 && grid[0] < grid[1],
                    "two columns, the label's narrower: {grid:?}"
                );
                for tr in rows(table) {
                    let Some(FormRow::Field { label, value }) = printed.get(i).copied() else {
                        panic!("{}: a row more than the form has", form.id);
                    };
                    assert_eq!(cells(tr), [label.as_str(), value.as_str()]);
                    i += 1;
                }
                assert!(
                    !matches!(printed.get(i).copied(), Some(FormRow::Field { .. })),
                    "{}: every field of the run in one table",
                    form.id
                );
            }
            FormRow::Table {
                label,
                columns,
                rows: data,
                ..
            } => {
                let caption = next("a table's label");
                assert_eq!(caption.name, "w:p");
                assert_eq!(caption.text(), *label);
                assert!(bold(caption), "a table's label is bold");
                let table = next("a table");
                assert_eq!(table.name, "w:tbl");
                check_widths(table);
                let trs = rows(table);
                assert_eq!(trs.len(), data.len() + 1, "a header and a row each");
                let mut header = vec![lang.text("export-number")];
                header.extend(columns.iter().cloned());
                assert_eq!(cells(trs[0]), header);
                assert!(bold(trs[0]), "the header row is bold");
                assert!(
                    trs[0]
                        .child("w:trPr")
                        .is_some_and(|p| p.child("w:tblHeader").is_some()),
                    "the header row repeats on each page"
                );
                for (n, (tr, data)) in trs[1..].iter().zip(data).enumerate() {
                    assert!(!tr.has("w:tblHeader"), "only the header repeats");
                    let mut expected = vec![(n + 1).to_string()];
                    expected.extend(data.iter().cloned());
                    assert_eq!(cells(tr), expected);
                }
                i += 1;
            }
        }
    }

    if let Some(signature) = &form.signature {
        let mut table = next("the signature");
        if table.name == "w:p" && table.text().is_empty() {
            table = next("the signature after a space");
        }
        assert_eq!(table.name, "w:tbl", "the signature block");
        let trs = rows(table);
        assert_eq!(trs.len(), 1);
        let line = cells(trs[0]);
        assert_eq!(line.len(), 3, "{line:?}");
        assert_eq!(line[0], signature.role);
        assert!(
            line[1].len() >= 10 && line[1].chars().all(|c| c == '_'),
            "a line to sign on: {line:?}"
        );
        match signature.name.as_deref() {
            Some(name) => assert_eq!(line[2], name),
            None => assert!(
                line[2].len() >= 10 && line[2].chars().all(|c| c == '_'),
                "a line to write the name on: {line:?}"
            ),
        }
        // The line reads as in the source document: «Руководитель ____ И.И. Иванов».
        let joined = line.join(" ");
        assert!(joined.starts_with(&format!("{} __", signature.role)));
    }
    let date = next("the date");
    let label = match lang {
        Lang::Ru => "Дата",
        Lang::En => "Date",
    };
    assert_eq!(
        date.text(),
        format!("{label}: {}", form.date.strftime("%d.%m.%Y"))
    );
    if let Some(extra) = blocks.next() {
        panic!(
            "{}: something after the date: {:.80}",
            form.id,
            extra.text()
        );
    }

    // A4 portrait, margins 2 cm and 1.5 cm on the right.
    let sect = body.child("w:sectPr").expect("section properties");
    let size = sect.child("w:pgSz").expect("a page size");
    assert_eq!(size.attr("w:w"), Some("11906"));
    assert_eq!(size.attr("w:h"), Some("16838"));
    assert_ne!(size.attr("w:orient"), Some("landscape"));
    let margins = sect.child("w:pgMar").expect("margins");
    assert_eq!(margins.attr("w:left"), Some("1134"));
    assert_eq!(margins.attr("w:right"), Some("851"));

    // Times New Roman for every script, Russian as the language.
    let defaults = docx
        .styles
        .child("w:docDefaults")
        .and_then(|d| d.child("w:rPrDefault"))
        .and_then(|d| d.child("w:rPr"))
        .expect("default run properties");
    let fonts = defaults.child("w:rFonts").expect("default fonts");
    for script in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert_eq!(fonts.attr(script), Some("Times New Roman"), "{script}");
    }
    let size = defaults.child("w:sz").and_then(|s| s.attr("w:val"));
    assert!(matches!(size, Some("24" | "28")), "12 or 14 pt: {size:?}");
    assert_eq!(
        defaults.child("w:lang").and_then(|l| l.attr("w:val")),
        Some("ru-RU"),
        "the forms are Russian"
    );
}
