//! Totals stated with their parts: `共发放问卷 200 份，其中有效问卷 196 份`,
//! `共完成 89.97 万元。其中：30 万元用于…；30 万元用于…；29.99 万元用于…`,
//! `设备费 30 万元、培训费 20 万元，合计 50 万元`, `实际共计 X 万元，政府拨款 a 万元，自筹 b 万元`.
//!
//! A list runs from its marker (其中, 包括, 含, 分别为, 为, 用于) to the end of the sentence —
//! `；`, `，` and `、` separate its parts, `。` ends it — and never past its paragraph. The total
//! is the figure nearest before the marker (in the marker's sentence, or the one before when
//! the marker opens a sentence), or the figure after 合计/共计 when the total comes last. Each
//! clause of the list gives at most one part; a list whose figures are in units that do not
//! convert (只 and 头), or with two figures in one clause (a table row's target and actual), is
//! not read at all: it cannot be added up.

use std::collections::BTreeMap;

use super::claims::{Breakdown, Claim, ListKind};
use super::reach;
use super::scan::Quantity;
use crate::document::Span;
use crate::text::compact;

/// Words that open a list of parts after its total, and how strongly they do.
const MARKERS: &[(&str, Strength)] = &[
    ("其中", Strength::Strong),
    ("分别为", Strength::Strong),
    ("分别是", Strength::Strong),
    ("包括", Strength::Weak),
    ("包含", Strength::Weak),
    ("含", Strength::Weak),
    ("用于", Strength::Weak),
    ("为", Strength::Weak),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Opens a list wherever it stands.
    Strong,
    /// Opens a list only at the start of a clause, right after the total's clause, and only
    /// for two or more parts (`为` and `用于` are everyday words).
    Weak,
}

/// Words before a total that say it is one: `合计 50 万元`, `共计`, `总计`.
const TOTAL_CUES: &[&str] = &["合计", "共计", "总计", "累计", "总共", "共"];

/// Words naming where money came from: parts of a total even without 其中
/// (`政府拨款 a 万元，自筹 b 万元`).
const SOURCE_WORDS: &[&str] = &[
    "拨款",
    "自筹",
    "配套",
    "补助",
    "财政资金",
    "专项资金",
    "中央",
    "省级",
    "市级",
    "县级",
    "区级",
    "本级",
    "上级",
    "社会资金",
    "银行贷款",
    "债券",
    "其他资金",
    "结转",
];

/// Words that make a list one-sided: it names only some of the parts.
const PARTIAL_WORDS: &[&str] = &["主要", "部分"];

const CLAUSE_SEPARATORS: &[char] = &['，', ',', '、', '；', ';', '：', ':'];
const FULL_STOPS: &[char] = &['。', '！', '!', '？', '?'];

