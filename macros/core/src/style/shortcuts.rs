//! The classes the page chrome writes for its menu entries, each a shortcut for utilities.

/// Class names for the entries of the chrome's menus, each standing for the utilities after it
/// (encre-css shortcuts, registered by [`stylesheet`]). The section menu is on every page and
/// the side menu on every page of its section, so their entries carry one short class each
/// rather than the utilities themselves: a large site's pages grow with their menus.
pub(crate) const CLASS_SHORTCUTS: &[(&str, &str)] = &[
    // The section menu: the dropdown's list, and from 2xl on the row; its entries are styled
    // from the list (`[&>li]:`), so that each of them is a bare `<li><a href>`. Their padding
    // is `max-2xl:` rather than undone by `2xl:p-0`: encre-css writes the rules of arbitrary
    // variants after the media rules, where the base padding would win.
    (
        "oma-section-list",
        "absolute right-0 mt-2 flex flex-col gap-1.5 max-2xl:bg-gray-100 max-2xl:dark:bg-neutral-700 p-5 rounded-xl shadow-md z-10 min-w-max 2xl:static 2xl:flex-row 2xl:mt-0 2xl:p-0 2xl:rounded-none 2xl:shadow-none 2xl:min-w-0 \
         max-2xl:[&>li]:p-3 2xl:[&>li]:ml-4 2xl:[&>li]:text-[22px] \
         [&>li>a]:text-black dark:[&>li>a]:text-golden [&>li>a:hover]:text-black dark:[&>li>a:hover]:text-golden [&>li>a:hover]:bg-primary-200 dark:[&>li>a:hover]:bg-primary-600 [&>li>a]:rounded-xl [&>li>a]:p-2",
    ),
    // The section of the current page.
    (
        "oma-section-current",
        "underline decoration-4 underline-offset-[14px] decoration-oma-blue-400 dark:decoration-oma-blue-200",
    ),
    // The side menu of the `doc` layout; its entries are indented by depth.
    (
        "oma-side-item",
        "hover:bg-primary-200/[0.7] dark:hover:bg-primary-600 block border-l-2 dark:border-neutral-700 border-gray-100 w-full",
    ),
    (
        "oma-side-item-current",
        "hover:bg-primary-200/[0.7] dark:hover:bg-primary-600 block border-l-4 dark:border-oma-blue-200 border-oma-blue-400 bg-primary-200 dark:bg-primary-600/[0.7]",
    ),
    (
        "oma-side-link",
        "w-full block text-nowrap text-black dark:text-golden hover:text-black dark:hover:text-oma-blue-100",
    ),
    (
        "oma-side-link-current",
        "text-nowrap text-oma-blue-500 dark:text-oma-blue-200 font-bold",
    ),
    // A table-of-contents entry: a grey pill, as on the OMA site.
    (
        "oma-toc-link",
        "block w-full rounded-md px-1 bg-primary-100 dark:bg-primary-500 text-black dark:text-golden hover:bg-primary-200/[0.7] dark:hover:bg-primary-600 hover:text-black dark:hover:text-oma-blue-100",
    ),
];
