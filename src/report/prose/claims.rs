//! Claims: the figures a report states in sentences, each with the role the words around it
//! give it. A claim is linked to other places by its role (the budget, a group's score), or,
//! when it has none, by the words it is stated with.

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{scan, Bound, Quantity, Token};
use crate::document::Span;
use crate::text::compact;

/// Which budget a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BudgetKind {
    /// 年初预算
    Initial,
    /// 调整后预算, 全年预算
    Adjusted,
    /// 预算, 预算金额, 批复金额: whichever the report has
    Generic,
    /// 立项金额, 总投资, 合同金额: not an annual budget
    ProjectTotal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimRole {
    TotalScore,
    Budget(BudgetKind),
    Spent,
    ExecutionRate,
    /// A first-level group's full marks, score or score rate (`项目决策类指标满分为 10 分`).
    GroupFull(String),
    GroupScore(String),
    GroupRate(String),
    /// Any other figure, known by the words before it.
    Other,
}

/// Where in the report a claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    Cover,
    Contents,
    Abstract,
    Preface,
    Body,
    /// A self-evaluation form's 预期目标 text.
    FormGoal,
    /// A self-evaluation form's 实际完成情况 text.
    FormResult,
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub role: ClaimRole,
    pub quantity: Quantity,
    /// The words before the figure in its clause (compacted, at most a dozen characters).
    pub context: String,
    /// The whole clause, compacted.
    pub clause: String,
    pub region: Region,
    /// The paragraph or cell it was stated in (an index over the report's prose blocks).
    pub block: usize,
    /// A year stated before it in the same clause (`2017 年…增长 183.66%`).
    pub year: Option<i32>,
    /// The scorecard it is about: its form, or the report's evaluation.
    pub scope: Option<usize>,
}

/// A date stated in prose, with the words before it in its clause.
#[derive(Debug, Clone)]
pub struct DateMention {
    pub range: super::date::DateRange,
    pub span: Span,
    /// The clause before the date and the clause after it, compacted.
    pub before: String,
    pub after: String,
    /// The whole sentence, compacted.
    pub sentence: String,
    pub region: Region,
    pub block: usize,
}

const CLAUSE_ENDS: &[char] = &['，', ',', '。', '；', ';', '！', '!', '？', '?', '、'];
const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '!', '？', '?'];

/// Words that say a money figure is spending; nearest to the figure wins.
const SPENT_CUES: &[&str] = &[
    "实际支出",
    "实际使用",
    "使用经费",
    "使用资金",
    "实际使用财政资金",
    "执行数",
    "支出",
    "已支付",
    "拨付",
    "完成支出",
];
const BUDGET_CUES: &[(&str, BudgetKind)] = &[
    ("年初预算", BudgetKind::Initial),
    ("调整后预算", BudgetKind::Adjusted),
    ("调整后", BudgetKind::Adjusted),
    ("全年预算", BudgetKind::Adjusted),
    ("追加后", BudgetKind::Adjusted),
    ("立项金额", BudgetKind::ProjectTotal),
    ("总投资", BudgetKind::ProjectTotal),
    ("项目总金额", BudgetKind::ProjectTotal),
    ("合同金额", BudgetKind::ProjectTotal),
    ("合同价", BudgetKind::ProjectTotal),
    ("中标金额", BudgetKind::ProjectTotal),
    ("预算批复金额", BudgetKind::Generic),
    ("批复金额", BudgetKind::Generic),
    ("预算金额", BudgetKind::Generic),
    ("预算资金", BudgetKind::Generic),
    ("预算数", BudgetKind::Generic),
    ("预算", BudgetKind::Generic),
];

static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<name>[\p{Han}A-Za-z]{2,12}?)类?指标(?:满分|分值|总分)(?:为|是)?\s*(?P<full>\d+(?:\.\d+)?)\s*分\s*[，,、]\s*",
        r"(?:项目|实际|评价)?得分(?:为|是)?\s*(?P<score>\d+(?:\.\d+)?)\s*分",
        r"(?:\s*[，,、]\s*得分率(?:为|是)?\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％])?",
    ))
    .expect("valid regex")
});

