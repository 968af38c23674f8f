//! A filled form as a Word document, laid out as ГОСТ Р 7.0.97-2025 asks of an organisation's
//! documents and like the form in the source document: A4, margins of 20 mm (left, top,
//! bottom) and 10 mm (right), body text 12 pt and the title 14 pt, page numbers from the second
//! page centred at the top; the organisation's requisites at the top left and the addressee at
//! the top right; the title centred in bold, the fields as a two-column table (label, value),
//! table fields as real tables with their column headers; the signature block (position, a line
//! to sign on, initials and surname, the captions «(подпись)» and «(расшифровка подписи)»)
//! kept on one page with the end of the form, and the date. Times New Roman, for LibreOffice
//! and Word alike.
//!
//! docx-rs escapes text; on top of that every text goes through `xml_text`, which replaces
//! the few characters XML 1.0 cannot carry at all, so no value can break the document.

use std::io::Cursor;

use anyhow::{Context, bail};
use docx_rs::{
    AlignmentType, BreakType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, Table, TableAlignmentType, TableCell, TableCellMargins,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::model::{FilledForm, FormRow, SignatureBlock};
use crate::i18n::Lang;

/// A4 portrait, in twips (1/1440 inch).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 20 mm top, bottom and left, 10 mm right (ГОСТ Р 7.0.97-2025, 5.1).
const MARGIN: i32 = 1134;
const MARGIN_RIGHT: i32 = 567;
/// The width the text runs in.
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - MARGIN as usize - MARGIN_RIGHT as usize;

const FONT: &str = "Times New Roman";
/// Sizes in half-points: 12 pt body, 14 pt title, 10 pt in wide tables (see [`layout`]), 8 pt
/// for the captions under the signature.
const BODY: usize = 24;
const TITLE: usize = 28;
const SMALL: usize = 20;
const CAPTION: usize = 16;
/// Single line spacing.
const SINGLE: i32 = 240;

/// The label column of the fields table: two fifths of the width.
const LABEL_WIDTH: usize = TEXT_WIDTH * 2 / 5;
/// Left and right padding inside a cell.
const CELL_PADDING: usize = 85;
/// The addressee block starts at the middle of the page, as on Russian official forms.
const ADDRESSEE_INDENT: i32 = 5103;

/// Header rows of table fields are marked with this (and only they are), so that
/// [`repeat_header_rows`] can add `w:tblHeader`, which docx-rs does not write.
const HEADER_ROW_MARK: &[u8] = b"<w:cantSplit />";

/// The form as a `.docx` file.
pub fn form_docx(form: &FilledForm) -> anyhow::Result<Vec<u8>> {
    let lang = form.lang;
    let mut doc = gost_page(form.date);

    let addressee = form.addressee.as_deref().filter(|a| !a.trim().is_empty());
    if !form.requisites.is_empty() {
        // The organisation's requisites at the top left, the addressee (if any) at the right.
        doc = doc.add_table(heading_table(&form.requisites, addressee));
    } else if let Some(addressee) = addressee {
        doc = doc.add_paragraph(
            Paragraph::new()
                .indent(Some(ADDRESSEE_INDENT), None, None, None)
                .line_spacing(spacing(0, 240))
                .add_run(text_run(addressee)),
        );
    }
    doc = doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .keep_next(true)
            .line_spacing(spacing(240, 240))
            .add_run(text_run(&form.title).bold().size(TITLE)),
    );

    // Fields go into two-column tables; a table field breaks them, with its label before it.
    // The last table's last row is kept on one page with the signature and the date after it.
    let printed: Vec<&FormRow> = form.rows.iter().filter(|r| !is_signer(form, r)).collect();
    let keep_end = form.signature.is_some();
    let mut fields: Vec<(&str, &str)> = Vec::new();
    let mut after_table = false;
    for (i, row) in printed.iter().enumerate() {
        let last = i + 1 == printed.len();
        match row {
            FormRow::Field { label, value } => fields.push((label, value)),
            FormRow::Table {
                label,
                columns,
                rows,
                ..
            } => {
                doc = flush_fields(doc, &mut fields, after_table, false);
                doc = doc
                    .add_paragraph(
                        Paragraph::new()
                            .keep_next(true)
                            .line_spacing(spacing(240, 120))
                            .add_run(text_run(label).bold()),
                    )
                    .add_table(rows_table(columns, rows, lang, keep_end && last));
                after_table = true;
            }
        }
    }
    doc = flush_fields(doc, &mut fields, after_table, keep_end);

    if let Some(signature) = &form.signature {
        doc = doc
            .add_paragraph(
                Paragraph::new()
                    .keep_next(true)
                    .line_spacing(spacing(480, 0)),
            )
            .add_table(signature_table(signature, lang));
    }
    let date = form.date.strftime("%d.%m.%Y").to_string();
    doc = doc.add_paragraph(
        Paragraph::new()
            .line_spacing(spacing(240, 0))
            .add_run(text_run(&format!("{}: {date}", lang.text("export-date")))),
    );

    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    packed(xml, lang)
}

