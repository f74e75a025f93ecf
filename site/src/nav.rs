//! The navigation tree of a compiled site: its menus, in content order.

/// One entry of the navigation tree: a page, or a folder with pages below it.
///
/// Built by the content macro from the numeric prefixes of the content folder (`1.about/`),
/// the pages' titles and the folders' `_dir.yaml` titles, exactly as the site's own menus.
#[derive(Debug)]
pub struct NavItem {
    /// Menu label.
    pub title: &'static str,
    /// The route it leads to, within the site (`/lwm2m`).
    pub route: &'static str,
    /// Where to link: the route under the site's base path (`/docs/lwm2m`).
    pub url: &'static str,
    /// Its pages and sub-folders, in content order.
    pub children: &'static [NavItem],
}

impl NavItem {
    /// This entry and every entry below it, depth first, in menu order.
    ///
    /// ```
    /// use site::NavItem;
    ///
    /// static CHILD: [NavItem; 1] = [NavItem { title: "B", route: "/a/b", url: "/a/b", children: &[] }];
    /// let a = NavItem { title: "A", route: "/a", url: "/a", children: &CHILD };
    /// let titles: Vec<&str> = a.walk().map(|item| item.title).collect();
    /// assert_eq!(titles, ["A", "B"]);
    /// ```
    pub fn walk(&self) -> impl Iterator<Item = &NavItem> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let item = stack.pop()?;
            stack.extend(item.children.iter().rev());
            Some(item)
        })
    }
}
