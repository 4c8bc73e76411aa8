//! Claims: the figures a report states in sentences, each with the role the words around it
//! give it. A claim is linked to other places by its role (the budget, a group's score), or,
//! when it has none, by the words it is stated with.

use std::sync::LazyLock;

use std::ops::Range;

use crate::text::cursor::Cursor;

use super::reach;
use super::scan::{scan_at_most, Bound, Quantity, Token};
use crate::document::Span;

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

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ClaimRole {
    TotalScore,
    Budget(BudgetKind),
    Spent,
    /// Spending of one kind (`人员经费支出`, a department's `项目支出`): not the total.
    SpentOn(String),
    ExecutionRate,
    /// A first-level group's full marks, score or score rate (`项目决策类指标满分为 10 分`).
    GroupFull(String),
    GroupScore(String),
    GroupRate(String),
    /// Any other figure, known by the words before it.
    Other,
}

impl ClaimRole {
    /// What a figure with this role measures, in Chinese and English, for messages and for
    /// `inspect`.
    pub fn name(&self) -> (String, String) {
        let pair = |zh: &str, en: &str| (zh.to_string(), en.to_string());
        match self {
            ClaimRole::TotalScore => pair("总体得分", "the total score"),
            ClaimRole::Budget(BudgetKind::Initial) => pair("年初预算", "the initial budget"),
            ClaimRole::Budget(BudgetKind::Adjusted) => pair("调整后预算", "the adjusted budget"),
            ClaimRole::Budget(BudgetKind::Generic) => pair("预算金额", "the budget"),
            ClaimRole::Budget(BudgetKind::ProjectTotal) => {
                pair("项目总金额", "the project's total amount")
            }
            ClaimRole::Spent => pair("实际支出", "the spending"),
            ClaimRole::SpentOn(kind) => (format!("{kind}支出"), format!("the spending on {kind}")),
            ClaimRole::ExecutionRate => pair("预算执行率", "the execution rate"),
            ClaimRole::GroupFull(g) => (format!("{g}的满分"), format!("the full marks of {g}")),
            ClaimRole::GroupScore(g) => (format!("{g}的得分"), format!("the score of {g}")),
            ClaimRole::GroupRate(g) => (format!("{g}的得分率"), format!("the score rate of {g}")),
            ClaimRole::Other => pair("该数", "the figure"),
        }
    }
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
    /// Whether the clause says the figure is a goal (目标): a target, not a result.
    pub names_goal: bool,
    /// The words before the figure from the start of its sentence (compacted, at most a dozen
    /// characters): what the same figure restated elsewhere is stated with.
    pub lead: String,
    /// The same words as printed, for messages (`…问卷 120 份，收回有效问卷`).
    pub lead_shown: String,
    pub region: Region,
    /// The paragraph or cell it was stated in (an index over the report's prose blocks).
    pub block: usize,
    /// A year stated before it in the same clause (`2017 年…增长 183.66%`).
    pub year: Option<i32>,
    /// The scorecard it is about: its form, or the report's evaluation.
    pub scope: Option<usize>,
}

/// How a list of parts is tied to its total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// After a marker word: 其中, 包括, 分别为…
    Marked,
    /// Enumerated before a total that comes last: `a、b、c，合计 X`.
    TotalLast,
    /// Sources of funds after a total, without a marker: `共计 X，政府拨款 a，自筹 b`.
    Sources,
}

/// A total stated with its parts: `共提供服务等50余次，其中业务需求沟通17次、技术咨询12次…`.
/// Indices are into the report's claims.
#[derive(Debug, Clone)]
pub struct Breakdown {
    pub total: usize,
    pub parts: Vec<usize>,
    /// The list does not claim to be complete: it ends with 等, or says 主要 / 部分.
    pub open: bool,
    /// Where the list is tied to its total: the marker (其中), or the total's cue (合计).
    pub marker: Span,
    /// Where the list ends (a byte offset in the source).
    pub end: usize,
    pub kind: ListKind,
    /// The number of parts before the list changes its separator (`17、12、24，12`: 3): the
    /// list can also be read as ending there.
    pub first_run: Option<usize>,
}

