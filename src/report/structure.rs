//! The structure of a report: its outline (numbered headings and numbered paragraphs), its
//! 目录, its title, and fields that Word failed to update (`错误！未定义书签。`).

use crate::document::{Block, Document, SectionNumber, Span};
use crate::text::compact;

/// One numbered (or section-starting) item of the outline, in document order.
#[derive(Debug, Clone)]
pub struct OutlineItem {
    pub number: Option<SectionNumber>,
    /// The title (for headings) or the first words (for numbered paragraphs).
    pub title: String,
    pub span: Span,
    pub heading: bool,
    /// An unnumbered heading that starts a part of its own (摘要, 前言, 附件, a Markdown
    /// heading): numbering starts afresh after it.
    pub starts_part: bool,
    /// For a heading, the paragraph right under it, if text (not a table) follows it.
    pub lead: Option<Span>,
}

#[derive(Debug, Clone)]
pub struct TocEntry {
    pub number: Option<SectionNumber>,
    /// The entry's title: no section number, no page number.
    pub title: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub outline: Vec<OutlineItem>,
    pub toc: Vec<TocEntry>,
    /// Where the 目录 is, if the report has one.
    pub toc_span: Option<Span>,
    pub broken_fields: Vec<Span>,
    /// The report's title: the first line of the cover naming a 报告 or 自评表.
    pub title: Option<(String, Span)>,
    /// Template text left in the document: instructions (`（100字以内）`, `此处填写`) and
    /// placeholders (`XX`, `××`).
    pub template_text: Vec<Span>,
}

impl Structure {
    /// Where to label a finding about the report as a whole: its title, else its first
    /// outline item.
    pub fn anchor(&self) -> Option<Span> {
        self.title
            .as_ref()
            .map(|(_, span)| *span)
            .or_else(|| self.outline.first().map(|i| i.span))
    }

    /// Top-level section titles (一、二、三… and the unnumbered parts), compacted.
    pub fn top_level(&self) -> impl Iterator<Item = &OutlineItem> {
        self.outline.iter().filter(|i| {
            i.heading
                && (i.starts_part
                    || i.number.is_some_and(|n| {
                        n.style == crate::document::NumberStyle::ChineseEnumeration
                    }))
        })
    }
}

/// Words Word writes where a field (a cross-reference, a table of contents) could not be
/// updated.
const BROKEN_FIELDS: &[&str] = &[
    "错误！未定义书签",
    "错误!未定义书签",
    "错误！未找到引用源",
    "错误!未找到引用源",
    "错误！文档中没有指定样式的文字",
    "Error! Bookmark not defined",
    "Error! Reference source not found",
];

