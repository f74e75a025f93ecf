//! The site's search index, built with the pages and served as static files that the search
//! script (`assets/search.js`) fetches when a reader first uses the search field: one for the
//! authored pages, one for the reference entries (the LwM2M registry's objects), which rank
//! after them.
//!
//! A compact index of our own and a plain script rather than pagefind: pagefind's search runs
//! as WebAssembly, which needs `'wasm-unsafe-eval'` in every page's `script-src`, and its Rust
//! API is async (a runtime inside the macro) and brings its own dependency tree. This index
//! needs nothing new in the Content-Security-Policy (the script is `'self'`, the index is
//! fetched from `'self'`) and is built from the finished bodies in the same pass as the feed.
//!
//! Each searched page is cut into parts at its headings and table rows that have an id: the
//! part before the first (with the page's title and its section's) and one per heading or row,
//! which a result links to. Each part's words are weighed at build time (title, section,
//! heading, body; BM25's term saturation and inverse document frequency within the page's
//! tier), so that ranking a query ([`rank`]) is integer sums, the same in Rust and in the
//! script. Code blocks, SVG, buttons and hidden elements are left out (`text.rs`).

pub mod rank;
mod text;

use crate::load::route_url;
use crate::render::assets::{SiteAsset, hashed_route};
use crate::render::nav::Navigation;
use crate::render::{RenderedPage, Searched};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// The index file's `Content-Type`.
pub const CONTENT_TYPE: &str = "application/json";

/// Weights of a word in a page's title, the title of the site's section it is in (which the
/// result shows: a page under LwM2M is about LwM2M), a part's heading and its text.
const TITLE_WEIGHT: f64 = 20.0;
const SECTION_WEIGHT: f64 = 3.0;
const HEADING_WEIGHT: f64 = 6.0;
const BODY_WEIGHT: f64 = 1.0;
/// BM25's `k1`: how fast repeating a word stops adding to its weight.
const SATURATION: f64 = 1.2;
/// Longer runs of letters and digits are not words a reader types (hashes, encoded data).
const LONGEST_WORD: usize = 40;

/// The search index of a site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    /// The indexed pages, by route.
    pub pages: Vec<IndexedPage>,
    /// Every page's parts, page after page, each page's in document order.
    pub parts: Vec<Part>,
    /// Every word, sorted, with the parts it is in (by position in `parts`, ascending) and its
    /// weight there.
    pub terms: Vec<(String, Vec<(usize, u64)>)>,
}

/// A page in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedPage {
    /// Its URL, base path included.
    pub url: String,
    /// Its title.
    pub title: String,
    /// The title of the site's section it is in (empty at the top).
    pub section: String,
    /// Whether it is an entry of reference data ([`Searched::Reference`]), which comes after
    /// every authored page found.
    pub reference: bool,
}

/// A part of a page: before its first heading, or from a heading to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The page's position in [`Index::pages`].
    pub page: usize,
    /// The heading's id (empty for the part before the first heading).
    pub anchor: String,
    /// The heading's text.
    pub heading: String,
    /// The text under it, whitespace collapsed.
    pub text: String,
}

/// The words of `text` as the index and the search script read them: runs of letters and
/// digits, lower-cased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// A page's parts and how often each word is in each of their fields (title, section,
/// heading, text): what the index is made of, made again only when the page or its section
/// changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageWords {
    /// The title of the site's section the page is in.
    pub section: String,
    /// The content file the page rendered from (none for the registry's pages): a route's
    /// words are another page's once a file of the content takes the route or gives it up.
    source: Option<String>,
    parts: Vec<Part>,
    counts: Vec<HashMap<String, [u32; 4]>>,
    /// The words of all its parts, each once.
    distinct: Vec<String>,
}

/// Whether `page` goes into the index ([`RenderedPage::searched`]).
pub fn is_indexed(page: &RenderedPage) -> bool {
    page.searched != Searched::No
}

/// The title of the site's section `page` is in, as `nav` names it (empty at the top).
pub fn section_of(page: &RenderedPage, nav: &Navigation) -> String {
    nav.section(&page.route)
        .map(|item| item.title.clone())
        .unwrap_or_default()
}