/// A date stated in prose, with the words before it in its clause.
#[derive(Debug, Clone)]
pub struct DateMention {
    pub range: super::date::DateRange,
    pub span: Span,
    /// The date as printed.
    pub text: String,
    /// The clause before the date and the clause after it, compacted.
    pub before: String,
    pub after: String,
    /// The rest of the sentence after the date, compacted.
    pub rest: String,
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

/// A sentence about an indicator group: `项目决策类指标满分为 10 分，项目得分为 9.5 分，
/// 得分率为 95%`. The group's name as written and the figures' bytes.
struct GroupStatement<'a> {
    name: &'a str,
    full: Range<usize>,
    score: Range<usize>,
    rate: Option<Range<usize>>,
}

/// The group statements of `text`, in order. Each is found from its 指标: the name is the two
/// to twelve Han or Latin characters before it (before its 类, if it has one), starting no
/// earlier than where the last statement ended, and as early as they can.
fn group_statements(text: &str) -> Vec<GroupStatement<'_>> {
    static ZHIBIAO: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("指标"));
    let name_char = |c: char| crate::text::is_han(c) || c.is_ascii_alphabetic();
    crate::text::cursor::find_around(text, &ZHIBIAO, |at, from| {
        let mut c = Cursor::new(text, at + "指标".len());
        let (full, score, rate) = group_figures(&mut c)?;
        // The name ends before 类 if there is one (the shorter name comes first) or runs
        // up to 指标.
        let ends = [text[..at].strip_suffix('类').map(str::len), Some(at)];
        let name = ends.into_iter().flatten().find_map(|end| {
            let start = text[from.min(end)..end]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| name_char(c))
                .take(12)
                .last()
                .map_or(end, |(i, _)| from.min(end) + i);
            (text[start..end].chars().count() >= 2).then(|| &text[start..end])
        })?;
        let statement = GroupStatement {
            name,
            full,
            score,
            rate,
        };
        Some((statement, c.at()))
    })
}

/// After a group's 指标: `满分为 10 分，项目得分为 9.5 分` and perhaps `，得分率为 95%`.
#[allow(clippy::type_complexity)]
fn group_figures(c: &mut Cursor<'_>) -> Option<(Range<usize>, Range<usize>, Option<Range<usize>>)> {
    let figure = |c: &mut Cursor<'_>| {
        let start = c.at();
        c.decimal().map(|_| start..c.at())
    };
    let pause = |c: char| matches!(c, '，' | ',' | '、');
    c.eat_first(&["满分", "分值", "总分"])?;
    c.eat_first(&["为", "是"]);
    c.spaces();
    let full = figure(c)?;
    c.spaces();
    c.eat("分").then_some(())?;
    c.spaces();
    c.eat_char(pause)?;
    c.spaces();
    c.eat_first(&["项目", "实际", "评价"]);
    c.eat("得分").then_some(())?;
    c.eat_first(&["为", "是"]);
    c.spaces();
    let score = figure(c)?;
    c.spaces();
    c.eat("分").then_some(())?;
    let mut r = *c;
    r.spaces();
    let mut rate = None;
    if r.eat_char(pause).is_some() && {
        r.spaces();
        r.eat("得分率")
    } {
        r.eat_first(&["为", "是"]);
        r.spaces();
        if let Some(figure) = figure(&mut r) {
            r.spaces();
            if r.eat_char(|c| matches!(c, '%' | '％')).is_some() {
                rate = Some(figure);
                *c = r;
            }
        }
    }
    Some((full, score, rate))
}

/// A date with the words around it in its clause and sentence.
fn mention(
    text: &str,
    compacted: &crate::text::Compacted,
    base: usize,
    range: super::date::DateRange,
    span: Span,
    region: Region,
    block: usize,
) -> DateMention {
    let (at, end) = (span.start - base, span.end - base);
    let (cs, ce) = (clause_start(text, at), clause_end(text, end));
    let (ss, se) = (sentence_start(text, at), sentence_end(text, end));
    DateMention {
        range,
        span,
        text: text[at..end].to_string(),
        before: compacted.slice(cs..at).to_string(),
        after: compacted.slice(end..ce).to_string(),
        rest: compacted.slice(end..se.max(end)).to_string(),
        sentence: compacted.slice(ss..se).to_string(),
        region,
        block,
    }
}

