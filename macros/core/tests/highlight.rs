//! Highlighted code is the same bytes whichever way a page is built: as the macro builds
//! (compressed, with the cache of highlighted code cold then warm), as `site check` and `site
//! dev` build (no compression, no cache), and on its own (`compile_page`).

mod support;

use site_compiler::{Compression, Options, compile_page};
use support::Content;

const PAGE: &str = "---\ntitle: Code\n---\n\n\
```ts [nuxt.config.ts] {2}\nexport default defineNuxtConfig({\n  modules: ['@nuxt/content'],\n})\n```\n\n\
::ShSegment\n```mdc\n::ShAlert{type-alert=\"info\"}\n**Bold**\n::\n```\n::\n\n\
Inline `const a = 1`{lang=\"ts\"} and a plain block:\n\n```\n<script>\n```\n";

#[test]
fn the_macro_the_preview_and_one_page_give_the_same_bytes() -> Result<(), Box<dyn std::error::Error>>
{
    let content = Content::new("highlight-same", &[("code.md", PAGE)])?;
    let cache = content
        .root()
        .parent()
        .ok_or("no parent")?
        .join("site.cache");
    let macro_options = Options {
        compression: Some(Compression {
            cache: Some(cache.clone()),
            ..Compression::default()
        }),
        ..Options::default()
    };
    let page = |options: &Options| -> Result<(String, String), Box<dyn std::error::Error>> {
        let build = site_compiler::build(content.root(), options)?;
        assert!(build.diagnostics.is_empty(), "{:?}", build.diagnostics);
        assert!(
            build.unstyled_classes.is_empty(),
            "{:?}",
            build.unstyled_classes
        );
        let page = build
            .pages
            .into_iter()
            .find(|page| page.page.route == "/code")
            .ok_or("no /code page")?;
        Ok((page.page.body, page.page.html))
    };
    let cold = page(&macro_options)?;
    assert!(
        cache.with_extension("highlights").is_file(),
        "no cache kept"
    );
    let warm = page(&macro_options)?;
    let preview = page(&Options::default())?;
    assert!(cold.0.contains("<pre class=\"shiki"), "{}", cold.0);
    assert!(cold.1.contains("/_site/enhance."), "no copy button script");
    assert_eq!(cold, warm, "the cache gives other bytes");
    assert_eq!(cold, preview, "the macro and the preview differ");
    let alone = compile_page("code.md", PAGE, &Options::default());
    assert!(alone.diagnostics.is_empty(), "{:?}", alone.diagnostics);
    assert_eq!(alone.value.body, cold.0, "the page on its own differs");
    Ok(())
}