/// A covering letter (сопроводительное письмо) for a letter sent through ЭДО or on paper, laid
/// out as the form is (ГОСТ Р 7.0.97-2025): the sending organisation's requisites at the top
/// left and the addressee at the right, the date and a blank for the registration number, the
/// subject, the text in paragraphs, the attachments («Приложение: …»), the signature block,
/// and the contact at the foot.
pub fn letter_docx(
    draft: &super::model::Draft,
    date: jiff::civil::Date,
) -> anyhow::Result<Vec<u8>> {
    let lang = draft.lang;
    let mut doc = gost_page(date);
    let addressee = draft.to.join("\n");
    if !draft.sender.is_empty() {
        doc = doc.add_table(heading_table(&draft.sender, Some(&addressee)));
    } else if !addressee.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .indent(Some(ADDRESSEE_INDENT), None, None, None)
                .add_run(text_run(&addressee)),
        );
    }
    let day = date.strftime("%d.%m.%Y").to_string();
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .line_spacing(spacing(360, 240))
                .add_run(text_run(&format!("{day} № ____________"))),
        )
        .add_paragraph(
            Paragraph::new()
                .line_spacing(spacing(0, 240))
                .add_run(text_run(&draft.subject).bold()),
        );
    for paragraph in draft.body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Both)
                .indent(
                    None,
                    Some(docx_rs::SpecialIndentType::FirstLine(709)),
                    None,
                    None,
                )
                .line_spacing(spacing(0, 120))
                .add_run(text_run(paragraph.trim())),
        );
    }
    if !draft.attachments.is_empty() {
        let mut lines = super::model::letter_ending(&super::model::Draft {
            signer: None,
            contact: None,
            ..draft.clone()
        });
        lines.retain(|l| !l.is_empty());
        let mut p = Paragraph::new()
            .keep_next(true)
            .line_spacing(spacing(240, 0));
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
            p = p.add_run(text_run(line));
        }
        doc = doc.add_paragraph(p);
    }
    let signer = draft.signer.clone().unwrap_or(SignatureBlock {
        role: lang.text("export-letter-head"),
        name: None,
    });
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .keep_next(true)
                .line_spacing(spacing(480, 0)),
        )
        .add_table(signature_table(&signer, lang));
    if let Some(contact) = &draft.contact {
        doc = doc.add_paragraph(
            Paragraph::new()
                .line_spacing(spacing(720, 0))
                .add_run(text_run(contact).size(SMALL)),
        );
    }
    packed(doc.build(), lang)
}

/// An A4 page as ГОСТ Р 7.0.97-2025 lays out an organisation's documents: margins of 20 mm (10
/// mm at the right), body text in 12–14 pt, page numbers from the second page on, centred at
/// the top (none on the first), dated `date`.
fn gost_page(date: jiff::civil::Date) -> Docx {
    Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN_RIGHT)
                .header(567)
                .footer(567),
        )
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .default_fonts(fonts())
        .default_size(BODY)
        .default_line_spacing(spacing(0, 0))
        .created_at(&format!("{date}T00:00:00Z"))
        .updated_at(&format!("{date}T00:00:00Z"))
}

