//! `jxlint inspect FILE`: how a report was read and what was recognised in it, for finding out
//! why a table or a sentence was (or was not) checked.

use std::fmt::Write as _;

use crate::diagnostic::Lang;
use crate::document::{Block, Document, NumberStyle};
use crate::report::columns::Role;
use crate::report::facts::ActivitySource;
use crate::report::prose::claims::{ListKind, Region};
use crate::report::{AmountTableKind, Origin, RowKind, ScorecardKind};
use crate::report::{Node, Report, Scorecard, Stated};
use crate::source::SourceFile;

/// Words of this page in the chosen language.
fn w(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn style_name(style: NumberStyle) -> &'static str {
    match style {
        NumberStyle::ChineseEnumeration => "一、",
        NumberStyle::ChineseParenthesised => "（一）",
        NumberStyle::ArabicEnumeration => "1、",
        NumberStyle::ArabicParenthesised => "(1)",
        NumberStyle::Circled => "①",
    }
}

fn card_kind(kind: ScorecardKind, lang: Lang) -> &'static str {
    match kind {
        ScorecardKind::Evaluation => w(lang, "评价得分表", "evaluation score table"),
        ScorecardKind::SelfEvaluation => w(lang, "绩效自评表", "self-evaluation form"),
    }
}

fn origin(o: Origin, lang: Lang) -> &'static str {
    match o {
        Origin::Detail => w(lang, "明细表", "detail table"),
        Origin::Summary => w(lang, "汇总表", "summary table"),
        Origin::NameWeight => w(lang, "名称中的权重", "weight in the name"),
        Origin::FundBlock => w(lang, "资金栏", "fund block"),
        Origin::Prose => w(lang, "正文", "prose"),
    }
}

fn table_kind(kind: AmountTableKind, lang: Lang) -> &'static str {
    match kind {
        AmountTableKind::Table => w(lang, "金额表", "amount table"),
        AmountTableKind::FundBlock => w(lang, "自评表资金栏", "form fund block"),
    }
}

fn row_kind(kind: RowKind, lang: Lang) -> &'static str {
    match kind {
        RowKind::Item => w(lang, "项目", "item"),
        RowKind::Total => w(lang, "合计", "total"),
        RowKind::Subtotal => w(lang, "小计", "subtotal"),
        RowKind::Part => w(lang, "其中", "part"),
    }
}

fn role(r: Role, lang: Lang) -> String {
    let name = match r {
        Role::Level(n) => {
            return match lang {
                Lang::Zh => format!("{n}级指标"),
                Lang::En => format!("level {n}"),
            }
        }
        Role::Label => w(lang, "名称", "label"),
        Role::Serial => w(lang, "序号", "serial"),
        Role::FullMarks => w(lang, "分值", "full marks"),
        Role::Weight => w(lang, "权重", "weight"),
        Role::Score => w(lang, "得分", "score"),
        Role::ScoreRate => w(lang, "得分率", "score rate"),
        Role::Target => w(lang, "指标值", "target"),
        Role::Actual => w(lang, "实际完成值", "actual"),
        Role::Operator => w(lang, "指标性质", "operator"),
        Role::Unit => w(lang, "度量单位", "unit"),
        Role::Coefficient => w(lang, "得分系数", "coefficient"),
        Role::Deviation => w(lang, "偏差原因", "deviation reason"),
        Role::InitialBudget => w(lang, "年初预算", "initial budget"),
        Role::Budget => w(lang, "预算", "budget"),
        Role::Spent => w(lang, "执行数", "spent"),
        Role::ExecutionRate => w(lang, "执行率", "execution rate"),
        Role::Rate => w(lang, "比率", "rate"),
        Role::Amount => w(lang, "金额", "amount"),
        Role::Count => w(lang, "数量", "count"),
        Role::Other => w(lang, "其他", "other"),
    };
    name.to_string()
}

fn region(r: Region, lang: Lang) -> &'static str {
    match r {
        Region::Cover => w(lang, "封面", "cover"),
        Region::Contents => w(lang, "目录", "contents"),
        Region::Abstract => w(lang, "摘要", "abstract"),
        Region::Preface => w(lang, "前言", "preface"),
        Region::Body => w(lang, "正文", "body"),
        Region::FormGoal => w(lang, "自评表年度目标", "form goal"),
        Region::FormResult => w(lang, "自评表实际完成情况", "form result"),
    }
}

fn list_kind(k: ListKind, lang: Lang) -> &'static str {
    match k {
        ListKind::Marked => w(lang, "其中/包括列举", "listed after 其中/包括"),
        ListKind::TotalLast => w(lang, "先列各项后合计", "parts, then the total"),
        ListKind::Sources => w(lang, "资金来源", "sources of funds"),
    }
}