/// The breakdowns of one block of prose (`text` begins at `base`); indices are into `claims`.
///
/// Linear in the block: claims are looked up by position (they are in text order), lists read
/// so far by where they start, and claims already in a list by a flag each.
pub fn breakdowns(text: &str, base: usize, claims: &[Claim]) -> Vec<Breakdown> {
    if claims.is_empty() {
        return Vec::new();
    }
    let block = Block {
        text,
        base,
        claims,
        positions: claims
            .iter()
            .map(|c| c.quantity.number.start - base)
            .collect(),
    };
    let mut out: Vec<Breakdown> = Vec::new();
    // Where each list read so far starts and ends, to skip markers inside one (其中 … 分别为).
    let mut read: BTreeMap<usize, usize> = BTreeMap::new();
    // Where each marker occurs, as `match_indices` would find it, from one pass for all.
    static SEARCHER: std::sync::LazyLock<crate::text::WordSearcher> =
        std::sync::LazyLock::new(|| crate::text::word_searcher(MARKERS.iter().map(|(w, _)| w)));
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); MARKERS.len()];
    for m in SEARCHER.for_text(text).find_overlapping_iter(text) {
        let k = m.pattern().as_usize();
        let starts = &mut found[k];
        if starts
            .last()
            .is_none_or(|&last| m.start() >= last + MARKERS[k].0.len())
        {
            starts.push(m.start());
        }
    }
    for (&(word, strength), starts) in MARKERS.iter().zip(&found) {
        for &at in starts {
            let covered = read
                .range(..=base + at)
                .next_back()
                .is_some_and(|(_, &end)| base + at < end);
            if covered {
                continue;
            }
            if let Some(b) = after_marker(&block, at, word, strength) {
                read.insert(b.marker.start, b.end);
                out.push(b);
            }
        }
    }
    // Totals stated last, and totals followed by their sources without a marker.
    let mut listed = vec![false; claims.len()];
    for b in &out {
        for &i in b.parts.iter().chain(std::iter::once(&b.total)) {
            listed[i] = true;
        }
    }
    for (i, claim) in claims.iter().enumerate() {
        if !summable(&claim.quantity) || listed[i] {
            continue;
        }
        let Some(cue) = total_cue(text, base, block.positions[i]) else {
            continue;
        };
        let b = total_last(&block, i, cue).or_else(|| sources_after(&block, i, cue));
        if let Some(b) = b {
            if !b.parts.iter().any(|&p| listed[p]) {
                for &p in b.parts.iter().chain(std::iter::once(&b.total)) {
                    listed[p] = true;
                }
                out.push(b);
            }
        }
    }
    out.sort_by_key(|b| b.marker.start);
    out
}

/// One block of prose and its claims, in text order.
struct Block<'a> {
    text: &'a str,
    base: usize,
    claims: &'a [Claim],
    /// Where each claim's figure starts, as a byte offset into `text`.
    positions: Vec<usize>,
}

impl Block<'_> {
    /// The claims whose figures start in `from..to` (byte offsets into the text).
    fn within(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let lo = self.positions.partition_point(|&p| p < from);
        let hi = self.positions.partition_point(|&p| p < to);
        lo..hi.max(lo)
    }
}

/// A list opened by `word` at byte `at`.
fn after_marker(block: &Block<'_>, at: usize, word: &str, strength: Strength) -> Option<Breakdown> {
    let (text, base, claims) = (block.text, block.base, block.claims);
    let before = text[..at].trim_end_matches([' ', '\u{3000}']);
    let opens_clause = before.is_empty()
        || before.ends_with(CLAUSE_SEPARATORS)
        || before.ends_with(FULL_STOPS)
        || before.ends_with(['（', '('])
        || PARTIAL_WORDS.iter().any(|w| before.ends_with(w));
    if strength == Strength::Weak && !opens_clause {
        return None;
    }
    // 为 inside a word (因为, 作为, 成为, 认为, 行为) is not a marker.
    if word == "为" && before.ends_with(['因', '作', '成', '认', '行', '分', '更', '较']) {
        return None;
    }
    let list_start = at + word.len();
    // The total: the nearest summable figure before the marker, in its sentence or — when the
    // marker opens a sentence — in the one before.
    let sentence = sentence_start(text, at);
    let lead = text[sentence..at].trim();
    let opens_sentence = lead.is_empty() || PARTIAL_WORDS.contains(&lead);
    let from = match text[..sentence].char_indices().next_back() {
        Some((stop, _)) if opens_sentence => sentence_start(text, stop),
        _ => sentence,
    };
    let before_marker: Vec<usize> = block
        .within(from, at)
        .filter(|&i| summable(&claims[i].quantity))
        .collect();
    let total = *before_marker.last()?;
    // A total in the sentence before says it is one (`共完成支出 89.97 万元。其中：…`), or is
    // the only figure there.
    if from < sentence {
        let cued = total_cue(text, base, claims[total].quantity.number.start - base).is_some();
        if !cued && before_marker.len() > 1 {
            return None;
        }
    }
    // A weak marker follows the total's own clause.
    if strength == Strength::Weak {
        let total_end = claims[total].quantity.span.end - base;
        let between = &text[total_end.min(at)..at];
        if between
            .chars()
            .filter(|c| CLAUSE_SEPARATORS.contains(c))
            .count()
            > 1
        {
            return None;
        }
    }
    let end = list_end(text, list_start);
    let parts = parts_in(block, list_start, end, &claims[total].quantity)?;
    if parts.items.is_empty() || (strength == Strength::Weak && parts.items.len() < 2) {
        return None;
    }
    let partial = PARTIAL_WORDS
        .iter()
        .any(|w| before.ends_with(w) || text[list_start..end].trim_start().starts_with(w));
    let mut b = parts.breakdown(
        total,
        Span::new(base + at, base + list_start),
        base + end,
        ListKind::Marked,
    );
    b.open |= partial;
    Some(b)
}

