//! Utilities encre-css 0.21 lacks and the pages use, as encre-css plugins:
//!
//! * colours with an arbitrary opacity, `bg-golden/[0.2]`, `from-primary/[0.4]`,
//!   `text-oma-blue-900/[0.7]`, and arbitrary colours with one, `bg-[#19191a]/75` (encre-css
//!   only knows `/50` after a named colour);
//! * `size-*`, width and height at once (`size-7`);
//! * Tailwind 3 names that Tailwind 4 renamed: `flex-shrink-0`, `flex-grow`, `backdrop-blur`;
//! * Tailwind 3's `ring-inset`, which Tailwind 4 dropped;
//! * two sizes the OMA components' defaults use that are not Tailwind's: `text-md` and
//!   `max-h-3xl`;
//! * percentages in brackets for the filter and opacity amounts today's OMA components use,
//!   `saturate-[300%]`, `opacity-[25%]`, which encre-css's number plugins do not take.
//!
//! The single classes are written as a namespace and a value (`text` and `md`) rather than as
//! whole names: a whole name would add a path to encre-css's lookup tree on which a shorter
//! class ending inside it (`max-h-3`) would then find no plugin.

use encre_css::Config;
use encre_css::prelude::build_plugin::*;

/// Where a colour class puts its colour.
#[derive(Debug, Clone, Copy)]
enum Target {
    /// One property (`background-color`).
    Prop(&'static str),
    /// Several properties, one colour.
    Props(&'static [&'static str]),
    /// The gradient's first stop (`from-*`).
    GradientFrom,
    /// The gradient's middle stop (`via-*`).
    GradientVia,
}

/// A plugin for `NAMESPACE-COLOUR/[ALPHA]`.
macro_rules! alpha_plugin {
    ($namespace:literal, $target:expr) => {
        Plugin::Functional(Functional {
            namespace: $namespace,
            can_handle: |context| alpha_color(context.config, context.modifier).is_some(),
            handle: |context| write_alpha(context, $target),
        })
    };
}

/// One plugin per colour namespace of Tailwind (a namespace is matched exactly).
static ALPHA_PLUGINS: [StaticPlugin; 21] = [
    alpha_plugin!("bg", Target::Prop("background-color")),
    alpha_plugin!("text", Target::Prop("color")),
    alpha_plugin!("border", Target::Prop("border-color")),
    alpha_plugin!("border-x", Target::Prop("border-inline-color")),
    alpha_plugin!("border-y", Target::Prop("border-block-color")),
    alpha_plugin!("border-s", Target::Prop("border-inline-start-color")),
    alpha_plugin!("border-e", Target::Prop("border-inline-end-color")),
    alpha_plugin!("border-t", Target::Prop("border-top-color")),
    alpha_plugin!("border-r", Target::Prop("border-right-color")),
    alpha_plugin!("border-b", Target::Prop("border-bottom-color")),
    alpha_plugin!("border-l", Target::Prop("border-left-color")),
    alpha_plugin!("from", Target::GradientFrom),
    alpha_plugin!("via", Target::GradientVia),
    alpha_plugin!("to", Target::Prop("--en-gradient-to")),
    alpha_plugin!("ring", Target::Prop("--en-ring-color")),
    alpha_plugin!("outline", Target::Prop("outline-color")),
    alpha_plugin!("shadow", Target::Prop("--en-shadow-color")),
    alpha_plugin!(
        "decoration",
        Target::Props(&["-webkit-text-decoration-color", "text-decoration-color"])
    ),
    alpha_plugin!("fill", Target::Prop("fill")),
    alpha_plugin!("stroke", Target::Prop("stroke")),
    alpha_plugin!("caret", Target::Prop("caret-color")),
];

/// `size-7`, `size-px`, `size-1/2`, `size-full`, `size-auto`: width and height.
static SIZE: StaticPlugin = Plugin::Spacing(Spacing {
    namespace: "size",
    prop: MultipleProps(&["width", "height"]),
    has_auto: Some(true),
    has_full: Some(true),
    ..Spacing::default()
});

