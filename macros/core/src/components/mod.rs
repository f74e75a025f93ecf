//! The OMA components, one file each, and the registry that finds them by MDC name.
//!
//! Each component declares its props once, as a struct deriving `Props` ([`props::ReadProps`]):
//! its [`ComponentSpec`] holds the declarations the checks read, and its render function reads
//! the struct's typed fields.

mod binding;
pub mod icon;
pub mod legacy;
pub mod props;
pub mod ui;

mod css;

mod sh_action_card;
mod sh_alert;
mod sh_announcement;
mod sh_avatar;
mod sh_badge;
mod sh_button;
mod sh_card;
mod sh_carousel;
mod sh_column;
mod sh_dynamic_table;
mod sh_faq;
mod sh_form_contact_us;
mod sh_form_newsletter;
mod sh_helper_component;
mod sh_img_container;
mod sh_list_cards;
mod sh_micro_card;
mod sh_multi_column;
mod sh_segment;
mod sh_social;
mod sh_text_img;
mod sh_two_columns;
mod sh_video;

use crate::diagnostic::Code;
use crate::parse::kebab_case;
use crate::render::Renderer;
use crate::render::html::{escape_into, open_tag};
use crate::render::untrusted::push_authored;
use crate::source::Span;
use crate::tree::{Attributes, Component, Node, NodeKind};
use maud::{Markup, PreEscaped};
use props::{Markdown, PropKind, PropSpec, Props, Written};
use serde_json::Value;
use ui::{Ui, UiDefaults};

/// A component's declaration: name, props, default classes and renderer.
#[derive(Debug)]
pub struct ComponentSpec {
    /// The MDC name (`ShTextImg`).
    pub name: &'static str,
    /// Declared props (besides `ui` and the HTML global attributes).
    pub props: &'static [PropSpec],
    /// Default classes per `ui` key.
    pub ui: UiDefaults,
    /// Renders one use.
    pub render: fn(&Use<'_>, &mut Renderer<'_>) -> Markup,
}

impl ComponentSpec {
    /// The declaration of prop `name`.
    pub fn prop(&self, name: &str) -> Option<&'static PropSpec> {
        self.props.iter().find(|p| p.name == name)
    }
}

/// One use of a component: resolved props, effective classes, and its body.
#[derive(Debug)]
pub struct Use<'a> {
    /// Props after resolution and defaults.
    pub props: Props,
    /// `ui` classes after merging.
    pub ui: Ui,
    /// Body nodes (default slot content and named slots).
    pub children: &'a [Node],
}

impl Use<'_> {
    /// The default slot: every child except named slots.
    pub fn slot(&self, renderer: &mut Renderer<'_>) -> Markup {
        renderer.nodes(self.children)
    }
}

impl Markdown {
    /// The markdown rendered with the page's rules, placed where it is written.
    pub fn render(&self, renderer: &mut Renderer<'_>) -> Markup {
        renderer.markdown(&self.text, self.span)
    }
}

/// Markdown prop `markdown` rendered as `<div class="CLASS">…</div>`, or nothing when it is
/// falsy.
pub fn markdown_div(
    renderer: &mut Renderer<'_>,
    markdown: &Option<Markdown>,
    class: &str,
) -> Markup {
    match markdown {
        Some(markdown) => {
            let inner = markdown.render(renderer);
            maud::html! { div class=[non_empty(class)] { (inner) } }
        }
        None => PreEscaped(String::new()),
    }
}

/// `Some(class)` unless empty, so that maud leaves out an empty `class` attribute.
pub fn non_empty(class: &str) -> Option<&str> {
    let class = class.trim();
    (!class.is_empty()).then_some(class)
}

