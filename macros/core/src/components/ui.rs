//! `ui` class overrides merged into a component's default classes with tailwind-merge's rules.

use serde_json::Value;
use std::collections::BTreeMap;
use tailwind_fuse::merge::tw_merge;

/// Default classes by dotted key (`wrapper`, `header.title`, …).
pub type UiDefaults = &'static [(&'static str, &'static str)];

/// The effective class list of every `ui` key of one component use.
#[derive(Debug, Default)]
pub struct Ui(BTreeMap<&'static str, String>);

impl Ui {
    /// Merges the author's `ui` object and `class` prop (which wins, on `wrapper`) into the defaults.
    pub fn resolve(defaults: UiDefaults, overrides: Option<&Value>, class: Option<&str>) -> Ui {
        let mut classes = BTreeMap::new();
        for &(key, default) in defaults {
            let authored = overrides.and_then(|ui| lookup(ui, key));
            let mut merged = merge(default, authored.unwrap_or(""));
            if key == "wrapper" {
                merged = merge(&merged, class.unwrap_or(""));
            }
            classes.insert(key, merged);
        }
        Ui(classes)
    }

    /// The classes for `key` (empty when the component has no such key).
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map_or("", String::as_str)
    }
}

fn lookup<'a>(ui: &'a Value, key: &str) -> Option<&'a str> {
    key.split('.')
        .try_fold(ui, |value, part| value.get(part))?
        .as_str()
}

/// Default classes that conflict with an override class are dropped; the override follows.
pub fn merge(default: &str, authored: &str) -> String {
    let authored = authored.trim();
    match (default.trim().is_empty(), authored.is_empty()) {
        (_, true) => default.trim().to_string(),
        (true, false) => authored.to_string(),
        (false, false) => merge_classes(&format!("{default} {authored}")),
    }
}

/// `classes` by tailwind-merge's rules: of two classes that conflict, the later stays. Classes
/// ending in `\` are kept as written, after the others: tailwind_fuse 0.3 reads past the end
/// of such a class when it holds a `[` and panics, and no stylesheet rule styles one anyway.
pub fn merge_classes(classes: &str) -> String {
    let (kept, mergeable): (Vec<&str>, Vec<&str>) = classes
        .split_whitespace()
        .partition(|class| class.ends_with('\\'));
    let merged = tw_merge(mergeable.join(" ").as_str());
    let merged = (!merged.is_empty()).then_some(merged.as_str());
    merged.into_iter().chain(kept).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Found by the `yaml_props` fuzz target: `ui: {wrapper: "-[\\"}` panicked in
    /// tailwind_fuse.
    #[test]
    fn classes_ending_in_a_backslash_are_kept_unmerged() {
        assert_eq!(merge("p-4 m-2", "-[\\ p-2"), "m-2 p-2 -[\\");
        assert_eq!(merge_classes("x-[a\\ y"), "y x-[a\\");
        assert_eq!(merge_classes("[\\"), "[\\");
    }

    // The worked results of components.md §1.3.
    #[test]
    fn seed_vectors() {
        let text_img = "bg-gray-50 dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl shadow-2xl p-5";
        assert_eq!(
            merge(text_img, "shadow-xl bg-white"),
            "dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl p-5 shadow-xl bg-white"
        );
        assert_eq!(
            merge(text_img, "shadow-xl mt-10 bg-white"),
            "dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl p-5 shadow-xl mt-10 bg-white"
        );
        let two_columns = "bg-golden/[0.2] dark:bg-neutral-800 shadow-md rounded-2xl p-7";
        assert_eq!(
            merge(two_columns, "pb-10"),
            "bg-golden/[0.2] dark:bg-neutral-800 shadow-md rounded-2xl p-7 pb-10"
        );
        assert_eq!(merge("", "-mt-5"), "-mt-5");
        let card = "container flex flex-col rounded-2xl p-4 mx-auto justify-items-center text-center hover:shadow-lg hover:scale-105 duration-300 border-2 bg-golden/[0.4] border-golden/[0.6] hover:border-golden dark:bg-neutral-700 dark:border-neutral-600 dark:hover:border-golden";
        assert_eq!(
            merge(
                card,
                "bg-[#cddcec] bg-gradient-to-b from-primary/[0.4] dark:bg-gradient-to-t dark:from-primary dark:bg-primary-900"
            ),
            "container flex flex-col rounded-2xl p-4 mx-auto justify-items-center text-center hover:shadow-lg hover:scale-105 duration-300 border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden bg-[#cddcec] bg-gradient-to-b from-primary/[0.4] dark:bg-gradient-to-t dark:from-primary dark:bg-primary-900"
        );
        let icon = "relative mt-4 w-10 h-10 flex shrink-0 mx-auto text-oma-blue-900/[0.7] hover:text-oma-blue-600 dark:text-oma-blue-200";
        assert_eq!(
            merge(icon, "w-1/2"),
            "relative mt-4 h-10 flex shrink-0 mx-auto text-oma-blue-900/[0.7] hover:text-oma-blue-600 dark:text-oma-blue-200 w-1/2"
        );
    }

    #[test]
    fn nested_keys_null_ui_and_class_prop() {
        const DEFAULTS: UiDefaults = &[
            ("wrapper", "p-5"),
            ("header.title", "text-xl not-prose"),
            ("main", ""),
        ];
        let ui = Ui::resolve(
            DEFAULTS,
            Some(&json!({"header": {"title": "text-2xl"}})),
            Some("p-2"),
        );
        assert_eq!(ui.get("header.title"), "not-prose text-2xl");
        assert_eq!(ui.get("wrapper"), "p-2");
        assert_eq!(ui.get("main"), "");
        let defaults = Ui::resolve(DEFAULTS, Some(&Value::Null), None);
        assert_eq!(defaults.get("wrapper"), "p-5");
        assert_eq!(defaults.get("unknown"), "");
    }
}
