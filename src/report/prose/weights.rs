//! Weights stated in words: `一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、
//! 预算资金执行率10分`, in a paragraph, a note under a form or a cell of it.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Span;
use crate::number::{Num, Precision};

/// A weight given to an indicator group in words.
#[derive(Debug, Clone)]
pub struct StatedWeight {
    /// The group as named: `产出指标`, `预算资金执行率`.
    pub name: String,
    pub points: Num,
    /// The name and the points.
    pub span: Span,
}

/// A sentence that sets the weights of indicator groups.
#[derive(Debug, Clone)]
pub struct WeightStatement {
    pub items: Vec<StatedWeight>,
    pub span: Span,
}

/// The lead of a statement of weights: `一级指标分值统一设置为：`, `各指标权重为`.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:分值|权重|满分|分数)[^。；;，,]{0,6}?(?:设置为|设定为|设为|确定为|分别为|分别是|为|：|:)\s*[：:]?")
        .expect("valid regex")
});

/// One item: a name of two to twelve characters and its points.
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<name>[\p{Han}]{2,12}?)\s*(?:[（(]\s*)?(?P<points>[0-9０-９]{1,3}(?:\.[0-9０-９]+)?)\s*分\s*(?:[）)])?\s*(?P<sep>[、，,；;]|和|及)?")
        .expect("valid regex")
});

/// The weight statements of a block of text beginning at byte `base`.
pub fn statements(text: &str, base: usize) -> Vec<WeightStatement> {
    static FEN: std::sync::LazyLock<crate::text::Cues> =
        std::sync::LazyLock::new(|| crate::text::Cues::new(&["分"]));
    if !FEN.any_in(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for lead in LEAD.find_iter(text) {
        let mut at = lead.end();
        let mut items = Vec::new();
        while let Some(c) = ITEM.captures(&text[at..]) {
            let name = c.name("name").expect("named group");
            let points = c.name("points").expect("named group");
            let Some(printed) = crate::number::parse_number(points.as_str()) else {
                break;
            };
            items.push(StatedWeight {
                name: name.as_str().to_string(),
                points: Num::new(
                    printed.value,
                    Precision::Exact,
                    Span::new(base + at + points.start(), base + at + points.end()),
                    format!("{}分", points.as_str()),
                ),
                span: Span::new(base + at + name.start(), base + at + points.end()),
            });
            at += c.get(0).expect("whole match").end();
            if c.name("sep").is_none() {
                break;
            }
        }
        // One figure after 为 is a sentence, not a list of weights.
        if items.len() >= 2 {
            let span = Span::new(base + lead.start(), base + at);
            out.push(WeightStatement { items, span });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_note_of_standard_weights() {
        let s = statements(
            "注：一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分。",
            0,
        );
        assert_eq!(s.len(), 1);
        let items: Vec<(&str, rust_decimal::Decimal)> = s[0]
            .items
            .iter()
            .map(|i| (i.name.as_str(), i.points.value))
            .collect();
        assert_eq!(
            items,
            vec![
                ("产出指标", dec!(50)),
                ("效益指标", dec!(30)),
                ("满意度指标", dec!(10)),
                ("预算资金执行率", dec!(10)),
            ]
        );
    }

    #[test]
    fn a_score_sentence_is_not_a_statement_of_weights() {
        assert!(statements("项目决策类指标满分为 10 分，项目得分为 9.5 分。", 0).is_empty());
        assert!(statements("总分为 100 分。", 0).is_empty());
    }
}