/// `size-min`, `size-max`, `size-fit`.
static SIZE_LIST: StaticPlugin = Plugin::ListValues(ListValues {
    prop: MultipleProps(&["width", "height"]),
    values: map! {
        "min" => "min-content",
        "max" => "max-content",
        "fit" => "fit-content",
    },
    namespace: Some("size"),
    ..ListValues::default()
});

/// `size-[3.5rem]`.
static SIZE_ARBITRARY: StaticPlugin = Plugin::Arbitrary(Arbitrary {
    namespace: "size",
    prop: MultipleProps(&["width", "height"]),
    ..Arbitrary::default()
});

/// Tailwind 3's `flex-shrink-*` (Tailwind 4's `shrink-*`).
static FLEX_SHRINK: StaticPlugin = Plugin::ListValues(ListValues {
    prop: SingleProp("flex-shrink"),
    values: map! {
        "flex-shrink" => "1",
        "flex-shrink-0" => "0",
    },
    ..ListValues::default()
});

/// Tailwind 3's `flex-grow-*` (Tailwind 4's `grow-*`).
static FLEX_GROW: StaticPlugin = Plugin::ListValues(ListValues {
    prop: SingleProp("flex-grow"),
    values: map! {
        "flex-grow" => "1",
        "flex-grow-0" => "0",
    },
    ..ListValues::default()
});

/// Tailwind 3's bare `backdrop-blur` (8px), with encre-css's backdrop-filter variables.
static BACKDROP_BLUR: StaticPlugin = Plugin::ListValues(ListValues {
    prop: SingleProp("--en-backdrop-blur"),
    values: map! {
        "backdrop-blur" => "blur(8px)",
    },
    extra_rule_css: Some(&[
        "-webkit-backdrop-filter: var(--en-backdrop-blur) var(--en-backdrop-brightness) var(--en-backdrop-contrast) var(--en-backdrop-grayscale) var(--en-backdrop-hue-rotate) var(--en-backdrop-invert) var(--en-backdrop-opacity) var(--en-backdrop-saturate) var(--en-backdrop-sepia);",
        "backdrop-filter: var(--en-backdrop-blur) var(--en-backdrop-brightness) var(--en-backdrop-contrast) var(--en-backdrop-grayscale) var(--en-backdrop-hue-rotate) var(--en-backdrop-invert) var(--en-backdrop-opacity) var(--en-backdrop-saturate) var(--en-backdrop-sepia);",
    ]),
    ..ListValues::default()
});

/// Tailwind 3's `ring-inset`: the ring drawn inside the element's border. encre-css's
/// `ring-1` writes its ring to `--en-ring-shadow` without Tailwind 3's `--tw-ring-inset`
/// slot, so this puts `inset` before that shadow in the combined `box-shadow` (the same list
/// as encre-css's ring rules). `!important`: encre-css writes plugins' rules before its own,
/// so `ring-1`'s `box-shadow` would otherwise win; the list keeps every other shadow.
static RING_INSET: StaticPlugin = Plugin::ListProperties(ListProperties {
    props: map! {
        "inset" => &["box-shadow: var(--en-inset-shadow, 0 0 #0000), var(--en-inset-ring-shadow, 0 0 #0000), var(--en-ring-offset-shadow, 0 0 #0000), inset var(--en-ring-shadow, 0 0 #0000), var(--en-shadow, 0 0 #0000) !important;"],
    },
    namespace: Some("ring"),
    ..ListProperties::default()
});

/// `text-md`, in ShButton's sizes and other OMA defaults: Nuxt UI's name for the base size,
/// 1rem on 1.5rem (Tailwind's `text-base`).
static TEXT_MD: StaticPlugin = Plugin::ListProperties(ListProperties {
    props: map! {
        "md" => &["font-size: 1rem;", "line-height: 1.5rem;"],
    },
    namespace: Some("text"),
    ..ListProperties::default()
});

