//! Checking sums and ratios of printed values under the profile's rounding policy.
//!
//! A relation holds when, for some rounding mode the policy allows (the same mode for every
//! figure), the intervals of the printed values can meet. When it does not hold, the violation
//! records the exact arithmetic of the printed values for the message, and for every cell the
//! value it would need — the input of the blame pass.

use rust_decimal::Decimal;

use crate::diagnostic::{Constraint, Implied};
use crate::number::{format_decimal, format_plain, Interval, Num, Precision};
use crate::profile::RoundingPolicy;

/// A sum that does not hold.
#[derive(Debug, Clone)]
pub struct SumViolation {
    /// Exact sum of the printed parts.
    pub computed: Decimal,
    /// Stated minus computed.
    pub diff: Decimal,
    pub decimals: u32,
    /// Half the sum of the last-digit units: what rounding alone could explain.
    pub tolerance: Decimal,
    /// `2 + 2 + 1.5 = 5.5`
    pub arithmetic: String,
    pub constraint: Constraint,
}

impl SumViolation {
    pub fn computed_text(&self) -> String {
        format_decimal(self.computed, self.decimals)
    }

    pub fn diff_text(&self) -> String {
        crate::number::format_signed(self.diff, self.decimals)
    }

    pub fn tolerance_text(&self) -> String {
        format_plain(self.tolerance)
    }
}

fn display_decimals<'a>(nums: impl IntoIterator<Item = &'a Num>) -> u32 {
    nums.into_iter()
        .map(|n| match n.precision {
            Precision::Exact => n.value.normalize().scale(),
            Precision::Decimals(d) => d,
            Precision::Step(step) => step.normalize().scale(),
        })
        .max()
        .unwrap_or(0)
}

fn sum_interval(parts: &[&Num], mode: crate::number::Rounding) -> Interval {
    parts.iter().fold(Interval::exact(Decimal::ZERO), |acc, p| {
        acc.add(&p.interval(mode))
    })
}

/// The hull over the policy's modes of a computed interval.
fn hull_over(policy: RoundingPolicy, f: impl Fn(crate::number::Rounding) -> Interval) -> Interval {
    let mut modes = policy.modes().iter();
    let first = f(*modes.next().expect("at least one mode"));
    modes.fold(first, |acc, m| acc.hull(&f(*m)))
}

/// Every value a printed number can stand for under any of the policy's rounding modes.
pub fn possible(num: &Num, policy: RoundingPolicy) -> Interval {
    hull_over(policy, |m| num.interval(m))
}

/// What `total` leaves for one more part once `others` are taken from it, under any of the
/// policy's rounding modes: the value a missing or suspect part must have.
pub fn remainder(total: &Num, others: &[&Num], policy: RoundingPolicy) -> Interval {
    hull_over(policy, |m| total.interval(m).sub(&sum_interval(others, m)))
}

/// `total` against the sum of `parts`; `None` when it holds.
pub fn check_sum(parts: &[&Num], total: &Num, policy: RoundingPolicy) -> Option<SumViolation> {
    let holds = policy
        .modes()
        .iter()
        .any(|&m| sum_interval(parts, m).overlaps(&total.interval(m)));
    if holds {
        return None;
    }
    let computed: Decimal = crate::number::total(parts.iter().map(|p| p.value));
    let decimals = display_decimals(parts.iter().copied().chain(std::iter::once(total)));
    let unit = |n: &Num| match n.precision {
        Precision::Exact => Decimal::ZERO,
        Precision::Decimals(d) => Decimal::new(1, d),
        Precision::Step(step) => step,
    };
    let tolerance =
        (crate::number::total(parts.iter().map(|p| unit(p))) + unit(total)) / Decimal::TWO;
    let mut cells = vec![Implied {
        span: total.span,
        value: hull_over(policy, |m| sum_interval(parts, m)),
        point: computed,
        decimals,
    }];
    // What each part would need, all others as printed: the total less the sum of the others,
    // which is the sum of all less the part (endpoint by endpoint, so it stays linear).
    let sums: Vec<(crate::number::Rounding, Interval)> = policy
        .modes()
        .iter()
        .map(|&m| (m, sum_interval(parts, m)))
        .collect();
    for part in parts {
        let need = sums
            .iter()
            .map(|&(m, all)| {
                let own = part.interval(m);
                let others = Interval::new(
                    all.lo.saturating_sub(own.lo),
                    all.hi
                        .saturating_sub(own.hi)
                        .max(all.lo.saturating_sub(own.lo)),
                );
                total.interval(m).sub(&others)
            })
            .reduce(|a, b| a.hull(&b))
            .expect("at least one mode");
        cells.push(Implied {
            span: part.span,
            value: need,
            point: total.value - (computed - part.value),
            decimals,
        });
    }
    Some(SumViolation {
        computed,
        diff: total.value - computed,
        decimals,
        tolerance,
        arithmetic: format!(
            "{} = {}",
            join_parts(parts),
            format_decimal(computed, decimals)
        ),
        constraint: Constraint {
            subject: Some(total.span),
            cells,
        },
    })
}

