//! A stretch of text read as a stream of cells, whatever its layout: one cell per line (with or
//! without a trailing `|`, an empty cell as a lone `|` or an empty line), pipe rows broken
//! anywhere, or a whole form flattened onto one line with single spaces between cells.
//!
//! Where rows begin is not decided here: the fitter does that against a template.

use crate::document::Span;

/// What a cell could be, from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Empty, or a placeholder (`—`, `/`, `无`).
    Empty,
    /// A bare number (`45.60`, `10`, `1,200`).
    Number,
    /// A number with `%` (`95.00%`).
    Percent,
    /// A figure with a bound or a unit (`≥20个`, `4800人次`, `≥95%`).
    Quantity,
    /// A target's operator alone (`≥`, `≧`, `＝`).
    Operator,
    Text,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// The source pieces the cell is made of, in order: one for most cells, several where a
    /// cell was broken (`≧ | 95 | %`, `社会效益 指标`).
    pub pieces: Vec<Span>,
    /// The text as a person reads it (pieces joined).
    pub text: String,
    /// The comparison form ([`super::key`]).
    pub key: String,
    pub class: Class,
    /// How short the key of this cell, or of this cell with more after it, can be: its folded
    /// characters but white space and colons, when it holds no bracket (a bracket may drop a
    /// note of any length); `None` when it holds one. Lets a long paragraph be passed over
    /// without joining it to the next cells only to compare the result with short words.
    pub weight: Option<usize>,
    /// An empty cell the layout shows (a lone `|`, an empty line) rather than one that vanished.
    pub explicit_empty: bool,
}

impl Token {
    pub fn new(text: &str, span: Span) -> Token {
        let class = classify(text);
        let folded = super::folded(text);
        Token {
            pieces: vec![span],
            text: text.to_string(),
            weight: weight(&folded),
            key: super::key_of_folded(folded),
            class,
            explicit_empty: false,
        }
    }

    pub fn span(&self) -> Span {
        let first = self.pieces[0];
        let last = self.pieces[self.pieces.len() - 1];
        first.cover(last)
    }

    /// This token followed by `next`, as one cell.
    pub fn joined(&self, next: &Token) -> Token {
        let text = format!("{}{}", self.text, next.text);
        let mut pieces = self.pieces.clone();
        pieces.extend(next.pieces.iter().copied());
        Token {
            class: classify(&text),
            key: super::key(&text),
            weight: self.weight.zip(next.weight).map(|(a, b)| a + b),
            text,
            pieces,
            explicit_empty: false,
        }
    }
}

/// See [`Token::weight`], of text already [`super::folded`].
fn weight(folded: &str) -> Option<usize> {
    let mut n = 0;
    for c in folded.chars() {
        match c {
            '(' | ')' => return None,
            ':' | '：' => {}
            _ => n += 1,
        }
    }
    Some(n)
}

/// A line this long when split at spaces is a flattened form rather than one cell.
const MIN_FLATTENED_CELLS: usize = 6;

/// The cells of `text` (which starts at byte `base` of the source), in order.
pub fn tokenise(text: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        let line = crate::document::marker::without_marker(line);
        let at = base + start;
        start += piece.len();
        if line.trim().is_empty() {
            tokens.push(empty(at));
        } else if line.contains('|') {
            pipe_cells(line, at, &mut tokens);
        } else if line
            .split_whitespace()
            .nth(MIN_FLATTENED_CELLS - 1)
            .is_some()
        {
            for (offset, word) in words(line) {
                tokens.push(Token::new(
                    word,
                    Span::new(at + offset, at + offset + word.len()),
                ));
            }
        } else {
            let (offset, cell) = trimmed(line, 0, line.len());
            tokens.push(Token::new(
                cell,
                Span::new(at + offset, at + offset + cell.len()),
            ));
        }
    }
    tokens
}

fn empty(at: usize) -> Token {
    let mut t = Token::new("", Span::new(at, at));
    t.explicit_empty = true;
    t
}

/// `line[from..to]` trimmed, with its offset in `line`.
fn trimmed(line: &str, from: usize, to: usize) -> (usize, &str) {
    let s = &line[from..to];
    let lead = s.len() - s.trim_start().len();
    (from + lead, s.trim())
}

/// The cells of a line holding pipes: a leading and a trailing pipe only close the row, a lone
/// pipe is an empty cell.
fn pipe_cells(line: &str, at: usize, tokens: &mut Vec<Token>) {
    let bars: Vec<usize> = line.match_indices('|').map(|(i, _)| i).collect();
    let mut bounds = Vec::with_capacity(bars.len() + 2);
    bounds.push(0usize);
    for &b in &bars {
        bounds.push(b);
    }
    bounds.push(line.len());
    let mut cells = Vec::new();
    for w in bounds.windows(2) {
        let from = if w[0] == 0 && !line.starts_with('|') {
            0
        } else {
            w[0] + 1
        };
        let from = from.min(w[1]);
        cells.push(trimmed(line, from, w[1]));
    }
    // Drop what stands outside the first and last pipe when it is empty.
    if cells.len() > 1 && cells.first().is_some_and(|c| c.1.is_empty()) {
        cells.remove(0);
    }
    if cells.len() > 1 && cells.last().is_some_and(|c| c.1.is_empty()) {
        cells.pop();
    }
    for (offset, cell) in cells {
        if cell.is_empty() {
            tokens.push(empty(at + offset));
        } else {
            tokens.push(Token::new(
                cell,
                Span::new(at + offset, at + offset + cell.len()),
            ));
        }
    }
}

