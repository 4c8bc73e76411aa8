//! Small text helpers shared by the reader and the recogniser: width folding, whitespace
//! removal for comparing labels, Chinese numerals and placeholder cells.

pub mod cursor;

/// A character of the Han script (`\p{Han}`: Unicode 16's Script=Han, the ideographs and
/// their radicals, not the CJK punctuation that only Script_Extensions counts).
pub fn is_han(c: char) -> bool {
    // The unified ideographs first: nearly every Han character of a report is one.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    const HAN: &[(char, char)] = &[
        ('\u{2E80}', '\u{2E99}'),
        ('\u{2E9B}', '\u{2EF3}'),
        ('\u{2F00}', '\u{2FD5}'),
        ('\u{3005}', '\u{3005}'),
        ('\u{3007}', '\u{3007}'),
        ('\u{3021}', '\u{3029}'),
        ('\u{3038}', '\u{303B}'),
        ('\u{3400}', '\u{4DBF}'),
        ('\u{F900}', '\u{FA6D}'),
        ('\u{FA70}', '\u{FAD9}'),
        ('\u{16FE2}', '\u{16FE3}'),
        ('\u{16FF0}', '\u{16FF1}'),
        ('\u{20000}', '\u{2A6DF}'),
        ('\u{2A700}', '\u{2B739}'),
        ('\u{2B740}', '\u{2B81D}'),
        ('\u{2B820}', '\u{2CEA1}'),
        ('\u{2CEB0}', '\u{2EBE0}'),
        ('\u{2EBF0}', '\u{2EE5D}'),
        ('\u{2F800}', '\u{2FA1D}'),
        ('\u{30000}', '\u{3134A}'),
        ('\u{31350}', '\u{323AF}'),
    ];
    HAN.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// What a panic said: its message, when it carried one.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<String> {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
}

/// Fold full-width ASCII forms (`１２．５％`, `（一）`) to their ASCII counterparts and the
/// ideographic space to a space. Other characters are kept.
pub fn fold_width(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The comparison form of a label or header: width-folded with all whitespace removed, so
/// that `一级 指标`, `一级指标` and `一级　指标` compare equal (PDF extraction breaks cells at
/// arbitrary places and inserts spaces).
pub fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    compact_pieces(s, kept_len, fold_char, &mut out, |_, _| {});
    out
}

/// Compact `s` into `out`, a piece at a time: a run of characters that `run_len` says are kept
/// as they are is copied whole, and the character after it is folded by `fold` and pushed
/// unless it became white space. Most of a report's text is such runs: copied rather than
/// decoded and encoded again character by character. `piece` is told, for each piece, where
/// it starts in `s` and where what it became starts in `out`.
pub fn compact_pieces(
    s: &str,
    run_len: impl Fn(&[u8]) -> usize,
    fold: impl Fn(char) -> char,
    out: &mut String,
    mut piece: impl FnMut(usize, usize),
) {
    let mut i = 0;
    while i < s.len() {
        let run = run_len(&s.as_bytes()[i..]);
        if run > 0 {
            piece(i, out.len());
            out.push_str(&s[i..i + run]);
            i += run;
        }
        if let Some(c) = s[i..].chars().next() {
            piece(i, out.len());
            let folded = fold(c);
            if !folded.is_whitespace() {
                out.push(folded);
            }
            i += c.len_utf8();
        }
    }
}

/// The length of the longest start of `b` (valid UTF-8) whose characters [`compact`] keeps as
/// they are, judged from their bytes: ASCII other than white space, and the ranges that hold no
/// white space and nothing [`fold_char`] changes. The few blocks that do (Latin-1's no-break
/// space, U+1xxx, U+2xxx, the ideographic space, the full-width forms) end the run, and the
/// caller decides for that character by decoding it; the run may thus end early, never late.
pub fn kept_len(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let n = match x {
            b'\t'..=b'\r' | b' ' => break,
            0x00..=0x7F => 1,
            0xC3..=0xDF => 2,
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => break,
            0xEF if matches!(b.get(i + 1), Some(0xBC | 0xBD)) => break,
            0xE0 | 0xE3..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => break,
        };
        i += n;
    }
    i.min(b.len())
}

/// A few words looked for in text, each with a memmem finder built once: for a handful of
/// words, a vectorised substring search per word is several times quicker than an automaton
/// stepping through every byte, or than testing every character against a set.
///
/// Most text asked is short (a cell, a heading), where starting a memmem search costs more than
/// the search: there one pass over the bytes tries the words whose first byte is there.
pub struct Cues {
    finders: Vec<memchr::memmem::Finder<'static>>,
    words: Vec<&'static [u8]>,
    /// Whether some word starts with the byte.
    first: [bool; 256],
}