/// The claims and dates of one block of prose (`text` begins at byte `base` of the source).
pub fn analyse(
    text: &str,
    base: usize,
    region: Region,
    block: usize,
) -> (Vec<Claim>, Vec<DateMention>) {
    let tokens = scan(text, base);
    let totals: Vec<Span> = super::statements::total_spans(text, base);
    let groups = group_roles(text, base);
    let mut claims = Vec::new();
    let mut dates = Vec::new();
    let mut year_in_clause: Option<(i32, usize)> = None;
    for token in &tokens {
        match token {
            Token::Year(y, span) => {
                let at = span.start - base;
                year_in_clause = Some((*y, clause_start(text, at)));
                let (cs, ce) = (clause_start(text, at), clause_end(text, span.end - base));
                let (ss, se) = (
                    sentence_start(text, at),
                    sentence_end(text, span.end - base),
                );
                dates.push(DateMention {
                    range: super::date::DateRange::year(*y),
                    span: *span,
                    before: compact(&text[cs..at]),
                    after: compact(&text[span.end - base..ce]),
                    sentence: compact(&text[ss..se]),
                    region,
                    block,
                });
            }
            Token::Date(range, span) => {
                let at = span.start - base;
                year_in_clause = Some((range.first.year, clause_start(text, at)));
                let (cs, ce) = (clause_start(text, at), clause_end(text, span.end - base));
                let (ss, se) = (
                    sentence_start(text, at),
                    sentence_end(text, span.end - base),
                );
                dates.push(DateMention {
                    range: *range,
                    span: *span,
                    before: compact(&text[cs..at]),
                    after: compact(&text[span.end - base..ce]),
                    sentence: compact(&text[ss..se]),
                    region,
                    block,
                });
            }
            Token::Quantity(q) => {
                let at = q.number.start - base;
                let cs = clause_start(text, at);
                let left = compact(&text[cs..at]);
                let role = if totals.contains(&q.number) {
                    ClaimRole::TotalScore
                } else if let Some((_, role)) = groups.iter().find(|(s, _)| *s == q.number) {
                    role.clone()
                } else {
                    role_from_words(q, &left)
                };
                let year = year_in_clause
                    .filter(|(_, start)| *start == cs)
                    .map(|(y, _)| y);
                let context: String = {
                    let chars: Vec<char> = left.chars().collect();
                    chars[chars.len().saturating_sub(12)..].iter().collect()
                };
                claims.push(Claim {
                    role,
                    quantity: q.clone(),
                    context,
                    clause: compact(&text[cs..clause_end(text, q.span.end - base)]),
                    region,
                    block,
                    year,
                    scope: None,
                });
            }
        }
    }
    (claims, dates)
}

/// The role a figure takes from the nearest telling word before it in its clause.
fn role_from_words(q: &Quantity, left: &str) -> ClaimRole {
    if q.is_money() {
        let spent = SPENT_CUES
            .iter()
            .filter_map(|c| left.rfind(c).map(|i| ((i + c.len(), c.len()), None)));
        let budget = BUDGET_CUES
            .iter()
            .filter_map(|(c, k)| left.rfind(c).map(|i| ((i + c.len(), c.len()), Some(*k))));
        // The cue ending nearest the figure wins; among cues ending together, the longer one.
        return match spent.chain(budget).max_by_key(|(key, _)| *key) {
            Some((_, None)) => ClaimRole::Spent,
            Some((_, Some(kind))) => ClaimRole::Budget(kind),
            None => ClaimRole::Other,
        };
    }
    if q.is_percent() && q.bound == Bound::Exact {
        if let Some(i) = left.rfind("执行率") {
            let between = &left[i..];
            if !["增长", "同比", "提高", "下降", "上升", "较"]
                .iter()
                .any(|w| between.contains(w))
            {
                return ClaimRole::ExecutionRate;
            }
        }
    }
    ClaimRole::Other
}

