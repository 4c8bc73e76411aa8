//! The total score and grade stated in sentences: `该项目总体得分为 94.57 分`,
//! `总体得分为**87.12分**`, `评价等级为：**良好**`.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Paragraph;
use crate::number::{parse_number, Num, Precision};

static TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:总体得分|综合得分|综合评分|总得分|总评分|最终得分|评价得分|自评得分|绩效得分|评价总分|自评总分)\s*(?:为|是|达到|达|：|:)\s*[：:]?\s*(?:\*\*)?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:\*\*)?\s*分",
    )
    .expect("valid regex")
});

/// A bare 得分 is the total only when the grade follows it: `得分80.10分，评价等次为良`.
static GRADED_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^标类])得分\s*(?:为|是|：|:)?\s*(?:\*\*)?\s*([0-9]+(?:\.[0-9]+)?)\s*(?:\*\*)?\s*分\s*[，,、]\s*(?:综合|最终)?(?:评价|绩效|自评)?(?:等次|等级)",
    )
    .expect("valid regex")
});

static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:评价等级|绩效等级|评定等级|等级评定|评价等次|自评等次|绩效等次|评价结果|综合评级|评级|等级|等次)\s*(?:为|是|评定为|确定为|：|:)+\s*(?:\*\*)?\s*[“”「『]?\s*(优秀|良好|中等|一般|不合格|合格|较差|不及格|及格|优|良|中|差)",
    )
    .expect("valid regex")
});

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
fn total_figures(text: &str) -> Vec<regex::Match<'_>> {
    // Every total-score statement names 得分, 评分 or 总分; most paragraphs name none, and
    // the patterns' captures are their slowest search.
    static SCORE_WORDS: LazyLock<crate::text::Cues> =
        LazyLock::new(|| crate::text::Cues::new(&["得分", "评分", "总分"]));
    if !SCORE_WORDS.any_in(text) {
        return Vec::new();
    }
    let mut out: Vec<regex::Match<'_>> = TOTAL
        .captures_iter(text)
        .chain(GRADED_TOTAL.captures_iter(text))
        .filter_map(|c| c.get(1))
        .collect();
    out.sort_by_key(|m| m.start());
    out.dedup_by_key(|m| m.start());
    out
}

pub fn totals(paragraph: &Paragraph) -> Vec<ProseTotal> {
    total_figures(&paragraph.text)
        .into_iter()
        .filter_map(|m| {
            let printed = parse_number(m.as_str())?;
            Some(ProseTotal {
                num: Num::new(
                    printed.value,
                    Precision::Decimals(printed.decimals),
                    paragraph.span.sub(m.start(), m.end()),
                    m.as_str(),
                ),
            })
        })
        .collect()
}

/// Spans of the figures of total-score statements in `text` (which begins at `base`).
pub fn total_spans(text: &str, base: usize) -> Vec<crate::document::Span> {
    total_figures(text)
        .into_iter()
        .map(|m| crate::document::Span::new(base + m.start(), base + m.end()))
        .collect()
}

pub fn grades(paragraph: &Paragraph) -> Vec<ProseGrade> {
    // Every grade statement names 级, 等次, 评级 or 结果 (its lead word); most paragraphs none.
    static LEAD: LazyLock<crate::text::Cues> =
        LazyLock::new(|| crate::text::Cues::new(&["级", "次", "果"]));
    if !LEAD.any_in(&paragraph.text) {
        return Vec::new();
    }
    GRADE
        .captures_iter(&paragraph.text)
        .filter_map(|c| {
            let m = c.get(1)?;
            // "等级为优、良、中、差" lists the grades; it does not give one.
            let after = paragraph.text[m.end()..].chars().next();
            if matches!(after, Some('、' | '/' | '／')) {
                return None;
            }
            Some(ProseGrade {
                text: m.as_str().to_string(),
                span: paragraph.span.sub(m.start(), m.end()),
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
