//! The total score and grade stated in sentences: `该项目总体得分为 94.57 分`,
//! `总体得分为**87.12分**`, `评价等级为：**良好**`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::document::Paragraph;
use crate::number::{parse_number, Num, Precision};
use crate::text::cursor::{find_all, find_around, next_char_in, Cursor};

/// The words that name the total score: `总体得分为 94.57 分`.
const TOTAL_WORDS: &[&str] = &[
    "总体得分",
    "综合得分",
    "综合评分",
    "总得分",
    "总评分",
    "最终得分",
    "评价得分",
    "自评得分",
    "绩效得分",
    "评价总分",
    "自评总分",
];

/// The words that lead to a grade: `评价等级为：**良好**`. Longer words before the words
/// they end with, as an alternation tries them.
const GRADE_WORDS: &[&str] = &[
    "评价等级",
    "绩效等级",
    "评定等级",
    "等级评定",
    "评价等次",
    "自评等次",
    "绩效等次",
    "评价结果",
    "综合评级",
    "评级",
    "等级",
    "等次",
];

/// The grades, a word before any word it starts with.
const GRADES: &[&str] = &[
    "优秀",
    "良好",
    "中等",
    "一般",
    "不合格",
    "合格",
    "较差",
    "不及格",
    "及格",
    "优",
    "良",
    "中",
    "差",
];

/// `总体得分为 **94.57** 分`: a word naming the total, 为 (是, 达到, ：), and the figure with
/// 分. The figure's bytes.
fn named_total(c: &mut Cursor<'_>) -> Option<Range<usize>> {
    c.eat_first(TOTAL_WORDS)?;
    c.spaces();
    c.eat_first(&["为", "是", "达到", "达", "：", ":"])?;
    c.spaces();
    c.eat_char(|c| matches!(c, '：' | ':'));
    starred_points(c)
}

/// `得分80.10分，评价等次为良`: a bare 得分 (not 指标得分 or 类得分) is the total only when a
/// grade follows it. Read from after 得分; the figure's bytes.
fn graded_total(c: &mut Cursor<'_>) -> Option<Range<usize>> {
    c.spaces();
    c.eat_first(&["为", "是", "：", ":"]);
    let figure = starred_points(c)?;
    c.spaces();
    c.eat_char(|c| matches!(c, '，' | ',' | '、'))?;
    c.spaces();
    c.eat_first(&["综合", "最终"]);
    c.eat_first(&["评价", "绩效", "自评"]);
    c.eat_first(&["等次", "等级"])?;
    Some(figure)
}

/// ` **87.12** 分`: a figure in ASCII digits, perhaps in bold, then 分. The figure's bytes.
fn starred_points(c: &mut Cursor<'_>) -> Option<Range<usize>> {
    c.spaces();
    c.eat("**");
    c.spaces();
    let start = c.at();
    c.ascii_decimal()?;
    let figure = start..c.at();
    c.spaces();
    c.eat("**");
    c.spaces();
    c.eat("分").then_some(figure)
}

/// `评价等级为：**良好**`, `等级评定为良好`: a word leading to a grade, 为 (是, 评定为, ：…)
/// and the grade. The grade's bytes.
fn stated_grade(c: &mut Cursor<'_>) -> Option<Range<usize>> {
    const LINKS: &[&str] = &["为", "是", "评定为", "确定为", "：", ":"];
    GRADE_WORDS.iter().find_map(|word| {
        let mut g = *c;
        if !g.eat(word) {
            return None;
        }
        g.spaces();
        g.eat_first(LINKS)?;
        while g.eat_first(LINKS).is_some() {}
        g.spaces();
        g.eat("**");
        g.spaces();
        g.eat_char(|c| matches!(c, '“' | '”' | '「' | '『'));
        g.spaces();
        let start = g.at();
        g.eat_first(GRADES)?;
        *c = g;
        Some(start..c.at())
    })
}

/// The figures of statements that name the total, in order.
fn named_totals(text: &str) -> Vec<Range<usize>> {
    let starts = next_char_in(text, |c| {
        matches!(c, '总' | '综' | '最' | '评' | '自' | '绩')
    });
    find_all(text, starts, named_total)
        .into_iter()
        .map(|(_, figure)| figure)
        .collect()
}

/// The grades stated in `text`, in order.
fn stated_grades(text: &str) -> Vec<Range<usize>> {
    let starts = next_char_in(text, |c| matches!(c, '评' | '绩' | '等' | '自' | '综'));
    find_all(text, starts, stated_grade)
        .into_iter()
        .map(|(_, grade)| grade)
        .collect()
}

/// The figures of statements of a bare 得分 followed by a grade, in order.
fn graded_totals(text: &str) -> Vec<Range<usize>> {
    static DEFEN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("得分"));
    // The character before 得分 is part of a statement.
    find_around(text, &DEFEN, |at, from| {
        let before = text[..at].chars().next_back();
        let start = at - before.map_or(0, char::len_utf8);
        if start < from || matches!(before, Some('标' | '类')) {
            return None;
        }
        let mut c = Cursor::new(text, at + "得分".len());
        let figure = graded_total(&mut c)?;
        Some((figure, c.at()))
    })
}

/// A total score stated in a paragraph.
#[derive(Debug, Clone)]
pub struct ProseTotal {
    pub num: Num,
}

/// A grade stated in a paragraph.
#[derive(Debug, Clone)]
pub struct ProseGrade {
    pub text: String,
    pub span: crate::document::Span,
}