/// The words of `page`, in the section titled `section`.
pub fn page_words(page: &RenderedPage, section: String) -> PageWords {
    let parts = text::parts(&page.body);
    let counts: Vec<HashMap<String, [u32; 4]>> = parts
        .iter()
        .enumerate()
        .map(|(at, part)| {
            let mut counts: HashMap<String, [u32; 4]> = HashMap::new();
            let (title, section) = match at {
                0 => (page.title.as_str(), section.as_str()),
                _ => ("", ""),
            };
            let fields = [title, section, &part.heading, &part.text];
            for (field, text) in fields.into_iter().enumerate() {
                for word in words(text).filter(|word| word.chars().count() <= LONGEST_WORD) {
                    counts.entry(word).or_default()[field] += 1;
                }
            }
            counts
        })
        .collect();
    let mut distinct: Vec<String> = counts
        .iter()
        .flat_map(|part| part.keys().cloned())
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    PageWords {
        section,
        source: page.source.clone(),
        parts,
        counts,
        distinct,
    }
}

impl PageWords {
    /// Whether these are the words [`page_words`] would read from `page` in the section
    /// titled `section`, `page` not having rendered again since.
    pub fn are_of(&self, page: &RenderedPage, section: &str) -> bool {
        self.section == section && self.source == page.source
    }
}

/// The index of the searched pages of `pages`, their sections named by `nav`, their URLs under
/// `base_path`, as its tiers ([`tier_of`]): the authored pages', the reference entries'.
pub fn index(pages: &[&RenderedPage], nav: &Navigation, base_path: &str) -> (Index, Index) {
    let indexed: Vec<&RenderedPage> = pages
        .iter()
        .copied()
        .filter(|page| is_indexed(page))
        .collect();
    let words = crate::parallel::map(&indexed, |page| page_words(page, section_of(page, nav)));
    let with_words: Vec<(&RenderedPage, &PageWords)> = indexed.into_iter().zip(&words).collect();
    let (authored, reference) = tiers(&with_words);
    (
        tier_of(&authored, base_path),
        tier_of(&reference, base_path),
    )
}

/// Pages with their words ([`page_words`]).
pub type WithWords<'a> = Vec<(&'a RenderedPage, &'a PageWords)>;

/// `pages` as the authored pages and the reference entries ([`Searched::Reference`]).
pub fn tiers<'a>(pages: &[(&'a RenderedPage, &'a PageWords)]) -> (WithWords<'a>, WithWords<'a>) {
    pages
        .iter()
        .partition(|(page, _)| page.searched != Searched::Reference)
}

/// The index of one tier of pages (the authored ones, or the reference entries), each with its
/// words ([`page_words`]), their URLs under `base_path`. A word's rarity is counted within the
/// tier: the tiers are ranked apart, reference entries after every authored page, so the
/// registry's hundreds of objects do not make a word common on the authored pages, and the
/// reference entries' index depends on them alone.
pub fn tier_of(pages: &[(&RenderedPage, &PageWords)], base_path: &str) -> Index {
    // Each word's postings, with how many pages have it and then its rarity.
    let mut terms: HashMap<&str, Term> = HashMap::new();
    for (_, words) in pages {
        for word in &words.distinct {
            terms.entry(word).or_default().pages += 1;
        }
    }
    let page_count = pages.len() as f64;
    for term in terms.values_mut() {
        term.rarity = (1.0 + page_count / term.pages as f64).ln();
    }
    let saturated = |count: u32| {
        let count = f64::from(count);
        count * (SATURATION + 1.0) / (count + SATURATION)
    };
    let mut index = Index::default();
    for (page, words) in pages {
        let position = index.pages.len();
        index.pages.push(IndexedPage {
            url: format!("{base_path}{}", route_url(&page.route)),
            title: page.title.clone(),
            section: words.section.clone(),
            reference: page.searched == Searched::Reference,
        });
        let PageWords { parts, counts, .. } = words;
        for (part, counts) in parts.iter().zip(counts) {
            let at = index.parts.len();
            index.parts.push(Part {
                page: position,
                ..part.clone()
            });
            for (word, [title, section, heading, body]) in counts {
                let Some(term) = terms.get_mut(word.as_str()) else {
                    continue;
                };
                let weight = term.rarity
                    * (TITLE_WEIGHT * saturated(*title)
                        + SECTION_WEIGHT * saturated(*section)
                        + HEADING_WEIGHT * saturated(*heading)
                        + BODY_WEIGHT * saturated(*body));
                // In hundredths, so that ranking adds integers, exactly, in Rust and JavaScript.
                let weight = ((weight * 100.0).round() as u64).max(1);
                term.postings.push((at, weight));
            }
        }
    }
    let mut terms: Vec<(&str, Term)> = terms.into_iter().collect();
    terms.sort_unstable_by_key(|(word, _)| *word);
    index.terms = terms
        .into_iter()
        .map(|(word, term)| (word.to_string(), term.postings))
        .collect();
    index
}

