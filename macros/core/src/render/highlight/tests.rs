use super::*;
use crate::diagnostic::Severity;
use crate::{Options, compile_page};

/// The body of page `a.md` holding `text`, and its diagnostics as `code: message (help)`.
fn compile(text: &str) -> (String, Vec<String>) {
    let compiled = compile_page("a.md", text, &Options::default());
    let diagnostics = compiled
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {}: {} ({})",
                d.line,
                d.column,
                d.width,
                d.code,
                d.message,
                d.help.as_deref().unwrap_or_default()
            )
        })
        .collect();
    (compiled.value.body, diagnostics)
}

/// The `span.line` elements of `html`, each with what it holds.
fn lines(html: &str) -> Vec<&str> {
    html.split("<span class=\"line")
        .skip(1)
        .map(|line| line.split_once('>').map_or(line, |(_, rest)| rest))
        .collect()
}

#[test]
fn a_block_is_a_shiki_pre_with_one_numbered_line_span_per_line() {
    let (html, diagnostics) = compile("```ts\nconst a = 1\n\n// done\n```\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(
        html.starts_with(
            "<pre class=\"shiki shiki-themes github-light github-dark\"><code class=\"language-ts\">\
             <span class=\"line\" line=\"1\">"
        ),
        "{html}"
    );
    assert!(html.ends_with("</span></code></pre>"), "{html}");
    for line in ["1", "2", "3"] {
        assert!(html.contains(&format!("line=\"{line}\">")), "{html}");
    }
    assert_eq!(html.matches("<span class=\"line\"").count(), 3, "{html}");
    // Tokens of different kinds, each with both themes' colours: `const` a keyword, `1` a
    // number, the comment in grey.
    assert!(
        html.contains("<span style=\"--shiki-default:#D73A49;--shiki-dark:#F97583\">const</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span style=\"--shiki-default:#005CC5;--shiki-dark:#79B8FF\"> 1\n</span>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<span style=\"--shiki-default:#6A737D;--shiki-dark:#6A737D\">// done\n</span>"
        ),
        "{html}"
    );
    // Every line ends with its newline, inside it; an empty line is its newline alone.
    assert_eq!(lines(&html)[1], "\n</span>");
    let text: String = html
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
        .collect();
    assert_eq!(text, "const a = 1\n\n// done\n");
}