/// `max-h-3xl`, in ShActionCard's wrapper beside `max-w-4xl`: the height of the `3xl`
/// container size, 48rem.
static MAX_H_3XL: StaticPlugin = Plugin::ListValues(ListValues {
    prop: SingleProp("max-height"),
    values: map! {
        "3xl" => "48rem",
    },
    namespace: Some("max-h"),
    ..ListValues::default()
});

/// encre-css's `filter` list, which every filter utility sets with its own variable.
const CSS_FILTER: &str = "filter: var(--en-blur) var(--en-brightness) var(--en-contrast) var(--en-grayscale) var(--en-hue-rotate) var(--en-invert) var(--en-saturate) var(--en-sepia) var(--en-drop-shadow);";

/// `saturate-[300%]`: the filter's saturation at an arbitrary amount.
static SATURATE_AMOUNT: StaticPlugin = Plugin::Functional(Functional {
    namespace: "saturate",
    can_handle: |context| amount(context.modifier).is_some(),
    handle: |context| {
        let Some(value) = amount(context.modifier) else {
            return;
        };
        generate_wrapper(context, |context| {
            context
                .buffer
                .line(format_args!("--en-saturate: saturate({value});"));
            context.buffer.line(CSS_FILTER);
        });
    },
});

/// `opacity-[25%]`: an arbitrary opacity.
static OPACITY_AMOUNT: StaticPlugin = Plugin::Functional(Functional {
    namespace: "opacity",
    can_handle: |context| amount(context.modifier).is_some(),
    handle: |context| {
        let Some(value) = amount(context.modifier) else {
            return;
        };
        generate_wrapper(context, |context| {
            context.buffer.line(format_args!("opacity: {value};"));
        });
    },
});

/// The amount in brackets, `[300%]` or `[0.25]`: a non-negative number or percentage
/// (a functional plugin sees the brackets; only arbitrary-value plugins get them removed).
fn amount<'a>(modifier: &Modifier<'a>) -> Option<&'a str> {
    let Modifier::Builtin {
        value,
        is_negative: false,
    } = modifier
    else {
        return None;
    };
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    let number = inner.strip_suffix('%').unwrap_or(inner);
    let valid = number
        .parse::<f64>()
        .is_ok_and(|n| n.is_finite() && n >= 0.0);
    valid.then_some(inner)
}

/// Adds the plugins to `config`.
pub(super) fn register(config: &mut Config) {
    for plugin in &ALPHA_PLUGINS {
        config.register_plugin(plugin);
    }
    for plugin in [
        &SIZE,
        &SIZE_LIST,
        &SIZE_ARBITRARY,
        &FLEX_SHRINK,
        &FLEX_GROW,
        &BACKDROP_BLUR,
        &RING_INSET,
        &TEXT_MD,
        &MAX_H_3XL,
        &SATURATE_AMOUNT,
        &OPACITY_AMOUNT,
    ] {
        config.register_plugin(plugin);
    }
}

/// The colour of modifier `COLOUR/[ALPHA]` (`golden/[0.2]`) or `[COLOUR]/ALPHA`
/// (`[#19191a]/75`, `[#19191a]/[0.75]`), if the colour is known or valid and the alpha is a
/// number from 0 to 1 or a percentage (`/75` is 75%).
fn alpha_color(config: &Config, modifier: &Modifier<'_>) -> Option<String> {
    let Modifier::Builtin {
        value,
        is_negative: false,
    } = modifier
    else {
        return None;
    };
    let (name, alpha) = value.rsplit_once('/')?;
    let arbitrary = name.strip_prefix('[').and_then(|n| n.strip_suffix(']'));
    let alpha = match alpha.strip_prefix('[').and_then(|a| a.strip_suffix(']')) {
        Some(alpha) => parse_alpha(alpha)?,
        // `golden/75` is encre-css's own.
        None if arbitrary.is_some() => parse_alpha(&format!("{alpha}%"))?,
        None => return None,
    };
    let base = match arbitrary {
        Some(color) => is_matching_color(color).then(|| color.to_string())?,
        None => color::get(config, name)?.into_owned(),
    };
    Some(with_alpha(&base, alpha))
}

