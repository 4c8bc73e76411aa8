//! A cursor for reading the short, fixed phrases of prose and cells by hand: dates
//! (`2023年6月上旬`), figures (`1,234.5`), document numbers (`〔2023〕5号`), statements of a
//! total or grade (`总体得分为 94.57 分`).
//!
//! Why not regular expressions: these phrases were sixteen of them, and compiling them took
//! about 3 ms, a third of checking one small file, process start included. Each phrase is a
//! few lines of cursor steps, compiled with the program, and reading one is quicker than the
//! automata were. Each step reads as the regular expression it replaces did: greedy, and
//! leaving the cursor where it was when it fails.

/// A position in a text, moved forward by the steps that read what it expects.
#[derive(Debug, Clone, Copy)]
pub struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

/// `[0-9０-９]`: the digits figures are printed with.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `at` of `text` (a character boundary).
    pub fn new(text: &'a str, at: usize) -> Cursor<'a> {
        Cursor { text, at }
    }

    /// The byte offset reached.
    pub fn at(&self) -> usize {
        self.at
    }

    /// What is left to read.
    pub fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// What was read since byte `start`.
    pub fn since(&self, start: usize) -> &'a str {
        &self.text[start..self.at]
    }

    /// The next character, not read.
    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// `\s*`: any white space (Unicode's, as `\s` is).
    pub fn spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    /// `word`, if the text goes on with it.
    pub fn eat(&mut self, word: &str) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// `(?:a|b|c)`: the first of `words` the text goes on with. Callers list a word before
    /// any word it starts with, as the alternation does.
    pub fn eat_first(&mut self, words: &[&'static str]) -> Option<&'static str> {
        let rest = self.rest();
        let word = words.iter().find(|w| rest.starts_with(**w))?;
        self.at += word.len();
        Some(word)
    }

    /// One character that `pred` accepts.
    pub fn eat_char(&mut self, pred: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|c| pred(*c))?;
        self.at += c.len_utf8();
        Some(c)
    }

    /// `[…]{min,max}`: as many characters that `pred` accepts as there are, up to `max`;
    /// nothing read when there are fewer than `min`.
    pub fn eat_run(
        &mut self,
        min: usize,
        max: usize,
        pred: impl Fn(char) -> bool,
    ) -> Option<&'a str> {
        let rest = self.rest();
        let mut len = 0;
        let mut count = 0;
        for c in rest.chars() {
            if count == max || !pred(c) {
                break;
            }
            len += c.len_utf8();
            count += 1;
        }
        if count < min {
            return None;
        }
        self.at += len;
        Some(&rest[..len])
    }

    /// `[0-9０-９]{min,max}`.
    pub fn digits(&mut self, min: usize, max: usize) -> Option<&'a str> {
        self.eat_run(min, max, is_digit)
    }

    /// `[0-9０-９]+(?:\.[0-9０-９]+)?`: a figure without separators.
    pub fn decimal(&mut self) -> Option<&'a str> {
        self.decimal_of(is_digit)
    }

    /// `[0-9]+(?:\.[0-9]+)?`: a figure in ASCII digits only.
    pub fn ascii_decimal(&mut self) -> Option<&'a str> {
        self.decimal_of(|c| c.is_ascii_digit())
    }

    fn decimal_of(&mut self, digit: impl Fn(char) -> bool + Copy) -> Option<&'a str> {
        let start = self.at;
        self.eat_run(1, usize::MAX, digit)?;
        self.fraction_of(digit);
        Some(&self.text[start..self.at])
    }

    /// `(?:\.[0-9０-９]+)?`: a decimal point and its digits, if both are there.
    pub fn fraction(&mut self) {
        self.fraction_of(is_digit);
    }

    fn fraction_of(&mut self, digit: impl Fn(char) -> bool) {
        let mut fraction = *self;
        if fraction.eat(".") && fraction.eat_run(1, usize::MAX, digit).is_some() {
            *self = fraction;
        }
    }
}

/// Every phrase `read` finds through `text`, leftmost first and not overlapping, as a regular
/// expression's `find_iter`: `read` is tried at each start `next_start(from)` offers (the first
/// possible start at or after byte `from`), and the search goes on after each phrase found.
/// Returns each phrase's bytes and what `read` made of it.
pub fn find_all<'a, T>(
    text: &'a str,
    next_start: impl Fn(usize) -> Option<usize>,
    mut read: impl FnMut(&mut Cursor<'a>) -> Option<T>,
) -> Vec<(std::ops::Range<usize>, T)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(start) = next_start(from) {
        let mut c = Cursor::new(text, start);
        let next_char = start + text[start..].chars().next().map_or(1, char::len_utf8);
        match read(&mut c) {
            Some(found) => {
                out.push((start..c.at(), found));
                from = c.at().max(next_char);
            }
            None => from = next_char,
        }
        if from >= text.len() {
            break;
        }
    }
    out
}

/// Phrases found from a word inside them (`指标` in `产出类指标满分为…`, `得分` in `，得分 80 分，
/// 等次为良`), which may reach back before it: `read(at, from)` reads the phrase around the
/// word at byte `at`, starting no earlier than `from` (where the last phrase ended: phrases do
/// not overlap), and returns what it made of it and where it ended. Occurrences of the word
/// inside a phrase found are passed over.
pub fn find_around<T>(
    text: &str,
    word: &memchr::memmem::Finder<'_>,
    mut read: impl FnMut(usize, usize) -> Option<(T, usize)>,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut search = 0;
    while let Some(found) = word.find(&text.as_bytes()[search..]) {
        let at = search + found;
        search = at + 1;
        if let Some((phrase, end)) = read(at, from) {
            out.push(phrase);
            from = end;
            search = search.max(from);
        }
    }
    out
}

