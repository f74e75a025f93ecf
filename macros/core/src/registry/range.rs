//! A numeric resource's `RangeEnumeration`: a range `a..b` (either end negative or decimal), a
//! comma-separated list of values and ranges, or empty. Other text (`2 Instances`,
//! `0: CONFIGURED`, `0-50`) is kept as text: the registry uses it for notes, so only text
//! written as a range or list of numbers is held to these rules.

/// The resource types whose `RangeEnumeration` is numeric.
pub(super) const NUMERIC_TYPES: &[&str] = &["Integer", "Unsigned Integer", "Float", "Time"];

/// What is wrong with `range` for a resource of type `kind`, and how to write it; `None` when
/// it is fine, empty, or text that is not a range.
pub(super) fn problem(kind: &str, range: &str) -> Option<(String, String)> {
    let range = range.trim();
    if range.is_empty() || !NUMERIC_TYPES.contains(&kind) {
        return None;
    }
    let items: Vec<&str> = range.split(',').map(str::trim).collect();
    let written_as_range = range.contains("..") || items.iter().all(|item| number(item).is_some());
    if !written_as_range {
        return None;
    }
    for item in items {
        let (low, high) = match item.split_once("..") {
            Some((low, high)) => (low.trim(), high.trim()),
            None => (item, item),
        };
        let (Some(low_value), Some(high_value)) = (number(low), number(high)) else {
            let message = match item == range {
                true => format!("`{range}` is neither a number nor a range `a..b`"),
                false => format!("`{item}` in `{range}` is neither a number nor a range `a..b`"),
            };
            return Some((
                message,
                "write a range as `0..100`, values and ranges separated by commas (`1, 5..9`)"
                    .into(),
            ));
        };
        if low_value > high_value {
            return Some((
                format!("the range `{item}` ends before it starts"),
                format!("write it as `{high}..{low}`"),
            ));
        }
        let whole = kind != "Float";
        for bound in [low, high] {
            if whole && bound.contains('.') {
                return Some((
                    format!("`{bound}` is not a whole number, and the resource's type is `{kind}`"),
                    "give whole numbers, or make the resource a `Float`".into(),
                ));
            }
            if kind == "Unsigned Integer" && bound.starts_with('-') {
                return Some((
                    format!(
                        "`{bound}` is below zero, and the resource's type is `Unsigned Integer`"
                    ),
                    "an unsigned integer's range starts at 0 or above".into(),
                ));
            }
        }
    }
    None
}

/// `text` as a number, when it is one: an optional sign, digits, and optionally a point and
/// more digits (the registry's ranges use no exponents).
fn number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let is_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !is_digits(whole) || !is_digits(fraction) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_lists_and_empty_values_pass() {
        for (kind, range) in [
            ("Integer", "0..100"),
            ("Integer", "-40..85"),
            ("Float", "-3.5..12.25"),
            ("Unsigned Integer", "1, 5..9, 12"),
            ("Integer", ""),
            ("Time", "0..4294967295"),
            ("Integer", "7"),
            // Text kept as text.
            ("Integer", "2 Instances"),
            ("Integer", "0: CONFIGURED_ON\n1: FULL_ON"),
            ("Integer", "0-50"),
            // Not a numeric type.
            ("String", "1...15"),
        ] {
            assert_eq!(problem(kind, range), None, "{kind} {range:?}");
        }
    }

    #[test]
    fn broken_ranges_are_found() {
        let message = |kind, range| problem(kind, range).map(|(message, _)| message);
        assert_eq!(
            message("Integer", "1...15").as_deref(),
            Some("`1...15` is neither a number nor a range `a..b`")
        );
        assert_eq!(
            message("Integer", "10..1").as_deref(),
            Some("the range `10..1` ends before it starts")
        );
        assert_eq!(
            message("Integer", "0..2.5").as_deref(),
            Some("`2.5` is not a whole number, and the resource's type is `Integer`")
        );
        assert_eq!(
            message("Unsigned Integer", "-1..5").as_deref(),
            Some("`-1` is below zero, and the resource's type is `Unsigned Integer`")
        );
        assert!(message("Float", "0; 3.8..20.5").is_some());
    }
}