/// Joins class lists, skipping empty ones.
pub fn classes(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

static COMPONENTS: &[&ComponentSpec] = &[
    &sh_action_card::SPEC,
    &sh_alert::SPEC,
    &sh_announcement::SPEC,
    &sh_avatar::SPEC,
    &sh_badge::SPEC,
    &sh_button::SPEC,
    &sh_card::SPEC,
    &sh_carousel::SPEC,
    &sh_column::SPEC,
    &sh_dynamic_table::SPEC,
    &sh_faq::SPEC,
    &sh_form_contact_us::SPEC,
    &sh_form_newsletter::SPEC,
    &sh_helper_component::SPEC,
    &sh_img_container::SPEC,
    &sh_list_cards::SPEC,
    &sh_micro_card::SPEC,
    &sh_multi_column::SPEC,
    &sh_segment::SPEC,
    &sh_social::SPEC,
    &sh_text_img::SPEC,
    &sh_two_columns::SPEC,
    &sh_video::SPEC,
];

/// Names match without regard to case or dashes: `ShTwoColumns`, `sh-two-columns`. ASCII case
/// only: the components' names are ASCII, and Unicode's lower-casing made each lookup slower.
fn normalised(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
}

/// The component called `name`. Compared letter by letter, allocating nothing: every component
/// use of every page looks its name up.
pub fn find(name: &str) -> Option<&'static ComponentSpec> {
    COMPONENTS
        .iter()
        .copied()
        .find(|spec| normalised(spec.name).eq(normalised(name)))
}

/// Renders a component use; an unknown name is a content error and renders as a custom element.
/// The URLs it writes are recorded where the props holding them are written (the component's
/// own place for those it makes itself).
pub fn render(renderer: &mut Renderer<'_>, component: &Component, span: Span) -> Markup {
    if component.name == "binding" {
        return binding::render(renderer, component, span);
    }
    let since = renderer.urls.len();
    let (markup, props) = render_use(renderer, component, span);
    renderer.record_written(&markup.0, since, |url| {
        props
            .as_ref()
            .and_then(|props| props.place_of_value(url))
            .unwrap_or(span)
    });
    markup
}

/// Renders a component use, and gives its resolved props (none for an unknown component).
fn render_use(
    renderer: &mut Renderer<'_>,
    component: &Component,
    span: Span,
) -> (Markup, Option<Props>) {
    let Some(spec) = find(&component.name) else {
        let help = match crate::diagnostic::closest(
            &component.name,
            COMPONENTS.iter().map(|spec| spec.name),
        ) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "see the authors' guide for the available components".into(),
        };
        renderer
            .diagnostics
            .error(
                renderer.file,
                span,
                Code::UnknownComponent,
                format!("unknown component `{}`", component.name),
            )
            .help = Some(help);
        return (custom_element(renderer, component), None);
    };
    let written = Written {
        attributes: &component.attributes,
        attribute_spans: &component.attribute_spans,
        yaml: &component.yaml_props,
        yaml_spans: &component.yaml_spans,
    };
    let props = Props::resolve(spec, written, span, renderer);
    let class = spec.prop("class").and_then(|_| props.text("class"));
    let ui = Ui::resolve(spec.ui, props.get("ui"), class.as_deref());
    let used = Use {
        props,
        ui,
        children: &component.children,
    };
    let markup = (spec.render)(&used, renderer);
    (markup, Some(used.props))
}

/// An unknown component as a web component: kebab-case tag, props as attributes (objects and
/// lists as JSON), default slot as children, named slots as children with `slot="NAME"`. Its
/// tag and attributes are the author's: checked as raw HTML is, and sanitised with it in
/// untrusted mode.
fn custom_element(renderer: &mut Renderer<'_>, component: &Component) -> Markup {
    let tag = custom_element_tag(&component.name);
    // YAML props as text, each replacing an inline attribute of its name.
    let yaml: Attributes = component
        .yaml_props
        .iter()
        .filter_map(|(key, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Null => return None,
                other => other.to_string(),
            };
            Some((key.clone(), Value::String(text)))
        })
        .collect();
    let inline: Attributes = component
        .attributes
        .iter()
        .filter(|(key, _)| !yaml.contains_key(*key))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let mut attributes = renderer.authored(&tag, Some(&inline), &component.attribute_spans);
    attributes.extend(renderer.authored(&tag, Some(&yaml), &component.yaml_spans));
    let mut open = String::new();
    open_tag(&mut open, &tag, attributes);
    let mut close = String::from("</");
    escape_into(&mut close, &tag);
    close.push('>');
    let mut out = String::new();
    push_authored(&mut out, &open, renderer.untrusted);
    for child in &component.children {
        if let NodeKind::Slot { name, children, .. } = &child.kind {
            open_tag(&mut out, "div", [("slot", Some(name.as_str()))]);
            out.push_str(&renderer.nodes(children).0);
            out.push_str("</div>");
        } else {
            out.push_str(&renderer.nodes(std::slice::from_ref(child)).0);
        }
    }
    push_authored(&mut out, &close, renderer.untrusted);
    PreEscaped(out)
}