/// `a + b + c`, as printed.
pub fn join_parts(parts: &[&Num]) -> String {
    parts
        .iter()
        .map(|p| p.text.trim_end_matches(['%', '分']).to_string())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The outcome of checking a stated rate against its numerator and denominator.
#[derive(Debug, Clone)]
pub enum RatioCheck {
    Holds,
    /// The denominator may be zero: the rate is undefined.
    Undefined,
    Violated(RatioViolation),
}

#[derive(Debug, Clone)]
pub struct RatioViolation {
    /// numerator / denominator × 100, exact on the printed values.
    pub computed: Decimal,
    pub decimals: u32,
    pub constraint: Constraint,
}

impl RatioViolation {
    pub fn computed_text(&self) -> String {
        format_decimal(self.computed, self.decimals)
    }

    /// The stated rate minus the computed one, in percentage points.
    pub fn diff_text(&self, stated: &Num) -> String {
        crate::number::format_signed(stated.value - self.computed, self.decimals)
    }
}

/// `rate` (in percent) against `numerator / denominator`.
pub fn check_ratio(
    numerator: &Num,
    denominator: &Num,
    rate: &Num,
    policy: RoundingPolicy,
) -> RatioCheck {
    let hundred = Decimal::ONE_HUNDRED;
    let quotient = |m| {
        numerator
            .interval(m)
            .div(&denominator.interval(m))
            .map(|q| q.scale(hundred))
    };
    let mut defined = false;
    for &m in policy.modes() {
        if let Some(q) = quotient(m) {
            defined = true;
            if q.overlaps(&rate.interval(m)) {
                return RatioCheck::Holds;
            }
        }
    }
    if !defined || denominator.value.is_zero() {
        return RatioCheck::Undefined;
    }
    let computed = numerator.value / denominator.value * hundred;
    // A rate printed as `100%` is shown worked out to two decimals: `80.45%`, not `80%`.
    let decimals = rate.display_decimals().max(2);
    let hull = |f: &dyn Fn(crate::number::Rounding) -> Option<Interval>| {
        policy
            .modes()
            .iter()
            .filter_map(|&m| f(m))
            .reduce(|a, b| a.hull(&b))
    };
    let mut cells = Vec::new();
    if let Some(v) = hull(&|m| quotient(m)) {
        cells.push(Implied {
            span: rate.span,
            value: v,
            point: computed,
            decimals,
        });
    }
    if let Some(v) = hull(&|m| {
        Some(
            rate.interval(m)
                .scale(Decimal::ONE / hundred)
                .mul(&denominator.interval(m)),
        )
    }) {
        cells.push(Implied {
            span: numerator.span,
            value: v,
            point: rate.value / hundred * denominator.value,
            decimals: numerator.display_decimals(),
        });
    }
    if let Some(v) = hull(&|m| {
        numerator
            .interval(m)
            .div(&rate.interval(m).scale(Decimal::ONE / hundred))
    }) {
        cells.push(Implied {
            span: denominator.span,
            value: v,
            point: if rate.value.is_zero() {
                v.midpoint()
            } else {
                numerator.value / (rate.value / hundred)
            },
            decimals: denominator.display_decimals(),
        });
    }
    RatioCheck::Violated(RatioViolation {
        computed,
        decimals,
        constraint: Constraint {
            subject: Some(rate.span),
            cells,
        },
    })
}

/// Whether two stated values of the same figure can be equal. Printed with the same
/// precision (and, under each mode, the same rounding), one true value prints the same way
/// twice, so the printed values must be equal; at different precisions (19.000 and 19.00) their
/// intervals must meet.
pub fn same_value(a: &Num, b: &Num, policy: RoundingPolicy) -> bool {
    if a.step().map(|s| s.normalize()) == b.step().map(|s| s.normalize()) {
        return a.value == b.value;
    }
    policy
        .modes()
        .iter()
        .any(|&m| a.interval(m).overlaps(&b.interval(m)))
}

/// Constraint for two values that should be equal: each implies the other.
pub fn equality_constraint(a: &Num, b: &Num, policy: RoundingPolicy) -> Constraint {
    let decimals = display_decimals([a, b]);
    Constraint {
        subject: Some(a.span),
        cells: vec![
            Implied {
                span: a.span,
                value: possible(b, policy),
                point: b.value,
                decimals,
            },
            Implied {
                span: b.span,
                value: possible(a, policy),
                point: a.value,
                decimals,
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::number::Rounding;
    use rust_decimal_macros::dec;

    fn num(v: Decimal, d: u32, at: usize) -> Num {
        Num::new(
            v,
            Precision::Decimals(d),
            Span::new(at, at + 1),
            v.to_string(),
        )
    }

    #[test]
    fn rounded_parts_may_miss_the_total_by_rounding() {
        // 1/3 + 1/3 + 1/3 printed 0.33 each, total printed 1.00: consistent.
        let parts = [
            num(dec!(0.33), 2, 0),
            num(dec!(0.33), 2, 1),
            num(dec!(0.33), 2, 2),
        ];
        let refs: Vec<&Num> = parts.iter().collect();
        assert!(check_sum(&refs, &num(dec!(1.00), 2, 3), RoundingPolicy::Either).is_none());
        let v = check_sum(&refs, &num(dec!(1.10), 2, 3), RoundingPolicy::Either).unwrap();
        assert_eq!(v.computed, dec!(0.99));
        assert_eq!(v.diff_text(), "+0.11");
        assert_eq!(v.arithmetic, "0.33 + 0.33 + 0.33 = 0.99");
    }

    #[test]
    fn truncation_is_accepted_when_the_policy_allows_it() {
        let rate = num(dec!(98.52), 2, 0);
        let spent = num(dec!(6.70), 2, 1);
        let budget = num(dec!(6.80), 2, 2);
        assert!(matches!(
            check_ratio(&spent, &budget, &rate, RoundingPolicy::Either),
            RatioCheck::Holds
        ));
        // 8.98 / 9.00 = 99.777…: 99.77 is truncated.
        let rate = num(dec!(99.77), 2, 0);
        let spent = Num::new(dec!(8.98), Precision::Exact, Span::default(), "8.98");
        let budget = Num::new(dec!(9.00), Precision::Exact, Span::default(), "9.00");
        assert!(matches!(
            check_ratio(&spent, &budget, &rate, RoundingPolicy::Truncate),
            RatioCheck::Holds
        ));
        assert!(matches!(
            check_ratio(&spent, &budget, &rate, RoundingPolicy::Round),
            RatioCheck::Violated(_)
        ));
    }

    #[test]
    fn zero_over_zero_is_undefined_not_wrong() {
        let zero = num(dec!(0.00), 2, 0);
        assert!(matches!(
            check_ratio(&zero, &zero, &num(dec!(0.00), 2, 1), RoundingPolicy::Either),
            RatioCheck::Undefined
        ));
    }

    #[test]
    fn implied_values_point_at_each_cell() {
        let parts = [num(dec!(2), 2, 0), num(dec!(3), 2, 1)];
        let refs: Vec<&Num> = parts.iter().collect();
        let v = check_sum(&refs, &num(dec!(6), 2, 2), RoundingPolicy::Round).unwrap();
        let implied_first = &v.constraint.cells[1];
        assert!(implied_first.value.contains(dec!(3)));
        assert!(!implied_first.value.contains(dec!(2)));
        let _ = Rounding::Round;
    }
}
