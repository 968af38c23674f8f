//! What a filled form's DOCX must say, read back with the reader of this module: the form's
//! addressee, title, fields, tables, signature and date, in its order, on A4 portrait in Times
//! New Roman, with tables as wide as the text.

use poryadok::export::model::{FilledForm, FormRow, SignatureBlock};
use poryadok::i18n::Lang;

use super::{Docx, Element};

/// The width of the text on an A4 page with the form's margins (ГОСТ Р 7.0.97-2025: 20 mm left,
/// 10 mm right), in twips.
const TEXT_WIDTH: usize = 11906 - 1134 - 567;

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

/// Whether a paragraph keeps with the next (`w:keepNext` not turned off).
fn keeps_next(p: &Element) -> bool {
    p.find_all("w:keepNext")
        .first()
        .is_some_and(|k| !matches!(k.attr("w:val"), Some("false" | "0")))
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
    ) if label == role && poryadok::export::model::initials_and_surname(value) == *name)
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

    if !form.requisites.is_empty() {
        // The organisation's requisites at the left, the addressee at the right.
        let heading = next("the requisites");
        assert_eq!(
            heading.name, "w:tbl",
            "{}: requisites and addressee side by side",
            form.id
        );
        let trs = rows(heading);
        assert_eq!(trs.len(), 1);
        let line = cells(trs[0]);
        assert_eq!(line[0], form.requisites.join("\n"));
        assert_eq!(line[1], form.addressee.clone().unwrap_or_default());
        let first_run = trs[0].find_all("w:r")[0];
        assert!(
            first_run.child("w:rPr").is_some_and(|p| p.has("w:b")),
            "the organisation's name is bold"
        );
    } else if let Some(addressee) = &form.addressee {
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
            assert!(
                keeps_next(table),
                "the space before the signature keeps with it"
            );
            table = next("the signature after a space");
        }
        assert_eq!(table.name, "w:tbl", "the signature block");
        let trs = rows(table);
        assert_eq!(trs.len(), 2, "the line and its captions");
        // The whole block keeps with the date after it: one page-keeping group.
        for p in table.find_all("w:p") {
            assert!(
                keeps_next(p),
                "{}: the signature block keeps together",
                form.id
            );
        }
        let captions = cells(trs[1]);
        let (sign, decode) = match lang {
            Lang::Ru => ("(подпись)", "(расшифровка подписи)"),
            Lang::En => ("(signature)", "(name)"),
        };
        assert_eq!(captions, ["", sign, decode]);
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

    // The end of the form is in the signature's page-keeping group: every paragraph of the
    // last row of the last table before the signature keeps with the next.
    if form.signature.is_some() {
        let blocks: Vec<&Element> = body.elements().collect();
        let signature_at = blocks
            .iter()
            .rposition(|b| b.name == "w:tbl" && b.text().contains(&"_".repeat(10)))
            .expect("the signature table");
        if let Some(last) = blocks[..signature_at]
            .iter()
            .rev()
            .find(|b| b.name == "w:tbl")
        {
            let last_row = *rows(last).last().expect("a row");
            for p in last_row.find_all("w:p") {
                assert!(
                    keeps_next(p),
                    "{}: the last row keeps with the signature",
                    form.id
                );
            }
        }
    }

    // ГОСТ Р 7.0.97-2025: A4 portrait, margins at least 20 mm left, top and bottom, 10 mm right.
    let sect = body.child("w:sectPr").expect("section properties");
    let size = sect.child("w:pgSz").expect("a page size");
    assert_eq!(size.attr("w:w"), Some("11906"));
    assert_eq!(size.attr("w:h"), Some("16838"));
    assert_ne!(size.attr("w:orient"), Some("landscape"));
    let margins = sect.child("w:pgMar").expect("margins");
    let margin = |side: &str| twips(Some(margins), side);
    for side in ["w:left", "w:top", "w:bottom"] {
        assert!(
            margin(side) >= 1134,
            "{side} at least 20 mm: {}",
            margin(side)
        );
    }
    assert_eq!(margin("w:right"), 567, "10 mm on the right");
    // Page numbers from the second page, centred at the top: a first-page header without one.
    assert!(sect.has("w:titlePg"), "the first page has its own header");
    let header_part = |kind: &str| {
        let reference = sect
            .find_all("w:headerReference")
            .into_iter()
            .find(|r| r.attr("w:type") == Some(kind))
            .unwrap_or_else(|| panic!("a {kind} header"));
        let id = reference.attr("r:id").expect("a relationship id");
        let rels = &docx.xml["word/_rels/document.xml.rels"];
        let at = rels
            .find(&format!("Id=\"{id}\""))
            .expect("the header's relationship");
        let target = rels[at..].split("Target=\"").nth(1).unwrap();
        let target = &target[..target.find('"').unwrap()];
        let raw = docx.xml[&format!("word/{target}")].clone();
        (super::parse_xml(target, &raw), raw)
    };
    let (default, raw) = header_part("default");
    assert!(
        raw.contains("<w:instrText>PAGE</w:instrText>"),
        "the page number"
    );
    assert_eq!(
        default
            .find_all("w:jc")
            .first()
            .and_then(|j| j.attr("w:val")),
        Some("center")
    );
    let (first, _) = header_part("first");
    assert!(!first.has("w:instrText"), "no number on the first page");

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
