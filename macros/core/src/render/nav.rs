//! The navigation tree, built once from the content folder: header menu, side menu,
//! breadcrumbs and previous/next links all derive from it.

use crate::load::{FolderMeta, route_of, title_from_path};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// A page as the navigation sees it.
#[derive(Debug, Clone)]
pub struct NavPage {
    /// Path inside the content folder (`1.omaspecworks/1.about/index.md`).
    pub relative: String,
    /// Its route.
    pub route: String,
    /// Its title.
    pub title: String,
    /// False for partials (`_` segments) and pages saying `navigation: false`.
    pub listed: bool,
}

/// One entry of the navigation tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavItem {
    /// Menu label.
    pub title: String,
    /// Where it links.
    pub route: String,
    /// Its pages and sub-folders, in content order.
    pub children: Vec<NavItem>,
    /// Whether a page exists at `route` (a folder without `index.md` gets a generated one).
    pub has_page: bool,
}

/// The whole navigation tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Navigation {
    /// Top-level entries in content order.
    pub items: Vec<NavItem>,
}

#[derive(Default)]
struct Folder {
    index: Option<NavPage>,
    pages: Vec<(String, NavPage)>,
    folders: BTreeMap<String, Folder>,
}

impl Navigation {
    /// Builds the tree from the listed pages and the folders' `_dir.yaml` metadata (keyed by
    /// folder path inside the content folder, `""` for the root).
    pub fn build(pages: &[NavPage], folders: &BTreeMap<String, FolderMeta>) -> Navigation {
        let mut root = Folder::default();
        for page in pages.iter().filter(|page| page.listed) {
            let segments: Vec<&str> = page.relative.split('/').collect();
            let Some((file, dirs)) = segments.split_last() else {
                continue;
            };
            let hidden = (1..=dirs.len()).any(|n| {
                folders
                    .get(&dirs[..n].join("/"))
                    .is_some_and(|meta| meta.hidden)
            });
            if hidden {
                continue;
            }
            let folder = dirs.iter().fold(&mut root, |folder, dir| {
                folder.folders.entry((*dir).to_string()).or_default()
            });
            if is_index(file) {
                folder.index = Some(page.clone());
            } else {
                folder.pages.push(((*file).to_string(), page.clone()));
            }
        }
        let mut items = folder_children(&root, "", folders);
        // The content root's own index page is the home page, listed among the top-level pages.
        if let Some(index) = &root.index {
            items.push(NavItem {
                title: index.title.clone(),
                route: index.route.clone(),
                children: Vec::new(),
                has_page: true,
            });
        }
        Navigation { items }
    }

    /// Every entry, depth first, in menu order.
    pub fn flatten(&self) -> Vec<&NavItem> {
        let mut out = Vec::new();
        let mut stack: Vec<&NavItem> = self.items.iter().rev().collect();
        while let Some(item) = stack.pop() {
            out.push(item);
            stack.extend(item.children.iter().rev());
        }
        out
    }

    /// The top-level entry whose section holds `route`.
    pub fn section(&self, route: &str) -> Option<&NavItem> {
        self.items
            .iter()
            .find(|item| is_within(route, &item.route) && item.route != "/")
    }

    /// The positions in `routes` in menu order: the routes the menus lead to, depth first,
    /// then the others (unlisted pages, partials) in the order given. Each position once.
    pub fn order(&self, routes: &[&str]) -> Vec<usize> {
        let position: BTreeMap<&str, usize> = routes
            .iter()
            .enumerate()
            .map(|(index, route)| (*route, index))
            .collect();
        let mut taken = vec![false; routes.len()];
        let mut order = Vec::with_capacity(routes.len());
        let menus = self
            .flatten()
            .into_iter()
            .filter_map(|item| position.get(item.route.as_str()).copied());
        for index in menus.chain(0..routes.len()) {
            if let Some(slot) = taken.get_mut(index).filter(|taken| !**taken) {
                *slot = true;
                order.push(index);
            }
        }
        order
    }

    /// Folders without a page of their own: they get a generated section page.
    pub fn folders_without_page(&self) -> Vec<&NavItem> {
        self.flatten()
            .into_iter()
            .filter(|item| !item.has_page)
            .collect()
    }
}

fn is_index(file: &str) -> bool {
    crate::load::strip_order_prefix(file.trim_end_matches(".md")) == "index"
}

/// Whether `route` is `section` or lies below it, segment by segment.
pub fn is_within(route: &str, section: &str) -> bool {
    route == section
        || (route.starts_with(section) && route.as_bytes().get(section.len()) == Some(&b'/'))
        || section == "/"
}

