//! Word documents (.docx, and what WPS saves as .docx), read from the zip and its XML.
//!
//! What is read: paragraphs with their heading level (from the paragraph's or its style's
//! outline level, or a 标题 N / heading N style); automatic numbering rebuilt from
//! `numbering.xml`, so `一、（一）1.` exist even when they are not in the text; tables resolved
//! into grids (`gridSpan`, `vMerge`, legacy `hMerge`, `gridBefore`/`gridAfter`), nested tables
//! after the table holding them; content controls and smart tags unwrapped; the table of
//! contents as a 目录; text boxes once (from `mc:Choice`, never also from `mc:Fallback`);
//! fields as their result. Tracked changes are read as if accepted (insertions in, deletions
//! out) and are handed over with comments as revisions. Pictures and embedded objects are
//! counted, not read.

use std::collections::HashMap;
use std::path::Path;

use roxmltree::Node;

use super::view::{Grid, GridCell, PendingRevision, TablePlaces, View, MAX_GRID_CELLS};
use super::zipped::{parse_xml, Zipped};
use super::ReadError;
use crate::document::{Document, RevisionKind, UnreadKind};
use crate::source::SourceFile;

const FORMAT: &str = ".docx";

/// How deep tables may nest in tables before the reader stops following them.
const MAX_TABLE_DEPTH: usize = 8;
/// How deep content controls, custom XML and text boxes may nest.
const MAX_DEPTH: usize = 64;

pub(super) fn read(path: &Path, bytes: &[u8]) -> Result<(SourceFile, Document), ReadError> {
    let mut zip = Zipped::open(bytes, FORMAT, "a Word 97-2003 document (.doc)")?;
    // The main part is named by the package's relationships; Word calls it
    // word/document.xml, some tools word/document2.xml.
    let main = main_part(&mut zip)?.unwrap_or_else(|| "word/document.xml".to_string());
    let Some(document) = zip.part(&main)? else {
        return Err(ReadError::Corrupt {
            format: FORMAT,
            detail: format!("it has no {main} (is it a Word document?)"),
        });
    };
    let folder = main.rsplit_once('/').map_or("", |(f, _)| f);
    let beside = |name: &str| {
        if folder.is_empty() {
            name.to_string()
        } else {
            format!("{folder}/{name}")
        }
    };
    let styles_xml = zip.part(&beside("styles.xml"))?;
    let numbering_xml = zip.part(&beside("numbering.xml"))?;
    let comments_xml = zip.part(&beside("comments.xml"))?;

    let doc = parse_xml(&document, FORMAT, "word/document.xml")?;
    let styles = match &styles_xml {
        Some(x) => Styles::parse(&parse_xml(x, FORMAT, "word/styles.xml")?),
        None => Styles::default(),
    };
    let numbering = match &numbering_xml {
        Some(x) => Numbering::parse(&parse_xml(x, FORMAT, "word/numbering.xml")?),
        None => Numbering::default(),
    };
    let comments = match &comments_xml {
        Some(x) => comments(&parse_xml(x, FORMAT, "word/comments.xml")?),
        None => HashMap::new(),
    };
    let mut reader = Reader {
        view: View::new(),
        styles,
        numbering,
        counters: HashMap::new(),
        started: std::collections::HashSet::new(),
        comments,
        images: 0,
        in_toc: false,
        toc: Vec::new(),
    };
    let body = doc
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| ReadError::Corrupt {
            format: FORMAT,
            detail: "word/document.xml has no body".into(),
        })?;
    reader.blocks(body, 0);
    reader.flush_toc();
    if reader.images > 0 {
        let count = reader.images;
        reader.view.unread(UnreadKind::Images { count });
    }
    Ok(reader.view.finish(path, "UTF-8 (DOCX)"))
}

/// The main document part, from `_rels/.rels`: the target of the `officeDocument`
/// relationship.
fn main_part(zip: &mut Zipped<'_>) -> Result<Option<String>, ReadError> {
    let Some(rels) = zip.part("_rels/.rels")? else {
        return Ok(None);
    };
    let Ok(xml) = parse_xml(&rels, FORMAT, "_rels/.rels") else {
        return Ok(None);
    };
    Ok(xml
        .descendants()
        .filter(|n| n.tag_name().name() == "Relationship")
        .find(|n| {
            n.attribute("Type")
                .is_some_and(|t| t.ends_with("/officeDocument"))
        })
        .and_then(|n| n.attribute("Target"))
        .map(|t| t.trim_start_matches('/').to_string()))
}

fn is(node: &Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// The `w:val` (or any `val`) attribute of a node.
fn val<'a>(node: Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "val")
        .map(|a| a.value())
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(n, name))
}

