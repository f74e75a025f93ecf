//! Ranking a query over the index: what the search script does in the browser (`search` in
//! `assets/search.js` follows it step by step, on the same integers), here so that tests can
//! check the ranking over real content and compare the browser's results with it.

use super::{Index, words};
use std::collections::HashMap;

/// A query word of at least this many characters also finds the words it starts (`lw` finds
/// `lwm2m`), at half their weight: readers see results as they type.
pub const PREFIX_FROM: usize = 2;

/// A page found: its position in [`Index::pages`], the part of it that matches best (its
/// position in [`Index::parts`]) and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The page.
    pub page: usize,
    /// Its best part, where the result links.
    pub part: usize,
    /// The sum, over the query's words, of the word's best weight on the page.
    pub score: u64,
}

/// The query's words, each once, in order.
pub fn query_words(query: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in words(query) {
        if !found.contains(&word) {
            found.push(word);
        }
    }
    found
}

/// The pages that have every word of `query`, best first, at most `limit`.
///
/// A word's weight in a part is the index's weight of the word itself, or half that of a
/// word it starts; its weight on a page is the best of its parts'. A page's score is the sum
/// of its words' weights; it links to the part that holds most of the query's words, the one
/// whose words weigh most among those (the first of equals): `current time` leads to the row of
/// Current Time, not to the row of Timezone, where `time` starts a rarer word.
/// Authored pages come before entries of reference data; equal scores keep the index's page
/// order.
pub fn search(index: &Index, query: &str, limit: usize) -> Vec<Hit> {
    let query = query_words(query);
    if query.is_empty() {
        return Vec::new();
    }
    let per_word: Vec<HashMap<usize, u64>> = query
        .iter()
        .map(|word| {
            let prefix = word.chars().count() >= PREFIX_FROM;
            let mut best: HashMap<usize, u64> = HashMap::new();
            for (term, postings) in &index.terms {
                let divisor = if term == word {
                    1
                } else if prefix && term.starts_with(word.as_str()) {
                    2
                } else {
                    continue;
                };
                for &(part, weight) in postings {
                    let weight = weight / divisor;
                    let entry = best.entry(part).or_default();
                    *entry = (*entry).max(weight);
                }
            }
            best
        })
        .collect();
    let mut pages: HashMap<usize, Vec<u64>> = HashMap::new();
    for (at, best) in per_word.iter().enumerate() {
        for (&part, &weight) in best {
            let Some(found) = index.parts.get(part) else {
                continue;
            };
            let page = pages
                .entry(found.page)
                .or_insert_with(|| vec![0; query.len()]);
            page[at] = page[at].max(weight);
        }
    }
    let mut hits: Vec<Hit> = pages
        .into_iter()
        .filter(|(_, weights)| weights.iter().all(|&weight| weight > 0))
        .map(|(page, weights)| {
            let start = index.parts.partition_point(|part| part.page < page);
            let end = index.parts.partition_point(|part| part.page <= page);
            // The part, how many of the query's words it holds, and their weight there.
            let mut best = (start, 0, 0);
            for part in start..end {
                let (words, weight) = per_word.iter().fold((0, 0), |(words, sum), best| {
                    let weight = best.get(&part).copied().unwrap_or(0);
                    (words + usize::from(weight > 0), sum + weight)
                });
                if (words, weight) > (best.1, best.2) {
                    best = (part, words, weight);
                }
            }
            Hit {
                page,
                part: best.0,
                score: weights.iter().sum(),
            }
        })
        .collect();
    let reference = |hit: &Hit| index.pages.get(hit.page).is_some_and(|page| page.reference);
    hits.sort_by(|a, b| {
        (reference(a).cmp(&reference(b)))
            .then(b.score.cmp(&a.score))
            .then(a.page.cmp(&b.page))
    });
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::super::tests::two_pages;
    use super::*;

    fn index() -> Index {
        let device: &[(usize, u64)] = &[(1, 300), (3, 100)];
        let lwm2m: &[(usize, u64)] = &[(0, 50), (2, 400)];
        let lwm2mserver: &[(usize, u64)] = &[(1, 900)];
        two_pages(
            "/a",
            "/b",
            &[
                ("device", device),
                ("lwm2m", lwm2m),
                ("lwm2mserver", lwm2mserver),
            ],
        )
    }

    #[test]
    fn every_word_must_match_and_prefixes_count_half() {
        let found = search(&index(), "Device LWM2M", 10);
        // /a: device 300 (x) + lwm2m 450 (x, as a prefix of lwm2mserver) = 750; /b: 100 + 400.
        assert_eq!(
            found,
            [
                Hit {
                    page: 0,
                    part: 1,
                    score: 750
                },
                Hit {
                    page: 1,
                    part: 2,
                    score: 500
                }
            ]
        );
        assert_eq!(search(&index(), "device nothing", 10), []);
        assert_eq!(search(&index(), "lwm2mserver", 10).len(), 1);
        // One letter finds the word it is, not every word it starts.
        assert_eq!(search(&index(), "d", 10), []);
        assert_eq!(search(&index(), "  ", 10), []);
        assert_eq!(search(&index(), "device", 1).len(), 1);
    }

    #[test]
    fn a_hit_links_to_the_part_holding_most_of_the_query_s_words() {
        let mut index = index();
        // /b: `device` weighs 1,000 in part 3, and 10 in part 2 beside `lwm2m` (400): part 2
        // holds both words, lighter, and is the one to show.
        index.terms[0].1 = vec![(1, 300), (2, 10), (3, 1000)];
        let part_of_b = |query: &str| {
            let found = search(&index, query, 10);
            found.iter().find(|hit| hit.page == 1).map(|hit| hit.part)
        };
        assert_eq!(part_of_b("device lwm2m"), Some(2));
        // One word: its heaviest part.
        assert_eq!(part_of_b("device"), Some(3));
    }

    #[test]
    fn reference_entries_come_after_authored_pages_whatever_their_scores() {
        let mut index = index();
        index.pages[0].reference = true;
        let pages: Vec<usize> = search(&index, "device lwm2m", 10)
            .iter()
            .map(|hit| hit.page)
            .collect();
        // /a scores 750 and /b 500, but /a is a reference entry.
        assert_eq!(pages, [1, 0]);
    }
}
