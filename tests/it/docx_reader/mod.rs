//! Reading an exported DOCX back for the tests: a small, strict XML reader (no XML crate is a
//! dependency) and the package's parts.

pub mod form;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

// A small, strict XML reader: enough to say a part is well-formed (one root, tags nested and
// closed, attributes quoted and not repeated, only declared namespace prefixes, only the five
// entities and character references, only characters XML 1.0 allows) and to walk it.

#[derive(Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant with this name, in document order.
    pub fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.all(name, out);
        }
    }

    pub fn find_all(&self, name: &str) -> Vec<&Element> {
        let mut out = Vec::new();
        self.all(name, &mut out);
        out
    }

    pub fn has(&self, name: &str) -> bool {
        !self.find_all(name).is_empty()
    }

    /// The text as Word shows it: `w:t` text, `w:tab` as a tab and `w:br` as a line break
    /// (inside runs only: a `w:tab` in the paragraph properties is a tab stop).
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out, false);
        out
    }

    pub fn text_into(&self, out: &mut String, in_run: bool) {
        for node in &self.children {
            match node {
                Node::Text(t) if self.name == "w:t" => out.push_str(t),
                Node::Text(_) => {}
                Node::Element(e) => match e.name.as_str() {
                    "w:tab" if in_run => out.push('\t'),
                    "w:br" if in_run => out.push('\n'),
                    "w:pPr" | "w:rPr" | "w:tblPr" | "w:trPr" | "w:tcPr" | "w:sectPr" => {}
                    "w:r" => e.text_into(out, true),
                    _ => e.text_into(out, in_run),
                },
            }
        }
    }
}

pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

pub fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')
}

/// Resolves entity and character references; anything else after `&` is malformed.
pub fn unescape(raw: &str) -> String {
    assert!(
        !raw.contains('<'),
        "a raw < in text or attribute: {raw:.80}"
    );
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(';')
            .unwrap_or_else(|| panic!("an unterminated reference: {:.40}", &rest[at..]));
        let entity = &rest[at + 1..at + end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16)
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse()
                } else {
                    panic!("an unknown entity &{entity};")
                };
                let c = code
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("a bad character reference &{entity};"));
                assert!(
                    xml_char(c),
                    "a reference to a forbidden character &{entity};"
                );
                c
            }
        };
        out.push(c);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Parses a whole XML part; panics, saying where, if it is not well-formed.
pub fn parse_xml(part: &str, xml: &str) -> Element {
    if let Some(bad) = xml.chars().find(|c| !xml_char(*c)) {
        panic!("{part}: a character XML forbids: U+{:04X}", bad as u32);
    }
    let mut stack: Vec<Element> = Vec::new();
    let mut scopes: Vec<Vec<String>> = vec![vec!["xml".into(), "xmlns".into()]];
    let mut root: Option<Element> = None;
    let mut rest = xml;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<?") {
            let end = after
                .find("?>")
                .unwrap_or_else(|| panic!("{part}: open <?"));
            assert!(
                stack.is_empty() && root.is_none(),
                "{part}: <? after the prolog"
            );
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let end = after
                .find("-->")
                .unwrap_or_else(|| panic!("{part}: open <!--"));
            rest = &after[end + 3..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or_else(|| panic!("{part}: open </"));
            let name = after[..end].trim_end();
            let element = stack
                .pop()
                .unwrap_or_else(|| panic!("{part}: </{name}> closes nothing"));
            scopes.pop();
            assert_eq!(
                element.name, name,
                "{part}: <{}> closed by </{name}>",
                element.name
            );
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Element(element)),
                None => {
                    assert!(root.is_none(), "{part}: two root elements");
                    root = Some(element);
                }
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            // The tag ends at the first `>` outside quotes.
            let mut quote = None;
            let end = after
                .char_indices()
                .find(|(_, c)| match (quote, *c) {
                    (None, '"' | '\'') => {
                        quote = Some(*c);
                        false
                    }
                    (Some(q), c) if c == q => {
                        quote = None;
                        false
                    }
                    (None, '>') => true,
                    _ => false,
                })
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("{part}: an open tag"));
            let mut tag = &after[..end];
            let empty = tag.ends_with('/');
            if empty {
                tag = &tag[..tag.len() - 1];
            }
            let name_end = tag.find(|c: char| !name_char(c)).unwrap_or(tag.len());
            let name = &tag[..name_end];
            assert!(
                name.starts_with(|c: char| c.is_alphabetic() || c == '_'),
                "{part}: a bad element name {name:?}"
            );
            let mut attrs: Vec<(String, String)> = Vec::new();
            let mut a = &tag[name_end..];
            loop {
                let trimmed = a.trim_start();
                if trimmed.is_empty() {
                    break;
                }
                assert!(
                    trimmed.len() < a.len(),
                    "{part}: no space before an attribute in <{name}>"
                );
                let eq = trimmed
                    .find('=')
                    .unwrap_or_else(|| panic!("{part}: an attribute without a value in <{name}>"));
                let attr = trimmed[..eq].trim_end();
                assert!(
                    !attr.is_empty() && attr.chars().all(name_char),
                    "{part}: a bad attribute name {attr:?} in <{name}>"
                );
                let value = trimmed[eq + 1..].trim_start();
                let q = value
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '"' | '\''))
                    .unwrap_or_else(|| panic!("{part}: an unquoted attribute {attr} in <{name}>"));
                let close = value[1..]
                    .find(q)
                    .unwrap_or_else(|| panic!("{part}: an open attribute {attr}"));
                assert!(
                    !attrs.iter().any(|(n, _)| n == attr),
                    "{part}: {attr} twice in <{name}>"
                );
                attrs.push((attr.to_owned(), unescape(&value[1..=close])));
                a = &value[close + 2..];
            }
            let declared: Vec<String> = attrs
                .iter()
                .filter_map(|(n, _)| n.strip_prefix("xmlns:").map(str::to_owned))
                .collect();
            scopes.push(declared);
            let prefixed = std::iter::once(name).chain(attrs.iter().map(|(n, _)| n.as_str()));
            for n in prefixed {
                if let Some((prefix, _)) = n.split_once(':') {
                    assert!(
                        prefix == "xmlns" || scopes.iter().flatten().any(|p| p == prefix),
                        "{part}: the prefix of {n} is not declared"
                    );
                }
            }
            let element = Element {
                name: name.to_owned(),
                attrs,
                children: Vec::new(),
            };
            if empty {
                scopes.pop();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => {
                        assert!(root.is_none(), "{part}: two root elements");
                        root = Some(element);
                    }
                }
            } else {
                stack.push(element);
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            assert!(!raw.contains("]]>"), "{part}: ]]> in text");
            match stack.last_mut() {
                Some(parent) => parent.children.push(Node::Text(unescape(raw))),
                None => assert!(
                    raw.trim().is_empty(),
                    "{part}: text outside the root: {raw:.40}"
                ),
            }
            rest = &rest[end..];
        }
    }
    assert!(
        stack.is_empty(),
        "{part}: <{}> is never closed",
        stack[0].name
    );
    root.unwrap_or_else(|| panic!("{part}: no root element"))
}