/// For [`find_all`]: the next character of `text` that `first` accepts, the first characters
/// of the phrase's words.
pub fn next_char_in<'a>(
    text: &'a str,
    first: impl Fn(char) -> bool + 'a,
) -> impl Fn(usize) -> Option<usize> + 'a {
    move |from| {
        text[from..]
            .char_indices()
            .find(|&(_, c)| first(c))
            .map(|(i, _)| from + i)
    }
}

/// For tests that hold a phrase read by hand to the regular expression it replaced (the
/// expression stays in the test as the phrase's specification).
#[cfg(test)]
pub mod testing {
    use proptest::prelude::*;

    /// The pieces the phrases are made of, and some that nearly are.
    const PIECES: &[&str] = &[
        "2023",
        "２０２３",
        "6",
        "12",
        "３",
        "0",
        "1,234",
        "，567",
        ".5",
        ".",
        "年",
        "度",
        "月",
        "日",
        "上旬",
        "下",
        "旬",
        "初",
        "底",
        "末",
        " ",
        "\u{3000}",
        "\n",
        "-",
        "/",
        ",",
        "，",
        "、",
        "；",
        "。",
        "〔",
        "〕",
        "（",
        "）",
        "(",
        ")",
        "[",
        "］",
        "第",
        "号",
        "二〇一九",
        "〇",
        "六",
        "十",
        "三十",
        "一",
        "指标",
        "类",
        "满分",
        "分值",
        "总分",
        "为",
        "是",
        "达到",
        "分",
        "得分",
        "得分率",
        "%",
        "％",
        "项目",
        "决策",
        "产出",
        "效益",
        "其中",
        "Ab",
        "总体得分",
        "综合",
        "评分",
        "评价",
        "等级",
        "等次",
        "评定为",
        "良好",
        "优",
        "不合格",
        "“",
        "**",
        "：",
        ":",
        "权重",
        "设置为",
        "分别为",
        "和",
        "及",
        "个",
        "字",
        "以内",
        "限",
        "此处填写",
        "请在此",
        "处",
        "填写",
        "请填写",
        "对照年度",
        "绩效",
        "目标",
        "说明",
        "标",
        "々",
        "最终",
        "自评",
        "确定为",
        "『",
        // Whole phrases, which the pieces around them lengthen, cut or join.
        "2023年6月30日",
        "2023 年度",
        "2023年6月上旬",
        "2023-6-30",
        "2023.06.3",
        "6月底",
        "二〇一九年六月三十日",
        "〔2023〕5号",
        "（２０２３）第 5 号",
        "1,234,567.89",
        "411.00(个)",
        "90（％）",
        "项目决策类指标满分为10分，项目得分为9.5分，得分率为95%",
        "产出指标分值为 50 分、得分 48 分",
        "总体得分为94.57分",
        "综合得分：**87.12** 分",
        "得分80.10分，评价等次为良",
        "评价等级为：**良好**",
        "等级评定为优秀",
        "分值统一设置为：产出指标50分、效益指标（30分）和满意度指标10分",
        "（限100字以内）",
        "对照年度绩效目标，说明",
    ];

    /// Text made of up to fourteen of those pieces.
    pub fn phrase_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..14).prop_map(|v| v.concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_step_leaves_the_cursor_where_it_was() {
        let mut c = Cursor::new("12年", 0);
        assert_eq!(c.digits(3, 4), None);
        assert_eq!(c.at(), 0);
        assert!(!c.eat("月"));
        assert_eq!(c.eat_char(|c| c == '年'), None);
        assert_eq!(c.at(), 0);
        assert_eq!(c.digits(1, 2), Some("12"));
        assert!(c.eat("年"));
        assert_eq!(c.rest(), "");
    }

    #[test]
    fn a_run_stops_at_its_most_and_counts_characters_not_bytes() {
        let mut c = Cursor::new("２０２３12", 0);
        assert_eq!(c.digits(4, 4), Some("２０２３"));
        assert_eq!(c.rest(), "12");
    }

    #[test]
    fn a_decimal_takes_its_fraction_only_when_digits_follow_the_point() {
        let mut c = Cursor::new("10.5分", 0);
        assert_eq!(c.decimal(), Some("10.5"));
        let mut c = Cursor::new("10.分", 0);
        assert_eq!(c.decimal(), Some("10"));
        assert_eq!(c.rest(), ".分");
        let mut c = Cursor::new("１０.５", 0);
        assert_eq!(c.ascii_decimal(), None);
        assert_eq!(c.decimal(), Some("１０.５"));
    }

    #[test]
    fn spaces_are_unicode_white_space() {
        let mut c = Cursor::new(" \u{3000}\t为", 0);
        c.spaces();
        assert_eq!(c.rest(), "为");
    }

    #[test]
    fn phrases_are_found_leftmost_first_and_not_overlapping() {
        let text = "年12年3年45年";
        let found = find_all(text, next_char_in(text, is_digit), |c| {
            c.digits(1, 2)?;
            c.eat("年").then_some(())
        });
        let spans: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(spans, ["12年", "3年", "45年"]);
    }

    #[test]
    fn the_first_listed_word_wins() {
        let mut c = Cursor::new("达到90", 0);
        assert_eq!(c.eat_first(&["达到", "达"]), Some("达到"));
        assert_eq!(c.rest(), "90");
    }
}
