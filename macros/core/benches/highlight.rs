//! What highlighting costs: loading giallo's grammars and themes (once per process), a
//! language's first block (its grammar's patterns compiled, once per process and language),
//! and each 20-line block after that.
//!
//! `cargo bench -p site_compiler --bench highlight` prints one line each; `benches/highlight.sh`
//! runs it several times beside the compile benchmarks, and BENCHMARKS.md records the figures.

use site_compiler::render::highlight::{Fence, block};
use std::time::{Duration, Instant};

/// Twenty lines in each language the OMA pages use, and others of the site's.
const SAMPLES: &[(&str, &str)] = &[
    (
        "ts",
        "import { defineNuxtConfig } from 'nuxt/config'\n\n// The site's configuration.\n\
         export default defineNuxtConfig({\n  modules: ['@nuxt/content', '@nuxt/ui'],\n  content: {\n\
         \x20   highlight: { theme: { default: 'github-light', dark: 'github-dark' } },\n  },\n\
         \x20 colorMode: { classSuffix: '' },\n  routeRules: { '/old': { redirect: '/new' } },\n})\n\n\
         interface Page {\n  title: string\n  layout?: 'doc' | 'web'\n}\n\n\
         export function title(page: Page): string {\n\
         \x20 return page.title.length > 60 ? page.title.slice(0, 57) + '...' : page.title\n}\n",
    ),
    (
        "yaml",
        "title: Generated page\ndescription: Page of the benchmark corpus\nlayout: doc\n\
         navigation: true\nmodules:\n  - name: RowText\n    text: |\n\
         \x20     Some text with **bold** and a [link](/guide).\n    style: second\n\
         \x20 - name: RowImage\n    image: /images/bench.png # the placeholder\n    width: 640\n\
         \x20   caption: \"A caption\"\nauthors:\n  - Ada\n  - Grace\ntags: [lwm2m, ipso]\n\
         version: 1.2\ndraft: false\nupdated: 2026-11-30\n",
    ),
    (
        "mdc",
        "::ShTwoColumns{size=\"M\"}\n---\nui:\n  wrapper: pb-10\n---\n  :::ShSegment\n\
         \x20 ### Working group\n\n  The **Lightweight M2M** protocol, see [a page](/a#overview).\n\
         \x20 :::\n\n  :::ShSegment\n    ::::ShAlert{type-alert=\"info\"}\n\
         \x20   A page of a generated corpus.\n    ::::\n  :::\n::\n\n\
         A :sh-button{url-button=\"/b\" label-button=\"Next\"} inline.\nRead *more* below.\n",
    ),
    (
        "bash",
        "#!/usr/bin/env bash\n# Build the site and serve it.\nset -euo pipefail\n\
         root=$(cd \"$(dirname \"$0\")/..\" && pwd)\n\
         export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}\nfor pages in 100 1000; do\n\
         \x20   python3 scripts/gen-corpus.py \"$pages\" \"/tmp/corpus-$pages\"\n\
         \x20   echo \"built $pages pages\"\ndone\nif [ -n \"${SERVE:-}\" ]; then\n\
         \x20   cargo run --release -p site &\n    pid=$!\n    trap 'kill $pid' EXIT\nfi\n\
         curl -sf http://127.0.0.1:8080/ | grep -c '<a ' || true\ncase \"$1\" in\n\
         \x20   check) cargo run -p site -- check ;;\n    *) echo \"usage: $0 check\" >&2; exit 1 ;;\n\
         esac\nwait\n",
    ),
    (
        "json",
        "{\n  \"name\": \"oma-site\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n\
         \x20 \"scripts\": {\n    \"dev\": \"nuxt dev\",\n    \"build\": \"nuxt build\",\n\
         \x20   \"generate\": \"nuxt generate\"\n  },\n  \"dependencies\": {\n\
         \x20   \"@nuxt/content\": \"^3.6.1\",\n    \"@nuxt/ui\": \"^2.22.1\",\n\
         \x20   \"nuxt\": \"^3.15.4\"\n  },\n  \"devDependencies\": {\n\
         \x20   \"typescript\": \"^5.6.0\"\n  },\n  \"count\": 42,\n  \"nothing\": null\n}\n",
    ),
];

/// How many times each block is highlighted after the first.
const REPEATS: u32 = 200;

fn main() {
    let fence = Fence::default();
    // A language no grammar has: the grammars and themes load, nothing is compiled.
    let start = Instant::now();
    let unknown = block("x\n", "no-such-language", &fence);
    assert!(!unknown.known);
    println!(
        "grammars and themes loaded: {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    for (language, code) in SAMPLES {
        assert_eq!(code.lines().count(), 20, "{language}");
        let start = Instant::now();
        let first = block(code, language, &fence);
        let first_time = start.elapsed();
        assert!(
            first.known && first.html.contains("--shiki-dark"),
            "{language}"
        );
        let mut times: Vec<Duration> = (0..REPEATS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(block(code, language, &fence));
                start.elapsed()
            })
            .collect();
        times.sort();
        let median = times[times.len() / 2];
        println!(
            "{language:>5}: first block {:.1} ms, then {:.0} µs a block of 20 lines (median of {REPEATS}), {} bytes of HTML from {} of code",
            first_time.as_secs_f64() * 1000.0,
            median.as_secs_f64() * 1e6,
            first.html.len(),
            code.len(),
        );
    }
}
