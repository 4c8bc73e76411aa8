//! STRUCT: the report's outline, contents, fields, required sections, total and grade.

pub mod broken_field;
pub mod contents;
pub mod numbering;
pub mod outline;
pub mod result;
pub mod revisions;
pub mod template_text;

use crate::document::{NumberStyle, SectionNumber};

/// Words in the title of the section that states a report's result.
pub const CONCLUSION_WORDS: &[&str] = &["评价结论", "综合评价", "评价结果", "总体评价"];

/// A section number as it is written: 五、, （三）, 3、, (3), ③.
pub fn written(n: &SectionNumber) -> String {
    written_value(n.style, n.value)
}

pub fn written_value(style: NumberStyle, value: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let chinese = |v: u32| match v {
        0..=9 => DIGITS[v as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[(v % 10) as usize]),
        _ if v.is_multiple_of(10) => format!("{}十", DIGITS[(v / 10) as usize % 10]),
        _ => format!(
            "{}十{}",
            DIGITS[(v / 10) as usize % 10],
            DIGITS[(v % 10) as usize]
        ),
    };
    match style {
        NumberStyle::ChineseEnumeration => format!("{}、", chinese(value)),
        NumberStyle::ChineseParenthesised => format!("（{}）", chinese(value)),
        NumberStyle::ArabicEnumeration => format!("{value}、"),
        NumberStyle::ArabicParenthesised => format!("({value})"),
        NumberStyle::Circled => char::from_u32('①' as u32 + value.saturating_sub(1))
            .map_or(value.to_string(), String::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_written() {
        assert_eq!(written_value(NumberStyle::ChineseEnumeration, 4), "四、");
        assert_eq!(
            written_value(NumberStyle::ChineseParenthesised, 12),
            "（十二）"
        );
        assert_eq!(written_value(NumberStyle::Circled, 3), "③");
    }
}
