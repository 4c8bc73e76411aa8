//! Linking by words: the longest stretch of text two places share, leaving out words that
//! every indicator and sentence uses.

/// Words too common to link anything by themselves.
const STOP_WORDS: &[&str] = &[
    "完成", "项目", "指标", "情况", "工作", "服务", "数量", "质量", "时效", "全年", "年度", "进行",
    "开展", "共计", "累计", "达到", "实现", "提升", "及时", "有效", "相关", "部门", "单位", "建设",
    "管理",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
}

/// The longest run of at least two Chinese characters that both texts contain and that is
/// not just a common word, if any.
pub fn shared_words(a: &str, b: &str) -> Option<String> {
    // Candidates are slices of `a`, not new strings: a goal row is compared with every prose
    // figure near it, and each comparison tries every stretch of its clause. Most pairs share
    // no two characters at all, which a mask of `b`'s pairs tells at once.
    let pairs = han_pairs(b);
    if pairs == 0 || !han_pair_keys(a).any(|k| pairs & k != 0) {
        return None;
    }
    let chars: Vec<(usize, char)> = a.char_indices().collect();
    let byte_end = |end: usize| chars.get(end).map_or(a.len(), |&(i, _)| i);
    let mut best: Option<(&str, usize)> = None;
    for start in 0..chars.len() {
        if !is_han(chars[start].1) {
            continue;
        }
        let mut end = start + 2;
        while end <= chars.len() && is_han(chars[end - 1].1) {
            let candidate = &a[chars[start].0..byte_end(end)];
            if !contains(b, candidate) {
                break;
            }
            let longer = best.is_none_or(|(_, n)| end - start > n);
            if longer && !STOP_WORDS.contains(&candidate) {
                best = Some((candidate, end - start));
            }
            end += 1;
        }
    }
    best.map(|(w, _)| w.to_string())
}

/// A 128-bit mask of the pairs of adjacent Chinese characters in `s`: a pair of another text
/// whose bit is clear is not among them.
fn han_pairs(s: &str) -> u128 {
    han_pair_keys(s).fold(0, |mask, k| mask | k)
}

/// Each pair of adjacent Chinese characters of `s` as one bit of 128.
fn han_pair_keys(s: &str) -> impl Iterator<Item = u128> + '_ {
    let mut previous: Option<char> = None;
    s.chars().filter_map(move |c| {
        let pair = previous.filter(|_| is_han(c)).map(|p| {
            let h = (p as u32).wrapping_mul(0x9E37_79B1) ^ (c as u32);
            1u128 << (h.wrapping_mul(0x85EB_CA6B) >> 25)
        });
        previous = is_han(c).then_some(c);
        pair
    })
}

/// Whether `haystack` contains `needle`, for the short names and words compared here, where
/// setting up a substring searcher costs more than comparing at each place.
fn contains(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    let Some(&first) = needle.first() else {
        return true;
    };
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w[0] == first && w == needle)
}

/// Of candidates linked by shared words, the one whose words are longest, if no other is as
/// long: a link two places could equally claim is no link.
pub fn strongest<T>(candidates: impl Iterator<Item = (String, T)>) -> Option<(String, T)> {
    let mut best: Option<(String, T)> = None;
    let mut tied = false;
    for (words, item) in candidates {
        let strength = words.chars().count();
        match &best {
            Some((w, _)) if w.chars().count() > strength => {}
            Some((w, _)) if w.chars().count() == strength => tied = true,
            _ => {
                best = Some((words, item));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_the_telling_words() {
        assert_eq!(
            shared_words(
                "对闵行区共计441个项目进行咨询评估服务",
                "完成信息化项目咨询评估"
            )
            .as_deref(),
            Some("咨询评估")
        );
        assert_eq!(
            shared_words("使受众服务满意度达85%", "受众满意度").as_deref(),
            Some("满意度")
        );
        assert_eq!(shared_words("完成项目", "项目完成情况"), None);
    }

    #[test]
    fn the_strongest_link_wins_unless_tied() {
        let pick = |c: &[(&str, u8)]| strongest(c.iter().map(|(w, n)| (w.to_string(), *n)));
        assert_eq!(
            pick(&[("满意度", 1), ("受众满意度", 2)]),
            Some(("受众满意度".into(), 2))
        );
        assert_eq!(pick(&[("满意度", 1), ("可用率", 2)]), None);
        assert_eq!(
            pick(&[("满意度", 1), ("可用率", 2), ("受众满意度", 3)]),
            Some(("受众满意度".into(), 3))
        );
        assert_eq!(pick(&[]), None);
    }
}