/// The document in the language it is written in, packed as a `.docx` file.
fn packed(mut xml: docx_rs::XMLDocx, lang: Lang) -> anyhow::Result<Vec<u8>> {
    xml.styles = with_language(&xml.styles, language(lang))?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).context("packing the document")?;
    Ok(out.into_inner())
}

/// The organisation's requisites at the left (its name in bold), the addressee at the right,
/// without borders, as on a letterhead with the addressee beside it.
fn heading_table(requisites: &[String], addressee: Option<&str>) -> Table {
    let left = TEXT_WIDTH / 2 - 284;
    let widths = [left, TEXT_WIDTH - left];
    let mut lines = Paragraph::new().line_spacing(spacing(0, 240));
    for (i, line) in requisites.iter().enumerate() {
        let mut run = text_run(line);
        if i == 0 {
            run = run.bold();
        } else {
            run = run.size(SMALL);
        }
        if i > 0 {
            lines = lines.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        lines = lines.add_run(run);
    }
    let right = Paragraph::new()
        .indent(Some(567), None, None, None)
        .add_run(text_run(addressee.unwrap_or("")));
    Table::without_borders(vec![TableRow::new(vec![
        cell(lines, widths[0]),
        cell(right, widths[1]),
    ])])
    .set_grid(widths.to_vec())
    .width(TEXT_WIDTH, WidthType::Dxa)
    .layout(TableLayoutType::Fixed)
    .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// Whether the row is the signer's name, which the signature block prints: «Руководитель» —
/// «И.И. Иванов» is not repeated among the fields.
fn is_signer(form: &FilledForm, row: &FormRow) -> bool {
    match (row, &form.signature) {
        (
            FormRow::Field { label, value },
            Some(SignatureBlock {
                role,
                name: Some(name),
            }),
        ) => label == role && super::model::initials_and_surname(value) == *name,
        _ => false,
    }
}

/// The fields gathered so far as one two-column table; after a table field, a line first, so
/// that the two tables do not run together. `keep_end`: the last row is kept on one page with
/// what follows (the signature).
fn flush_fields(
    doc: Docx,
    fields: &mut Vec<(&str, &str)>,
    after_table: bool,
    keep_end: bool,
) -> Docx {
    if fields.is_empty() {
        return doc;
    }
    let doc = if after_table {
        doc.add_paragraph(Paragraph::new())
    } else {
        doc
    };
    let table = fields_table(fields, keep_end);
    fields.clear();
    doc.add_table(table)
}

/// Single line spacing with this space before and after a paragraph, in twips.
fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(SINGLE)
        .before(before)
        .after(after)
}

/// Times New Roman for every script, Cyrillic included.
fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// The document's language, so that Word and LibreOffice check the spelling right.
fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "ru-RU",
        Lang::En => "en-US",
    }
}

/// Text as XML 1.0 can carry it: the characters it forbids outright (C0 controls other than
/// tab and line feed, U+FFFE, U+FFFF) become U+FFFD; a carriage return is dropped.
/// docx-rs escapes `<`, `&`, quotes.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|c| *c != '\r')
        .map(|c| match c {
            '\t' | '\n' => c,
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// A run with the text's line breaks and tabs kept as Word breaks and tabs.
fn text_run(text: &str) -> Run {
    let text = xml_text(text);
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !part.is_empty() {
                run = run.add_text(part);
            }
        }
    }
    run
}

fn cell(paragraph: Paragraph, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(paragraph)
}

fn table(rows: Vec<TableRow>, grid: Vec<usize>) -> Table {
    Table::new(rows)
        .set_grid(grid)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Left)
        .margins(TableCellMargins::new().margin(28, CELL_PADDING, 28, CELL_PADDING))
}

/// The fields as the form's two-column table: label, value. With `keep_end`, the last row is
/// kept whole and on one page with what follows.
fn fields_table(fields: &[(&str, &str)], keep_end: bool) -> Table {
    let value_width = TEXT_WIDTH - LABEL_WIDTH;
    let rows = fields
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let keep = keep_end && i + 1 == fields.len();
            TableRow::new(vec![
                cell(
                    Paragraph::new().keep_next(keep).add_run(text_run(label)),
                    LABEL_WIDTH,
                ),
                cell(
                    Paragraph::new().keep_next(keep).add_run(text_run(value)),
                    value_width,
                ),
            ])
        })
        .collect();
    table(rows, vec![LABEL_WIDTH, value_width])
}