/// Words separated by white space, with their offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
}

/// Operators a target is written with, alone in a cell.
const OPERATORS: &[&str] = &[
    "≥", "≤", "=", "＝", ">", "<", "＞", "＜", "≧", "≦", "═", "==", ">=", "<=", "定性", "定量",
    "正向", "反向",
];

fn classify(text: &str) -> Class {
    let t = text.trim();
    if t.is_empty() || crate::text::is_placeholder(t) {
        return Class::Empty;
    }
    if OPERATORS.contains(&t) {
        return Class::Operator;
    }
    // A number is what the recogniser reads as one, so a cell placed under a value column is
    // one the checks can read.
    if let Some(n) = crate::number::parse_number(t) {
        return match (n.percent, n.unit) {
            (false, None) => Class::Number,
            (true, None) => Class::Percent,
            _ => Class::Quantity,
        };
    }
    // A figure starts with a digit or a bound; anything else is text, known before folding.
    const BOUNDS: [char; 11] = ['≥', '≤', '=', '>', '<', '≧', '≦', '═', '＝', '~', '约'];
    let first = t.chars().next().map(crate::text::fold_char);
    if !first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | ',') || BOUNDS.contains(&c)) {
        return Class::Text;
    }
    let folded: String = t.chars().map(crate::text::fold_char).collect();
    let folded = folded.as_str();
    let body = folded.trim_start_matches(BOUNDS);
    let digits = body
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',');
    let lead = digits.count();
    if lead > 0 && body[..lead].chars().any(|c| c.is_ascii_digit()) {
        let unit = body[lead..].trim();
        let unit = unit.trim_end_matches(['以', '上', '内', '左', '右', '及']);
        if unit.is_empty() || is_unit(unit) {
            return Class::Quantity;
        }
    }
    Class::Text
}

/// Units targets and actual values are written in, for telling `22个` (a figure) from
/// `2024年度项目` (a name) and for joining a unit split into a cell of its own.
const UNITS: &[&str] = &[
    "%",
    "‰",
    "个",
    "人次",
    "万人次",
    "人",
    "名",
    "次",
    "天",
    "日",
    "周",
    "月",
    "个月",
    "年",
    "家",
    "户",
    "项",
    "件",
    "台",
    "套",
    "所",
    "座",
    "份",
    "篇",
    "场",
    "场次",
    "期",
    "小时",
    "分钟",
    "公里",
    "千米",
    "米",
    "平方米",
    "万平方米",
    "亩",
    "万亩",
    "吨",
    "万吨",
    "辆",
    "株",
    "册",
    "本",
    "元",
    "万元",
    "亿元",
    "个百分点",
    "分",
    "处",
    "条",
    "批",
    "间",
    "张",
    "类",
    "课时",
    "学时",
    "床",
    "张床",
    "册次",
    "人/次",
    "次/年",
    "所学校",
    "个社区",
    "个村",
    "村",
    "镇",
    "km",
    "m",
    "㎡",
    "公斤",
    "千克",
    "斤",
    "克",
    "头",
    "只",
    "棵",
    "盏",
    "起",
    "宗",
    "部",
    "门",
    "根",
    "眼",
    "口",
    "座次",
    "架次",
    "人天",
    "万人",
    "万户",
    "公顷",
    "立方米",
    "万立方米",
    "千瓦",
    "兆瓦",
];

/// Whether a word is a unit.
pub fn is_unit(word: &str) -> bool {
    UNITS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenise(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn one_cell_per_line_with_trailing_pipes_and_lone_pipes() {
        assert_eq!(
            texts("分值 |\n50.00 |\n|\n\n得分"),
            ["分值", "50.00", "", "", "得分"]
        );
    }

    #[test]
    fn pipe_rows_broken_anywhere() {
        assert_eq!(
            texts("| 50.00 | 48.00 | — |\n| — | 上年结转 资金 |\n|"),
            ["50.00", "48.00", "—", "—", "上年结转 资金", ""]
        );
        assert_eq!(texts("a | b | c"), ["a", "b", "c"]);
    }

    #[test]
    fn a_flattened_form_splits_at_spaces() {
        assert_eq!(
            texts("年度资金总额 50.00 48.00 45.60 10 95.00% 9.50"),
            [
                "年度资金总额",
                "50.00",
                "48.00",
                "45.60",
                "10",
                "95.00%",
                "9.50"
            ]
        );
        assert_eq!(texts("一句 有 空格 的话"), ["一句 有 空格 的话"]);
    }

    #[test]
    fn spans_are_exact() {
        let src = "x\n| 50.00 | 上年结转 |\n";
        for t in tokenise(src, 0) {
            assert_eq!(&src[t.span().start..t.span().end], t.text);
        }
    }

    #[test]
    fn classes() {
        assert_eq!(classify("45.60"), Class::Number);
        assert_eq!(classify("95.00%"), Class::Percent);
        assert_eq!(classify("９５％"), Class::Percent);
        assert_eq!(classify("≥20个"), Class::Quantity);
        assert_eq!(classify("4800人次"), Class::Quantity);
        assert_eq!(classify("≧"), Class::Operator);
        assert_eq!(classify("—"), Class::Empty);
        assert_eq!(classify("设备完好率"), Class::Text);
        assert_eq!(classify("2024年度项目"), Class::Text);
    }
}