/// `a、b、c，合计 X`: the parts enumerated with `、` before a total that comes last.
fn total_last(block: &Block<'_>, total: usize, cue: Span) -> Option<Breakdown> {
    let (text, base, claims) = (block.text, block.base, block.claims);
    let at = claims[total].quantity.number.start - base;
    let start = sentence_start(text, at);
    let cue_at = cue.start - base;
    let parts = parts_in(block, start, cue_at, &claims[total].quantity)?;
    // Only an enumeration: parts joined by 、, not figures that merely precede a total.
    if parts.items.len() < 2 || parts.separators.iter().any(|s| *s != '、') {
        return None;
    }
    Some(parts.breakdown(total, cue, base + list_end(text, at), ListKind::TotalLast))
}

/// `实际共计 X 万元，其中…` without 其中: the figures after a total in its sentence, each named
/// by a source of funds (拨款, 自筹, 配套…).
fn sources_after(block: &Block<'_>, total: usize, cue: Span) -> Option<Breakdown> {
    let (text, base, claims) = (block.text, block.base, block.claims);
    if !claims[total].quantity.is_money() {
        return None;
    }
    let start = claims[total].quantity.span.end - base;
    let end = list_end(text, start);
    let parts = parts_in(block, start, end, &claims[total].quantity)?;
    if parts.items.len() < 2 {
        return None;
    }
    let named = parts.items.iter().all(|&p| {
        let context = &claims[p].context;
        SOURCE_WORDS.iter().any(|w| context.contains(w))
    });
    if !named {
        return None;
    }
    Some(parts.breakdown(total, cue, base + end, ListKind::Sources))
}

/// The cue before a figure that says it is a total (`合计`, `共计`, `共`), in its clause.
fn total_cue(text: &str, base: usize, at: usize) -> Option<Span> {
    let clause = clause_start(text, at);
    let left = &text[clause..at];
    TOTAL_CUES.iter().find_map(|cue| {
        let i = left.rfind(cue)?;
        // 共 inside 公共, 共同, 共享 is not a cue.
        if *cue == "共" && left[i + cue.len()..].starts_with(['同', '享', '建', '治']) {
            return None;
        }
        if *cue == "共" && left[..i].ends_with(['公', '一']) {
            return None;
        }
        Some(Span::new(base + clause + i, base + clause + i + cue.len()))
    })
}

struct Parts {
    items: Vec<usize>,
    /// The separator before each part after the first.
    separators: Vec<char>,
    /// Parts before the list first changes its separator (`17、12、24，12`: 3).
    first_run: Option<usize>,
    ends_with_etc: bool,
}