pub fn build(doc: &Document) -> Structure {
    let mut s = Structure::default();
    let mut after_toc_heading = false;
    // The heading whose first paragraph is still to come.
    let mut open_heading: Option<usize> = None;
    for block in &doc.blocks {
        match block {
            Block::Heading(h) if is_chrome(&h.text) => {}
            Block::Heading(h) => {
                let starts_part = h.number.is_none();
                open_heading = Some(s.outline.len());
                s.outline.push(OutlineItem {
                    number: h.number,
                    title: h.text.clone(),
                    span: h.span,
                    heading: true,
                    starts_part,
                    lead: None,
                });
                if s.title.is_none() && is_title(&h.text) {
                    s.title = Some((h.text.clone(), h.span));
                }
                after_toc_heading = compact(&h.text) == "目录";
                // A heading's text is its title without the number, so offsets into it are
                // not offsets into the line: what is found in a heading labels the heading.
                let mut found = Vec::new();
                find_broken(&h.text, 0, &mut found);
                if !found.is_empty() {
                    s.broken_fields.push(h.span);
                }
                found.clear();
                find_template_text(&h.text, 0, &mut found);
                if !found.is_empty() {
                    s.template_text.push(h.span);
                }
            }
            Block::Paragraph(p) => {
                if let Some(i) = open_heading.take() {
                    s.outline[i].lead = Some(p.span);
                }
                // Asked only where it matters (a numbered paragraph, template text found):
                // most paragraphs are neither, and the question reads the whole text.
                let mut chrome = None;
                let mut is_page_chrome = || *chrome.get_or_insert_with(|| is_chrome(&p.text));
                if let Some(number) = p.number.filter(|_| !is_page_chrome()) {
                    let body = p.text[number.span.end - p.span.start..].trim();
                    s.outline.push(OutlineItem {
                        number: Some(number),
                        title: body.chars().take(20).collect(),
                        span: p.span,
                        heading: false,
                        starts_part: false,
                        lead: None,
                    });
                }
                if s.title.is_none() && s.outline.is_empty() && is_title(&p.text) {
                    s.title = Some((p.text.trim().to_string(), p.span));
                }
                find_broken(&p.text, p.span.start, &mut s.broken_fields);
                let before = s.template_text.len();
                find_template_text(&p.text, p.span.start, &mut s.template_text);
                if s.template_text.len() > before && is_page_chrome() {
                    s.template_text.truncate(before);
                }
            }
            Block::Table(t) => {
                open_heading = None;
                if after_toc_heading && s.toc.is_empty() {
                    s.toc_span = Some(t.span);
                    for row in &t.rows {
                        let texts: Vec<&crate::document::Cell> =
                            row.filled().map(|(_, c)| c).collect();
                        // The title is everything but a trailing page number.
                        let title_cells: Vec<&&crate::document::Cell> = texts
                            .iter()
                            .filter(|c| !c.text.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
                            .collect();
                        if let Some(first) = title_cells.first() {
                            let text: String = title_cells
                                .iter()
                                .map(|c| c.text.as_str())
                                .collect::<Vec<_>>()
                                .join("");
                            let text = text.trim_end_matches(['.', '…', '·', ' ']);
                            let parsed =
                                crate::document::parse_section_number(text, first.span.start);
                            let (number, title) = match parsed {
                                Some((n, len)) => (Some(n), text[len..].trim().to_string()),
                                None => (None, text.trim().to_string()),
                            };
                            s.toc.push(TocEntry {
                                number,
                                title,
                                span: first.span,
                            });
                        }
                    }
                }
                after_toc_heading = false;
                for row in &t.rows {
                    for cell in &row.cells {
                        let (mut broken, mut template) = (Vec::new(), Vec::new());
                        find_broken(&cell.text, 0, &mut broken);
                        find_template_text(&cell.text, 0, &mut template);
                        let at = |found: Vec<Span>| {
                            found.into_iter().map(|f| cell.sub_span(f.start, f.end))
                        };
                        s.broken_fields.extend(at(broken));
                        s.template_text.extend(at(template));
                    }
                }
            }
        }
    }
    s
}

fn is_title(text: &str) -> bool {
    // A title is a line, not a page of text.
    if text.len() > 300 {
        return false;
    }
    let c = compact(text);
    !is_chrome(text)
        && (c.ends_with("报告")
            || c.contains("评价报告")
            || c.contains("自评表")
            || c.ends_with("”"))
}

/// Words of a web page's chrome or a file's metadata, around the document rather than in it.
const CHROME_WORDS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "发布时间",
    "发布日期",
    "发布机构",
    "浏览次数",
    "访问次数",
    "阅读次数",
    "字号",
    "打印本页",
    "关闭窗口",
    "分享到",
    "索引号",
    "信息来源",
    "文件大小",
    "下载次数",
];

