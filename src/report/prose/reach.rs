//! Clauses and sentences around a figure, looked for within a bounded reach: prose without
//! punctuation (a flattened table, a generated text) must not make every figure's clause the
//! whole paragraph, which would make reading a paragraph quadratic in its length.

/// How far a clause is looked for on each side of a figure (about 50 characters of Chinese).
pub const CLAUSE_BYTES: usize = 150;

/// How far a sentence is looked for on each side (about 500 characters of Chinese).
pub const SENTENCE_BYTES: usize = 1500;

/// The start of the stretch that ends at `at`: just after the last stop before it, or `limit`
/// bytes back (at a character boundary) when there is none that near.
pub fn start_of(text: &str, at: usize, stops: impl Fn(char) -> bool, limit: usize) -> usize {
    let mut from = at.saturating_sub(limit);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at]
        .char_indices()
        .rev()
        .find(|(_, c)| stops(*c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// The end of the stretch that starts at `at`: the first stop after it, or `limit` bytes on
/// (at a character boundary) when there is none that near.
pub fn end_of(text: &str, at: usize, stops: impl Fn(char) -> bool, limit: usize) -> usize {
    let mut to = (at + limit).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text[at..to]
        .char_indices()
        .find(|(_, c)| stops(*c))
        .map_or(to, |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_near_and_far() {
        let stop = |c: char| c == '，';
        let text = "预算 30 万元，实际支出 29 万元";
        let at = text.find("29").unwrap();
        assert_eq!(
            &text[start_of(text, at, stop, CLAUSE_BYTES)..at],
            "实际支出 "
        );
        assert_eq!(
            end_of(text, 0, stop, CLAUSE_BYTES),
            text.find('，').unwrap()
        );
        let long = "字".repeat(1000);
        let s = start_of(&long, long.len(), stop, CLAUSE_BYTES);
        assert!(long.len() - s <= CLAUSE_BYTES && long.is_char_boundary(s));
        let e = end_of(&long, 0, stop, CLAUSE_BYTES);
        assert!(e <= CLAUSE_BYTES && long.is_char_boundary(e));
    }
}
