//! The tokenizers against giallo: every block they take must come out as giallo gives it.

use super::super::{Line, ascii_stand_in, fast_tokens, giallo_tokens};
use std::path::Path;

/// Lines written to find where the tokenizers and the grammars part.
const YAML_EDGES: &str = "\
a: 1.7 beta
b: Yes
c: yes please
d: null
e: ~
f: -3
g: .5
h: 1e5
i: 0x1F
j: 2026-11-30T10:00:00Z
k: 'single ''q'''
l: \"dq \\\" x\"
m: >-
  folded
  text
n: value # c
o: value#nc
p: a: b
q: http://x.y/z
r: [a, 1, \"b\"]
s: {a: 1}
- item
- key: v
  other: 2
t:
  - 1
  - true
u: text with 'quotes' and \"dq\"
v: -
w: - x
x_y-z.w: 1
\"qk\": 1
yesterday: nullable
true story: 1
on: Off
1_000: 0o17
10: 10:30
.inf: +1
2026-1-3: 2026-11-30 10:00
my key: v
key: v  # two
x: [a b, c]
y: []
z: [\"a\", 'b']
url: /images/a.png
ww: ends with colon:
vv: a -b
g: \"x\" y
# top
  # indented
h: |
  l1

  l2
i: 1
j: |2
  x
k: |-
  kept
- |
  in an item
- key: |
    in an item's key
- - nested
- # comment
-
  a: 1
a:
  b:
    c: d
  e: f
-1: -0
007: 0
1.: .1
+.5: -1.5e3
\"a \\u00e9 b\": 'x'
'k': \"\\n\\t\\/\\\\\"
a: \"unterminated
a: 'x' # comment
a: [a, [b]]
a: [ a ]
a: [a,b]
a: [a , b]
a: &anchor x
a: *alias
a: !tag x
a: ? x
a: @x
a: `x`
a: %x
a: b # c # d
a: b #c
a:b
a :b
---
...
%YAML 1.2
key with spaces: v
k: v
  continued
k:
  v
- a
  continued
";

/// MDC written to find where the tokenizers and the grammar part.
const MDC_EDGES: &str = "\
# Heading one
## Heading *two* `x`
Text with *star italic* and _under_ and __dunder__ and ***both***.
A line with a\\_escape and <b>html</b> and ~~strike~~.
- list item
* star item
1. ordered
> quote
Setext
---
    indented code after text

    indented after blank
Text [link](/a \"title\") and ![img](/b.png) and [ref][r] and <https://x.y>.
Plain https://x.y/z url.
:badge[Text]{color=\"red\"} and :icon{name=\"x\"} and :br and [span]{.cls}
#slot
::Comp
#title
Slot text
::
Text with 'quotes' \"double\" (paren) {brace} [bracket] a: b
**Bold with `code` inside** and *it **b** i*.
::A{#id .cls a=b flag c=\"x y\" d='z'}
::
::B{ a=\"b\" }
::
::C{a=\"b\"} trailing
::
    ### indented four
   ### three
  ::D
  ---
  a: 1
  ---
  text
  ::
x **a b** y **c ** d ** e** f**g**h
x *a b* y *c * d * e* f*g*h
`a` `` b `` ` c `
[a **b**](/x) [a](</x y>) [a]( /x ) [a](/x)b
A :comp b:comp :comp. (:comp) :comp-name_x :Comp1
Text & more &amp; 100% #hash @at ^caret $dollar =eq +plus 'q' \"dq\" ... -- --- !bang ?q
---
title: Front
---
::ShSegment
---
ui:
  wrapper: bg-oma-blue-900 text-white py-2
---
**The 2026 members' meeting** opens on 3 March: [register now](/omaspecworks/about).
::
**Sample announcement:** the body, with [a link](/guide) and ![an image](/a.png).
:sh-button{url-button=\"/x\" label-button=\"Next\"} at the start.
Text then :sh-button and :sh-badge{color=\"red\"}: punctuation after.
:::ShColumn{:cols='2' flag .wide #main}
  ::::ShAlert
  ---
  typeAlert: warning
  text: |
    Some **text**
  ---
  ::::
:::
    :::ShDeep
    ---
    a: 1
    ---
## A heading: with a colon
A *short* and **long bold text** line, `code` too.
Colons: a:b and a :b and :
";

/// TypeScript written to find where the tokenizer and the grammar part.
const TS_EDGES: &str = "\
const a = 1
let b = 'x'
var c = true
const fn = () => 1
const f2 = (x: number) => x * 2
const obj = { a: 1, b, 'c': null, d: undefined }
function f(a, b = 2) { return a }
if (a === b && c !== d || !e) { x = y } else { z += 1 }
console.log(this.x, new Date(), Math.max(1, 2))
export const config = { x: [1, 2.5, -3] }
type T = string | number
const s = `tpl ${a}`
/* block */ a /= 2
for (const x of xs) {}
async function g() { await h() }
class A extends B { m() {} }
let u: string[] = []
let v: Array<string> = []
a?.b?.(c)
x.y.z = 1
x.length
foo.bar()
x = MAX + Foo + foo_bar + $el + _x + A1 + AB + Ab
x = document + window + process + JSON + Object + Array + Promise + require + module
x = globalThis + NaN + Infinity + arguments + exports + self + top + name + location
foo.MAX.Foo.prototype.constructor.length.name.size
const MAX = 1
const Foo = 1
let x: Foo = a
import x from 'y'
import { a as b, c } from 'd'
import 'e'
export default {
  a: 1,
}
const o = { default: 1, import: 2, from: 3, 'a-b': 4, c: d.e, f: g(), h: [i, j] }
return a
x = a ? b : c
x = 'a\\'b' + \"d\" + 'e\\nf'
x = 1_000 + 0x1F + 1e5 + .5 + 5.
foo(a)(b)
foo
  .bar()
x = -1 + +2 - !a
x = setTimeout + parseInt + encodeURI + isNaN + eval + alert + __dirname + super + void + typeof
x = setTimeout(a) + parseInt(b) + console.log + console.error(c) + x.then(y) + x.toString
x = a.__proto__ + a.caller + a.arguments + a.callee + a.href + a.style + a.innerHTML + a.then
x = y
  + z
a
b;c
x = a.b(c).d[e]
interface A {
  a: null; b?: undefined, c: boolean
  d: any | void | never | unknown | object | symbol | bigint | number
  e: Foo[] | string[] | 1 | true | foo
}
function f(a?: string, b: number = 2, c = 'x'): Page {
  return a // trailing
}
function g() {
  const x = foo()
  let y = 1;
}
const x = foo() // c
const y = { a, b }
export function h(p: Page): void {}
export interface B { a: string }
export const c = 1
let z: 'a' | 'b' = 'a'
";

/// Blocks on which the tokenizers and giallo once parted, found by the mixing below.
const FOUND: &[(&str, &str)] = &[
    ("yaml", "y: [=]"),
    ("yaml", "a: =\nc: <<"),
    ("yaml", "a: [a }, =b]"),
    ("yaml", "r: [}a-, 1, \"b\"]"),
    ("yaml", "- |\n\n            url: /guide"),
    ("yaml", "modules:\n---\n    text: |\n  - name: RowSeparator"),
    ("mdc", ":1\n:"),
    ("mdc", "  a:1 :1"),
    (
        "mdc",
        ":sh-b-utton{url-button=\"/x\" label-button=\"Next\"} :at the start.",
    ),
    ("mdc", "::ShAlert\nA sample alert with *:*bold*.* text.\n::"),
    (
        "mdc",
        "::ShAlert{:type-alert='\"=danger\"' :ui='{\"wrapper\": \"shadow-none\"}'}\nText.\n::",
    ),
    (
        "mdc",
        "  :::ShColumn\n---\n  text: |\n  ---\ntitle: Opacity",
    ),
    (
        "mdc",
        "::\n::ShTextImg\ntitle:\n\n  wrapper: mt-6\n    ::::ShMicroCard",
    ),
    ("mdc", "---\n    ---\n  One"),
    ("ts", "let x\n: Foo = a"),
];

#[test]
fn the_tokenizers_give_giallos_colours_for_every_block_they_take() {
    let samples = samples();
    let mut taken = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for (language, code) in &samples {
        let code = code.trim_end();
        let stand_in = ascii_stand_in(code);
        let fast = fast_tokens(code, &stand_in, language);
        let counts = taken.entry(language).or_default();
        counts.1 += 1;
        let Some(fast) = fast else { continue };
        counts.0 += 1;
        let (known, giallo) = giallo_tokens(code, &stand_in, language);
        assert!(known, "{language}");
        assert_eq!(
            render(&fast),
            render(&giallo),
            "\n{language} block:\n{code}\n"
        );
    }
    // The mixed blocks must be taken often enough for the comparison to mean something.
    for (language, (fast, all)) in taken {
        assert!(fast * 20 > all, "{language}: {fast} of {all} blocks taken");
    }
}

#[test]
fn every_block_of_the_content_and_the_corpus_is_taken() {
    // Fences hold other languages, which only giallo highlights.
    let not_taken: Vec<String> = content_blocks()
        .into_iter()
        .chain(corpus_blocks())
        .filter(|(language, code)| {
            let code = code.trim_end();
            !code.contains("```") && fast_tokens(code, &ascii_stand_in(code), language).is_none()
        })
        .map(|(language, code)| format!("{language}:\n{code}"))
        .collect();
    assert!(not_taken.is_empty(), "{}", not_taken.join("\n\n"));
}

/// A line's runs as `[text|style]`, for failures that show where two outputs part.
fn render(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        for (text, style) in line {
            out.push_str(&format!("[{text}|{}]", style.as_deref().unwrap_or("")));
        }
        out.push('\n');
    }
    out
}

/// How many blocks of mixed lines, and how many changed at random, to compare. `SEED=n`
/// mixes others, to look further.
const MIXED: usize = 5000;

/// Every block to compare: the content's, the corpus's, the edge cases, and blocks of their
/// lines mixed.
fn samples() -> Vec<(String, String)> {
    let mut samples = content_blocks();
    samples.extend(corpus_blocks());
    samples.extend(
        FOUND
            .iter()
            .map(|(language, code)| (language.to_string(), code.to_string())),
    );
    for (language, edges) in [("yaml", YAML_EDGES), ("mdc", MDC_EDGES), ("ts", TS_EDGES)] {
        samples.push((language.into(), edges.into()));
        samples.extend(edges.split('\n').map(|line| (language.into(), line.into())));
    }
    let mut random = std::env::var("SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        // xorshift never leaves 0.
        .filter(|&seed: &u64| seed != 0)
        .unwrap_or(0x2545_f491_4f6c_dd1d_u64);
    let mut next = move |below: usize| {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        (random % below as u64) as usize
    };
    let mut mixed = Vec::new();
    for language in ["yaml", "mdc", "ts"] {
        let pool: Vec<&str> = samples
            .iter()
            .filter(|(of, _)| of == language)
            .flat_map(|(_, code)| code.split('\n'))
            .collect();
        if pool.is_empty() {
            continue;
        }
        for _ in 0..MIXED {
            let lines: Vec<&str> = (0..1 + next(10)).map(|_| pool[next(pool.len())]).collect();
            mixed.push((language.to_string(), lines.join("\n")));
        }
    }
    // Each block with characters that change how it reads put in at random.
    const INSERTED: &[u8] = b"*: -#'\"{}[]()_|`!.=aZ1\n";
    for _ in 0..MIXED {
        let (language, code) = &samples[next(samples.len())];
        let mut code = code.clone().into_bytes();
        for _ in 0..1 + next(3) {
            let at = next(code.len() + 1);
            code.insert(at, INSERTED[next(INSERTED.len())]);
        }
        let code = String::from_utf8(code).unwrap_or_default();
        mixed.push((language.clone(), code));
    }
    samples.append(&mut mixed);
    samples
}

/// The YAML, MDC and TypeScript blocks of the site's content, without the indentation of their fences.
fn content_blocks() -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let mut folders = vec![content];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                blocks.extend(fenced_blocks(&text));
            }
        }
    }
    assert!(blocks.len() > 50, "{} blocks", blocks.len());
    blocks
}

/// The fenced YAML, MDC and TypeScript blocks of a Markdown text.
fn fenced_blocks(text: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let fence = trimmed.len() - trimmed.trim_start_matches('`').len();
        if fence < 3 {
            continue;
        }
        let language = trimmed[fence..].split([' ', '{', '[']).next().unwrap_or("");
        let mut code = Vec::new();
        for line in lines.by_ref() {
            let trimmed = line.trim_start();
            if trimmed.len() >= fence && trimmed.bytes().all(|byte| byte == b'`') {
                break;
            }
            code.push(line.get(indent..).unwrap_or(trimmed));
        }
        if matches!(language, "yaml" | "mdc" | "ts") {
            blocks.push((language.to_string(), code.join("\n")));
        }
    }
    blocks
}

/// The blocks `scripts/gen-corpus.py --code` writes, for a few pages.
fn corpus_blocks() -> Vec<(String, String)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/gen-corpus.py");
    let script = std::fs::read_to_string(script).unwrap_or_default();
    let template = script
        .split_once("CODE = \"\"\"")
        .and_then(|(_, rest)| rest.split_once("\"\"\""))
        .map(|(template, _)| template)
        .unwrap_or_default();
    let mut blocks = Vec::new();
    for (n, t) in [("7", "3"), ("1000", "999"), ("42", "41")] {
        let text = template
            .replace("{{", "\u{1}")
            .replace("}}", "\u{2}")
            .replace("```{ts}", "```ts")
            .replace("```{yaml}", "```yaml")
            .replace("```{mdc}", "```mdc")
            .replace("{n}", n)
            .replace("{t}", t)
            .replace("{tf}", "guide")
            .replace('\u{1}', "{")
            .replace('\u{2}', "}");
        blocks.extend(fenced_blocks(&text));
    }
    assert_eq!(blocks.len(), 9, "{template}");
    blocks
}