impl Cues {
    /// Text up to this many bytes is searched in one pass.
    const SHORT: usize = 64;

    pub fn new(words: &[&'static str]) -> Cues {
        let mut first = [false; 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
        Cues {
            finders: words
                .iter()
                .map(|w| memchr::memmem::Finder::new(*w))
                .collect(),
            words: words.iter().map(|w| w.as_bytes()).collect(),
            first,
        }
    }

    /// Whether `text` holds any of the words.
    pub fn any_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        if bytes.len() > Self::SHORT {
            return self.finders.iter().any(|w| w.find(bytes).is_some());
        }
        let mut i = 0;
        while i < bytes.len() {
            if self.first[usize::from(bytes[i])] {
                let rest = &bytes[i..];
                if self.words.iter().any(|w| same_start(rest, w)) {
                    return true;
                }
            }
            i += 1;
        }
        false
    }
}

/// Whether `text` starts with `word`, compared byte by byte: the words are a character or two,
/// for which a call to `memcmp` costs more than the comparison.
fn same_start(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len() && text.iter().zip(word).all(|(a, b)| a == b)
}

/// A searcher for Chinese words through long text (a paragraph, a whole document), without a
/// prefilter: the prefilters look for rare bytes, and in Chinese text the bytes of one word's
/// characters are common bytes of many others, so a prefilter stops at nearly every character
/// and costs more than it saves.
///
/// It starts as an automaton quick to build (a contiguous NFA) and, once it has searched
/// enough text to repay it, builds a DFA: the DFA searches about a fifth quicker but takes
/// 0.1–0.5 ms to build, more than checking a small report searches with it. So one file
/// checked alone starts quickly, and a batch soon runs on the DFA.
pub struct WordSearcher {
    nfa: aho_corasick::AhoCorasick,
    dfa: std::sync::OnceLock<aho_corasick::AhoCorasick>,
    /// Bytes searched with the NFA so far, by all threads.
    searched: std::sync::atomic::AtomicUsize,
    words: Vec<Vec<u8>>,
}

/// Text searched before a [`WordSearcher`] builds its DFA: about what the DFA saves in the
/// time it takes to build.
const DFA_AFTER_BYTES: usize = 32 * 1024;

impl WordSearcher {
    /// The automaton to search `text` with.
    pub fn for_text(&self, text: &str) -> &aho_corasick::AhoCorasick {
        use std::sync::atomic::Ordering;
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        let searched = self.searched.fetch_add(text.len(), Ordering::Relaxed) + text.len();
        if searched < DFA_AFTER_BYTES {
            return &self.nfa;
        }
        self.dfa
            .get_or_init(|| searcher(&self.words, aho_corasick::AhoCorasickKind::DFA))
    }
}

/// A [`WordSearcher`] for `words`.
pub fn word_searcher<I, P>(words: I) -> WordSearcher
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    let words: Vec<Vec<u8>> = words.into_iter().map(|w| w.as_ref().to_vec()).collect();
    WordSearcher {
        nfa: searcher(&words, aho_corasick::AhoCorasickKind::ContiguousNFA),
        dfa: std::sync::OnceLock::new(),
        searched: std::sync::atomic::AtomicUsize::new(0),
        words,
    }
}

/// A searcher for Chinese words in short text (a clause, a line, a cell): as
/// [`word_searcher`], but an automaton quick to build, since checking one small file is
/// mostly start-up.
pub fn word_matcher<I, P>(words: I) -> aho_corasick::AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    searcher(words, aho_corasick::AhoCorasickKind::ContiguousNFA)
}

fn searcher<I, P>(words: I, kind: aho_corasick::AhoCorasickKind) -> aho_corasick::AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .kind(Some(kind))
        .prefilter(false)
        .build(words)
        .expect("a few words build a searcher")
}

/// [`compact`], borrowing `s` when it is compact already (most cells and short lines are), so
/// that asking costs no new string.
pub fn compact_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if kept_len(s.as_bytes()) == s.len()
        || s.chars().all(|c| fold_char(c) == c && !c.is_whitespace())
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(compact(s))
    }
}

