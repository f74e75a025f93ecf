//! `::ShButton` / `:sh-button{…}`: a link styled as a button.

use super::props::{Markdown, PropKind, ReadProps};
use super::ui::{Ui, merge_classes};
use super::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, PreEscaped, html};
use site_props::Props;

/// The sizes a button takes, smallest first.
pub(super) const SIZES: &[&str] = &[
    "2xs", "xs", "sm", "md", "base", "lg", "xl", "2xl", "3xl", "4xl", "5xl",
];

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShButton",
    props: Button::PROPS,
    ui: &[
        ("rounded", "rounded-md"),
        ("inline", "inline-flex items-center"),
        ("fullWidth", "w-full flex justify-center items-center"),
        ("wrapper", "align-middle m-1 hover:saturate-150"),
        ("inner", "text-center not-prose mx-auto"),
    ],
    render: |used, renderer| render(&Button::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(class, ui)]
struct Button {
    url_button: Option<String>,
    #[prop(default = "_blank")]
    target: Option<String>,
    label_button: Option<Markdown>,
    #[prop(default = "primary")]
    color_button: String,
    #[prop(kind = PropKind::OneOf(&["solid", "outline", "link"]), default = "solid")]
    style_button: String,
    #[prop(kind = PropKind::OneOf(SIZES), default = "base")]
    size: String,
    #[prop(default = "false")]
    full_width: bool,
    #[prop(default = "false")]
    disabled: bool,
}

/// Padding and text size per size.
fn size_classes(size: &str) -> (&'static str, &'static str) {
    match size {
        "2xs" => ("px-1 py-1", "text-xs"),
        "xs" => ("px-1.5 py-1.5", "text-xs"),
        "sm" => ("px-2 py-2", "text-sm"),
        "md" => ("px-2.5 py-2.5", "text-md"),
        "lg" => ("px-7 py-6", "text-lg"),
        "xl" => ("px-8 py-7", "text-xl"),
        "2xl" => ("px-9 py-8", "text-2xl"),
        "3xl" => ("px-10 py-9", "text-3xl"),
        "4xl" => ("px-11 py-10", "text-4xl"),
        "5xl" => ("px-12 py-11", "text-5xl"),
        _ => ("px-3 py-3", "text-base"),
    }
}

/// The style template of `style` (`solid`, `outline`, `link`, and Nuxt UI's `soft` and `ghost`)
/// with the colour substituted.
pub(super) fn style_classes(style: &str, color: &str) -> String {
    let template = match style {
        "outline" => {
            "text-{c}-500 dark:text-{c}-400 ring-1 ring-inset ring-{c}-500 dark:ring-{c}-400 no-underline"
        }
        "link" => {
            "text-{c}-500 hover:text-{c}-600 disabled:text-{c}-500 dark:text-{c}-400 dark:hover:text-{c}-500 dark:disabled:text-{c}-400 underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-{c}-500 dark:focus-visible:ring-{c}-400"
        }
        "soft" => {
            "text-{c}-500 dark:text-{c}-400 bg-{c}-50 hover:bg-{c}-100 dark:bg-{c}-950 dark:hover:bg-{c}-900 no-underline"
        }
        "ghost" => {
            "text-{c}-500 dark:text-{c}-400 hover:bg-{c}-50 dark:hover:bg-{c}-950 no-underline"
        }
        _ => {
            "bg-{c}-500 dark:bg-{c}-400 text-white hover:text-white dark:hover:text-black dark:text-gray-900 no-underline"
        }
    };
    // A colour is one class-name word: anything else would inject classes.
    let color = if !color.is_empty() && color.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        color
    } else {
        "primary"
    };
    template.replace("{c}", color)
}

/// The button's class list: the size, width and style classes, then `wrapper` and `class`.
fn button_class(props: &Button, ui: &Ui) -> String {
    let (padding, text) = size_classes(&props.size);
    let style = style_classes(&props.style_button, &props.color_button);
    let joined = classes(&[
        ui.get("rounded"),
        padding,
        if props.full_width {
            ui.get("fullWidth")
        } else {
            ui.get("inline")
        },
        text,
        &style,
        ui.get("wrapper"),
    ]);
    // `wrapper` already ends with the `class` prop (merged in by `Ui::resolve`), so the author's
    // classes are merged last.
    merge_keeping_ring_inset(&joined)
}

/// tailwind-merge, except that tailwind_fuse takes `ring-inset` for a ring width and drops
/// `ring-1` beside it (tailwind-merge keeps both): `ring-inset` is kept out of the merge.
fn merge_keeping_ring_inset(joined: &str) -> String {
    const HELD: &str = "sh-held-ring-inset";
    let held = joined
        .split_whitespace()
        .map(|class| match class.strip_suffix("ring-inset") {
            Some(variants) if variants.is_empty() || variants.ends_with(':') => {
                format!("{variants}{HELD}")
            }
            _ => class.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    merge_classes(&held).replace(HELD, "ring-inset")
}

/// A label of one paragraph without its `<p>`, so that the button stays phrasing content (it may
/// sit inside a paragraph: `:sh-button{…}`).
fn unwrap_paragraph(label: Markup) -> Markup {
    let html = label.0;
    match html
        .strip_prefix("<p>")
        .and_then(|inner| inner.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") && !inner.contains("<p ") => {
            PreEscaped(inner.to_string())
        }
        _ => PreEscaped(html),
    }
}

fn render(props: &Button, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let class = button_class(props, &component.ui);
    let disabled = props.disabled;
    let target = props.target.as_deref();
    let href = props.url_button.as_deref().filter(|_| !disabled);
    let rel = href.and_then(|href| link_rel(href, target));
    let label = props
        .label_button
        .as_ref()
        .map(|label| unwrap_paragraph(label.render(renderer)));
    let body = match label {
        Some(label) => html! { span { (label) } },
        None => component.slot(renderer),
    };
    html! {
        a href=[href] target=[target] type="button" rel=[rel] aria-disabled=[disabled.then_some("true")] class=(class) {
            span class=[super::non_empty(component.ui.get("inner"))] { (body) }
        }
    }
}
