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
    let chars: Vec<char> = a.chars().collect();
    let mut best: Option<String> = None;
    for start in 0..chars.len() {
        if !is_han(chars[start]) {
            continue;
        }
        let mut end = start + 2;
        while end <= chars.len() && chars[start..end].iter().all(|c| is_han(*c)) {
            let candidate: String = chars[start..end].iter().collect();
            if !b.contains(&candidate) {
                break;
            }
            let informative = !STOP_WORDS.contains(&candidate.as_str());
            if informative
                && best
                    .as_ref()
                    .is_none_or(|w| candidate.chars().count() > w.chars().count())
            {
                best = Some(candidate);
            }
            end += 1;
        }
    }
    best
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
