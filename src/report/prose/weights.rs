//! Weights stated in words: `一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、
//! 预算资金执行率10分`, in a paragraph, a note under a form or a cell of it.

use std::ops::Range;

use crate::document::Span;
use crate::number::{Num, Precision};
use crate::text::cursor::{find_all, next_char_in, Cursor};

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

/// The lead of a statement of weights: `一级指标分值统一设置为：`, `各指标权重为`. A word for
/// points, at most six characters within the clause, and a word that links it to the list.
fn weight_lead(c: &mut Cursor<'_>) -> Option<()> {
    const LINKS: &[&str] = &[
        "设置为",
        "设定为",
        "设为",
        "确定为",
        "分别为",
        "分别是",
        "为",
        "：",
        ":",
    ];
    c.eat_first(&["分值", "权重", "满分", "分数"])?;
    // The fewest characters before a linking word.
    for _ in 0..=6 {
        let mut link = *c;
        if link.eat_first(LINKS).is_some() {
            link.spaces();
            link.eat_char(|c| matches!(c, '：' | ':'));
            *c = link;
            return Some(());
        }
        c.eat_char(|c| !matches!(c, '。' | '；' | ';' | '，' | ','))?;
    }
    None
}

/// The leads of statements of weights in `text`, in order.
fn weight_leads(text: &str) -> Vec<Range<usize>> {
    let starts = next_char_in(text, |c| matches!(c, '分' | '权' | '满'));
    find_all(text, starts, weight_lead)
        .into_iter()
        .map(|(lead, ())| lead)
        .collect()
}

/// One item of a list of weights: a name of two to twelve Han characters and its points
/// (`产出指标50分`, `效益指标（30分）`).
struct WeightItem {
    name: Range<usize>,
    points: Range<usize>,
    /// Where the item ends, its separator included.
    end: usize,
    /// Whether a separator (、，；和及) says another item follows.
    more: bool,
}

fn weight_item(text: &str, at: usize) -> Option<WeightItem> {
    let mut c = Cursor::new(text, at);
    c.spaces();
    let start = c.at();
    // The name is the whole run of Han characters: what follows it is not one.
    c.eat_run(2, 12, crate::text::is_han)?;
    if c.peek().is_some_and(crate::text::is_han) {
        return None;
    }
    let name = start..c.at();
    c.spaces();
    let mut bracket = c;
    if bracket.eat_char(|c| matches!(c, '（' | '(')).is_some() {
        bracket.spaces();
        c = bracket;
    }
    let start = c.at();
    c.digits(1, 3)?;
    c.fraction();
    let points = start..c.at();
    c.spaces();
    if !c.eat("分") {
        return None;
    }
    c.spaces();
    c.eat_char(|c| matches!(c, '）' | ')'));
    c.spaces();
    let more = c
        .eat_char(|c| matches!(c, '、' | '，' | ',' | '；' | ';'))
        .is_some()
        || c.eat_first(&["和", "及"]).is_some();
    Some(WeightItem {
        name,
        points,
        end: c.at(),
        more,
    })
}

/// The weight statements of a block of text beginning at byte `base`.
pub fn statements(text: &str, base: usize) -> Vec<WeightStatement> {
    static FEN: std::sync::LazyLock<crate::text::Cues> =
        std::sync::LazyLock::new(|| crate::text::Cues::new(&["分"]));
    if !FEN.any_in(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for lead in weight_leads(text) {
        let mut at = lead.end;
        let mut items = Vec::new();
        while let Some(item) = weight_item(text, at) {
            let points = &text[item.points.clone()];
            let Some(printed) = crate::number::parse_number(points) else {
                break;
            };
            items.push(StatedWeight {
                name: text[item.name.clone()].to_string(),
                points: Num::new(
                    printed.value,
                    Precision::Exact,
                    Span::new(base + item.points.start, base + item.points.end),
                    format!("{points}分"),
                ),
                span: Span::new(base + item.name.start, base + item.points.end),
            });
            at = item.end;
            if !item.more {
                break;
            }
        }
        // One figure after 为 is a sentence, not a list of weights.
        if items.len() >= 2 {
            let span = Span::new(base + lead.start, base + at);
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

/// The statements read by hand read as the regular expressions they replaced.
#[cfg(test)]
mod as_regex {
    use super::*;
    use crate::text::cursor::testing::phrase_text;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:分值|权重|满分|分数)[^。；;，,]{0,6}?(?:设置为|设定为|设为|确定为|分别为|分别是|为|：|:)\s*[：:]?").unwrap()
    });
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<name>[\p{Han}]{2,12}?)\s*(?:[（(]\s*)?(?P<points>[0-9０-９]{1,3}(?:\.[0-9０-９]+)?)\s*分\s*(?:[）)])?\s*(?P<sep>[、，,；;]|和|及)?").unwrap()
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn leads_and_items(text in phrase_text()) {
            let expected: Vec<Range<usize>> = LEAD.find_iter(&text).map(|m| m.range()).collect();
            prop_assert_eq!(weight_leads(&text), expected);
            for (at, _) in text.char_indices() {
                let found = weight_item(&text, at).map(|i| (i.name, i.points, i.end, i.more));
                let expected = ITEM.captures(&text[at..]).map(|c| {
                    let shift = |m: regex::Match<'_>| at + m.start()..at + m.end();
                    (
                        shift(c.name("name").unwrap()),
                        shift(c.name("points").unwrap()),
                        at + c[0].len(),
                        c.name("sep").is_some(),
                    )
                });
                prop_assert_eq!(found, expected);
            }
        }
    }
}