fn folder_children(
    folder: &Folder,
    path: &str,
    meta: &BTreeMap<String, FolderMeta>,
) -> Vec<NavItem> {
    let mut entries: Vec<(&str, NavItem)> = Vec::new();
    for (file, page) in &folder.pages {
        entries.push((
            file,
            NavItem {
                title: page.title.clone(),
                route: page.route.clone(),
                children: Vec::new(),
                has_page: true,
            },
        ));
    }
    for (name, sub) in &folder.folders {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}/{name}")
        };
        let children = folder_children(sub, &sub_path, meta);
        if children.is_empty() && sub.index.is_none() {
            continue;
        }
        let title = meta
            .get(&sub_path)
            .and_then(|m| m.title.clone())
            .or_else(|| sub.index.as_ref().map(|index| index.title.clone()))
            .unwrap_or_else(|| title_from_path(&format!("{sub_path}/index.md")));
        let route = route_of(&format!("{sub_path}/index.md"));
        entries.push((
            name,
            NavItem {
                title,
                route,
                children,
                has_page: sub.index.is_some(),
            },
        ));
    }
    entries.sort_by(|(a, _), (b, _)| natural_order(a, b));
    entries.into_iter().map(|(_, item)| item).collect()
}

/// Numeric-aware, case-insensitive order of file names: `5.x` < `10.x` < `a`.
pub fn natural_order(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let a_len = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let b_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let number = |digits: &[u8]| {
                    digits.iter().fold(0u128, |n, d| {
                        n.saturating_mul(10).saturating_add(u128::from(d - b'0'))
                    })
                };
                match number(&a[..a_len]).cmp(&number(&b[..b_len])) {
                    Ordering::Equal => {
                        a = &a[a_len..];
                        b = &b[b_len..];
                    }
                    other => return other,
                }
            }
            (Some(x), Some(y)) => match x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()) {
                Ordering::Equal => {
                    a = &a[1..];
                    b = &b[1..];
                }
                other => return other,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(relative: &str, title: &str) -> NavPage {
        NavPage {
            relative: relative.into(),
            route: route_of(relative),
            title: title.into(),
            listed: !relative.contains("/_") && !relative.starts_with('_'),
        }
    }

    #[test]
    fn natural_order_sorts_numbers_by_value() {
        let mut names = vec!["10.b", "5.a", "index.md", "20.c", "B.md", "a.md"];
        names.sort_by(|a, b| natural_order(a, b));
        assert_eq!(names, ["5.a", "10.b", "20.c", "a.md", "B.md", "index.md"]);
    }

    #[test]
    fn tree_of_the_seed_pages() {
        let pages = [
            page("3.lwm2m/about.md", "About Page"),
            page("3.lwm2m/examples.md", "Examples"),
            page(
                "1.omaspecworks/3.collaborate/10.working-groups.md",
                "Working Groups",
            ),
            page("2.ipso/index.md", "Ipso"),
            page("1.omaspecworks/1.about/index.md", "About OMA SpecWorks"),
            page("_hidden/x.md", "Hidden"),
        ];
        let mut folders = BTreeMap::new();
        folders.insert(
            "1.omaspecworks".to_string(),
            FolderMeta {
                title: Some("OMASPECWORKS".into()),
                hidden: false,
            },
        );
        let nav = Navigation::build(&pages, &folders);
        let top: Vec<(&str, &str, bool)> = nav
            .items
            .iter()
            .map(|i| (i.title.as_str(), i.route.as_str(), i.has_page))
            .collect();
        assert_eq!(
            top,
            [
                ("OMASPECWORKS", "/omaspecworks", false),
                ("Ipso", "/ipso", true),
                ("Lwm2m", "/lwm2m", false)
            ]
        );
        let oma: Vec<&str> = nav.items[0]
            .children
            .iter()
            .map(|i| i.route.as_str())
            .collect();
        assert_eq!(oma, ["/omaspecworks/about", "/omaspecworks/collaborate"]);
        let missing: Vec<&str> = nav
            .folders_without_page()
            .iter()
            .map(|i| i.route.as_str())
            .collect();
        assert_eq!(
            missing,
            ["/omaspecworks", "/omaspecworks/collaborate", "/lwm2m"]
        );
        assert_eq!(
            nav.section("/omaspecworks/collaborate/working-groups")
                .map(|i| i.route.as_str()),
            Some("/omaspecworks")
        );
        assert!(nav.section("/omaspecworksx").is_none());
        let routes = [
            "/",
            "/hidden/x",
            "/ipso",
            "/lwm2m",
            "/lwm2m/about",
            "/lwm2m/examples",
            "/omaspecworks",
            "/omaspecworks/about",
            "/omaspecworks/collaborate",
            "/omaspecworks/collaborate/working-groups",
        ];
        let ordered: Vec<&str> = nav.order(&routes).iter().map(|&i| routes[i]).collect();
        assert_eq!(
            ordered,
            [
                "/omaspecworks",
                "/omaspecworks/about",
                "/omaspecworks/collaborate",
                "/omaspecworks/collaborate/working-groups",
                "/ipso",
                "/lwm2m",
                "/lwm2m/about",
                "/lwm2m/examples",
                "/",
                "/hidden/x"
            ]
        );
    }
}
