//! Standard profiles: grade bands, the full-marks total, rounding, and the execution-rate
//! score formulas of a standard, read from `rules/profiles/*.toml` (embedded at build time).
//!
//! Whatever differs between national and local practice lives here, never in a rule.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::number::{Interval, Rounding};

/// Profiles shipped inside the binary: (name, TOML source).
const BUILTIN: &[(&str, &str)] = &[
    (
        "national-2020",
        include_str!("../rules/profiles/national-2020.toml"),
    ),
    ("shanghai", include_str!("../rules/profiles/shanghai.toml")),
    (
        "shanghai-minhang",
        include_str!("../rules/profiles/shanghai-minhang.toml"),
    ),
];

pub const DEFAULT_PROFILE: &str = "national-2020";

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "unknown standard `{name}`; available: {available}, or a path to a profile .toml file"
    )]
    Unknown { name: String, available: String },
    #[error("cannot read profile {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid profile {name}: {message}")]
    Invalid { name: String, message: String },
}

/// How printed values may have been produced from true ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoundingPolicy {
    Round,
    Truncate,
    /// Accept a figure if either rounding or truncation explains it (the default: reports
    /// come from systems that do either).
    Either,
}

impl RoundingPolicy {
    pub fn modes(self) -> &'static [Rounding] {
        match self {
            RoundingPolicy::Round => &[Rounding::Round],
            RoundingPolicy::Truncate => &[Rounding::Truncate],
            RoundingPolicy::Either => &[Rounding::Round, Rounding::Truncate],
        }
    }
}

#[derive(Debug, Clone)]
pub struct GradeBand {
    /// The canonical grade word: 优, 良, 中, 差.
    pub name: String,
    pub synonyms: Vec<String>,
    /// Lower bound, inclusive.
    pub min: Decimal,
}

/// How the execution-rate item is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formula {
    /// 分值 × min(执行率, 100%)
    Proportional,
    /// 分值 − k × (100 − 执行率) for each percentage point below 100%.
    DeductPerPoint { points: Decimal },
    /// 分值 × ⌊执行率⌋ %, the rate cut to whole percent.
    WholePercent,
}

impl Formula {
    /// The score interval the formula gives for a weight and an execution rate (in percent).
    pub fn apply(&self, weight: Decimal, rate: Interval) -> Interval {
        let hundred = Decimal::ONE_HUNDRED;
        let capped = rate.min_with(hundred);
        let out = match self {
            Formula::Proportional => capped.scale(weight / hundred),
            Formula::DeductPerPoint { points } => {
                let f = |r: Decimal| (weight - *points * (hundred - r)).max(Decimal::ZERO);
                Interval::new(f(capped.lo), f(capped.hi))
            }
            Formula::WholePercent => Interval::new(
                weight * capped.lo.floor() / hundred,
                weight * capped.hi.floor() / hundred,
            ),
        };
        Interval::new(out.lo.max(Decimal::ZERO), out.hi.max(Decimal::ZERO))
    }

    /// The formula written out, for messages.
    pub fn describe(&self) -> (String, String) {
        match self {
            Formula::Proportional => (
                "分值 × min(执行率, 100%)".to_string(),
                "weight × min(rate, 100%)".to_string(),
            ),
            Formula::DeductPerPoint { points } => (
                format!("分值 − {points} × (100 − 执行率)"),
                format!("weight − {points} × (100 − rate)"),
            ),
            Formula::WholePercent => (
                "分值 × ⌊执行率⌋%".to_string(),
                "weight × ⌊rate⌋%".to_string(),
            ),
        }
    }
}

/// A section a report outline expects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlineSection {
    pub name: String,
    /// A heading containing any of these words is this section.
    pub keywords: Vec<String>,
    #[serde(default = "required_by_default")]
    pub required: bool,
}

fn required_by_default() -> bool {
    true
}

/// An outline of top-level sections reports of this standard follow.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    pub name: String,
    pub title_zh: String,
    pub title_en: String,
    pub sections: Vec<OutlineSection>,
}