/// The parts of a list between byte offsets `start` and `end`, for a total `of`: one summable
/// figure per clause, outside brackets. `None` when the list cannot be added up: a figure in a
/// unit that does not convert to the total's, or two figures in one clause.
fn parts_in(block: &Block<'_>, start: usize, end: usize, of: &Quantity) -> Option<Parts> {
    let (text, base, claims) = (block.text, block.base, block.claims);
    let mut items: Vec<usize> = Vec::new();
    let mut separators = Vec::new();
    let mut last_clause = None;
    let mut depth = Brackets::new(text, start);
    for i in block.within(start, end) {
        let c = &claims[i];
        let p = block.positions[i];
        if !summable(&c.quantity) || depth.open_at(p) {
            continue;
        }
        if !compatible(&c.quantity, of) {
            return None;
        }
        let clause = clause_start(text, p).max(start);
        if last_clause == Some(clause) {
            return None; // two figures in one clause: not a list of parts
        }
        if let Some(&prev) = items.last() {
            let prev_end = claims[prev].quantity.span.end - base;
            let sep = text[prev_end..p]
                .chars()
                .rfind(|ch| CLAUSE_SEPARATORS.contains(ch))?;
            separators.push(normalise(sep));
        }
        last_clause = Some(clause);
        items.push(i);
    }
    let first_run = separators
        .iter()
        .position(|s| *s != separators[0])
        .map(|k| k + 1);
    let ends_with_etc = items.last().is_some_and(|&last| {
        let after = claims[last].quantity.span.end - base;
        compact(&text[after..end.max(after)]).starts_with('等')
    });
    Some(Parts {
        items,
        separators,
        first_run,
        ends_with_etc,
    })
}

impl Parts {
    /// The list as a breakdown of `total`, tied to it at `marker`. Only a marked list is read
    /// two ways where its separator changes; the others are enumerations by construction.
    fn breakdown(self, total: usize, marker: Span, end: usize, kind: ListKind) -> Breakdown {
        Breakdown {
            total,
            open: self.ends_with_etc,
            first_run: (kind == ListKind::Marked)
                .then_some(self.first_run)
                .flatten(),
            marker,
            end,
            kind,
            parts: self.items,
        }
    }
}

fn normalise(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        other => other,
    }
}

/// How deep in brackets opened after a list's start a position is (`（其中 X 10 万元）`),
/// read once along the list as its parts are visited in order.
struct Brackets<'a> {
    text: &'a str,
    at: usize,
    depth: i32,
}

impl<'a> Brackets<'a> {
    fn new(text: &'a str, start: usize) -> Self {
        Brackets {
            text,
            at: start,
            depth: 0,
        }
    }

    /// Whether byte `p` (at or after the last one asked) is inside brackets.
    fn open_at(&mut self, p: usize) -> bool {
        for c in self.text[self.at..p.max(self.at)].chars() {
            match c {
                '（' | '(' => self.depth += 1,
                '）' | ')' => self.depth = (self.depth - 1).max(0),
                _ => {}
            }
        }
        self.at = p.max(self.at);
        self.depth > 0
    }
}

/// Whether a figure can be added up: a count or an amount, not a rate or a score.
pub fn summable(q: &Quantity) -> bool {
    let u = q.unit.as_str();
    !u.is_empty() && !matches!(u, "%" | "分" | "个百分点")
}

/// Whether two figures can be added: money in any money unit, else the same unit.
pub fn compatible(a: &Quantity, b: &Quantity) -> bool {
    (a.is_money() && b.is_money()) || a.unit == b.unit
}

/// Where a list that starts at `from` ends: the end of its sentence (`。！？`, not `；`).
fn list_end(text: &str, from: usize) -> usize {
    reach::end_of(
        text,
        from,
        |c| FULL_STOPS.contains(&c),
        reach::SENTENCE_BYTES,
    )
}

fn sentence_start(text: &str, at: usize) -> usize {
    reach::start_of(text, at, |c| FULL_STOPS.contains(&c), reach::SENTENCE_BYTES)
}

fn clause_start(text: &str, at: usize) -> usize {
    let stop = |c: char| CLAUSE_SEPARATORS.contains(&c) || FULL_STOPS.contains(&c);
    reach::start_of(text, at, stop, reach::CLAUSE_BYTES)
}