/// A table field: «№», then its columns; the header row bold, repeated on every page. With
/// `keep_end`, the last row is kept whole and on one page with what follows.
fn rows_table(columns: &[String], rows: &[Vec<String>], lang: Lang, keep_end: bool) -> Table {
    let number = lang.text("export-number");
    let numbers: Vec<String> = (1..=rows.len()).map(|n| n.to_string()).collect();
    // Each column's texts, the header first; «№» is a column like the others.
    let mut texts: Vec<Vec<&str>> = vec![
        std::iter::once(number.as_str())
            .chain(numbers.iter().map(String::as_str))
            .collect(),
    ];
    texts.extend(columns.iter().enumerate().map(|(i, column)| {
        std::iter::once(column.as_str())
            .chain(rows.iter().map(|r| r.get(i).map_or("", String::as_str)))
            .collect()
    }));
    let (size, widths) = layout(&texts);
    let header_cell = |text: &str, width: usize| {
        cell(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(text_run(text).bold().size(size)),
            width,
        )
        .vertical_align(VAlignType::Center)
        .shading(Shading::new().fill("E7E6E6"))
    };
    let header = texts
        .iter()
        .zip(&widths)
        .map(|(column, width)| header_cell(column[0], *width))
        .collect();
    let mut out = vec![TableRow::new(header).cant_split()];
    for (n, number) in numbers.iter().enumerate() {
        let keep = keep_end && n + 1 == numbers.len();
        let mut cells = vec![cell(
            Paragraph::new()
                .keep_next(keep)
                .align(AlignmentType::Center)
                .add_run(text_run(number).size(size)),
            widths[0],
        )];
        cells.extend(texts[1..].iter().zip(&widths[1..]).map(|(column, width)| {
            cell(
                Paragraph::new()
                    .keep_next(keep)
                    .add_run(text_run(column[n + 1]).size(size)),
                *width,
            )
        }));
        // The mark that makes a row a repeated header is `cantSplit` (see
        // [`repeat_header_rows`]); a data row is kept whole with `keep_next` alone.
        out.push(TableRow::new(cells));
    }
    table(out, widths)
}

/// The font size of a table field and its column widths: the largest size, from 12 pt for
/// narrow tables and 10 pt for wide ones down to 9 pt, at which every column is wide enough
/// for its longest word; the width left over goes to the columns with longer lines. When even
/// 9 pt is too large, the columns with the longest words give up width first.
fn layout(texts: &[Vec<&str>]) -> (usize, Vec<usize>) {
    let sizes: &[usize] = if texts.len() <= 4 {
        &[BODY, 22, SMALL, 18]
    } else {
        &[SMALL, 18]
    };
    let mut last = (SMALL, Vec::new());
    for &size in sizes {
        let wants: Vec<(usize, usize)> = texts.iter().map(|t| measure(t, size)).collect();
        let least: usize = wants.iter().map(|w| w.0).sum();
        last = (size, widths(&wants, TEXT_WIDTH));
        if least <= TEXT_WIDTH {
            break;
        }
    }
    last
}

/// The width a column needs, in twips: at least (its longest unbreakable piece of text) and
/// at most (its longest line), both padded and bounded.
fn measure(texts: &[&str], size: usize) -> (usize, usize) {
    // About half an em per character in Times New Roman, a tenth more in the bold header;
    // a size in half-points is ten twips per em.
    let per_char = size * 5;
    let (mut word, mut line) = (1.0f64, 1.0f64);
    for (i, text) in texts.iter().enumerate() {
        let weight = if i == 0 { 1.1 } else { 1.0 };
        for l in text.lines() {
            line = line.max(l.chars().count() as f64 * weight);
            // Lines break at spaces and after a hyphen or a slash.
            for w in l.split_inclusive([' ', '-', '/']) {
                word = word.max(w.trim_end().chars().count() as f64 * weight);
            }
        }
    }
    let twips = |chars: f64| (chars + 1.0) as usize * per_char + 2 * CELL_PADDING;
    let least = twips(word.min(24.0));
    (least, twips(line.min(60.0)).max(least))
}