fn activity_source(s: ActivitySource, lang: Lang) -> &'static str {
    match s {
        ActivitySource::Table => w(lang, "表格", "table"),
        ActivitySource::Prose => w(lang, "正文", "prose"),
    }
}

pub fn render(source: &SourceFile, document: &Document, report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let line = |span: crate::document::Span| source.position(span.start).line;
    let _ = writeln!(
        out,
        "{} ({} {})",
        source.path().display(),
        w(lang, "读取为", "read as"),
        source.encoding()
    );
    let _ = writeln!(out, "\n== {}", w(lang, "文档", "document"));
    for block in &document.blocks {
        match block {
            Block::Heading(h) => {
                let number = h.number.map_or(String::new(), |n| {
                    format!("[{} {}] ", style_name(n.style), n.value)
                });
                let _ = writeln!(
                    out,
                    "{:>5}  {}  {number}{}",
                    line(h.span),
                    w(lang, "标题", "heading  "),
                    h.text
                );
            }
            Block::Paragraph(p) => {
                let text: String = p.text.chars().filter(|c| *c != '\n').take(40).collect();
                let _ = writeln!(
                    out,
                    "{:>5}  {}  {text}",
                    line(p.span),
                    w(lang, "段落", "paragraph")
                );
            }
            Block::Table(t) => {
                let cols = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
                let place = source.locate(t.span).map_or(String::new(), |p| {
                    format!(" ({})", super::describe_place(&p, lang))
                });
                let _ = match lang {
                    Lang::Zh => writeln!(
                        out,
                        "{:>5}  表格  {} 行 × {cols} 列{place}",
                        line(t.span),
                        t.rows.len()
                    ),
                    Lang::En => writeln!(
                        out,
                        "{:>5}  table      {} rows × {cols} cells{place}",
                        line(t.span),
                        t.rows.len()
                    ),
                };
            }
        }
    }
    let _ = writeln!(out, "\n== {}", w(lang, "评分表", "scorecards"));
    for card in &report.scorecards {
        let _ = writeln!(
            out,
            "{:>5}  {}{}",
            line(card.span),
            card_kind(card.kind, lang),
            card.title
                .as_deref()
                .map_or(String::new(), |t| format!(" {t}"))
        );
        tree(&mut out, card, 0, 1, lang);
        for g in &card.grades {
            let _ = writeln!(
                out,
                "{:>5}    {} {} ({})",
                line(g.span),
                w(lang, "等级", "grade"),
                g.text,
                origin(g.origin, lang)
            );
        }
    }
    let _ = writeln!(out, "\n== {}", w(lang, "金额表", "amount tables"));
    for t in &report.amount_tables {
        let columns: Vec<String> = t
            .columns
            .iter()
            .map(|c| format!("{}={}", c.header, role(c.role, lang)))
            .collect();
        let _ = writeln!(
            out,
            "{:>5}  {} [{}]",
            line(t.span),
            table_kind(t.kind, lang),
            columns.join(", ")
        );
        for row in &t.rows {
            let values: Vec<String> = row
                .values
                .iter()
                .map(|v| v.as_ref().map_or("·".to_string(), |n| n.text.clone()))
                .collect();
            let parent = row.parent.map_or(String::new(), |p| format!(" ⊂{p}"));
            let _ = writeln!(
                out,
                "{:>5}    {}{parent} {} | {}",
                line(row.span),
                row_kind(row.kind, lang),
                row.label,
                values.join(" | ")
            );
        }
    }
    let _ = writeln!(
        out,
        "\n== {}",
        w(
            lang,
            "正文中的数字（各数字被理解为什么）",
            "claims in prose (what each figure was taken to measure)"
        )
    );
    for (i, c) in report.claims.iter().enumerate() {
        let measures = match c.role {
            crate::report::prose::claims::ClaimRole::Other => w(
                lang,
                "无明确含义：仅凭前面的文字关联",
                "nothing by its words: linked only by the words before it",
            )
            .to_string(),
            ref role => {
                let (zh, en) = role.name();
                match lang {
                    Lang::Zh => zh.to_string(),
                    Lang::En => format!("{en} ({zh})"),
                }
            }
        };
        let part = if report.breakdowns.iter().any(|b| b.parts.contains(&i)) {
            w(lang, "［列举中的一项］", " [a part of a list]")
        } else {
            ""
        };
        let year = match (c.year, lang) {
            (Some(y), Lang::Zh) => format!("，{y} 年"),
            (Some(y), Lang::En) => format!(", of {y}"),
            (None, _) => String::new(),
        };
        let _ = writeln!(
            out,
            "{:>5}  {}{} → {measures}{part}; {}, {} «{}»{year}",
            line(c.quantity.span),
            c.quantity.text,
            c.quantity.unit,
            region(c.region, lang),
            w(lang, "前文", "words before"),
            c.lead,
        );
    }
    let _ = writeln!(
        out,
        "\n== {}",
        w(
            lang,
            "正文中的合计与分项",
            "totals and their parts in prose"
        )
    );
    for b in &report.breakdowns {
        let total = &report.claims[b.total].quantity;
        let parts: Vec<String> = b
            .parts
            .iter()
            .map(|&p| {
                let q = &report.claims[p].quantity;
                format!("{}{}", q.text, q.unit)
            })
            .collect();
        let _ = writeln!(
            out,
            "{:>5}  {}{} = {} ({}{}{})",
            line(b.marker),
            total.text,
            total.unit,
            parts.join(" + "),
            list_kind(b.kind, lang),
            if b.open {
                w(lang, "，未列全：等/主要", ", open: 等/主要")
            } else {
                ""
            },
            b.first_run.map_or(String::new(), |k| match lang {
                Lang::Zh => format!("，第 {k} 项后分隔符改变"),
                Lang::En => format!(", separator changes after {k}"),
            })
        );
    }
    let _ = writeln!(
        out,
        "\n== {}",
        w(lang, "文字说明的权重", "weights stated in words")
    );
    for w in &report.weight_statements {
        let items: Vec<String> = w
            .items
            .iter()
            .map(|i| format!("{} {}", i.name, i.points.text))
            .collect();
        let _ = writeln!(out, "{:>5}  {}", line(w.span), items.join("、"));
    }
    let f = &report.facts;
    let (kind_zh, kind_en) = f.kind.name();
    let kind = match lang {
        Lang::Zh => kind_zh.to_string(),
        Lang::En => format!("{kind_en} ({kind_zh})"),
    };
    let _ = writeln!(
        out,
        "\n== {}\n       {} {kind}",
        w(lang, "基本事实", "facts"),
        w(lang, "文档类型", "kind")
    );
    match f.fragment {
        Some(crate::report::facts::Fragment::EndsMidSentence(span)) => {
            let _ = writeln!(
                out,
                "{:>5}  {}",
                line(span),
                w(
                    lang,
                    "节选：文字在句中截断",
                    "an excerpt: the text stops mid-sentence"
                )
            );
        }
        Some(crate::report::facts::Fragment::EndsMidTable(span)) => {
            let _ = writeln!(
                out,
                "{:>5}  {}",
                line(span),
                w(
                    lang,
                    "节选：在评分表中截断，没有合计行",
                    "an excerpt: it ends inside a score table without its total row"
                )
            );
        }
        None => {}
    }
    if let Some((y, span)) = f.fiscal_year {
        let _ = writeln!(
            out,
            "{:>5}  {} {y}",
            line(span),
            w(lang, "预算年度", "fiscal year")
        );
    }
    for (name, d) in [
        (w(lang, "评价开始", "evaluation start"), f.evaluation_start),
        (w(lang, "报告日期", "report date"), f.report_date),
        (w(lang, "项目开始", "project start"), f.project_start),
        (w(lang, "项目结束", "project end"), f.project_end),
    ] {
        if let Some(d) = d {
            let _ = writeln!(
                out,
                "{:>5}  {name} {}–{}",
                line(d.span),
                d.range.first,
                d.range.last
            );
        }
    }
    for a in &f.activities {
        let _ = writeln!(
            out,
            "{:>5}  {} {} {}–{} ({})",
            line(a.span),
            w(lang, "评价活动", "activity"),
            a.what,
            a.range.first,
            a.range.last,
            activity_source(a.source, lang)
        );
    }
    for g in &report.goal_rows {
        let _ = writeln!(
            out,
            "{:>5}  {} {} = {}",
            line(g.row),
            w(lang, "绩效目标", "goal"),
            g.name,
            g.target.text
        );
    }
    let _ = writeln!(
        out,
        "\n== {}",
        w(
            lang,
            "未识别或未读取（无法检查）",
            "not recognised or not read (cannot check)"
        )
    );
    for s in &report.skipped {
        let _ = writeln!(out, "{:>5}  {}", line(s.span), s.what.get(lang));
    }
    out
}

fn tree(out: &mut String, card: &Scorecard, id: usize, depth: usize, lang: Lang) {
    let node: &Node = &card.nodes[id];
    let values = |v: &[Stated]| {
        v.iter()
            .map(|s| format!("{}({})", s.num.text, origin(s.origin, lang)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let missing = if node.missing_score.is_some() {
        w(lang, "［缺得分］", " [score missing]")
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "       {}{} {}: {} {}: {}{missing}",
        "  ".repeat(depth),
        node.title(),
        w(lang, "分值", "full"),
        values(&node.full),
        w(lang, "得分", "score"),
        values(&node.score)
    );
    for &child in &node.children {
        tree(out, card, child, depth + 1, lang);
    }
}