fn number(node: Option<Node<'_, '_>>) -> Option<u32> {
    node.and_then(val).and_then(|v| v.trim().parse().ok())
}

/// What a paragraph style gives: its name, outline level, list numbering, and the style it is
/// based on.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    outline: Option<u32>,
    num: Option<(u32, u32)>,
    based_on: Option<String>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn parse(xml: &roxmltree::Document<'_>) -> Styles {
        let mut by_id = HashMap::new();
        for s in xml.root_element().children().filter(|n| is(n, "style")) {
            let Some(id) = attr(s, "styleId") else {
                continue;
            };
            let ppr = child(s, "pPr");
            let num = ppr.and_then(|p| child(p, "numPr")).and_then(num_pr);
            by_id.insert(
                id.to_string(),
                Style {
                    name: child(s, "name").and_then(val).unwrap_or("").to_string(),
                    outline: number(ppr.and_then(|p| child(p, "outlineLvl"))),
                    num,
                    based_on: child(s, "basedOn").and_then(val).map(str::to_string),
                },
            );
        }
        Styles { by_id }
    }

    /// Follow `basedOn` to the first style that sets what `get` asks for.
    fn inherited<T>(&self, id: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut current = self.by_id.get(id);
        for _ in 0..16 {
            let style = current?;
            if let Some(v) = get(style) {
                return Some(v);
            }
            current = self.by_id.get(style.based_on.as_deref()?);
        }
        None
    }

    /// The heading level (1 = top) a style gives, from its outline level or its name.
    fn heading(&self, id: &str) -> Option<u8> {
        if let Some(level) = self.inherited(id, |s| s.outline) {
            return (level < 9).then_some(level as u8 + 1);
        }
        let name = self.by_id.get(id).map_or(id, |s| s.name.as_str());
        let lower = name.to_lowercase();
        let rest = lower
            .strip_prefix("heading")
            .or_else(|| lower.strip_prefix("标题"))?;
        let n: u8 = rest.trim().parse().ok()?;
        (1..=9).contains(&n).then_some(n)
    }

    fn is_toc(&self, id: &str) -> bool {
        let name = self
            .by_id
            .get(id)
            .map_or(id.to_lowercase(), |s| s.name.to_lowercase());
        let name = name.trim();
        (name.starts_with("toc ") || name.starts_with("目录 ") || name.starts_with("toc"))
            && name.chars().last().is_some_and(|c| c.is_ascii_digit())
    }
}

fn num_pr(numpr: Node<'_, '_>) -> Option<(u32, u32)> {
    let id = number(child(numpr, "numId"))?;
    let level = number(child(numpr, "ilvl")).unwrap_or(0);
    Some((id, level))
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    nums: HashMap<u32, Num>,
}

/// A list instance: its definition, and the start values and levels it overrides.
#[derive(Debug)]
struct Num {
    abstract_id: u32,
    starts: HashMap<u32, u32>,
    levels: HashMap<u32, Level>,
}

fn level_of(lvl: Node<'_, '_>) -> Level {
    Level {
        start: number(child(lvl, "start")).unwrap_or(1),
        format: child(lvl, "numFmt")
            .and_then(val)
            .unwrap_or("decimal")
            .to_string(),
        text: child(lvl, "lvlText")
            .and_then(val)
            .unwrap_or("")
            .to_string(),
    }
}

impl Numbering {
    fn parse(xml: &roxmltree::Document<'_>) -> Numbering {
        let mut n = Numbering::default();
        for a in xml
            .root_element()
            .children()
            .filter(|c| is(c, "abstractNum"))
        {
            let Some(id) = attr(a, "abstractNumId").and_then(|v| v.parse().ok()) else {
                continue;
            };
            let mut levels = vec![Level::default(); 9];
            for lvl in a.children().filter(|c| is(c, "lvl")) {
                if let Some(i) = attr(lvl, "ilvl").and_then(|v| v.parse::<usize>().ok()) {
                    if i < 9 {
                        levels[i] = level_of(lvl);
                    }
                }
            }
            n.abstracts.insert(id, levels);
        }
        for num in xml.root_element().children().filter(|c| is(c, "num")) {
            let Some(id) = attr(num, "numId").and_then(|v| v.parse().ok()) else {
                continue;
            };
            let Some(abs) = number(child(num, "abstractNumId")) else {
                continue;
            };
            let mut starts = HashMap::new();
            let mut levels = HashMap::new();
            for o in num.children().filter(|c| is(c, "lvlOverride")) {
                let Some(i) = attr(o, "ilvl").and_then(|v| v.parse().ok()) else {
                    continue;
                };
                if let Some(s) = number(child(o, "startOverride")) {
                    starts.insert(i, s);
                }
                if let Some(l) = child(o, "lvl") {
                    levels.insert(i, level_of(l));
                }
            }
            n.nums.insert(
                id,
                Num {
                    abstract_id: abs,
                    starts,
                    levels,
                },
            );
        }
        n
    }