/// `s` with every character mapped by `fold` and white space removed after folding.
pub fn compact_by(s: &str, fold: impl Fn(char) -> char) -> String {
    // Folding hardly ever lengthens a character's UTF-8, so the text's own length is room
    // enough: collecting from a filter would grow the string a few bytes at a time.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold(c);
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// A text compacted once ([`compact`]), so that the compact form of any stretch of it is a
/// slice rather than a new string: prose analysis compacts the clause and sentence before every
/// figure, which in a long sentence of figures would compact it again for each.
pub struct Compacted {
    text: String,
    /// Where each piece of the original starts and where what it became starts in `text`, in
    /// order: a piece is a run copied as it is, or one character folded or dropped. Inside a
    /// run, offsets move together; a folded or dropped character is one offset.
    pieces: Vec<(u32, u32)>,
    len: usize,
}

impl Compacted {
    pub fn new(s: &str) -> Compacted {
        let mut text = String::with_capacity(s.len());
        let mut pieces = Vec::new();
        compact_pieces(s, kept_len, fold_char, &mut text, |from, to| {
            pieces.push((from as u32, to as u32));
        });
        Compacted {
            text,
            pieces,
            len: s.len(),
        }
    }

    /// Where the character at byte `i` of the original (a character boundary, or its end)
    /// starts in the compact text, or where what follows starts if it was dropped.
    fn at(&self, i: usize) -> usize {
        if i >= self.len {
            return self.text.len();
        }
        let p = self
            .pieces
            .partition_point(|&(start, _)| start as usize <= i);
        match p.checked_sub(1).map(|p| self.pieces[p]) {
            Some((start, out)) => out as usize + (i - start as usize),
            None => 0,
        }
    }

    /// `compact(&s[range])`, for character boundaries of `s`.
    pub fn slice(&self, range: std::ops::Range<usize>) -> &str {
        let (a, b) = (self.at(range.start), self.at(range.end));
        &self.text[a..b.max(a)]
    }
}

/// How many columns a character takes: `wide` for Chinese and full-width forms (two as a
/// terminal shows them, one as `pdftotext -layout` counts them), one for the rest.
pub fn char_width(c: char, wide: usize) -> usize {
    let c = c as u32;
    let is_wide = (0x1100..=0x115F).contains(&c)
        || (0x2E80..=0xA4CF).contains(&c)
        || (0xAC00..=0xD7A3).contains(&c)
        || (0xF900..=0xFAFF).contains(&c)
        || (0xFE30..=0xFE4F).contains(&c)
        || (0xFF00..=0xFF60).contains(&c)
        || (0xFFE0..=0xFFE6).contains(&c)
        || (0x20000..=0x3FFFD).contains(&c);
    if is_wide {
        wide
    } else {
        1
    }
}

/// How many columns a text takes, a Chinese character counted `wide`.
pub fn display_width(s: &str, wide: usize) -> usize {
    s.chars().map(|c| char_width(c, wide)).sum()
}

/// The runs of a line parted by `gap` or more columns of white space, with the column each
/// starts at, a Chinese character (and an ideographic space) counted `wide`: words for a gap of
/// one, cells for two.
pub fn spaced_runs(line: &str, wide: usize, gap: usize) -> Vec<(usize, &str)> {
    // Most lines asked (sentences) have no gap as wide as a cell's: one run, found without
    // measuring every character.
    if gap >= 2 && !has_gap(line, wide, gap) {
        let body = line.trim_start();
        let lead = &line[..line.len() - body.len()];
        let body = body.trim_end();
        if body.is_empty() {
            return Vec::new();
        }
        return vec![(lead.chars().map(|c| char_width(c, wide)).sum(), body)];
    }
    runs_by_chars(line, wide, gap)
}

/// [`spaced_runs`] measured character by character, for a line that may hold a gap.
fn runs_by_chars(line: &str, wide: usize, gap: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut column = 0;
    let mut start: Option<(usize, usize)> = None; // (byte, column)
    let mut end = 0usize; // byte just past the run's last character
    let mut blank = 0usize;
    for (i, c) in line.char_indices() {
        let width = char_width(c, wide);
        if c.is_whitespace() {
            blank += width;
        } else {
            match start {
                Some((s, col)) if blank >= gap => {
                    out.push((col, &line[s..end]));
                    start = Some((i, column));
                }
                Some(_) => {}
                None => start = Some((i, column)),
            }
            blank = 0;
            end = i + c.len_utf8();
        }
        column += width;
    }
    if let Some((s, col)) = start {
        out.push((col, &line[s..end]));
    }
    out
}

/// Whether `line` may hold a gap of `gap` columns: two white-space characters in a row, or one
/// as wide as the gap.
fn has_gap(line: &str, wide: usize, gap: usize) -> bool {
    // Every line of a text file is asked: judged from the bytes, decoding only the characters
    // whose lead byte some white space shares (U+0085, U+00A0, U+1680, U+2000-U+205F, the
    // ideographic space).
    let b = line.as_bytes();
    let mut previous = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let (len, blank, width) = match x {
            b'\t'..=b'\r' | b' ' => (1, true, 1),
            0x00..=0x7F => (1, false, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => match line[i..].chars().next() {
                Some(c) => (c.len_utf8(), c.is_whitespace(), char_width(c, wide)),
                None => break,
            },
            0xC3..=0xDF => (2, false, 1),
            0xE0 | 0xE4..=0xEF => (3, false, 1),
            _ => (4, false, 1),
        };
        if blank && (previous || width >= gap) {
            return true;
        }
        previous = blank;
        i += len;
    }
    false
}

/// The cells of a line aligned by spaces: its text parted by gaps of `gap` or more columns of
/// white space (an ideographic space is two columns). Single spaces stay inside a cell.
pub fn spaced_cells(line: &str, gap: usize) -> Vec<&str> {
    spaced_runs(line, 2, gap)
        .into_iter()
        .map(|(_, cell)| cell)
        .collect()
}

/// Strip Markdown emphasis markers and quotation marks around a short value such as a grade
/// written `**良好**` or `“优”`.
pub fn strip_decoration(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '*' | '_' | '“' | '”' | '"' | '「' | '」' | '『' | '』' | '‘' | '’' | '\''
            )
    })
}