/// Widths that add up to `available` exactly, from each column's (least, most).
fn widths(wants: &[(usize, usize)], available: usize) -> Vec<usize> {
    let least: usize = wants.iter().map(|w| w.0).sum();
    let most: usize = wants.iter().map(|w| w.1).sum();
    let mut widths: Vec<usize> = if least > available {
        // A level no column goes above, as high as the width allows: the narrow columns keep
        // their words whole, the widest ones share what is left.
        let mut sorted: Vec<usize> = wants.iter().map(|w| w.0).collect();
        sorted.sort_unstable();
        let mut level = 0;
        let mut used = 0;
        for (i, w) in sorted.iter().enumerate() {
            let rest = sorted.len() - i;
            if used + w * rest > available {
                level = (available - used) / rest;
                break;
            }
            used += w;
        }
        wants.iter().map(|w| w.0.min(level)).collect()
    } else if most <= available {
        wants
            .iter()
            .map(|w| w.1 * available / most.max(1))
            .collect()
    } else {
        let extra = available - least;
        let room = most - least;
        wants
            .iter()
            .map(|(min, max)| min + (max - min) * extra / room)
            .collect()
    };
    // Rounding: the widest column takes what is left, so the table is as wide as the text.
    let sum: usize = widths.iter().sum();
    if let Some(widest) = widths.iter_mut().max() {
        *widest += available.saturating_sub(sum);
    }
    widths
}

/// «Руководитель ____________ И.И. Иванов» without borders, and under the line and the name
/// the captions «(подпись)» and «(расшифровка подписи)»; a blank line to write the name on when
/// the form has no field for it. Every paragraph keeps with the next, so the block stays on one
/// page with the end of the form and the date.
fn signature_table(signature: &SignatureBlock, lang: Lang) -> Table {
    let widths = [4536, 2268, TEXT_WIDTH - 4536 - 2268];
    let name = signature
        .name
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or("____________________");
    let line = |p: Paragraph, width: usize| {
        cell(p.keep_next(true).keep_lines(true), width).vertical_align(VAlignType::Bottom)
    };
    let caption = |text: &str, width: usize| {
        cell(
            Paragraph::new()
                .keep_next(true)
                .align(AlignmentType::Center)
                .add_run(text_run(text).size(CAPTION)),
            width,
        )
        .vertical_align(VAlignType::Top)
    };
    let signed = TableRow::new(vec![
        line(
            Paragraph::new().add_run(text_run(&signature.role)),
            widths[0],
        ),
        line(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text("______________")),
            widths[1],
        ),
        line(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(text_run(name)),
            widths[2],
        ),
    ]);
    let captions = TableRow::new(vec![
        cell(Paragraph::new().keep_next(true), widths[0]),
        caption(&lang.text("export-signature"), widths[1]),
        caption(&lang.text("export-signature-name"), widths[2]),
    ]);
    Table::without_borders(vec![signed, captions])
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// Marks the header rows (and only they carry [`HEADER_ROW_MARK`]: text cannot, it is
/// escaped) to be repeated at the top of every page.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let replacement = b"<w:cantSplit /><w:tblHeader />";
    let mut out = Vec::with_capacity(document.len() + 256);
    let mut rest = document;
    while let Some(at) = find(rest, HEADER_ROW_MARK) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(replacement);
        rest = &rest[at + HEADER_ROW_MARK.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// Sets the document's default language (docx-rs writes no `w:lang`): the last element of the
/// default run properties.
fn with_language(styles: &[u8], language: &str) -> anyhow::Result<Vec<u8>> {
    let end = b"</w:rPr></w:rPrDefault>";
    let Some(at) = find(styles, end) else {
        bail!("the styles have no default run properties to set the language in");
    };
    let lang = format!(r#"<w:lang w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA" />"#);
    let mut out = Vec::with_capacity(styles.len() + lang.len());
    out.extend_from_slice(&styles[..at]);
    out.extend_from_slice(lang.as_bytes());
    out.extend_from_slice(&styles[at..]);
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