    fn level(&self, num: u32, ilvl: u32) -> Option<Level> {
        let num = self.nums.get(&num)?;
        let mut level = match num.levels.get(&ilvl) {
            Some(l) => l.clone(),
            None => self
                .abstracts
                .get(&num.abstract_id)?
                .get(ilvl as usize)?
                .clone(),
        };
        if let Some(s) = num.starts.get(&ilvl) {
            level.start = *s;
        }
        Some(level)
    }
}

/// A number written in a list format.
fn format_number(n: u32, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "ideographDigital"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n, false),
        "chineseLegalSimplified" | "ideographLegalTraditional" => chinese(n, true),
        "ideographTraditional" => nth(STEMS, n).unwrap_or_else(|| n.to_string()),
        "ideographZodiac" => nth(BRANCHES, n).unwrap_or_else(|| n.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            nth(CIRCLED, n).unwrap_or_else(|| format!("({n})"))
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

fn nth(chars: &str, n: u32) -> Option<String> {
    chars
        .chars()
        .nth((n as usize).checked_sub(1)?)
        .map(String::from)
}

fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = (b'A' + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(letter, (n as usize - 1) / 26 + 1).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Chinese numerals as lists write them: 一 … 十, 十一, 二十三, 一百零五.
fn chinese(n: u32, legal: bool) -> String {
    let digits: Vec<char> = if legal {
        "零壹贰叁肆伍陆柒捌玖".chars().collect()
    } else {
        "零一二三四五六七八九".chars().collect()
    };
    let (ten, hundred, thousand) = if legal {
        ('拾', '佰', '仟')
    } else {
        ('十', '百', '千')
    };
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 10_000 {
        return n.to_string();
    }
    let parts = [
        (n / 1000, thousand),
        (n / 100 % 10, hundred),
        (n / 10 % 10, ten),
    ];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in parts {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        if !(d == 1 && unit == ten && out.is_empty() && !legal) {
            out.push(digits[d as usize]);
        }
        out.push(unit);
    }
    let last = n % 10;
    if last > 0 {
        if zero {
            out.push(digits[0]);
        }
        out.push(digits[last as usize]);
    }
    out
}

/// Comments by id: (author, text).
fn comments(xml: &roxmltree::Document<'_>) -> HashMap<String, (Option<String>, String)> {
    xml.root_element()
        .children()
        .filter(|n| is(n, "comment"))
        .filter_map(|c| {
            let id = attr(c, "id")?.to_string();
            let author = attr(c, "author").map(str::to_string);
            let text: String = c
                .descendants()
                .filter(|n| is(n, "t"))
                .filter_map(|n| n.text())
                .collect();
            Some((id, (author, text)))
        })
        .collect()
}

struct Reader {
    view: View,
    styles: Styles,
    numbering: Numbering,
    /// Counters of each list definition (abstract num), one per level.
    counters: HashMap<u32, [Option<u32>; 9]>,
    /// The list instances (num ids) met so far.
    started: std::collections::HashSet<u32>,
    comments: HashMap<String, (Option<String>, String)>,
    images: usize,
    /// Inside a table-of-contents content control.
    in_toc: bool,
    /// Entries of the table of contents being read: (title, page).
    toc: Vec<(String, String)>,
}

/// The text of a paragraph and what it holds besides text.
#[derive(Default)]
struct Collected {
    text: String,
    revisions: Vec<PendingRevision>,
    /// Text boxes and their like: blocks read after the paragraph.
    boxes: Vec<roxmltree::NodeId>,
}

impl Reader {
    fn blocks(&mut self, parent: Node<'_, '_>, depth: usize) {
        if depth > MAX_DEPTH {
            self.view.unread(UnreadKind::TooDeep);
            return;
        }
        for node in parent.children().filter(Node::is_element) {
            match node.tag_name().name() {
                "p" => self.paragraph(node, depth),
                "tbl" => {
                    self.flush_toc();
                    self.table(node, depth)
                }
                "sdt" => {
                    let toc = node
                        .descendants()
                        .filter(|n| is(n, "docPartGallery"))
                        .any(|n| val(n).is_some_and(|v| v.contains("Contents")));
                    let was = self.in_toc;
                    self.in_toc |= toc;
                    if let Some(content) = child(node, "sdtContent") {
                        self.blocks(content, depth + 1);
                    }
                    self.in_toc = was;
                    if toc {
                        self.flush_toc();
                    }
                }
                "customXml" | "smartTag" | "ins" | "moveTo" => self.blocks(node, depth + 1),
                "AlternateContent" => {
                    if let Some(choice) = child(node, "Choice") {
                        self.blocks(choice, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>, depth: usize) {
        let ppr = child(p, "pPr");
        let style = style_of(ppr);
        let collected = self.collect(p);
        let is_toc = !style.is_empty() && self.styles.is_toc(style);
        if (is_toc || self.in_toc) && collected.text.contains('\t') {
            // An entry of the table of contents: its title and, after the last tab, its page.
            let (title, page) = collected
                .text
                .rsplit_once('\t')
                .unwrap_or((&collected.text, ""));
            self.toc.push((title.to_string(), page.trim().to_string()));
            return;
        }
        self.flush_toc();
        let prefix = self.list_number(ppr, style);
        let outline = number(ppr.and_then(|x| child(x, "outlineLvl")));
        let heading = match outline {
            Some(l) if l < 9 => Some(l as u8 + 1),
            Some(_) => None,
            None if style.is_empty() => None,
            None => self.styles.heading(style),
        };
        let text = format!("{prefix}{}", collected.text);
        self.view.paragraph(&text, heading, &collected.revisions);
        let doc = p.document();
        for id in collected.boxes {
            if let Some(node) = doc.get_node(id) {
                self.blocks(node, depth + 1);
            }
        }
    }

    /// The automatic number of a paragraph, from its own numbering or its style's; empty for
    /// a paragraph outside a list. Counts it.
    fn list_number(&mut self, ppr: Option<Node<'_, '_>>, style: &str) -> String {
        let num = ppr
            .and_then(|x| child(x, "numPr"))
            .and_then(num_pr)
            .or_else(|| self.styles.inherited(style, |s| s.num));
        match num {
            Some((id, level)) if id != 0 => self.next_number(id, level),
            _ => String::new(),
        }
    }

    /// The next number of list `id` at `level`, written with the level's text (`%1、`).
    fn next_number(&mut self, id: u32, level: u32) -> String {
        let level = level.min(8);
        let Some(this) = self.numbering.level(id, level) else {
            return String::new();
        };
        if this.format == "bullet" || this.format == "none" {
            return String::new();
        }
        // Lists that share a definition continue one count, as Word numbers them; a list
        // that overrides a level's start restarts that level where it is first used.
        let Some(num) = self.numbering.nums.get(&id) else {
            return String::new();
        };
        let key = num.abstract_id;
        let restart: Vec<u32> = if self.started.insert(id) {
            num.starts.keys().copied().collect()
        } else {
            Vec::new()
        };
        let counters = self.counters.entry(key).or_insert([None; 9]);
        for r in restart {
            if let Some(c) = counters.get_mut(r as usize) {
                *c = None;
            }
        }
        let l = level as usize;
        counters[l] = Some(counters[l].map_or(this.start, |c| c + 1));
        for deeper in counters.iter_mut().skip(l + 1) {
            *deeper = None;
        }
        let counters = *counters;
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let k = (d as usize).saturating_sub(1).min(8);
                    let Some(lvl) = self.numbering.level(id, k as u32) else {
                        continue;
                    };
                    let value = counters[k].unwrap_or(lvl.start);
                    out.push_str(&format_number(value, &lvl.format));
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    /// The text of a paragraph in document order, as if its tracked changes were accepted.
    fn collect(&mut self, p: Node<'_, '_>) -> Collected {
        let mut out = Collected::default();
        // A manual walk, so that whole subtrees can be skipped and depth costs no stack.
        let mut pending: Vec<Node<'_, '_>> = p.children().rev().collect();
        while let Some(node) = pending.pop() {
            if !node.is_element() {
                continue;
            }
            let name = node.tag_name().name();
            match name {
                "t" => {
                    if let Some(t) = node.text() {
                        out.text.push_str(t);
                    }
                    continue;
                }
                "tab" if node.parent().is_some_and(|x| is(&x, "r")) => {
                    out.text.push('\t');
                    continue;
                }
                "br" | "cr" => {
                    out.text.push(' ');
                    continue;
                }
                "noBreakHyphen" => {
                    out.text.push('-');
                    continue;
                }
                "sym" => {
                    if let Some(c) = symbol(node) {
                        out.text.push(c);
                    }
                    continue;
                }
                "del" | "moveFrom" => {
                    out.revisions.push(revision(node, RevisionKind::Deletion));
                    continue;
                }
                "ins" | "moveTo" => out.revisions.push(revision(node, RevisionKind::Insertion)),
                "commentReference" => {
                    if let Some((author, text)) =
                        attr(node, "id").and_then(|id| self.comments.get(id))
                    {
                        out.revisions.push(PendingRevision {
                            kind: RevisionKind::Comment,
                            text: text.clone(),
                            author: author.clone(),
                        });
                    }
                    continue;
                }
                // Not text: properties, field codes, deleted text, the fallback copy of
                // content given in `mc:Choice`.
                "pPr" | "rPr" | "instrText" | "delText" | "Fallback" => continue,
                "txbxContent" => {
                    out.boxes.push(node.id());
                    continue;
                }
                "drawing" | "pict" | "object"
                    if !node.descendants().any(|n| is(&n, "txbxContent")) =>
                {
                    self.images += 1;
                    continue;
                }
                _ => {}
            }
            pending.extend(node.children().rev());
        }
        out
    }

    /// The table of contents read so far, as a 目录 heading and a table of entries.
    fn flush_toc(&mut self) {
        if self.toc.is_empty() {
            return;
        }
        let entries = std::mem::take(&mut self.toc);
        let has_heading = self.view.last_heading_is("目录");
        if !has_heading {
            self.view.paragraph("目录", Some(1), &[]);
        }
        let mut grid = Grid::default();
        for (title, page) in entries {
            grid.rows.push(vec![
                GridCell::text(title.replace('\t', " ")),
                GridCell::text(page),
            ]);
        }
        self.view.table(grid, TablePlaces::Numbered);
    }

    fn table(&mut self, tbl: Node<'_, '_>, depth: usize) {
        if depth >= MAX_TABLE_DEPTH {
            self.view.unread(UnreadKind::TooDeep);
            return;
        }
        let mut grid = Grid::default();
        let mut cells = 0usize;
        let mut nested = Vec::new();
        // The origin (row, column) of the vertical merge open in each column.
        let mut open: HashMap<usize, (usize, usize)> = HashMap::new();
        for tr in rows_of(tbl) {
            let r = grid.rows.len();
            let mut row: Vec<GridCell> = Vec::new();
            let trpr = child(tr, "trPr");
            let before = number(trpr.and_then(|x| child(x, "gridBefore"))).unwrap_or(0) as usize;
            for _ in 0..before.min(64) {
                row.push(GridCell::covered());
            }
            for tc in cells_of(tr) {
                if cells + row.len() > MAX_GRID_CELLS {
                    break;
                }
                let tcpr = child(tc, "tcPr");
                let span = number(tcpr.and_then(|x| child(x, "gridSpan")))
                    .unwrap_or(1)
                    .clamp(1, 64) as usize;
                let vmerge = tcpr.and_then(|x| child(x, "vMerge"));
                let hmerge = tcpr.and_then(|x| child(x, "hMerge"));
                let col = row.len();
                let continues =
                    |m: Option<Node<'_, '_>>| m.is_some_and(|m| val(m) != Some("restart"));
                if continues(hmerge) && col > 0 {
                    if let Some(prev) = row.iter_mut().rev().find(|c| !c.covered) {
                        prev.col_span += span;
                    }
                    for _ in 0..span {
                        row.push(GridCell::covered());
                    }
                    continue;
                }
                if continues(vmerge) {
                    if let Some(&(or, oc)) = open.get(&col) {
                        if let Some(origin) = grid.rows.get_mut(or).and_then(|x| x.get_mut(oc)) {
                            origin.row_span += 1;
                        }
                    }
                    for _ in 0..span {
                        row.push(GridCell::covered());
                    }
                    continue;
                }
                let mut cell = GridCell {
                    row_span: 1,
                    col_span: span,
                    ..GridCell::default()
                };
                for content in tc.children().filter(Node::is_element) {
                    self.cell_content(content, &mut cell, &mut nested, 0);
                }
                if vmerge.is_some() {
                    open.insert(col, (r, col));
                } else {
                    open.remove(&col);
                }
                row.push(cell);
                for _ in 1..span {
                    row.push(GridCell::covered());
                }
            }
            cells += row.len();
            grid.rows.push(row);
            if cells > MAX_GRID_CELLS {
                let (rows, columns) = (grid.rows.len(), grid.width());
                self.view
                    .unread(UnreadKind::TableTooLarge { rows, columns });
                return;
            }
        }
        self.view.table(grid, TablePlaces::Numbered);
        let doc = tbl.document();
        for id in nested {
            if let Some(node) = doc.get_node(id) {
                self.table(node, depth + 1);
            }
        }
    }

    /// What a table cell holds: paragraphs (numbered as lists number them), content controls,
    /// and nested tables (read after the table).
    fn cell_content(
        &mut self,
        node: Node<'_, '_>,
        cell: &mut GridCell,
        nested: &mut Vec<roxmltree::NodeId>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        match node.tag_name().name() {
            "p" => {
                let ppr = child(node, "pPr");
                let prefix = self.list_number(ppr, style_of(ppr));
                let collected = self.collect(node);
                cell.paragraphs.push(format!("{prefix}{}", collected.text));
                cell.revisions.extend(collected.revisions);
                let doc = node.document();
                for id in collected.boxes {
                    if let Some(b) = doc.get_node(id) {
                        for p in b.children().filter(|n| is(n, "p")) {
                            cell.paragraphs.push(self.collect(p).text);
                        }
                    }
                }
            }
            "tbl" => nested.push(node.id()),
            "sdt" | "customXml" => {
                let content = child(node, "sdtContent").unwrap_or(node);
                for c in content.children().filter(Node::is_element) {
                    self.cell_content(c, cell, nested, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// The character a `w:sym` inserts: `≥` typed from the Symbol font is `w:char="F0B3"`, a
/// private-use code standing for the font's byte B3. Only the symbols reports use are mapped;
/// a code outside the private range is the character itself.
fn symbol(node: Node<'_, '_>) -> Option<char> {
    let code = u32::from_str_radix(attr(node, "char")?, 16).ok()?;
    let font = attr(node, "font").unwrap_or("").to_ascii_lowercase();
    let private = (0xF000..=0xF0FF).contains(&code) || (font == "symbol" && code <= 0xFF);
    if !private {
        return char::from_u32(code).filter(|c| !c.is_control());
    }
    if font != "symbol" {
        return None;
    }
    Some(match code & 0xFF {
        0xB3 => '≥',
        0xA3 => '≤',
        0xB9 => '≠',
        0xB1 => '±',
        0xB4 => '×',
        0xB8 => '÷',
        0xBB => '≈',
        0xB0 => '°',
        0x25 => '%',
        0x2B => '+',
        0x2D => '−',
        0x3C => '<',
        0x3D => '=',
        0x3E => '>',
        _ => return None,
    })
}

/// A paragraph's style id, empty when it has none.
fn style_of<'a>(ppr: Option<Node<'a, '_>>) -> &'a str {
    ppr.and_then(|x| child(x, "pStyle"))
        .and_then(val)
        .unwrap_or("")
}

/// A tracked insertion or deletion: its text and author. Deleted text is `w:delText` (or
/// `w:t` in a moved-from run); inserted text is `w:t` only, so a deletion nested in an
/// insertion is not the insertion's text.
fn revision(node: Node<'_, '_>, kind: RevisionKind) -> PendingRevision {
    let deleted = kind == RevisionKind::Deletion;
    let text = node
        .descendants()
        .filter(|n| is(n, "t") || (deleted && is(n, "delText")))
        .filter_map(|n| n.text())
        .collect();
    PendingRevision {
        kind,
        text,
        author: attr(node, "author").map(str::to_string),
    }
}

/// The rows of a table, through content controls and custom XML around them.
fn rows_of<'a, 'i>(tbl: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    unwrap_all(tbl, "tr")
}

fn cells_of<'a, 'i>(tr: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    unwrap_all(tr, "tc")
}

fn unwrap_all<'a, 'i>(parent: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    let mut pending: Vec<Node<'a, 'i>> = parent.children().rev().collect();
    while let Some(n) = pending.pop() {
        if is(&n, name) {
            out.push(n);
        } else if is(&n, "sdt") || is(&n, "customXml") || is(&n, "sdtContent") {
            pending.extend(n.children().rev());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_in_chinese_formats() {
        assert_eq!(format_number(1, "chineseCounting"), "一");
        assert_eq!(format_number(10, "chineseCounting"), "十");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(20, "chineseCounting"), "二十");
        assert_eq!(format_number(105, "chineseCounting"), "一百零五");
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(2, "chineseLegalSimplified"), "贰");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(3, "bullet"), "");
    }
}

#[cfg(test)]
mod reading {
    use std::io::Write;

    use super::*;
    use crate::document::{Block, Place};

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\"";

    fn docx(body: &str, styles: &str, numbering: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default();
            let mut part = |name: &str, text: String| {
                zip.start_file(name, options).unwrap();
                zip.write_all(text.as_bytes()).unwrap();
            };
            part(
                "word/document.xml",
                format!("<w:document {W}><w:body>{body}</w:body></w:document>"),
            );
            if !styles.is_empty() {
                part(
                    "word/styles.xml",
                    format!("<w:styles {W}>{styles}</w:styles>"),
                );
            }
            if !numbering.is_empty() {
                part(
                    "word/numbering.xml",
                    format!("<w:numbering {W}>{numbering}</w:numbering>"),
                );
            }
            zip.finish().unwrap();
        }
        out.into_inner()
    }

    fn read_docx(body: &str, styles: &str, numbering: &str) -> (SourceFile, Document) {
        read(Path::new("t.docx"), &docx(body, styles, numbering)).expect("readable")
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn tc(text: &str, props: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
    }

    #[test]
    fn merged_cells_resolve_into_a_grid() {
        let body = format!(
            "<w:tbl>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             </w:tbl>",
            tc("指标", ""),
            tc("分值", "<w:gridSpan w:val=\"2\"/>"),
            "",
            tc("产出", "<w:vMerge w:val=\"restart\"/>"),
            tc("20", ""),
            tc("18", ""),
            tc("30", ""),
            tc("29", ""),
            tc("", "<w:vMerge/>"),
            tc("10", "<w:hMerge w:val=\"restart\"/>"),
            tc("", "<w:hMerge/>"),
        );
        let (source, doc) = read_docx(&body, "", "");
        assert_eq!(
            source.text(),
            "指标\t分值\t\n产出\t20\t18\n\t30\t29\n\t10\t\n\n"
        );
        let Block::Table(t) = &doc.blocks[0] else {
            panic!("a table")
        };
        let origin = source.locate(t.rows[1].cells[0].span);
        assert_eq!(
            origin,
            Some(Place::TableCell {
                table: 1,
                row: 2,
                column: Some(1),
                row_span: 2,
                column_span: 1
            })
        );
    }

    #[test]
    fn content_controls_smart_tags_fields_and_text_boxes_are_read_once() {
        let body = format!(
            "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>\
             <w:p><w:smartTag><w:r><w:t>预算</w:t></w:r></w:smartTag><w:r><w:t>72万元</w:t></w:r></w:p>\
             <w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\
             <w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
             <mc:Fallback><w:pict><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
            p("控件中的段落"),
            p("文本框里的话"),
            p("文本框里的话"),
        );
        let (source, _) = read_docx(&body, "", "");
        assert_eq!(source.text(), "控件中的段落\n预算72万元\n3\n文本框里的话\n");
    }

    #[test]
    fn symbols_inserted_from_the_symbol_font() {
        let body = "<w:p><w:r><w:t>满意度</w:t></w:r><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/></w:r>\
             <w:r><w:t>90%</w:t></w:r><w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r></w:p>";
        let (source, _) = read_docx(body, "", "");
        assert_eq!(source.text(), "满意度≥90%\n");
    }

    #[test]
    fn tracked_changes_are_read_as_accepted() {
        let body = "<w:p><w:r><w:t>预算</w:t></w:r>\
             <w:del w:author=\"甲\"><w:r><w:delText>35</w:delText></w:r></w:del>\
             <w:ins w:author=\"甲\"><w:r><w:t>30</w:t></w:r></w:ins>\
             <w:r><w:t>万元</w:t></w:r></w:p>";
        let (source, doc) = read_docx(body, "", "");
        assert_eq!(source.text(), "预算30万元\n");
        let kinds: Vec<RevisionKind> = doc.revisions.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RevisionKind::Deletion, RevisionKind::Insertion]);
    }

    #[test]
    fn numbering_through_styles_with_counters_per_level() {
        let styles = "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"heading 1\"/>\
             <w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"标题 2\"/>\
             <w:pPr><w:numPr><w:numId w:val=\"1\"/><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>";
        let numbering = "<w:abstractNum w:abstractNumId=\"0\">\
             <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
             <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
             <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalEnclosedCircle\"/><w:lvlText w:val=\"%3\"/></w:lvl>\
             </w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
             <w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"4\"/></w:lvlOverride></w:num>\
             <w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num>";
        let h = |style: &str, text: &str| {
            format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let direct = |num: u32, level: u32, text: &str| {
            format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let body = [
            h("H1", "项目概况"),
            h("H2", "立项背景"),
            direct(1, 2, "第一点"),
            direct(1, 2, "第二点"),
            h("H2", "资金情况"),
            h("H1", "评价结论"),
            h("H2", "总体评价"),
            direct(2, 0, "另一列表"),
            direct(3, 0, "同一定义的列表接着编号"),
        ]
        .concat();
        let (source, doc) = read_docx(&body, styles, numbering);
        assert_eq!(
            source.text(),
            "一、项目概况\n（一）立项背景\n①第一点\n②第二点\n（二）资金情况\n二、评价结论\n（一）总体评价\n四、另一列表\n五、同一定义的列表接着编号\n"
        );
        let Block::Heading(first) = &doc.blocks[0] else {
            panic!("a heading")
        };
        assert_eq!(first.markup_level, Some(1));
        assert_eq!(first.text, "项目概况");
        assert!(first.number.is_some());
    }

    #[test]
    fn a_table_of_contents_is_read_as_the_contents() {
        let toc = |text: &str, page: &str| {
            format!("<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:p>")
        };
        let styles =
            "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>";
        let body = format!(
            "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr><w:sdtContent>{}{}{}</w:sdtContent></w:sdt>{}",
            p("目 录"),
            toc("一、基本情况", "1"),
            toc("二、评价结论", "3"),
            p("正文。")
        );
        let (source, doc) = read_docx(&body, styles, "");
        assert_eq!(
            source.text(),
            "目 录\n\n一、基本情况\t1\n二、评价结论\t3\n\n正文。\n"
        );
        assert!(matches!(&doc.blocks[0], Block::Heading(h) if h.text.replace(' ', "") == "目录"));
        assert!(matches!(&doc.blocks[1], Block::Table(t) if t.rows.len() == 2));
    }

    #[test]
    fn paragraphs_laid_out_with_tabs_are_table_rows() {
        let tabbed = |cells: &[&str]| {
            let runs: Vec<String> = cells
                .iter()
                .map(|c| format!("<w:r><w:t>{c}</w:t></w:r>"))
                .collect();
            format!("<w:p>{}</w:p>", runs.join("<w:r><w:tab/></w:r>"))
        };
        let body = [
            p("表 1 预算执行情况"),
            tabbed(&["项目", "预算数", "执行数"]),
            "<w:p/>".to_string(),
            tabbed(&["合计", "72.00", "70.00"]),
            tabbed(&["1.", "概况"]),
            p("正文。"),
        ]
        .concat();
        let (source, doc) = read_docx(&body, "", "");
        assert_eq!(
            source.text(),
            "表 1 预算执行情况\n\n项目\t预算数\t执行数\n合计\t72.00\t70.00\n\n1. 概况\n正文。\n"
        );
        assert!(matches!(&doc.blocks[1], Block::Table(t) if t.rows.len() == 2));
        let Block::Table(t) = &doc.blocks[1] else {
            unreachable!()
        };
        assert_eq!(
            source.locate(t.rows[1].cells[2].span),
            Some(Place::Paragraph { paragraph: 3 })
        );
    }

    #[test]
    fn nested_tables_come_after_the_table_holding_them() {
        let inner = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("A1", ""),
            tc("10", ""),
            tc("A2", ""),
            tc("20", "")
        );
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr><w:tc>{}{inner}</w:tc>{}</w:tr></w:tbl>",
            tc("外表", ""),
            tc("说明", ""),
            p("内表如下"),
            tc("备注", "")
        );
        let (source, _) = read_docx(&body, "", "");
        assert_eq!(
            source.text(),
            "外表\t说明\n内表如下\t备注\n\nA1\t10\nA2\t20\n\n"
        );
    }

    #[test]
    fn the_main_part_is_found_through_the_package_relationships() {
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut out);
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file("_rels/.rels", options).unwrap();
            zip.write_all(b"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/word/document2.xml\"/></Relationships>").unwrap();
            zip.start_file("word/document2.xml", options).unwrap();
            zip.write_all(
                format!(
                    "<w:document {W}><w:body>{}</w:body></w:document>",
                    p("正文。")
                )
                .as_bytes(),
            )
            .unwrap();
            zip.finish().unwrap();
        }
        let (source, _) = read(Path::new("t.docx"), &out.into_inner()).unwrap();
        assert_eq!(source.text(), "正文。\n");
    }

    #[test]
    fn damaged_parts_are_errors_not_panics() {
        let bytes = docx("<w:p><w:r><w:t>未闭合", "", "");
        assert!(matches!(
            read(Path::new("t.docx"), &bytes),
            Err(ReadError::Corrupt { .. })
        ));
        let mut empty = std::io::Cursor::new(Vec::new());
        zip::ZipWriter::new(&mut empty).finish().unwrap();
        assert!(matches!(
            read(Path::new("t.docx"), &empty.into_inner()),
            Err(ReadError::Corrupt { .. })
        ));
    }
}
