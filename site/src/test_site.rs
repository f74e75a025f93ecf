//! A small hand-made [`Site`] the unit tests share: two pages, two assets, two redirects.

use crate::{Asset, Binary, Encoded, NavItem, Page, Redirect, Site, Table, Text, Value};
use maud::PreEscaped;

pub(crate) static PAGES: [Page; 2] = [
    page("/", &"<h1>Home</h1>"),
    page("/lwm2m/about", &"<h1>About</h1>"),
];
pub(crate) static ASSETS: [Asset; 2] = [
    Asset {
        route: "/_nuxt/app.3f2a9c1b.js",
        content_type: "application/javascript",
        bytes: Binary::new(&(b"console.log(1)" as &[u8])),
        etag: "\"js\"",
        br: Encoded {
            bytes: Binary::new(&(b"JS-BR" as &[u8])),
            etag: "\"js-br\"",
        },
        gzip: Encoded::NONE,
        immutable: true,
    },
    Asset {
        route: "/images/x.png",
        content_type: "image/png",
        bytes: Binary::new(&(b"\x89PNG" as &[u8])),
        etag: "\"png\"",
        br: Encoded::NONE,
        gzip: Encoded::NONE,
        immutable: false,
    },
];
static REDIRECTS: [Redirect; 2] = [
    Redirect {
        from: "/caf\u{e9}",
        to: "/lwm2m/about",
    },
    Redirect {
        from: "/lwm2m",
        to: "/lwm2m/about#dmso",
    },
];
static NAV: [NavItem; 1] = [NavItem {
    title: "About",
    route: "/lwm2m/about",
    url: "/lwm2m/about",
    children: &[],
}];

/// The test site, at the root.
pub(crate) static SITE: Site = Site::new(&ROOT_TABLE);
static ROOT_TABLE: Table = table("");

/// The test site mounted under `/docs`.
pub(crate) static MOUNTED: Site = Site::new(&MOUNTED_TABLE);
static MOUNTED_TABLE: Table = table("/docs");

/// The test site's table under `base_path`.
pub(crate) const fn table(base_path: &'static str) -> Table {
    Table {
        base_path,
        stylesheet: "/_site/style.0.css",
        pages: &PAGES,
        order: &[1, 0],
        nav: &NAV,
        assets: &ASSETS,
        redirects: &REDIRECTS,
        not_found: page("/404", &"<h1>Not found</h1>"),
        widest_content_security_policy: "default-src 'self'; frame-src 'self' https://www.youtube.com; frame-ancestors 'none'",
        lwm2m: &[],
    }
}

/// A page whose document is `html`, with made-up compressed variants and entity tags.
pub(crate) const fn page(route: &'static str, html: &'static &'static str) -> Page {
    let html = Text::new(html);
    Page {
        route,
        url: route,
        title: "",
        description: "",
        layout: "",
        listed: true,
        front_matter: Value::Object(&[]),
        headings: &[],
        body: PreEscaped(html),
        html,
        etag: "\"identity\"",
        br: Encoded {
            bytes: Binary::new(&(b"BROTLI" as &[u8])),
            etag: "\"br\"",
        },
        gzip: Encoded {
            bytes: Binary::new(&(b"GZIP" as &[u8])),
            etag: "\"gz\"",
        },
        content_security_policy: None,
    }
}