#[test]
fn braces_highlight_lines_and_brackets_name_the_file() {
    let code: String = (1..=7).map(|n| format!("let x{n} = {n}\n")).collect();
    let (html, diagnostics) = compile(&format!("```ts [nuxt.config.ts] {{2,4-6}}\n{code}```\n"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let highlighted: Vec<usize> = (1..=7)
        .filter(|n| html.contains(&format!("<span class=\"line highlight\" line=\"{n}\">")))
        .collect();
    assert_eq!(highlighted, [2, 4, 5, 6], "{html}");
    assert_eq!(html.matches("class=\"line").count(), 7);
    assert!(
        html.starts_with(
            "<pre class=\"shiki shiki-themes github-light github-dark\" data-filename=\"nuxt.config.ts\">\
             <span class=\"code-filename\">nuxt.config.ts</span><code class=\"language-ts\">"
        ),
        "{html}"
    );
}

#[test]
fn meta_no_one_reads_is_kept_as_data() {
    let (html, _) = compile("```ts{1} twoslash [a.ts] title=\"x\"\nlet a\n```\n");
    assert!(
        html.starts_with(
            "<pre class=\"shiki shiki-themes github-light github-dark\" data-filename=\"a.ts\" \
             data-meta=\"twoslash  title=&quot;x&quot;\">"
        ),
        "{html}"
    );
    assert!(html.contains("<span class=\"line highlight\" line=\"1\">"));
}

#[test]
fn fences_read_as_nuxt_content_reads_them() {
    let fence = |lang: &str, meta: Option<&str>| Fence::parse(Some(lang), meta);
    assert_eq!(
        fence("ts", Some("[nuxt.config.ts] {2,4-6}")),
        Fence {
            language: Some("ts".into()),
            filename: Some("nuxt.config.ts".into()),
            highlights: vec![2..=2, 4..=6],
            meta: None,
        }
    );
    assert_eq!(fence("ts{1,3}", None).language.as_deref(), Some("ts"));
    assert_eq!(fence("ts{1,3}", None).highlights, [1..=1, 3..=3]);
    // No language: a fence of meta alone.
    assert_eq!(fence("[file.txt]", None).language, None);
    assert_eq!(
        fence("[file.txt]", None).filename.as_deref(),
        Some("file.txt")
    );
    // Escaped brackets in a file name, and a path's backslashes kept.
    assert_eq!(
        fence("js", Some(r"[pages/\[slug\].vue]"))
            .filename
            .as_deref(),
        Some("pages/[slug].vue")
    );
    assert_eq!(
        fence("bat", Some(r"[C:\dir\run.bat]")).filename.as_deref(),
        Some(r"C:\dir\run.bat")
    );
    // What is not a line or a range is skipped.
    assert_eq!(fence("ts", Some("{x,3,5-}")).highlights, [3..=3]);
    assert_eq!(Fence::parse(None, None), Fence::default());
}

#[test]
fn an_unknown_language_is_plain_text_in_the_same_markup_and_a_problem() {
    let text = "Intro\n\n```tyepscript\nconst <b>\n```\n";
    let (html, diagnostics) = compile(text);
    assert_eq!(
        html,
        "<p>Intro</p><pre class=\"shiki shiki-themes github-light github-dark\">\
         <code class=\"language-tyepscript\"><span class=\"line\" line=\"1\">const &lt;b&gt;\n\
         </span></code></pre>"
    );
    // At the language's name on the fence's line, with the near miss.
    assert_eq!(
        diagnostics,
        [
            "3:4:10: unknown-language: unknown code language `tyepscript`: shown as plain text \
          (did you mean `typescript`?)"
        ]
    );
    let compiled = compile_page("a.md", text, &Options::default());
    assert_eq!(compiled.diagnostics[0].severity, Severity::Error);
    let lenient = Options {
        lenient: true,
        ..Options::default()
    };
    let compiled = compile_page("a.md", text, &lenient);
    assert_eq!(compiled.diagnostics[0].severity, Severity::Warning);
    // Far from every language: help without a name.
    let (_, diagnostics) = compile("```qqqqqqqq\nx\n```\n");
    assert!(
        diagnostics[0].contains("(name a language Shiki knows"),
        "{diagnostics:?}"
    );
}

#[test]
fn aliases_and_plain_text_are_no_problem() {
    for language in [
        "yml",
        "yaml",
        "sh",
        "bash",
        "md",
        "mdc",
        "text",
        "plaintext",
        "TS",
    ] {
        let (html, diagnostics) = compile(&format!("```{language}\na: 1\n```\n"));
        assert!(diagnostics.is_empty(), "{language}: {diagnostics:?}");
        assert!(html.starts_with("<pre class=\"shiki"), "{language}: {html}");
    }
}

#[test]
fn a_block_without_a_language_stays_plain() {
    let (html, diagnostics) = compile("```\nlet a = 1\n```\n\n    indented\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(
        html,
        "<pre><code>let a = 1</code></pre><pre><code>indented</code></pre>"
    );
}

#[test]
fn html_in_code_stays_text() {
    for fence in ["```html", "```", "```unknown-x"] {
        let (html, _) = compile(&format!(
            "{fence}\n<script>alert(\"x\")</script>\n<!-- & -->\n```\n"
        ));
        assert!(!html.contains("<script"), "{fence}: {html}");
        assert!(!html.contains("<!--"), "{fence}: {html}");
        assert!(html.contains("&lt;"), "{fence}: {html}");
        assert!(html.contains("&amp;"), "{fence}: {html}");
    }
}

/// Found by the `yaml_props` fuzz target: giallo's C grammar pushed rules forever, its memory
/// growing, on a non-ASCII letter in an identifier before `(`.
#[test]
fn code_with_non_ascii_characters_highlights_and_keeps_its_text() {
    let code = "int x_Ц(y) { return naïve_é('→', \"ü\"); }";
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(block(code, "c", &Fence::default()));
    });
    let Ok(highlighted) = receiver.recv_timeout(std::time::Duration::from_secs(20)) else {
        panic!("highlighting did not finish");
    };
    assert!(
        highlighted.html.contains("--shiki-dark:"),
        "{}",
        highlighted.html
    );
    let mut text = String::new();
    let mut in_tag = false;
    for character in highlighted.html.chars() {
        match character {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(character),
            _ => {}
        }
    }
    let unescaped = text.replace("&quot;", "\"").replace("&#39;", "'");
    assert_eq!(unescaped.trim_end(), code);
    // The same colours as the ASCII spelling of the same code.
    let ascii = block(&code.replace("Ц", "ab"), "c", &Fence::default());
    let styles = |html: &str| -> Vec<String> {
        html.split("style=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(styles(&highlighted.html), styles(&ascii.html));
}

#[test]
fn every_language_named_for_the_site_highlights() {
    let languages = [
        "mdc",
        "md",
        "yaml",
        "yml",
        "ts",
        "typescript",
        "js",
        "jsx",
        "tsx",
        "json",
        "vue",
        "html",
        "css",
        "scss",
        "bash",
        "sh",
        "rust",
        "toml",
        "xml",
        "python",
        "c",
    ];
    for language in languages {
        let highlighted = block("let <b>x</b> = 'y' + 1 # c\n", language, &Fence::default());
        assert!(highlighted.known, "{language}");
        assert!(
            highlighted.html.contains("--shiki-dark:"),
            "{language} has no coloured token: {}",
            highlighted.html
        );
    }
}

#[test]
fn mdc_components_props_and_slots_are_told_apart() {
    let code = "::ShAlert{type-alert=\"info\"}\n---\ntitle: Hi # note\n---\nText :sh-button{label=\"x\"}\n#title\nSlot\n::\n";
    let highlighted = block(code, "mdc", &Fence::default());
    let html = &highlighted.html;
    // The component's name, an attribute name, a string, a YAML key, a comment.
    for token in [
        "<span style=\"--shiki-default:#22863A;--shiki-dark:#85E89D\">ShAlert</span>",
        "<span style=\"--shiki-default:#6F42C1;--shiki-dark:#B392F0\">type-alert</span>",
        "<span style=\"--shiki-default:#032F62;--shiki-dark:#9ECBFF\">&quot;info&quot;</span>",
        "<span style=\"--shiki-default:#6A737D;--shiki-dark:#6A737D\"> # note\n</span>",
        "<span style=\"--shiki-default:#22863A;--shiki-dark:#85E89D\">sh-button</span>",
        "<span style=\"--shiki-default:#6F42C1;--shiki-dark:#B392F0\">#title\n</span>",
    ] {
        assert!(html.contains(token), "`{token}` not in {html}");
    }
}

#[test]
fn inline_code_with_a_language_is_highlighted_and_without_one_stays() {
    let (html, diagnostics) = compile("Call `const a = 1`{lang=\"ts\" .big} or `plain`{.x}.\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(
        html.contains(
            "<code class=\"big language-ts shiki shiki-themes github-light github-dark\" \
             language=\"ts\"><span style=\"--shiki-default:#D73A49;--shiki-dark:#F97583\">const</span>"
        ),
        "{html}"
    );
    assert!(!html.contains("class=\"line"), "{html}");
    assert!(html.contains("<code class=\"x\">plain</code>"), "{html}");
    let (_, diagnostics) = compile("Call `x`{lang=\"tyepscript\"}.\n");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics[0].contains("unknown-language"),
        "{diagnostics:?}"
    );
}

#[test]
fn the_themes_defaults_are_the_colours_code_css_gives_unstyled_text() {
    let Some(registry) = REGISTRY.as_ref() else {
        panic!("giallo's grammars did not load");
    };
    let options = HighlightOptions::new(
        "ts",
        ThemeVariant::Dual {
            light: LIGHT,
            dark: DARK,
        },
    );
    let Ok(highlighted) = registry.highlight("x", &options) else {
        panic!("no highlighting");
    };
    let ThemeVariant::Dual { light, dark } = highlighted.theme else {
        panic!("one theme");
    };
    let css = crate::style::CODE_CSS.to_ascii_uppercase();
    for theme in [light, dark] {
        let colours = [
            Some(theme.default_style.foreground),
            Some(theme.default_style.background),
            theme.highlight_background_color,
        ];
        for colour in colours.into_iter().flatten() {
            assert!(
                css.contains(&colour.as_hex()),
                "{}: {}",
                theme.name,
                colour.as_hex()
            );
        }
    }
}

#[test]
fn the_cache_gives_what_it_kept_and_keeps_what_a_build_used() -> std::io::Result<()> {
    let dir = std::env::temp_dir().join(format!("highlight-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("site.highlights");
    let fence = Fence::default();
    let cold = Cache::open(&file);
    let fresh = cold.block("let a = 1\n", "ts", &fence);
    assert_eq!(fresh, block("let a = 1\n", "ts", &fence));
    assert!(!cold.inline("x", "tyepscript").known);
    cold.save();
    let warm = Cache::open(&file);
    assert_eq!(warm.kept.len(), 2);
    assert_eq!(warm.block("let a = 1\n", "ts", &fence), fresh);
    assert!(!warm.inline("x", "tyepscript").known);
    // What is kept is what is given: a made-up entry comes back.
    let made_up = Cache::open(&file);
    let made_up_html = Highlighted {
        known: true,
        html: "made up".into(),
    };
    lock(&made_up.used).insert(key("inline\0ts\0", "x"), made_up_html.clone());
    made_up.new.store(true, Ordering::Relaxed);
    made_up.save();
    assert_eq!(Cache::open(&file).inline("x", "ts"), made_up_html);
    let data = std::fs::read(&file)?;
    // Another version's file is not read; an unused entry is not kept.
    std::fs::write(&file, data.to_ascii_uppercase())?;
    assert!(Cache::open(&file).kept.is_empty());
    warm.save();
    let used_one = Cache::open(&file);
    used_one.block("let a = 1\n", "ts", &fence);
    used_one.save();
    assert_eq!(Cache::open(&file).kept.len(), 1);
    std::fs::remove_dir_all(&dir)
}

#[test]
fn the_cache_names_the_giallo_release_in_cargo_lock() -> std::io::Result<()> {
    let lock = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock"),
    )?;
    let locked = lock
        .split("[[package]]")
        .find(|package| package.contains("\nname = \"giallo\"\n"))
        .and_then(|package| package.split("\nversion = \"").nth(1))
        .and_then(|rest| rest.split('"').next());
    assert_eq!(locked, Some(GIALLO_VERSION));
    Ok(())
}