/// Value of a Chinese numeral from 〇 to 九十九 (and 一百); `None` for anything else.
pub fn chinese_numeral_value(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
            .or(if c == '零' { Some(0) } else { None })
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        ['一', '百'] => Some(100),
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// A cell that stands for "no value here": `-`, `/`, `—`, `——`, `－`, `／`, `--`, `无`.
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && (t
            .chars()
            .all(|c| matches!(c, '-' | '—' | '－' | '–' | '/' | '／' | '\\'))
            || t == "无")
}

/// Whether a label is a total row label: 合计, 总计, 总分, 合 计, 总 分…
pub fn is_total_label(s: &str) -> bool {
    matches!(
        compact_cow(s).trim_end_matches([':', '：']),
        "合计" | "总计" | "总分" | "合计数" | "总合计" | "总得分" | "综合得分" | "得分合计"
    )
}

/// Whether a label is a subtotal row label (小计).
pub fn is_subtotal_label(s: &str) -> bool {
    compact_cow(s).trim_end_matches([':', '：']) == "小计"
}

/// FNV-1a, 64 bits: a small hash that is the same on every machine and every run, for
/// fingerprints and baselines that must not change between runs.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compacted_slice_is_the_slice_compacted() {
        let s = "一级 指标\t（Ａ）  ab　c";
        let c = Compacted::new(s);
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                assert_eq!(c.slice(a..b), compact(&s[a..b]), "{a}..{b}");
            }
        }
    }

    /// Characters from every block the byte-level run in `compact` treats apart: white space
    /// of each width, the full-width forms and their neighbours, Latin-1, U+1xxx, U+2xxx,
    /// ideographs, a character outside the BMP.
    fn mixed_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        const CHARS: &[char] = &[
            'a',
            '1',
            ' ',
            '\t',
            '\n',
            '\r',
            '\u{B}',
            '\u{C}',
            '\u{1F}',
            '\u{85}',
            '\u{A0}',
            'é',
            '\u{1680}',
            '\u{1000}',
            '\u{2003}',
            '\u{2028}',
            '\u{202F}',
            '\u{205F}',
            '“',
            '—',
            '…',
            '\u{3000}',
            '、',
            '。',
            '\u{3001}',
            '一',
            '级',
            '\u{FEFF}',
            '\u{FF00}',
            '\u{FF01}',
            '（',
            '％',
            '\u{FF5E}',
            '\u{FF5F}',
            '\u{FF7F}',
            '\u{FF80}',
            '\u{FFE5}',
            '\u{20000}',
            '\u{E000}',
            '\u{D7A3}',
        ];
        proptest::collection::vec(proptest::sample::select(CHARS), 0..24)
            .prop_map(|v| v.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn compact_is_folding_and_dropping_white_space_char_by_char(s in mixed_text()) {
            let spec = compact_by(&s, fold_char);
            proptest::prop_assert_eq!(&compact(&s), &spec);
            let cow = compact_cow(&s);
            proptest::prop_assert_eq!(cow.as_ref(), spec.as_str());
            let c = Compacted::new(&s);
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    proptest::prop_assert_eq!(c.slice(a..b), compact_by(&s[a..b], fold_char));
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn a_gap_is_found_from_the_bytes_as_from_the_characters(
            s in mixed_text(),
            wide in 1usize..3,
            gap in 1usize..4,
        ) {
            let mut previous = false;
            let by_chars = s.chars().any(|c| {
                let blank = c.is_whitespace();
                let gap_here = blank && (previous || char_width(c, wide) >= gap);
                previous = blank;
                gap_here
            });
            proptest::prop_assert_eq!(has_gap(&s, wide, gap), by_chars);
        }

        #[test]
        fn a_line_without_a_gap_is_one_run_as_measured(
            s in mixed_text(),
            wide in 1usize..3,
            gap in 1usize..4,
        ) {
            // Whether the line is taken as one run without measuring it or not.
            proptest::prop_assert_eq!(spaced_runs(&s, wide, gap), runs_by_chars(&s, wide, gap));
        }
    }

    proptest::proptest! {
        #[test]
        fn cues_are_found_in_short_and_long_text_alike(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "字", "填写", "对", "X", "Ｘ", "×", "!", "！", "合", "计", "合计", "一级指标",
                    "12.5", " ", "。", "\u{5B56}", "\u{5B57}", "\u{FF38}",
                ]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            for words in [&["字", "填", "对"][..], &["X", "Ｘ", "×"], &["!", "！"], &["合计", "指标"]] {
                let cues = Cues::new(words);
                proptest::prop_assert_eq!(
                    cues.any_in(&text),
                    words.iter().any(|w| text.contains(w)),
                    "{:?} in {:?}", words, text
                );
            }
        }
    }

    #[test]
    fn compact_removes_spaces_and_folds_width() {
        assert_eq!(compact("一级 指标"), "一级指标");
        assert_eq!(compact("执行率（％）"), "执行率(%)");
        assert_eq!(compact("１２．５"), "12.5");
    }

    #[test]
    fn words_and_cells_count_chinese_as_one_or_two_columns() {
        let line = "  一级指标   社会 效益  9.50";
        assert_eq!(
            spaced_runs(line, 2, 1),
            [(2, "一级指标"), (13, "社会"), (18, "效益"), (24, "9.50")]
        );
        assert_eq!(
            spaced_runs(line, 2, 2),
            [(2, "一级指标"), (13, "社会 效益"), (24, "9.50")]
        );
        assert_eq!(
            spaced_runs(line, 1, 2),
            [(2, "一级指标"), (9, "社会 效益"), (16, "9.50")]
        );
    }

    #[test]
    fn spaced_cells_part_at_wide_gaps_only() {
        let line = "  一级 指标   数量指标\u{3000}运维报告  4份";
        assert_eq!(
            spaced_cells(line, 3),
            ["一级 指标", "数量指标\u{3000}运维报告  4份"]
        );
        assert_eq!(
            spaced_cells(line, 2),
            ["一级 指标", "数量指标", "运维报告", "4份"]
        );
        assert!(spaced_cells("   ", 2).is_empty());
    }

    #[test]
    fn a_line_without_a_wide_gap_is_one_run_at_its_first_column() {
        // Single spaces and tabs only: one run, starting after the leading blank.
        assert_eq!(spaced_runs(" 合计 100\t98", 2, 2), [(1, "合计 100\t98")]);
        assert_eq!(spaced_runs("\u{3000}合计 100", 1, 2), [(1, "合计 100")]);
        // An ideographic space is a gap of two where Chinese characters are two columns wide.
        assert_eq!(
            spaced_runs("\u{3000}合计\u{3000}100", 2, 2),
            [(2, "合计"), (8, "100")]
        );
        assert_eq!(
            spaced_runs("合计\u{3000}100 ", 1, 2),
            [(0, "合计\u{3000}100")]
        );
        assert!(spaced_runs(" ", 2, 2).is_empty());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_numeral_value("三"), Some(3));
        assert_eq!(chinese_numeral_value("十"), Some(10));
        assert_eq!(chinese_numeral_value("十二"), Some(12));
        assert_eq!(chinese_numeral_value("二十"), Some(20));
        assert_eq!(chinese_numeral_value("三十五"), Some(35));
        assert_eq!(chinese_numeral_value("〇"), Some(0));
        assert_eq!(chinese_numeral_value("级"), None);
    }

    #[test]
    fn placeholders_and_totals() {
        assert!(is_placeholder("-"));
        assert!(is_placeholder(" / "));
        assert!(is_placeholder("——"));
        assert!(!is_placeholder(""));
        assert!(!is_placeholder("-5"));
        assert!(is_total_label("合 计"));
        assert!(is_total_label("总分"));
        assert!(!is_total_label("合计交流"));
        assert!(is_subtotal_label("小计"));
    }
}