/// Whether a line is page chrome (a breadcrumb `首页 > 信息公开 > …`, a menu, the page's
/// publication data) or a file name, never the document's title or outline.
pub fn is_chrome(text: &str) -> bool {
    // Chrome is a short line; a paragraph of report text is not.
    if text.len() > 600 {
        return false;
    }
    static WORDS: std::sync::LazyLock<crate::text::WordSearcher> =
        std::sync::LazyLock::new(|| crate::text::word_searcher(CHROME_WORDS));
    let c = crate::text::compact_cow(text);
    let crumbs = c.matches(['>', '＞', '»', '›', '→']).count();
    let tail = c.as_bytes();
    crumbs >= 1 && (c.starts_with("首页") || crumbs >= 2)
        || WORDS.for_text(&c).is_match(c.as_ref())
        || [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".html"]
            .iter()
            .any(|e| {
                tail.len() >= e.len()
                    && tail[tail.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
            })
}

/// Instructions a form's template prints for whoever fills it in: `（100字以内）`, `此处填写`,
/// `对照年度目标，说明…`.
fn template_instruction(c: &mut crate::text::cursor::Cursor<'_>) -> Option<()> {
    if c.eat_char(|c| matches!(c, '（' | '(')).is_some() {
        c.spaces();
        let mut limit = *c;
        if limit.eat("限") {
            limit.spaces();
            *c = limit;
        }
        c.digits(1, usize::MAX)?;
        c.spaces();
        if !c.eat("字") {
            return None;
        }
        c.eat_first(&["以内", "以下", "左右"]);
        c.spaces();
        return c.eat_char(|c| matches!(c, ')' | '）')).map(|_| ());
    }
    if c.eat("此处填写") || c.eat("请填写") {
        return Some(());
    }
    let mut here = *c;
    if here.eat("请在此") {
        here.eat("处");
        if here.eat("填写") {
            *c = here;
            return Some(());
        }
    }
    if !c.eat("对照年度") {
        return None;
    }
    c.eat("绩效");
    if !c.eat("目标") {
        return None;
    }
    c.eat("，");
    c.eat("说明").then_some(())
}

/// The template instructions in `text`, in order.
fn template_instructions(text: &str) -> Vec<std::ops::Range<usize>> {
    use crate::text::cursor::{find_all, next_char_in};
    let starts = next_char_in(text, |c| matches!(c, '（' | '(' | '此' | '请' | '对'));
    find_all(text, starts, template_instruction)
        .into_iter()
        .map(|(m, ())| m)
        .collect()
}

/// Template text left in: instructions, and placeholders for names and years (`XX区`,
/// `20××年`: two or more X or × that are not part of a Latin word). One span per cell or
/// paragraph, from its first piece of template text to its last.
fn find_template_text(text: &str, base: usize, out: &mut Vec<Span>) {
    // Every instruction has one of these characters; most cells have none.
    static INSTRUCTION: std::sync::LazyLock<crate::text::Cues> =
        std::sync::LazyLock::new(|| crate::text::Cues::new(&["字", "填", "对"]));
    let mut found: Vec<Span> = if INSTRUCTION.any_in(text) {
        template_instructions(text)
            .into_iter()
            .map(|m| Span::new(base + m.start, base + m.end))
            .collect()
    } else {
        Vec::new()
    };
    placeholders(text, base, &mut found);
    if let Some(all) = found.into_iter().reduce(Span::cover) {
        out.push(all);
    }
}

fn placeholders(text: &str, base: usize, out: &mut Vec<Span>) {
    static X: std::sync::LazyLock<crate::text::Cues> =
        std::sync::LazyLock::new(|| crate::text::Cues::new(&["X", "Ｘ", "×"]));
    if !X.any_in(text) {
        return;
    }
    let is_x = |c: char| matches!(c, 'X' | 'Ｘ' | '×');
    // One pass: the character before the current run, and where the run started.
    let mut before: Option<char> = None;
    let mut run: Option<(usize, usize, Option<char>)> = None; // (start, length, char before)
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let at_end = i == text.len();
        if is_x(c) && !at_end {
            run = match run {
                Some((start, n, b)) => Some((start, n + 1, b)),
                None => Some((i, 1, before)),
            };
        } else if let Some((start, n, b)) = run.take() {
            let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
            let after = (!at_end).then_some(c);
            if n >= 2 && !latin(b) && !latin(after) {
                out.push(Span::new(base + start, base + i));
            }
        }
        before = Some(c);
    }
}