/// `0.2` or `20%` as 0.2.
fn parse_alpha(text: &str) -> Option<f64> {
    let alpha = match text.strip_suffix('%') {
        Some(percent) => percent.trim().parse::<f64>().ok()? / 100.0,
        None => text.trim().parse::<f64>().ok()?,
    };
    (alpha.is_finite() && (0.0..=1.0).contains(&alpha)).then_some(alpha)
}

/// A number with at most four decimals, without trailing zeros (`0.7`, `70`).
fn decimal(value: f64) -> String {
    let rounded = (value * 10_000.0).round() / 10_000.0;
    format!("{rounded}")
}

/// `color` at opacity `alpha`: `rgb(r g b / alpha)` for a hex colour, otherwise a mix with
/// transparent (a `var()` or a named colour).
fn with_alpha(color: &str, alpha: f64) -> String {
    match hex_rgb(color) {
        Some([r, g, b]) => format!("rgb({r} {g} {b} / {})", decimal(alpha)),
        None => format!(
            "color-mix(in oklab, {color} {}%, transparent)",
            decimal(alpha * 100.0)
        ),
    }
}

/// The channels of `#rgb` or `#rrggbb`.
fn hex_rgb(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
        .collect::<Option<_>>()?;
    match digits[..] {
        [r, g, b] => Some([r * 17, g * 17, b * 17]),
        [r1, r2, g1, g2, b1, b2] => Some([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2]),
        _ => None,
    }
}

/// Writes the rule of a colour-with-opacity class.
fn write_alpha(context: &mut ContextHandle<'_, '_, '_, '_, '_>, target: Target) {
    let Some(color) = alpha_color(context.config, context.modifier) else {
        return;
    };
    generate_wrapper(context, |context| {
        match target {
        Target::Prop(prop) => context.buffer.line(format_args!("{prop}: {color};")),
        Target::Props(props) => {
            for prop in props {
                context.buffer.line(format_args!("{prop}: {color};"));
            }
        }
        Target::GradientFrom => {
            context
                .buffer
                .line(format_args!("--en-gradient-from: {color};"));
            context.buffer.line(
                "--en-gradient-stops: var(--en-gradient-from), var(--en-gradient-to, transparent);",
            );
        }
        Target::GradientVia => context.buffer.line(format_args!(
            "--en-gradient-stops: var(--en-gradient-from), {color}, var(--en-gradient-to, transparent);"
        )),
    }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphas_parse_as_fractions_or_percentages() {
        assert_eq!(parse_alpha("0.2"), Some(0.2));
        assert_eq!(parse_alpha("20%"), Some(0.2));
        assert_eq!(parse_alpha("1"), Some(1.0));
        assert_eq!(parse_alpha("1.5"), None);
        assert_eq!(parse_alpha("-0.1"), None);
        assert_eq!(parse_alpha("NaN"), None);
        assert_eq!(parse_alpha("var(--a)"), None);
    }

    #[test]
    fn hex_colours_get_an_alpha_channel_and_others_a_mix() {
        assert_eq!(with_alpha("#E7D6C2", 0.2), "rgb(231 214 194 / 0.2)");
        assert_eq!(with_alpha("#fff", 0.7), "rgb(255 255 255 / 0.7)");
        assert_eq!(
            with_alpha("var(--color-primary)", 0.7),
            "color-mix(in oklab, var(--color-primary) 70%, transparent)"
        );
        assert_eq!(hex_rgb("#12345"), None);
        assert_eq!(hex_rgb("#gggggg"), None);
        assert_eq!(hex_rgb("#é"), None);
    }
}