// ---------------------------------------------------------------------------------------------
// Reading a DOCX back.

pub struct Docx {
    /// `word/document.xml`, raw.
    pub raw: String,
    pub document: Element,
    pub styles: Element,
    pub parts: BTreeSet<String>,
    /// Every XML part by name, raw (headers: `word/header1.xml`…).
    pub xml: BTreeMap<String, String>,
}

/// Unzips the file, checks every XML part is well-formed, and returns the main two.
pub fn read_docx(bytes: &[u8]) -> Docx {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a DOCX is a zip archive");
    let mut parts = BTreeSet::new();
    let mut texts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("an entry");
        let name = file.name().expect("a UTF-8 entry name").to_string();
        assert!(
            !name.starts_with('/') && !name.contains(".."),
            "entry name {name}"
        );
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut xml = String::new();
            file.read_to_string(&mut xml)
                .unwrap_or_else(|e| panic!("{name} is UTF-8: {e}"));
            parse_xml(&name, &xml);
            texts.insert(name.clone(), xml);
        }
        parts.insert(name);
    }
    for needed in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(parts.contains(needed), "{needed} in {parts:?}");
    }
    let types = &texts["[Content_Types].xml"];
    assert!(
        types.contains(r#"PartName="/word/document.xml""#)
            && types.contains("wordprocessingml.document.main+xml"),
        "the content types name the main document"
    );
    let raw = texts["word/document.xml"].clone();
    Docx {
        document: parse_xml("word/document.xml", &raw),
        styles: parse_xml("word/styles.xml", &texts["word/styles.xml"]),
        raw,
        parts,
        xml: texts,
    }
}

#[test]
fn the_xml_reader_refuses_what_is_not_well_formed() {
    let refused = |xml: &str| {
        std::panic::catch_unwind(|| {
            parse_xml("test", xml);
        })
        .is_err()
    };
    let good = r#"<?xml version="1.0"?><w:a xmlns:w="u"><w:b w:c="&lt;&#x41;">x &amp; y</w:b><w:d/></w:a>"#;
    let root = parse_xml("test", good);
    assert_eq!(root.child("w:b").and_then(|b| b.attr("w:c")), Some("<A"));
    for bad in [
        "<a><b></a></b>",
        "<a>",
        "<a></a><b></b>",
        "<a>&foo;</a>",
        "<a>x & y</a>",
        "<a x=1></a>",
        r#"<a x="1" x="2"></a>"#,
        r#"<a x="<"></a>"#,
        "<w:a></w:a>",
        "<a>\u{FFFE}</a>",
        "<a>\u{1}</a>",
        "<a>&#0;</a>",
        "text<a></a>",
    ] {
        assert!(refused(bad), "{bad:?} must be refused");
    }
}
