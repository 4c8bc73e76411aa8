//! What a table column holds, judged from its header words.
//!
//! Reports name the same column many ways (满分值 / 分值 / 分数 / 权重; 得分 / 得分值 / 评价分值 /
//! 得分情况), and PDF extraction breaks header cells with spaces (`一级 指标`). Roles are decided
//! on the compacted header text by the rules of `rules/columns.toml`, most specific words first:
//! the vocabulary is data, so a synonym is added without touching code.

use crate::text::compact;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// 一级指标 … 四级指标 (1-based level)
    Level(u8),
    /// A label column that is not a numbered level: 指标, 子项目名称, 项目资金
    Label,
    Serial,
    /// 满分值, 分值, 分数: an indicator's full marks in points.
    FullMarks,
    /// 权重: full marks that may be printed as a share of the total (`10%`).
    Weight,
    Score,
    ScoreRate,
    Target,
    Actual,
    /// 指标性质 / 指标方向: the target's operator (`≥`, `≤`, `＝`) in a cell of its own.
    Operator,
    /// 度量单位 / 计量单位: the target's and actual value's unit in a cell of its own.
    Unit,
    /// 得分系数: the share of the weight an indicator earns (`0.96`); its score is 系数 × 权重.
    Coefficient,
    Deviation,
    InitialBudget,
    Budget,
    Spent,
    ExecutionRate,
    /// Another rate (回收率, 完成率): numerator and denominator are other columns.
    Rate,
    Amount,
    Count,
    Other,
}

impl Role {
    /// Columns whose cells hold values (numbers or placeholders) rather than labels or prose.
    pub fn is_value(self) -> bool {
        matches!(
            self,
            Role::FullMarks
                | Role::Weight
                | Role::Coefficient
                | Role::Score
                | Role::ScoreRate
                | Role::InitialBudget
                | Role::Budget
                | Role::Spent
                | Role::ExecutionRate
                | Role::Rate
                | Role::Amount
                | Role::Count
        )
    }

    /// Columns only a score table's or a fund block's header names: a row naming none of them
    /// under a score table is a row of it, not a new header.
    pub fn names_scored_column(self) -> bool {
        matches!(
            self,
            Role::Level(_)
                | Role::FullMarks
                | Role::Weight
                | Role::Score
                | Role::ScoreRate
                | Role::InitialBudget
                | Role::Budget
                | Role::Spent
                | Role::ExecutionRate
                | Role::Target
                | Role::Actual
                | Role::Deviation
        )
    }

    /// Columns of full marks, in points or as weights.
    pub fn is_full_marks(self) -> bool {
        matches!(self, Role::FullMarks | Role::Weight)
    }

    pub fn is_rate(self) -> bool {
        matches!(self, Role::ScoreRate | Role::ExecutionRate | Role::Rate)
    }

    /// Columns whose values add up in a 合计 row.
    pub fn is_summable(self) -> bool {
        matches!(
            self,
            Role::InitialBudget | Role::Budget | Role::Spent | Role::Amount | Role::Count
        )
    }

    pub fn is_money(self) -> bool {
        matches!(
            self,
            Role::InitialBudget | Role::Budget | Role::Spent | Role::Amount
        )
    }
}

/// Header cells longer than this are prose, not headers.
const MAX_HEADER_CHARS: usize = 24;

/// One rule of `rules/columns.toml`: the conditions a compacted header meets, and the role it
/// then gives its column.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnRule {
    role: String,
    #[serde(default)]
    any: Vec<String>,
    #[serde(default)]
    all: Vec<String>,
    #[serde(default)]
    none: Vec<String>,
    #[serde(default)]
    equals: Vec<String>,
    #[serde(default)]
    ends: Vec<String>,
    #[serde(default)]
    level: bool,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnRules {
    column: Vec<ColumnRule>,
}

impl ColumnRule {
    /// The role this rule gives `h`, if `h` meets its conditions.
    fn role_of(&self, h: &str) -> Option<Role> {
        let holds = (self.any.is_empty() || self.any.iter().any(|w| h.contains(w.as_str())))
            && self.all.iter().all(|w| h.contains(w.as_str()))
            && !self.none.iter().any(|w| h.contains(w.as_str()))
            && (self.equals.is_empty() || self.equals.iter().any(|w| h == w))
            && (self.ends.is_empty() || self.ends.iter().any(|w| h.ends_with(w.as_str())));
        if !holds {
            return None;
        }
        if self.level {
            return level_of(h).map(Role::Level);
        }
        role_named(&self.role)
    }
}

