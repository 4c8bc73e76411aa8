//! What a table column holds, judged from its header words.
//!
//! Reports name the same column many ways (满分值 / 分值 / 分数 / 权重; 得分 / 得分值 / 评价分值 /
//! 得分情况), and PDF extraction breaks header cells with spaces (`一级 指标`). Roles are decided
//! on the compacted header text, most specific words first.

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

fn any(h: &str, words: &[&str]) -> bool {
    words.iter().any(|w| h.contains(w))
}

/// The role of a column from its header text.
pub fn classify(header: &str) -> Role {
    let h = compact(header);
    if h.is_empty() || h.chars().count() > MAX_HEADER_CHARS {
        return Role::Other;
    }
    if any(&h, &["偏差", "原因", "改进措施"]) {
        return Role::Deviation;
    }
    if h.contains("得分率") {
        return Role::ScoreRate;
    }
    // 得分系数 is a coefficient (0.96) the score is worked out from, not a score.
    if h.contains("系数") {
        return Role::Coefficient;
    }
    // The execution rate's own weight and score in a 部门整体 form: 执行率权重, 执行率得分.
    if h.contains("执行率") && h.contains("得分") {
        return Role::Score;
    }
    if h.contains("权重") {
        return Role::Weight;
    }
    if any(&h, &["指标性质", "指标方向", "运算符"]) || h == "符号" {
        return Role::Operator;
    }
    if h == "单位" || any(&h, &["度量单位", "计量单位", "计算单位"]) {
        return Role::Unit;
    }
    if h.contains("执行率") {
        return Role::ExecutionRate;
    }
    if h.contains('率') {
        return Role::Rate;
    }
    if any(
        &h,
        &[
            "等级",
            "评分标准",
            "评分依据",
            "评分细则",
            "评分方法",
            "指标解释",
            "说明",
        ],
    ) {
        return Role::Other;
    }
    if any(&h, &["得分", "评分", "评价分值", "评价分", "实际分"]) {
        return Role::Score;
    }
    if h.contains("权重") {
        return Role::Weight;
    }
    if any(&h, &["满分", "分值", "标准分", "分数", "指标分"]) {
        return Role::FullMarks;
    }
    if let Some(level) = level_of(&h) {
        return Role::Level(level);
    }
    if h == "序号" || h == "编号" {
        return Role::Serial;
    }
    if any(
        &h,
        &["名称", "明细", "内容", "项目资金", "资金来源", "子项目"],
    ) {
        return Role::Label;
    }
    if h.contains("年初预算") || (h.contains("年初") && any(&h, &["预算", "金额", "资金"]))
    {
        return Role::InitialBudget;
    }
    if any(
        &h,
        &[
            "全年执行",
            "执行数",
            "实际支出",
            "支出金额",
            "支出数",
            "实际使用",
            "决算",
            "已支出",
            "实际发生",
        ],
    ) || (h.contains("执行") && !any(&h, &["单位", "情况", "主体", "方式"]))
    {
        return Role::Spent;
    }
    if any(&h, &["预算", "批复金额"]) {
        return Role::Budget;
    }
    if any(
        &h,
        &["年度指标值", "指标值", "目标值", "预期目标", "计划值"],
    ) {
        return Role::Target;
    }
    if any(&h, &["实际完成", "完成值", "实际值", "完成情况"]) {
        return Role::Actual;
    }
    if any(
        &h,
        &["金额", "资金", "费用", "经费", "投资", "万元", "(元)"],
    ) {
        return Role::Amount;
    }
    if any(&h, &["数量", "人数", "次数", "个数", "样本"]) || h.ends_with('数') {
        return Role::Count;
    }
    if any(&h, &["指标", "项目", "类别", "构成", "对象", "单位"]) {
        return Role::Label;
    }
    Role::Other
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
        assert_eq!(classify("项目资金 (万元)"), Role::Label);
        assert_eq!(classify("调研样本数"), Role::Count);
        assert_eq!(classify("样本回收率"), Role::Rate);
        assert_eq!(classify("序号"), Role::Serial);
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