fn find_broken(text: &str, base: usize, out: &mut Vec<Span>) {
    static MARKERS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| crate::text::word_matcher(BROKEN_FIELDS));
    // Every marker has an exclamation mark; most cells have none.
    static BANG: std::sync::LazyLock<crate::text::Cues> =
        std::sync::LazyLock::new(|| crate::text::Cues::new(&["!", "！"]));
    if !BANG.any_in(text) {
        return;
    }
    // Listed marker by marker, each in text order.
    let mut found: Vec<(usize, Span)> = MARKERS
        .find_iter(text)
        .map(|m| {
            let mut end = m.end();
            // Include the full stop Word puts after the message.
            for stop in ["。", "."] {
                if text[end..].starts_with(stop) {
                    end += stop.len();
                }
            }
            (
                m.pattern().as_usize(),
                Span::new(base + m.start(), base + end),
            )
        })
        .collect();
    found.sort_by_key(|&(marker, span)| (marker, span.start));
    out.extend(found.into_iter().map(|(_, span)| span));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{read, Format};
    use crate::source::SourceFile;

    fn structure(text: &str) -> Structure {
        build(&read(
            &SourceFile::new("t.txt", text.to_string(), "UTF-8"),
            Format::Text,
        ))
    }

    #[test]
    fn template_text_left_in() {
        let mut found = Vec::new();
        for text in [
            "对照年度目标，说明相关任务目标的完成情况（100字以内）",
            "XX区XX局",
            "20××年度",
            "此处填写偏差原因",
        ] {
            find_template_text(text, 0, &mut found);
        }
        assert_eq!(found.len(), 4, "one per text: {found:?}");
        let mut none = Vec::new();
        for text in [
            "XXL 号服装 200 套",
            "预算执行率 98%",
            "Xbox",
            "项目数量 12 个（限 100 字）说明书",
        ] {
            find_template_text(text, 0, &mut none);
        }
        assert_eq!(none.len(), 1, "only the word limit: {none:?}");
    }

    #[test]
    fn page_chrome_is_neither_title_nor_outline() {
        let s = structure(
            "首页 > 信息公开 > 绩效评价报告\n\n发布时间：2024-03-06 浏览次数：126\n\n2023年度社区助餐项目支出绩效自评表\n\n一、基本情况\n",
        );
        assert_eq!(
            s.title.as_ref().unwrap().0,
            "2023年度社区助餐项目支出绩效自评表"
        );
        assert!(is_chrome("您现在的位置：首页>政务公开"));
        assert!(is_chrome("附件：2023年度绩效自评表.xlsx"));
        assert!(!is_chrome("2023年度社区助餐项目支出绩效评价报告"));
    }

    #[test]
    fn outline_toc_and_broken_fields() {
        let s = structure(
            "财政项目支出绩效评价报告\n\n目 录\n\n摘 要\t1\n一、基本情况\t2\n（一）项目概况\t2\n\n摘 要\n\n一、基本情况\n\n（一）项目概况\n\n1、不断优化服务，详见表错误！未定义书签。\n",
        );
        assert_eq!(s.title.as_ref().unwrap().0, "财政项目支出绩效评价报告");
        let toc: Vec<&str> = s.toc.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(toc, vec!["摘 要", "基本情况", "项目概况"]);
        assert_eq!(s.toc[2].number.unwrap().value, 1);
        assert_eq!(s.outline.len(), 5);
        assert!(s.outline[1].starts_part);
        assert!(!s.outline[4].heading);
        assert_eq!(s.broken_fields.len(), 1);
        assert_eq!(s.top_level().count(), 3);
    }
}

/// The template instructions read by hand read as the regular expression they replaced.
#[cfg(test)]
mod as_regex {
    use super::*;
    use crate::text::cursor::testing::phrase_text;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    static TEMPLATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[（(]\s*(?:限\s*)?[0-9０-９]+\s*字(?:以内|以下|左右)?\s*[)）]|此处填写|请在此处?填写|请填写|对照年度(?:绩效)?目标，?说明").unwrap()
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn template_instructions_read_alike(text in phrase_text()) {
            let expected: Vec<std::ops::Range<usize>> =
                TEMPLATE_TEXT.find_iter(&text).map(|m| m.range()).collect();
            prop_assert_eq!(template_instructions(&text), expected);
        }
    }
}