/// A role by its name in `rules/columns.toml`.
fn role_named(name: &str) -> Option<Role> {
    Some(match name {
        "deviation" => Role::Deviation,
        "score_rate" => Role::ScoreRate,
        "coefficient" => Role::Coefficient,
        "score" => Role::Score,
        "weight" => Role::Weight,
        "operator" => Role::Operator,
        "unit" => Role::Unit,
        "execution_rate" => Role::ExecutionRate,
        "rate" => Role::Rate,
        "other" => Role::Other,
        "full_marks" => Role::FullMarks,
        "serial" => Role::Serial,
        "label" => Role::Label,
        "initial_budget" => Role::InitialBudget,
        "spent" => Role::Spent,
        "budget" => Role::Budget,
        "target" => Role::Target,
        "actual" => Role::Actual,
        "amount" => Role::Amount,
        "count" => Role::Count,
        _ => return None,
    })
}

/// The header vocabulary, read once from `rules/columns.toml` (built into the binary).
fn rules() -> &'static [ColumnRule] {
    static RULES: std::sync::OnceLock<Vec<ColumnRule>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let parsed: ColumnRules = toml::from_str(include_str!("../../rules/columns.toml"))
            .expect("rules/columns.toml is valid (tested)");
        parsed.column
    })
}

/// The role of a column from its header text: the first rule of `rules/columns.toml` its
/// compacted text meets.
pub fn classify(header: &str) -> Role {
    // The same few dozen headers come back in every table of every report: each thread keeps
    // the roles it has found (forgetting them all if a batch brings too many to keep).
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, Role>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    const KEEP: usize = 4096;
    if let Some(role) = SEEN.with(|s| s.borrow().get(header).copied()) {
        return role;
    }
    let role = classify_uncached(header);
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() >= KEEP {
            s.clear();
        }
        if header.len() <= 256 {
            s.insert(header.to_string(), role);
        }
    });
    role
}

fn classify_uncached(header: &str) -> Role {
    let h = compact(header);
    if h.is_empty() || h.chars().count() > MAX_HEADER_CHARS {
        return Role::Other;
    }
    let role = rules()
        .iter()
        .find_map(|rule| rule.role_of(&h))
        .unwrap_or(Role::Other);
    if role.is_value() && names_two_columns(&h) {
        return Role::Other;
    }
    role
}

/// Column names that never share a cell: two of them in one cell are two header cells run
/// together (a table printed without gaps between its columns, its text read as one word).
/// (执行率 is left out: 执行率权重 and 执行率得分 are one column each.)
const COLUMN_NAMES: &[&str] = &[
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "预算执行数",
    "调整后预算数",
    "分值",
    "得分",
    "权重",
    "年度指标值",
    "实际完成值",
    "一级指标",
    "二级指标",
    "三级指标",
    "偏差原因",
    "自评分",
    "复核分",
];

/// Whether a cell of a row of text holds two or more column names run together
/// (`年初预算数全年预算数全年执行数`): where a layout could not part a table's cells, none of
/// its columns can be trusted.
pub fn runs_columns_together(cell: &str) -> bool {
    let h = compact(cell);
    if h.chars().count() > 2 * MAX_HEADER_CHARS {
        return false;
    }
    // The names one after another, the earliest first and the longest of those starting
    // together, each searched for after the last.
    static NAMES: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
        // Headers are short: an automaton quick to build is enough.
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(COLUMN_NAMES)
            .expect("column names build a searcher")
    });
    NAMES.find_iter(&h).nth(1).is_some()
}

/// Whether a header is two column names run together (`全年预算数全年执行数`: two header
/// cells a layout failed to part): both halves, of four Chinese characters or more, name
/// value columns. Such a column is not known, so nothing is judged by it.
fn names_two_columns(h: &str) -> bool {
    const MIN_PART: usize = 4;
    let words = |part: &str| part.chars().filter(|c| *c as u32 >= 0x4E00).count();
    let role = |part: &str| rules().iter().find_map(|rule| rule.role_of(part));
    h.char_indices().skip(1).any(|(at, _)| {
        let (left, right) = h.split_at(at);
        words(left) >= MIN_PART
            && words(right) >= MIN_PART
            && role(left).is_some_and(Role::is_value)
            && role(right).is_some_and(Role::is_value)
    })
}