/// Figures of group sentences: `项目决策类指标满分为 10 分，项目得分为 9.5 分，得分率为 95%`.
fn group_roles(text: &str, base: usize) -> Vec<(Span, ClaimRole)> {
    let mut out = Vec::new();
    for c in GROUP.captures_iter(text) {
        let raw = c.name("name").expect("named group").as_str();
        let name = raw
            .trim_start_matches("其中")
            .trim_start_matches("其")
            .to_string();
        if name.chars().count() < 2 {
            continue;
        }
        let span = |m: regex::Match<'_>| Span::new(base + m.start(), base + m.end());
        if let Some(m) = c.name("full") {
            out.push((span(m), ClaimRole::GroupFull(name.clone())));
        }
        if let Some(m) = c.name("score") {
            out.push((span(m), ClaimRole::GroupScore(name.clone())));
        }
        if let Some(m) = c.name("rate") {
            out.push((span(m), ClaimRole::GroupRate(name.clone())));
        }
    }
    out
}

fn clause_start(text: &str, at: usize) -> usize {
    text[..at].rfind(CLAUSE_ENDS).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

fn clause_end(text: &str, at: usize) -> usize {
    text[at..].find(CLAUSE_ENDS).map_or(text.len(), |i| at + i)
}

fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(SENTENCE_ENDS).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    })
}

fn sentence_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(SENTENCE_ENDS)
        .map_or(text.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn roles(text: &str) -> Vec<(ClaimRole, rust_decimal::Decimal)> {
        analyse(text, 0, Region::Body, 0)
            .0
            .into_iter()
            .map(|c| (c.role, c.quantity.value))
            .collect()
    }

    #[test]
    fn budget_spending_and_rate() {
        assert_eq!(
            roles("该项目预算金额共计 153.04 万元，全部来源于市级财政资金，2018 年共使用经费 152.49 万元，预算执行率为 99.64%。"),
            vec![
                (ClaimRole::Budget(BudgetKind::Generic), dec!(153.04)),
                (ClaimRole::Spent, dec!(152.49)),
                (ClaimRole::ExecutionRate, dec!(99.64)),
            ]
        );
        assert_eq!(
            roles("2023年该项目整体立项金额25万元，2023年度年初预算批复50%首付款12.5万元。截至2023年12月31日，实际支出12.5万元"),
            vec![
                (ClaimRole::Budget(BudgetKind::ProjectTotal), dec!(25)),
                (ClaimRole::Other, dec!(50)),
                (ClaimRole::Budget(BudgetKind::Initial), dec!(12.5)),
                (ClaimRole::Spent, dec!(12.5)),
            ]
        );
    }

    #[test]
    fn group_figures_and_totals() {
        let r = roles("该项目总体得分为 94.57 分。其中项目决策类指标满分为 10 分，项目得分为 9.5 分，得分率为 95%；项目管理类指标满分为 26 分，项目得分为 23.46 分，得分率为 90.23%。");
        assert_eq!(r[0], (ClaimRole::TotalScore, dec!(94.57)));
        assert_eq!(r[1], (ClaimRole::GroupFull("项目决策".into()), dec!(10)));
        assert_eq!(r[2], (ClaimRole::GroupScore("项目决策".into()), dec!(9.5)));
        assert_eq!(r[3], (ClaimRole::GroupRate("项目决策".into()), dec!(95)));
        assert_eq!(r[4], (ClaimRole::GroupFull("项目管理".into()), dec!(26)));
    }

    #[test]
    fn growth_is_not_an_execution_rate_and_years_are_kept() {
        let (claims, _) = analyse(
            "2018 年网页访问量较 2017 年增长 183.66%，达到 350955 次。",
            0,
            Region::Body,
            0,
        );
        assert_eq!(claims[0].role, ClaimRole::Other);
        assert_eq!(claims[0].year, Some(2017));
        assert_eq!(claims[0].context, "页访问量较2017年增长");
        assert_eq!(claims[1].quantity.unit, "次");
    }

    #[test]
    fn dates_with_their_words() {
        let (_, dates) = analyse(
            "上海科技咨询有限公司于 2019 年 4 月开始，针对 2018 年项目开展绩效评价工作。",
            0,
            Region::Abstract,
            0,
        );
        assert_eq!(dates.len(), 2, "a month and a year");
        assert_eq!(
            dates[1].range,
            crate::report::prose::date::DateRange::year(2018)
        );
        assert_eq!(dates[0].before, "上海科技咨询有限公司于");
        assert_eq!(dates[0].after, "开始");
        assert!(dates[0].sentence.contains("绩效评价"));
    }
}