#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub title_zh: String,
    pub title_en: String,
    pub full_marks_total: Decimal,
    pub rounding: RoundingPolicy,
    /// Bands ordered from the highest lower bound down.
    pub grades: Vec<GradeBand>,
    pub execution_score: Vec<Formula>,
    pub outlines: Vec<Outline>,
    /// The decimals a score computed from a formula (the execution-rate score) is rounded to
    /// when it is printed as a whole number: 2 unless a published rule has forms round scores
    /// to whole points (0). A whole number otherwise means that whole number: `9` is not
    /// `9.78` rounded or truncated.
    pub score_decimals: u32,
    /// Caps on the total score by execution rate, from provincial practice (a rate below 80%
    /// allows at most 89, …); highest `below` first. Empty nationally.
    pub execution_caps: Vec<ExecutionCap>,
    /// An actual value beating its target by this share or more (30 for 30%) suggests the
    /// target was set too low. Off nationally.
    pub target_slack: Option<Decimal>,
}

/// A cap on the total score: with an execution rate below `below` percent, the total is at
/// most `max_total`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecutionCap {
    pub below: Decimal,
    pub max_total: Decimal,
}

impl Profile {
    /// The band a total score falls in. Lower bounds are inclusive and the printed total is
    /// used as printed: 89.99 is never rounded up into 优.
    pub fn band_for(&self, total: Decimal) -> Option<&GradeBand> {
        self.grades.iter().find(|g| total >= g.min)
    }

    /// The band a grade word names (优, 优秀, 良好…).
    pub fn band_named(&self, word: &str) -> Option<&GradeBand> {
        self.grades
            .iter()
            .find(|g| g.name == word || g.synonyms.iter().any(|s| s == word))
    }

    /// The score interval a band covers, within `0..=full_marks_total`.
    pub fn band_interval(&self, band: &GradeBand) -> Interval {
        let index = self
            .grades
            .iter()
            .position(|g| g.name == band.name)
            .expect("band of this profile");
        let hi = if index == 0 {
            self.full_marks_total
        } else {
            // Just below the next band's lower bound.
            self.grades[index - 1].min - Decimal::new(1, 6)
        };
        Interval::new(band.min, hi.max(band.min))
    }