/// `一级指标`, `二级`, `三级目标` → level; anything else → `None`.
fn level_of(h: &str) -> Option<u8> {
    let mut chars = h.chars();
    let level = match chars.next()? {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        _ => return None,
    };
    if chars.next()? != '级' {
        return None;
    }
    matches!(chars.as_str(), "" | "指标" | "目标" | "指标名称").then_some(level)
}

/// Whether a header text marks its column as a percentage: `执行率(%)`, `得分率（%）`.
pub fn header_is_percent(header: &str) -> bool {
    compact(header).contains('%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_table_headers() {
        assert_eq!(classify("一级 指标"), Role::Level(1));
        assert_eq!(classify("四级指标"), Role::Level(4));
        assert_eq!(classify("指标"), Role::Label);
        assert_eq!(classify("满分值"), Role::FullMarks);
        assert_eq!(classify("分值"), Role::FullMarks);
        assert_eq!(classify("分数"), Role::FullMarks);
        assert_eq!(classify("得分值"), Role::Score);
        assert_eq!(classify("评价分值"), Role::Score);
        assert_eq!(classify("得分情况"), Role::Score);
        assert_eq!(classify("得分率"), Role::ScoreRate);
        assert_eq!(classify("年度指标值"), Role::Target);
        assert_eq!(classify("实际完成值"), Role::Actual);
        assert_eq!(classify("偏差原因分析 及改进措施"), Role::Deviation);
        assert_eq!(classify("评分等级"), Role::Other);
        assert_eq!(classify("指标性质"), Role::Operator);
        assert_eq!(classify("度量单位"), Role::Unit);
        assert_eq!(classify("权重"), Role::Weight);
        assert_eq!(classify("执行率权重"), Role::Weight);
        assert_eq!(classify("执行率得分"), Role::Score);
        assert_eq!(classify("得分系数"), Role::Coefficient);
    }

    #[test]
    fn money_headers() {
        assert_eq!(classify("预算构成明细（子项目名称）"), Role::Label);
        assert_eq!(classify("预算金额"), Role::Budget);
        assert_eq!(classify("实际支出"), Role::Spent);
        assert_eq!(classify("预算执行率"), Role::ExecutionRate);
        assert_eq!(classify("执行率(%)"), Role::ExecutionRate);
        assert_eq!(classify("年初预算数"), Role::InitialBudget);
        assert_eq!(classify("全年预算数"), Role::Budget);
        assert_eq!(classify("全年执行数"), Role::Spent);
        assert_eq!(classify("全年预算数全年执行数"), Role::Other);
        assert!(runs_columns_together("年初预算数全年预算数全年执行数分数"));
        assert!(runs_columns_together("三级指标年度指标值实际完成值分值"));
        assert!(!runs_columns_together("预算执行率(%)"));
        assert!(!runs_columns_together("得分率"));
        assert!(!runs_columns_together("年度指标值"));
        assert!(!runs_columns_together("执行率权重"));
        assert!(!runs_columns_together("执行率得分"));
        assert_eq!(classify("年初预算数 全年预算数"), Role::Other);
        assert_eq!(classify("调整后预算数"), Role::Budget);
        assert_eq!(classify("预算执行率(%)"), Role::ExecutionRate);
        assert_eq!(classify("项目资金 (万元)"), Role::Label);
        assert_eq!(classify("调研样本数"), Role::Count);
        assert_eq!(classify("样本回收率"), Role::Rate);
        assert_eq!(classify("序号"), Role::Serial);
    }

    #[test]
    fn every_rule_names_a_role() {
        for rule in rules() {
            assert!(
                rule.level || role_named(&rule.role).is_some(),
                "rules/columns.toml: unknown role {}",
                rule.role
            );
            assert!(
                rule.level
                    || !(rule.any.is_empty()
                        && rule.all.is_empty()
                        && rule.equals.is_empty()
                        && rule.ends.is_empty()),
                "rules/columns.toml: a rule for {} with no condition matches every header",
                rule.role
            );
        }
    }

    #[test]
    fn prose_is_not_a_header() {
        assert_eq!(
            classify(
                "通过购买服务, 出具一份运维报告, 使受众服务满意度达 85%, 并建立相应的运维机制"
            ),
            Role::Other
        );
    }
}