/// The tag of an unknown component: its name in kebab case (`::MyWidget`, `<my-widget>`), with
/// `mdc-` before it unless it is a custom element's name (a lower-case letter first, a hyphen
/// in it): else `::script`, `::style` or `::plaintext` would make an element whose content the
/// browser runs, or reads as text to the end of the page.
fn custom_element_tag(name: &str) -> String {
    let tag = kebab_case(name);
    if tag.starts_with(|c: char| c.is_ascii_lowercase()) && tag.contains('-') {
        tag
    } else {
        format!("mdc-{tag}")
    }
}

/// Shorthand for declaring the `ui` prop.
pub(crate) const UI: PropSpec = props::prop("ui", PropKind::Ui);
/// Shorthand for declaring the `class` prop of components that merge it into `ui.wrapper`.
pub(crate) const CLASS: PropSpec = props::prop("class", PropKind::Text);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_across_spellings() {
        assert_eq!(find("ShTwoColumns").map(|s| s.name), Some("ShTwoColumns"));
        assert_eq!(find("sh-two-columns").map(|s| s.name), Some("ShTwoColumns"));
        assert_eq!(find("shTwoColumns").map(|s| s.name), Some("ShTwoColumns"));
        assert!(find("ShTwoColumn").is_none());
    }

    /// Found by the `page_compile` fuzz target: `::script` in lenient mode rendered a
    /// `<script>` element around its body.
    #[test]
    fn unknown_components_are_custom_elements_whatever_their_name() {
        assert_eq!(custom_element_tag("MyWidget"), "my-widget");
        assert_eq!(custom_element_tag("script"), "mdc-script");
        assert_eq!(custom_element_tag("Plaintext"), "mdc-plaintext");
        assert_eq!(custom_element_tag("x_1"), "x-1");
        assert_eq!(custom_element_tag("9-lives"), "mdc-9-lives");
    }

    #[test]
    fn near_misses_are_suggested() {
        use crate::diagnostic::closest;
        let names = || COMPONENTS.iter().map(|spec| spec.name);
        assert_eq!(closest("ShTextImage", names()), Some("ShTextImg"));
        assert_eq!(closest("ShAlrt", names()), Some("ShAlert"));
        assert_eq!(closest("Completely", names()), None);
    }

    /// Every component and legacy module has a page in the authors' guide that names each of
    /// its props.
    #[test]
    fn the_guide_documents_every_prop() {
        let guide = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/9.guide");
        let pages = COMPONENTS
            .iter()
            .map(|spec| (spec, "1.components"))
            .chain(legacy::MODULES.iter().map(|spec| (spec, "2.modules")));
        let mut missing = Vec::new();
        for (spec, folder) in pages {
            let path = guide
                .join(folder)
                .join(format!("{}.md", kebab_case(spec.name)));
            let Ok(page) = std::fs::read_to_string(&path) else {
                missing.push(format!("{}: no page {}", spec.name, path.display()));
                continue;
            };
            for prop in spec.props {
                if !page.contains(prop.name) {
                    missing.push(format!("{}: `{}` is not on its page", spec.name, prop.name));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