/// What one block of prose states.
#[derive(Debug, Default)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateMention>,
    /// Totals with their parts; indices are into `claims`.
    pub breakdowns: Vec<Breakdown>,
    /// Figures too large or too precise to judge, left out of the claims.
    pub unjudged: Vec<Span>,
    /// Where reading stopped, when the block held more figures than asked for.
    pub stopped: Option<usize>,
}

impl Analysis {
    /// Move every span through `f` (from offsets in a cell's text to the source).
    pub fn map_spans(&mut self, f: impl Fn(Span) -> Span) {
        for c in &mut self.claims {
            c.quantity.number = f(c.quantity.number);
            c.quantity.span = f(c.quantity.span);
        }
        for d in &mut self.dates {
            d.span = f(d.span);
        }
        for b in &mut self.breakdowns {
            b.marker = f(b.marker);
        }
        for u in &mut self.unjudged {
            *u = f(*u);
        }
    }
}

/// The claims and dates of one block of prose (`text` begins at byte `base` of the source).
pub fn analyse(text: &str, base: usize, region: Region, block: usize) -> Analysis {
    analyse_at_most(text, base, region, block, usize::MAX)
}

/// The same for at most `limit` figures: a block with more is read only so far, and says
/// where it stopped.
pub fn analyse_at_most(
    text: &str,
    base: usize,
    region: Region,
    block: usize,
    limit: usize,
) -> Analysis {
    let tokens = scan_at_most(text, base, limit);
    if tokens.is_empty() {
        // Most headings and many short paragraphs state no figure: nothing to compact.
        return Analysis {
            claims: Vec::new(),
            dates: Vec::new(),
            breakdowns: Vec::new(),
            unjudged: Vec::new(),
            stopped: None,
        };
    }
    let compacted = crate::text::Compacted::new(text);
    let stopped = (tokens.len() >= limit)
        .then(|| tokens.last().map(|t| t.span().end))
        .flatten();
    let totals: Vec<Span> = super::statements::total_spans(text, base);
    let groups = group_roles(text, base);
    let mut claims = Vec::new();
    let mut dates = Vec::new();
    let mut unjudged = Vec::new();
    let mut year_in_clause: Option<(i32, usize)> = None;
    for token in &tokens {
        match token {
            Token::Unjudged(span) => unjudged.push(*span),
            Token::Year(y, span) => {
                year_in_clause = Some((*y, clause_start(text, span.start - base)));
                let range = super::date::DateRange::year(*y);
                dates.push(mention(text, &compacted, base, range, *span, region, block));
            }
            Token::Date(range, span) => {
                year_in_clause = Some((range.first.year, clause_start(text, span.start - base)));
                dates.push(mention(
                    text, &compacted, base, *range, *span, region, block,
                ));
            }
            Token::Quantity(q) => {
                let at = q.number.start - base;
                let cs = clause_start(text, at);
                let left = compacted.slice(cs..at);
                let role = if totals.contains(&q.number) {
                    ClaimRole::TotalScore
                } else if let Some((_, role)) = groups.iter().find(|(s, _)| *s == q.number) {
                    role.clone()
                } else {
                    role_from_words(q, left)
                };
                let year = year_in_clause
                    .filter(|(_, start)| *start == cs)
                    .map(|(y, _)| y);
                let context = last_chars(left, 12).to_string();
                let before_start = sentence_start(text, at);
                let before = &text[before_start..at];
                let lead = last_chars(compacted.slice(before_start..at), 12).to_string();
                let lead_shown = {
                    let whole = before.trim();
                    let kept = last_chars(whole, 16);
                    if kept.len() < whole.len() {
                        format!("…{}", kept.trim_start())
                    } else {
                        kept.to_string()
                    }
                };
                let clause = compacted
                    .slice(cs..clause_end(text, q.span.end - base))
                    .to_string();
                claims.push(Claim {
                    role,
                    quantity: q.clone(),
                    context,
                    lead,
                    lead_shown,
                    names_goal: clause.contains("目标"),
                    clause,
                    region,
                    block,
                    year,
                    scope: None,
                });
            }
        }
    }
    let breakdowns = super::lists::breakdowns(text, base, &claims);
    // An item of a list is a part, never the total it is listed under.
    for b in &breakdowns {
        for &p in &b.parts {
            if matches!(claims[p].role, ClaimRole::Spent | ClaimRole::Budget(_)) {
                claims[p].role = ClaimRole::Other;
            }
        }
    }
    Analysis {
        claims,
        dates,
        breakdowns,
        unjudged,
        stopped,
    }
}

