//! Calendar dates as reports write them: `2019 年 4 月`, `2023年4月26日`, `2017年5月下旬`,
//! `二〇一九年六月`, `2023-12-31`. A date may be a day, a part of a month, a month or a year;
//! each is an interval of days.

use std::cmp::Ordering;

/// A day as (year, month, day), comparable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Day {
    pub fn new(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }
}

/// How much of the calendar a written date covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    /// 上旬 / 中旬 / 下旬, 月初 / 月底
    PartOfMonth,
    Day,
}

/// A written date: the first and last day it can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub first: Day,
    pub last: Day,
    pub precision: Precision,
}

impl DateRange {
    pub fn year(year: i32) -> DateRange {
        DateRange {
            first: Day::new(year, 1, 1),
            last: Day::new(year, 12, 31),
            precision: Precision::Year,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<DateRange> {
        (1..=12).contains(&month).then(|| DateRange {
            first: Day::new(year, month, 1),
            last: Day::new(year, month, days_in_month(year, month)),
            precision: Precision::Month,
        })
    }

    pub fn day(year: i32, month: u32, day: u32) -> Option<DateRange> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)).then(|| {
            let d = Day::new(year, month, day);
            DateRange {
                first: d,
                last: d,
                precision: Precision::Day,
            }
        })
    }

    /// 上旬 (1–10), 中旬 (11–20), 下旬 (21–end), 初 (1–10), 底 / 末 (21–end).
    pub fn part_of_month(year: i32, month: u32, part: &str) -> Option<DateRange> {
        let end = days_in_month(year, month);
        let (a, b) = match part {
            "上旬" | "初" => (1, 10),
            "中旬" | "中" => (11, 20),
            "下旬" | "底" | "末" => (21, end),
            _ => return None,
        };
        (1..=12).contains(&month).then(|| DateRange {
            first: Day::new(year, month, a),
            last: Day::new(year, month, b),
            precision: Precision::PartOfMonth,
        })
    }

    /// Whether the two ranges can be the same time.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Strictly before `other`: every day of this range precedes every day of `other`.
    pub fn before(&self, other: &DateRange) -> bool {
        self.last.cmp(&other.first) == Ordering::Less
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A year written in Chinese digits: 二〇一九 → 2019.
pub fn chinese_year(s: &str) -> Option<i32> {
    let digits: Option<Vec<u32>> = s
        .chars()
        .map(|c| {
            "〇一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|p| p as u32)
                .or((c == '零').then_some(0))
        })
        .collect();
    let digits = digits?;
    (digits.len() == 4).then(|| digits.iter().fold(0i32, |acc, d| acc * 10 + *d as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let may = DateRange::month(2018, 5).unwrap();
        assert_eq!(may.last, Day::new(2018, 5, 31));
        let late_may = DateRange::part_of_month(2017, 5, "下旬").unwrap();
        assert!(late_may.before(&may));
        assert!(DateRange::year(2018).overlaps(&may));
        assert!(DateRange::day(2023, 2, 29).is_none());
        assert_eq!(chinese_year("二〇一九"), Some(2019));
    }
}