/// A word while the index is made.
#[derive(Default)]
struct Term {
    /// How many pages have it.
    pages: usize,
    /// Its inverse document frequency.
    rarity: f64,
    /// The parts it is in, with its weight there.
    postings: Vec<(usize, u64)>,
}

/// Where the search script finds the index: a file at a fixed route, revalidated on each use,
/// naming the index's files ([`assets`]).
pub const POINTER_ROUTE: &str = "/_site/search-index.json";

/// An index file's three arrays ([`Index::to_json`]).
#[derive(Serialize)]
struct IndexJson<'a> {
    pages: Vec<[&'a str; 3]>,
    parts: Vec<(usize, &'a str, &'a str, &'a str)>,
    terms: Vec<(&'a str, Vec<u64>)>,
}

/// What the file at [`POINTER_ROUTE`] holds: the names of the index's files, beside it.
#[derive(Serialize, Deserialize)]
struct Pointer {
    /// The authored pages'.
    index: String,
    /// The reference entries', when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
}

/// The index as files at URLs carrying their content hash, cached for good, and the file at
/// [`POINTER_ROUTE`] naming them (`{"index":"search-index.HASH.json"}`, beside it): the
/// tiers' files of [`authored_file`] and [`reference_file`].
pub fn assets(authored: &Index, reference: &Index) -> Vec<SiteAsset> {
    files(authored_file(authored), reference_file(reference))
}

/// The authored pages' index as its file.
pub fn authored_file(authored: &Index) -> SiteAsset {
    file("search-index", authored)
}

/// The reference entries' index as its file, `search-reference.HASH.json`, when there are
/// any. The reference entries (the registry's hundreds of objects, most of the index where
/// they are) rank after every authored page, so the script shows a query's results from the
/// authored pages' file alone when they fill the list, and a reader's first search does not
/// wait for them.
pub fn reference_file(reference: &Index) -> Option<SiteAsset> {
    (!reference.pages.is_empty()).then(|| file("search-reference", reference))
}

/// The file at [`POINTER_ROUTE`] naming `authored` and `reference`, then them. The pages name
/// none: they name the script, which fetches the pointer, so that an edit changes the index
/// but no page that shows nothing of it.
pub fn files(authored: SiteAsset, reference: Option<SiteAsset>) -> Vec<SiteAsset> {
    let name = |asset: &SiteAsset| asset.route.rsplit('/').next().unwrap_or("").to_string();
    let pointer = Pointer {
        index: name(&authored),
        reference: reference.as_ref().map(name),
    };
    let pointer = SiteAsset {
        route: POINTER_ROUTE.into(),
        content_type: CONTENT_TYPE,
        // Two strings, which serialize without error.
        bytes: serde_json::to_vec(&pointer).unwrap_or_default(),
    };
    [pointer, authored].into_iter().chain(reference).collect()
}

/// `index` as a file named for its content under `/_site/`.
fn file(stem: &str, index: &Index) -> SiteAsset {
    let bytes = index.to_json().into_bytes();
    SiteAsset {
        route: hashed_route(stem, "json", &bytes),
        content_type: CONTENT_TYPE,
        bytes,
    }
}

/// The index a site serves, read as the search script reads it: the file at
/// [`POINTER_ROUTE`], then the files it names, beside it, which `asset` gives by route; `None`
/// if one is missing or is not such a file.
pub fn read_served<'a>(asset: impl Fn(&str) -> Option<&'a [u8]>) -> Option<Index> {
    let pointer: Pointer = serde_json::from_slice(asset(POINTER_ROUTE)?).ok()?;
    let read = |name: &str| {
        let text = std::str::from_utf8(asset(&format!("/_site/{name}"))?).ok()?;
        Index::from_json(text)
    };
    let authored = read(&pointer.index)?;
    let reference = match &pointer.reference {
        Some(name) => read(name)?,
        None => Index::default(),
    };
    Some(Index::join(authored, reference))
}

impl Index {
    /// The index as the search script reads it: `pages` as `[url, title, section]`, `parts` as
    /// `[page, anchor, heading, text]`, `terms` as `[word, [part, weight, …]]` with each part
    /// written as the difference from the one before it (smaller numbers, a smaller file).
    pub fn to_json(&self) -> String {
        let pages: Vec<[&str; 3]> = self
            .pages
            .iter()
            .map(|page| [&page.url, &page.title, &page.section].map(String::as_str))
            .collect();
        let parts: Vec<(usize, &str, &str, &str)> = self
            .parts
            .iter()
            .map(|part| (part.page, &*part.anchor, &*part.heading, &*part.text))
            .collect();
        let terms: Vec<(&str, Vec<u64>)> = self
            .terms
            .iter()
            .map(|(word, postings)| {
                let mut previous = 0;
                let mut flat = Vec::with_capacity(postings.len() * 2);
                for &(part, weight) in postings {
                    flat.extend([(part - previous) as u64, weight]);
                    previous = part;
                }
                (word.as_str(), flat)
            })
            .collect();
        // Written from borrowed tuples rather than `Value` trees: `site dev` writes the index
        // on every build. Strings and integers only, which serialize without error.
        let json = IndexJson {
            pages,
            parts,
            terms,
        };
        serde_json::to_string(&json).unwrap_or_default()
    }

    /// The index of both tiers: `authored`'s pages, then `reference`'s, as reference entries.
    pub fn join(authored: Index, reference: Index) -> Index {
        let (pages, parts) = (authored.pages.len(), authored.parts.len());
        let mut index = authored;
        index
            .pages
            .extend(reference.pages.into_iter().map(|page| IndexedPage {
                reference: true,
                ..page
            }));
        index
            .parts
            .extend(reference.parts.into_iter().map(|part| Part {
                page: part.page + pages,
                ..part
            }));
        let mut terms: std::collections::BTreeMap<String, Vec<(usize, u64)>> =
            index.terms.drain(..).collect();
        for (word, postings) in reference.terms {
            let moved = postings
                .into_iter()
                .map(|(part, weight)| (part + parts, weight));
            terms.entry(word).or_default().extend(moved);
        }
        index.terms = terms.into_iter().collect();
        index
    }

    /// Reads what [`Index::to_json`] wrote; `None` if it is not such an index.
    pub fn from_json(text: &str) -> Option<Index> {
        let value: Value = serde_json::from_str(text).ok()?;
        let string = |value: &Value| value.as_str().map(str::to_string);
        let number = |value: &Value| value.as_u64();
        let mut index = Index::default();
        for page in value.get("pages")?.as_array()? {
            let [url, title, section] = page.as_array()?.as_slice() else {
                return None;
            };
            index.pages.push(IndexedPage {
                url: string(url)?,
                title: string(title)?,
                section: string(section)?,
                reference: false,
            });
        }
        for part in value.get("parts")?.as_array()? {
            let [page, anchor, heading, text] = part.as_array()?.as_slice() else {
                return None;
            };
            index.parts.push(Part {
                page: usize::try_from(number(page)?).ok()?,
                anchor: string(anchor)?,
                heading: string(heading)?,
                text: string(text)?,
            });
        }
        for term in value.get("terms")?.as_array()? {
            let [word, flat] = term.as_array()?.as_slice() else {
                return None;
            };
            let mut postings = Vec::new();
            let mut part = 0;
            for pair in flat.as_array()?.chunks(2) {
                let [step, weight] = pair else { return None };
                part += usize::try_from(number(step)?).ok()?;
                postings.push((part, number(weight)?));
            }
            index.terms.push((string(word)?, postings));
        }
        Some(index)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::rank::search;
    use super::*;

    /// An index of two authored pages, `first` with parts 0 (before its headings) and 1 (`#x`),
    /// `second` with parts 2 and 3 (`#y`), holding `terms`.
    pub(super) fn two_pages(first: &str, second: &str, terms: &[(&str, &[(usize, u64)])]) -> Index {
        let page = |url: &str| IndexedPage {
            url: url.into(),
            title: url.into(),
            section: String::new(),
            reference: false,
        };
        let part = |page: usize, anchor: &str| Part {
            page,
            anchor: anchor.into(),
            ..Part::default()
        };
        Index {
            pages: vec![page(first), page(second)],
            parts: vec![part(0, ""), part(0, "x"), part(1, ""), part(1, "y")],
            terms: terms
                .iter()
                .map(|(word, postings)| (word.to_string(), postings.to_vec()))
                .collect(),
        }
    }

    /// A tier of two pages, the words spread over them.
    fn tier(first: &str, second: &str) -> Index {
        let battery: &[(usize, u64)] = &[(1, 900), (2, 50)];
        let level: &[(usize, u64)] = &[(1, 100), (3, 300)];
        two_pages(first, second, &[("battery", battery), ("level", level)])
    }

    /// Each hit as its page's URL, its part's anchor and its score.
    fn links(index: &Index, query: &str) -> Vec<(String, String, u64)> {
        search(index, query, 10)
            .iter()
            .map(|hit| {
                let part = &index.parts[hit.part];
                (
                    index.pages[hit.page].url.clone(),
                    part.anchor.clone(),
                    hit.score,
                )
            })
            .collect()
    }

    /// `assets` read back as the search script reads them.
    fn served(assets: &[SiteAsset]) -> Option<Index> {
        read_served(|route| {
            assets
                .iter()
                .find(|asset| asset.route == route)
                .map(|asset| &asset.bytes[..])
        })
    }

    #[test]
    fn the_tiers_files_read_back_as_one_index_reference_entries_last() {
        let (authored, reference) = (tier("/a", "/b"), tier("/c", "/d"));
        let files = assets(&authored, &reference);
        let routes: Vec<&str> = files.iter().map(|file| file.route.as_str()).collect();
        assert_eq!(routes[0], POINTER_ROUTE);
        assert!(routes[1].starts_with("/_site/search-index."), "{routes:?}");
        assert!(
            routes[2].starts_with("/_site/search-reference."),
            "{routes:?}"
        );
        let read = served(&files).unwrap_or_else(|| panic!("the files do not read back"));
        assert_eq!(read, Index::join(authored, reference));
        assert!(read.pages[2..].iter().all(|page| page.reference));
        // /c outscores /b on `battery`, but is a reference entry.
        let found: Vec<String> = links(&read, "battery")
            .into_iter()
            .map(|(url, ..)| url)
            .collect();
        assert_eq!(found, ["/a", "/b", "/c", "/d"]);
        assert_eq!(
            links(&read, "battery level"),
            [
                ("/a".into(), "x".into(), 1000),
                ("/b".into(), "y".into(), 350),
                ("/c".into(), "x".into(), 1000),
                ("/d".into(), "y".into(), 350),
            ]
        );
    }

    #[test]
    fn a_site_without_reference_entries_serves_one_index_file() {
        let index = tier("/a", "/b");
        let files = assets(&index, &Index::default());
        assert_eq!(files.len(), 2);
        let pointer = String::from_utf8_lossy(&files[0].bytes).into_owned();
        assert!(!pointer.contains("reference"), "{pointer}");
        assert_eq!(served(&files), Some(index));
    }
}