    pub fn builtin_names() -> Vec<&'static str> {
        BUILTIN.iter().map(|(n, _)| *n).collect()
    }

    /// A built-in profile by name, or a profile file by path.
    pub fn load(name_or_path: &str) -> Result<Profile, ProfileError> {
        if let Some((_, source)) = BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
            return Profile::parse(name_or_path, source);
        }
        let path = Path::new(name_or_path);
        if path.extension().is_some_and(|e| e == "toml") {
            let source = std::fs::read_to_string(path).map_err(|source| ProfileError::Io {
                path: name_or_path.to_string(),
                source,
            })?;
            return Profile::parse(name_or_path, &source);
        }
        Err(ProfileError::Unknown {
            name: name_or_path.to_string(),
            available: Profile::builtin_names().join(", "),
        })
    }

    pub fn parse(name: &str, source: &str) -> Result<Profile, ProfileError> {
        let invalid = |message: String| ProfileError::Invalid {
            name: name.to_string(),
            message,
        };
        let raw: RawProfile = toml::from_str(source).map_err(|e| invalid(e.to_string()))?;
        let decimal = |field: &str, s: &str| {
            Decimal::from_str(s)
                .map_err(|_| invalid(format!("{field} `{s}` is not a decimal number")))
        };
        let mut grades = raw
            .grades
            .iter()
            .map(|g| {
                Ok(GradeBand {
                    name: g.name.clone(),
                    synonyms: g.synonyms.clone(),
                    min: decimal("grades.min", &g.min)?,
                })
            })
            .collect::<Result<Vec<_>, ProfileError>>()?;
        grades.sort_by_key(|g| std::cmp::Reverse(g.min));
        if grades.is_empty() {
            return Err(invalid("no grades".to_string()));
        }
        let execution_score = raw
            .execution_score
            .iter()
            .map(|f| match f.formula.as_str() {
                "proportional" => Ok(Formula::Proportional),
                "whole-percent" => Ok(Formula::WholePercent),
                "deduct-per-point" => Ok(Formula::DeductPerPoint {
                    points: decimal(
                        "execution_score.points",
                        f.points.as_deref().unwrap_or("0.1"),
                    )?,
                }),
                other => Err(invalid(format!(
                    "unknown execution-score formula `{other}`"
                ))),
            })
            .collect::<Result<Vec<_>, ProfileError>>()?;
        let mut execution_caps = raw
            .execution_cap
            .iter()
            .map(|c| {
                Ok(ExecutionCap {
                    below: decimal("execution_cap.below", &c.below)?,
                    max_total: decimal("execution_cap.max_total", &c.max_total)?,
                })
            })
            .collect::<Result<Vec<_>, ProfileError>>()?;
        execution_caps.sort_by_key(|c| std::cmp::Reverse(c.below));
        let target_slack = raw
            .target_slack
            .as_deref()
            .map(|s| decimal("target_slack", s))
            .transpose()?;
        if raw.score_decimals.is_some_and(|d| d > 6) {
            return Err(invalid(
                "score_decimals must be between 0 and 6".to_string(),
            ));
        }
        Ok(Profile {
            score_decimals: raw.score_decimals.unwrap_or(2),
            execution_caps,
            target_slack,
            name: raw.name,
            title_zh: raw.title_zh,
            title_en: raw.title_en,
            full_marks_total: decimal("full_marks_total", &raw.full_marks_total)?,
            rounding: raw.rounding,
            grades,
            execution_score,
            outlines: raw.outline,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    name: String,
    title_zh: String,
    title_en: String,
    full_marks_total: String,
    rounding: RoundingPolicy,
    grades: Vec<RawGrade>,
    execution_score: Vec<RawFormula>,
    #[serde(default)]
    outline: Vec<Outline>,
    score_decimals: Option<u32>,
    #[serde(default)]
    execution_cap: Vec<RawCap>,
    target_slack: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrade {
    name: String,
    #[serde(default)]
    synonyms: Vec<String>,
    min: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCap {
    below: String,
    max_total: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormula {
    formula: String,
    points: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn every_builtin_profile_parses() {
        for name in Profile::builtin_names() {
            let p = Profile::load(name).unwrap();
            assert_eq!(p.name, name);
        }
    }

    #[test]
    fn national_bands() {
        let p = Profile::load("national-2020").unwrap();
        assert_eq!(p.band_for(dec!(90)).unwrap().name, "优");
        assert_eq!(p.band_for(dec!(89.99)).unwrap().name, "良");
        assert_eq!(p.band_for(dec!(60)).unwrap().name, "中");
        assert_eq!(p.band_for(dec!(59.99)).unwrap().name, "差");
        assert_eq!(p.band_named("良好").unwrap().name, "良");
        let good = p.band_named("良").unwrap();
        let band = p.band_interval(good);
        assert!(band.contains(dec!(80)) && band.contains(dec!(89.99)) && !band.contains(dec!(90)));
    }

    #[test]
    fn formulas() {
        let rate = Interval::exact(dec!(99.64));
        assert_eq!(
            Formula::Proportional.apply(dec!(4), rate),
            Interval::exact(dec!(3.9856))
        );
        assert_eq!(
            Formula::DeductPerPoint { points: dec!(0.1) }.apply(dec!(4), rate),
            Interval::exact(dec!(3.964))
        );
        assert_eq!(
            Formula::WholePercent.apply(dec!(4), rate),
            Interval::exact(dec!(3.96))
        );
        assert_eq!(
            Formula::Proportional.apply(dec!(10), Interval::exact(dec!(104))),
            Interval::exact(dec!(10))
        );
    }

    #[test]
    fn provincial_options_are_off_nationally_and_read_from_a_profile() {
        let national = Profile::load("national-2020").unwrap();
        assert!(national.execution_caps.is_empty());
        assert_eq!(national.target_slack, None);
        assert_eq!(national.score_decimals, 2);
        let example = Profile::load(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/rules/profiles/examples/provincial-manual.toml"
        ))
        .unwrap();
        let caps: Vec<(Decimal, Decimal)> = example
            .execution_caps
            .iter()
            .map(|c| (c.below, c.max_total))
            .collect();
        assert_eq!(
            caps,
            vec![
                (dec!(80), dec!(89)),
                (dec!(70), dec!(79)),
                (dec!(60), dec!(69)),
                (dec!(50), dec!(59))
            ]
        );
        assert_eq!(example.target_slack, Some(dec!(30)));
        let whole = national_with("score_decimals = 0\n");
        assert_eq!(whole.score_decimals, 0);
        assert!(Profile::parse(
            "t",
            &national_source().replace("rounding =", "score_decimals = 9\nrounding =")
        )
        .is_err());
    }

    fn national_source() -> String {
        BUILTIN[0].1.to_string()
    }

    fn national_with(line: &str) -> Profile {
        let source = national_source().replace("rounding =", &format!("{line}rounding ="));
        Profile::parse("t", &source).unwrap()
    }

    #[test]
    fn unknown_profile_names_the_available_ones() {
        let err = Profile::load("beijing").unwrap_err().to_string();
        assert!(err.contains("national-2020"), "{err}");
    }
}