/// The figures of total-score statements in `text`, in order.
fn total_figures(text: &str) -> Vec<Range<usize>> {
    // Every total-score statement names 得分, 评分 or 总分; most paragraphs name none, and
    // the patterns' captures are their slowest search.
    static SCORE_WORDS: LazyLock<crate::text::Cues> =
        LazyLock::new(|| crate::text::Cues::new(&["得分", "评分", "总分"]));
    if !SCORE_WORDS.any_in(text) {
        return Vec::new();
    }
    let mut out: Vec<Range<usize>> = named_totals(text)
        .into_iter()
        .chain(graded_totals(text))
        .collect();
    out.sort_by_key(|m| m.start);
    out.dedup_by_key(|m| m.start);
    out
}

pub fn totals(paragraph: &Paragraph) -> Vec<ProseTotal> {
    total_figures(&paragraph.text)
        .into_iter()
        .filter_map(|m| {
            let figure = &paragraph.text[m.clone()];
            let printed = parse_number(figure)?;
            Some(ProseTotal {
                num: Num::new(
                    printed.value,
                    Precision::Decimals(printed.decimals),
                    paragraph.span.sub(m.start, m.end),
                    figure,
                ),
            })
        })
        .collect()
}

/// Spans of the figures of total-score statements in `text` (which begins at `base`).
pub fn total_spans(text: &str, base: usize) -> Vec<crate::document::Span> {
    total_figures(text)
        .into_iter()
        .map(|m| crate::document::Span::new(base + m.start, base + m.end))
        .collect()
}

pub fn grades(paragraph: &Paragraph) -> Vec<ProseGrade> {
    // Every grade statement names 级, 等次, 评级 or 结果 (its lead word); most paragraphs none.
    static LEAD: LazyLock<crate::text::Cues> =
        LazyLock::new(|| crate::text::Cues::new(&["级", "次", "果"]));
    if !LEAD.any_in(&paragraph.text) {
        return Vec::new();
    }
    let text = &paragraph.text;
    stated_grades(text)
        .into_iter()
        .filter_map(|m| {
            // "等级为优、良、中、差" lists the grades; it does not give one.
            let after = text[m.end..].chars().next();
            if matches!(after, Some('、' | '/' | '／')) {
                return None;
            }
            Some(ProseGrade {
                text: text[m.clone()].to_string(),
                span: paragraph.span.sub(m.start, m.end),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use rust_decimal_macros::dec;

    fn para(text: &str) -> Paragraph {
        Paragraph {
            number: None,
            text: text.to_string(),
            span: Span::new(100, 100 + text.len()),
        }
    }

    #[test]
    fn totals_in_the_forms_reports_use() {
        let p = para("该项目总体得分为 94.57 分。财政支出绩效评价等级为优。");
        let t = totals(&p);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].num.value, dec!(94.57));
        assert_eq!(t[0].num.precision, Precision::Decimals(2));
        let g = grades(&p);
        assert_eq!(g[0].text, "优");

        let p = para("项目总体得分为**87.12分**。");
        assert_eq!(totals(&p)[0].num.value, dec!(87.12));
        let start = totals(&p)[0].num.span.start - 100;
        assert_eq!(&p.text[start..start + 5], "87.12");

        let g = grades(&para("该项目财政支出绩效评价等级为：**良好**。"));
        assert_eq!(g[0].text, "良好");
    }

    #[test]
    fn a_bare_score_followed_by_its_grade_is_the_total() {
        let p = para("经自评，该项目得分80.10分，评价等次为良。");
        assert_eq!(totals(&p)[0].num.value, dec!(80.10));
        assert_eq!(grades(&p)[0].text, "良");
        // A group's score is not the total, grade or no grade.
        assert!(totals(&para("产出指标得分 45 分，等级为优")).is_empty());
        assert!(totals(&para("项目决策得分 9 分，项目管理得分 18 分")).is_empty());
    }

    #[test]
    fn group_scores_and_grade_definitions_are_not_totals() {
        assert!(totals(&para("项目决策类指标满分为 10 分，项目得分为 9.5 分")).is_empty());
        assert!(totals(&para("评价指标体系总分为 100 分")).is_empty());
        assert!(grades(&para("评价等级分为优、良、中、差四档")).is_empty());
        assert!(grades(&para("绩效评价等级为优、良、中、差")).is_empty());
    }
}

/// The statements read by hand read as the regular expressions they replaced.
#[cfg(test)]
mod as_regex {
    use super::*;
    use crate::text::cursor::testing::phrase_text;
    use proptest::prelude::*;
    use regex::Regex;

    static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:总体得分|综合得分|综合评分|总得分|总评分|最终得分|评价得分|自评得分|绩效得分|评价总分|自评总分)\s*(?:为|是|达到|达|：|:)\s*[：:]?\s*(?:\*\*)?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:\*\*)?\s*分").unwrap()
    });
    static GRADED_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^标类])得分\s*(?:为|是|：|:)?\s*(?:\*\*)?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:\*\*)?\s*分\s*[，,、]\s*(?:综合|最终)?(?:评价|绩效|自评)?(?:等次|等级)").unwrap()
    });
    static GRADE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:评价等级|绩效等级|评定等级|等级评定|评价等次|自评等次|绩效等次|评价结果|综合评级|评级|等级|等次)\s*(?:为|是|评定为|确定为|：|:)+\s*(?:\*\*)?\s*[“”「『]?\s*(优秀|良好|中等|一般|不合格|合格|较差|不及格|及格|优|良|中|差)").unwrap()
    });

    fn figures(re: &Regex, text: &str) -> Vec<Range<usize>> {
        re.captures_iter(text)
            .filter_map(|c| c.get(1))
            .map(|m| m.range())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn totals_and_grades(text in phrase_text()) {
            prop_assert_eq!(named_totals(&text), figures(&TOTAL, &text));
            prop_assert_eq!(graded_totals(&text), figures(&GRADED_TOTAL, &text));
            prop_assert_eq!(stated_grades(&text), figures(&GRADE, &text));
        }
    }
}