/// The last `n` characters of `s` (all of it when shorter).
fn last_chars(s: &str, n: usize) -> &str {
    let Some(back) = n.checked_sub(1) else {
        return &s[s.len()..];
    };
    let start = s.char_indices().rev().nth(back).map_or(0, |(i, _)| i);
    &s[start..]
}

/// Words that put a figure in another year than the one evaluated.
const OTHER_YEAR_WORDS: &[&str] = &[
    "上年",
    "去年",
    "上一年",
    "前年",
    "往年",
    "同期",
    "上期",
    "以前年度",
    "历年",
];

/// The role a figure takes from the nearest telling word before it in its clause.
fn role_from_words(q: &Quantity, left: &str) -> ClaimRole {
    // Each word list is one automaton, built once: this runs for every figure in the prose.
    static OTHER_YEAR: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| crate::text::word_matcher(OTHER_YEAR_WORDS));
    // The money cues, spent ones first, then budget ones (pattern `i` past the spent cues is
    // budget cue `i - SPENT_CUES.len()`).
    static CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        let cues = SPENT_CUES
            .iter()
            .copied()
            .chain(BUDGET_CUES.iter().map(|(c, _)| *c));
        crate::text::word_matcher(cues)
    });
    if OTHER_YEAR.is_match(left) {
        return ClaimRole::Other;
    }
    if q.is_money() {
        // The cue ending nearest the figure wins; among cues ending together, the longer one.
        let found = CUES.find_overlapping_iter(left).map(|m| {
            let kind = m
                .pattern()
                .as_usize()
                .checked_sub(SPENT_CUES.len())
                .map(|i| BUDGET_CUES[i].1);
            ((m.end(), m.len()), kind)
        });
        let Some(((end, len), kind)) = found.max_by_key(|(key, _)| *key) else {
            return ClaimRole::Other;
        };
        // `项目支出包括办公设备购置 36.3 万元`: an item of a list, not what the cue names.
        if LIST_MARKERS.iter().any(|m| left[end..].contains(m)) {
            return ClaimRole::Other;
        }
        let before = &left[..end - len];
        if kind.is_none() && &left[end - len..end] == "支出" {
            if let Some(category) = spending_category(before) {
                return ClaimRole::SpentOn(category.to_string());
            }
        }
        if !names_the_project(before) {
            return ClaimRole::Other;
        }
        return match kind {
            None => ClaimRole::Spent,
            Some(kind) => ClaimRole::Budget(kind),
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

/// Words that open a list of items: a figure after one is an item, not the whole.
const LIST_MARKERS: &[&str] = &["包括", "其中", "包含", "分别为", "分别是", "主要有", "用于"];

/// Kinds of spending in a departmental budget: 人员经费支出 is not the total spending.
const SPENDING_CATEGORIES: &[&str] = &[
    "人员经费",
    "公用经费",
    "基本",
    "经常性",
    "资本性",
    "工资福利",
    "商品和服务",
    "对个人和家庭的补助",
    "项目",
];

/// Words of time that may stand before a bare category (`2023年项目支出`).
const TIME_WORDS: &[&str] = &["全年", "年度", "当年", "本年", "年", "度"];

/// The category a 支出 is qualified by: `人员经费支出`, or a bare `项目支出` (a department's
/// spending on projects). `该项目支出` and `信息化项目支出` are a project's own spending.
fn spending_category(before: &str) -> Option<&'static str> {
    let category = SPENDING_CATEGORIES.iter().find(|c| before.ends_with(*c))?;
    if *category != "项目" {
        return Some(category);
    }
    let mut rest = before[..before.len() - category.len()]
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    while let Some(r) = TIME_WORDS.iter().find_map(|w| rest.strip_suffix(w)) {
        rest = r.trim_end_matches(|c: char| c.is_ascii_digit());
    }
    rest.is_empty().then_some(category)
}

/// Words that may stand between the subject and a money cue without narrowing it.
const PROJECT_WORDS: &[&str] = &[
    "本次评价的",
    "共计",
    "合计",
    "累计",
    "全年",
    "全部",
    "整体",
    "年度",
    "财政",
    "实际",
    "区级",
    "市级",
    "省级",
    "中央",
    "截至",
    "截止",
    "年底",
    "年末",
    "当年",
    "本年",
    "期间",
    "该",
    "本",
    "其",
    "共",
    "总",
    "年",
    "度",
    "的",
    "各",
    "已",
    "个",
    "底",
    "末",
    "月",
    "日",
];

/// Whether the words before a budget or spending cue leave it the project's: nothing but
/// project-level words, or a name ending in 项目/经费 (`信息化项目财政预算批复金额`), rather than
/// a sub-item (`设备购置预算`).
fn names_the_project(before: &str) -> bool {
    let mut rest = before.trim_end_matches(|c: char| c.is_ascii_digit());
    loop {
        let stripped = PROJECT_WORDS
            .iter()
            .find_map(|w| rest.strip_suffix(w))
            .map(|r| r.trim_end_matches(|c: char| c.is_ascii_digit()));
        match stripped {
            Some(r) => rest = r,
            None => break,
        }
    }
    match rest.chars().next_back() {
        None => true,
        Some(c) if !matches!(c, '\u{4E00}'..='\u{9FFF}') => true,
        Some(_) => rest.ends_with("项目") || rest.ends_with("经费"),
    }
}

/// Figures of group sentences: `项目决策类指标满分为 10 分，项目得分为 9.5 分，得分率为 95%`.
fn group_roles(text: &str, base: usize) -> Vec<(Span, ClaimRole)> {
    let mut out = Vec::new();
    // Every group statement names an 指标; most blocks have no 标 at all.
    static INDICATOR: LazyLock<crate::text::Cues> =
        LazyLock::new(|| crate::text::Cues::new(&["标"]));
    if !INDICATOR.any_in(text) {
        return out;
    }
    for group in group_statements(text) {
        let name = group
            .name
            .trim_start_matches("其中")
            .trim_start_matches("其")
            .to_string();
        if name.chars().count() < 2 {
            continue;
        }
        let span = |m: Range<usize>| Span::new(base + m.start, base + m.end);
        out.push((span(group.full), ClaimRole::GroupFull(name.clone())));
        out.push((span(group.score), ClaimRole::GroupScore(name.clone())));
        if let Some(m) = group.rate {
            out.push((span(m), ClaimRole::GroupRate(name)));
        }
    }
    out
}

fn clause_start(text: &str, at: usize) -> usize {
    reach::start_of(text, at, |c| CLAUSE_ENDS.contains(&c), reach::CLAUSE_BYTES)
}

fn clause_end(text: &str, at: usize) -> usize {
    reach::end_of(text, at, |c| CLAUSE_ENDS.contains(&c), reach::CLAUSE_BYTES)
}

fn sentence_start(text: &str, at: usize) -> usize {
    reach::start_of(
        text,
        at,
        |c| SENTENCE_ENDS.contains(&c),
        reach::SENTENCE_BYTES,
    )
}

fn sentence_end(text: &str, at: usize) -> usize {
    reach::end_of(
        text,
        at,
        |c| SENTENCE_ENDS.contains(&c),
        reach::SENTENCE_BYTES,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn roles(text: &str) -> Vec<(ClaimRole, rust_decimal::Decimal)> {
        analyse(text, 0, Region::Body, 0)
            .claims
            .into_iter()
            .map(|c| (c.role, c.quantity.value))
            .collect()
    }

    #[test]
    fn last_chars_counts_characters() {
        assert_eq!(last_chars("一二三四", 2), "三四");
        assert_eq!(last_chars("一二", 5), "一二");
        assert_eq!(last_chars("ab", 0), "");
        assert_eq!(last_chars("", 3), "");
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
    fn a_sub_item_budget_is_not_the_project_budget() {
        assert_eq!(
            roles("经批准将设备购置预算 2.00 万元调整用于运维服务。")[0].0,
            ClaimRole::Other
        );
        assert_eq!(
            roles("本次评价的市工商联信息化项目财政预算批复金额共计 153.04 万元")[0].0,
            ClaimRole::Budget(BudgetKind::Generic)
        );
        assert_eq!(
            roles("信息化项目 7 个子项目共使用经费 152.49 万元")[1].0,
            ClaimRole::Spent
        );
        assert_eq!(
            roles("截至2021年底实际使用资金 25.005 万元")[0].0,
            ClaimRole::Spent
        );
    }

    #[test]
    fn qualified_spending_and_listed_items_are_not_the_spending() {
        let r = roles(
            "全年支出 120 万元，其中人员经费支出 60 万元，公用经费支出 20 万元，项目支出 40 万元。",
        );
        assert_eq!(r[0].0, ClaimRole::Spent);
        assert_eq!(r[1].0, ClaimRole::SpentOn("人员经费".into()));
        assert_eq!(r[2].0, ClaimRole::SpentOn("公用经费".into()));
        assert_eq!(r[3].0, ClaimRole::SpentOn("项目".into()));
        assert_eq!(
            roles("项目支出包括办公设备购置 36.3 万元、宣传材料印制 12.5 万元。")[0].0,
            ClaimRole::Other
        );
        assert_eq!(roles("该项目支出 50 万元。")[0].0, ClaimRole::Spent);
        assert_eq!(
            roles("2023年项目支出 50 万元。")[0].0,
            ClaimRole::SpentOn("项目".into())
        );
    }

    #[test]
    fn last_years_figures_take_no_role() {
        assert_eq!(
            roles("上年同类项目预算为 80.00 万元。")[0].0,
            ClaimRole::Other
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
        let Analysis { claims, .. } = analyse(
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
    fn breakdowns_with_their_parts() {
        let text = "第三方公司全年共提供现场、远程技术支持服务等50余次，其中业务需求沟通17次、技术咨询12次、数据备份24次，定期推送数据报告12次。开展每日巡检。";
        let Analysis {
            claims,
            breakdowns: b,
            ..
        } = analyse(text, 0, Region::Body, 0);
        assert_eq!(b.len(), 1);
        assert_eq!(claims[b[0].total].quantity.value, dec!(50));
        let parts: Vec<_> = b[0]
            .parts
            .iter()
            .map(|&i| claims[i].quantity.value)
            .collect();
        assert_eq!(parts, vec![dec!(17), dec!(12), dec!(24), dec!(12)]);
        assert!(!b[0].open);
        let Analysis { breakdowns: b, .. } = analyse(
            "共开展活动 30 场，其中讲座 10 场、展览 5 场等。",
            0,
            Region::Body,
            0,
        );
        assert!(b[0].open);
        // Group scores after 其中 are not parts of a total.
        let Analysis { breakdowns: b, .. } = analyse(
            "总体得分为 94.57 分。其中项目决策类指标满分为 10 分，得分 9.5 分。",
            0,
            Region::Body,
            0,
        );
        assert!(b.is_empty());
    }

    #[test]
    fn dates_with_their_words() {
        let Analysis { dates, .. } = analyse(
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

/// The group statements read by hand read as the regular expression they replaced.
#[cfg(test)]
mod as_regex {
    use super::*;
    use crate::text::cursor::testing::phrase_text;
    use proptest::prelude::*;
    use regex::Regex;

    static GROUP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?P<name>[\p{Han}A-Za-z]{2,12}?)类?指标(?:满分|分值|总分)(?:为|是)?\s*(?P<full>[0-9０-９]+(?:\.[0-9０-９]+)?)\s*分\s*[，,、]\s*",
            r"(?:项目|实际|评价)?得分(?:为|是)?\s*(?P<score>[0-9０-９]+(?:\.[0-9０-９]+)?)\s*分",
            r"(?:\s*[，,、]\s*得分率(?:为|是)?\s*(?P<rate>[0-9０-９]+(?:\.[0-9０-９]+)?)\s*[%％])?",
        ))
        .unwrap()
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn group_statements_read_alike(text in phrase_text()) {
            let found: Vec<_> = group_statements(&text)
                .into_iter()
                .map(|g| (g.name.to_string(), g.full, g.score, g.rate))
                .collect();
            let expected: Vec<_> = GROUP
                .captures_iter(&text)
                .map(|c| {
                    (
                        c["name"].to_string(),
                        c.name("full").unwrap().range(),
                        c.name("score").unwrap().range(),
                        c.name("rate").map(|m| m.range()),
                    )
                })
                .collect();
            prop_assert_eq!(found, expected);
        }
    }
}
