// The header's search field: results under it as the reader types, from the site's search
// index (built with the pages, fetched the first time the field is used). `/` focuses the field,
// the arrows move through the results, Enter opens one, Escape closes them. On the search page
// (`#search-page`, where the field submits) it lists the results for the page's `q`. Without
// this script the field submits to that page, which says search needs it.
//
// `search` ranks one index file as `site_compiler::embed::search::rank::search` ranks the
// whole index, step by step on the same integers, and `find` puts the reference entries'
// results after the authored pages', as it does: the tests hold the browser's results to the
// compiler's.
(function () {
  "use strict";

  var SHOWN = 8;
  var SHOWN_ON_PAGE = 50;
  var PREFIX_FROM = 2;
  var SNIPPET = 180;
  // Beside this script, under any base path: the file naming the current index, which is
  // cached for good under its hashed name. Pages do not name the index, so that an edit
  // changes it without changing every page.
  var pointer = new URL("search-index.json", document.currentScript.src).href;
  var loading = null;

  // ---- The index and the ranking ----

  function json(url, cache) {
    return fetch(url, { cache: cache }).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  }

  // The authored pages' index, and a promise of the reference entries' when the site has
  // them (the LwM2M registry's objects), waited for only when a query's list has room for
  // them: they rank after every authored page.
  function load() {
    if (!loading) {
      loading = json(pointer, "no-cache").then(function (named) {
        var file = function (name) {
          return json(new URL(name, pointer).href, "default").then(decode);
        };
        return file(named.index).then(function (index) {
          // Fetched once the authored pages' file is in, so as not to slow that one down.
          var reference = named.reference ? file(named.reference) : null;
          if (reference) {
            reference.catch(function () {
              loading = null;
            });
          }
          return { index: index, reference: reference };
        });
      });
      loading.catch(function () {
        loading = null;
      });
    }
    return loading;
  }

  // The results for `text`, at most `limit`, each with the index it is from.
  function find(loaded, text, limit) {
    var tag = function (index) {
      return function (hit) {
        return { index: index, hit: hit };
      };
    };
    var found = search(loaded.index, text, limit).map(tag(loaded.index));
    if (found.length >= limit || !loaded.reference) return Promise.resolve(found);
    return loaded.reference.then(function (reference) {
      return found.concat(search(reference, text, limit - found.length).map(tag(reference)));
    });
  }

  // Postings come as [part step, weight, …], each part the difference from the one before.
  function decode(raw) {
    var terms = raw.terms.map(function (entry) {
      var flat = entry[1];
      var postings = [];
      var part = 0;
      for (var i = 0; i < flat.length; i += 2) {
        part += flat[i];
        postings.push(part, flat[i + 1]);
      }
      return [entry[0], postings];
    });
    var first = [];
    var end = [];
    raw.parts.forEach(function (part, at) {
      if (first[part[0]] === undefined) first[part[0]] = at;
      end[part[0]] = at + 1;
    });
    return { pages: raw.pages, parts: raw.parts, terms: terms, first: first, end: end };
  }

  // Runs of letters and digits, lower-cased, each once: Rust's `char::is_alphanumeric`.
  function words(text) {
    var found = [];
    text.split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (word) {
      word = word.toLowerCase();
      if (word && found.indexOf(word) === -1) found.push(word);
    });
    return found;
  }

  function search(index, text, limit) {
    var query = words(text);
    if (!query.length) return [];
    var perWord = query.map(function (word) {
      var prefix = Array.from(word).length >= PREFIX_FROM;
      var best = new Map();
      index.terms.forEach(function (entry) {
        var term = entry[0];
        var divisor;
        if (term === word) divisor = 1;
        else if (prefix && term.startsWith(word)) divisor = 2;
        else return;
        var postings = entry[1];
        for (var i = 0; i < postings.length; i += 2) {
          var weight = Math.floor(postings[i + 1] / divisor);
          if (!(best.get(postings[i]) >= weight)) best.set(postings[i], weight);
        }
      });
      return best;
    });
    var pages = new Map();
    perWord.forEach(function (best, at) {
      best.forEach(function (weight, part) {
        var page = index.parts[part][0];
        var weights = pages.get(page);
        if (!weights) {
          weights = query.map(function () {
            return 0;
          });
          pages.set(page, weights);
        }
        if (weight > weights[at]) weights[at] = weight;
      });
    });
    var hits = [];
    pages.forEach(function (weights, page) {
      if (!weights.every(function (weight) { return weight > 0; })) return;
      // The part holding most of the query's words, the heaviest of those.
      var best = index.first[page];
      var bestWords = 0;
      var bestWeight = 0;
      for (var part = index.first[page]; part < index.end[page]; part++) {
        var weight = 0;
        var words = 0;
        perWord.forEach(function (found) {
          var each = found.get(part) || 0;
          weight += each;
          if (each > 0) words += 1;
        });
        if (words > bestWords || (words === bestWords && weight > bestWeight)) {
          best = part;
          bestWords = words;
          bestWeight = weight;
        }
      }
      var score = weights.reduce(function (sum, weight) { return sum + weight; }, 0);
      hits.push({ page: page, part: best, score: score });
    });
    hits.sort(function (a, b) {
      return b.score - a.score || a.page - b.page;
    });
    return hits.slice(0, limit);
  }

  // ---- What a result shows ----

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  // The query's words where they start a word of `text`: a word as long as the ones it
  // finds as a prefix, a single letter only as a word of its own.
  function matcher(query) {
    var alternatives = query
      .slice()
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (word) {
        var escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return Array.from(word).length >= PREFIX_FROM
          ? escaped + "[\\p{Alphabetic}\\p{N}]*"
          : escaped + "(?![\\p{Alphabetic}\\p{N}])";
      });
    return new RegExp("(?<![\\p{Alphabetic}\\p{N}])(?:" + alternatives.join("|") + ")", "giu");
  }

  // Around the first match: whole words, `…` where text is cut, the matches in <mark>.
  function snippet(text, query) {
    var pattern = matcher(query);
    var first = pattern.exec(text);
    var start = first ? Math.max(0, first.index - SNIPPET / 3) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var shown = text.slice(start, end);
    var made = element("span", "oma-search-snippet");
    if (start > 0) made.append("… ");
    var at = 0;
    pattern.lastIndex = 0;
    for (var match; (match = pattern.exec(shown)); ) {
      made.append(shown.slice(at, match.index), element("mark", "", match[0]));
      at = match.index + match[0].length;
    }
    made.append(shown.slice(at));
    if (end < text.length) made.append(" …");
    return made;
  }

  function result(index, hit, query, id) {
    var page = index.pages[hit.page];
    var part = index.parts[hit.part];
    var where = [page[2], part[2]].filter(Boolean).join(" › ");
    var text = part[3] || index.parts[index.first[hit.page]][3];
    var link = element("a", "oma-search-link");
    link.href = page[0] + (part[1] ? "#" + part[1] : "");
    link.append(element("span", "oma-search-title", page[1]));
    if (where) link.append(element("span", "oma-search-where", where));
    link.append(snippet(text, query));
    var item = element("li", "oma-search-result");
    item.id = id;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", "false");
    item.append(link);
    return item;
  }

  // The results of `text` in `list`, or "No results" plainly; the links shown.
  function show(list, found, text) {
    var query = words(text);
    var items = found.map(function (each, at) {
      return result(each.index, each.hit, query, list.id + "-" + at);
    });
    if (!items.length) {
      var none = element("li", "oma-search-empty", "No results for “" + text.trim() + "”");
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      items.push(none);
    }
    list.replaceChildren.apply(list, items);
    return found.length;
  }

  // ---- The field ----

  function enhance(form) {
    var field = form.querySelector('input[name="q"]');
    if (!field) return;
    var list = element("ul", "oma-search-results");
    list.id = "search-results";
    list.hidden = true;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    form.append(list);
    field.setAttribute("role", "combobox");
    field.setAttribute("aria-autocomplete", "list");
    field.setAttribute("aria-controls", list.id);
    field.setAttribute("aria-expanded", "false");
    var active = -1;
    var found = 0;
    var shownFor = null;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll(".oma-search-result"));
    }

    function select(at) {
      var items = options();
      active = items.length ? at : -1;
      items.forEach(function (item, position) {
        item.setAttribute("aria-selected", String(position === active));
      });
      if (active >= 0) {
        field.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        field.removeAttribute("aria-activedescendant");
      }
    }

    function open(shown) {
      list.hidden = !shown;
      field.setAttribute("aria-expanded", String(shown));
      if (!shown) select(-1);
    }

    function update() {
      var text = field.value;
      if (!words(text).length) {
        shownFor = null;
        list.replaceChildren();
        open(false);
        return;
      }
      load()
        .then(function (loaded) {
          return find(loaded, text, SHOWN);
        })
        .then(
          function (results) {
            if (field.value !== text) return;
            found = show(list, results, text);
            shownFor = text;
            select(-1);
            open(true);
          },
          function () {
            list.replaceChildren(element("li", "oma-search-empty", "Search is not available: its index did not load."));
            open(true);
          }
        );
    }

    field.addEventListener("input", update);
    field.addEventListener("focus", function () {
      load();
      if (shownFor !== null && shownFor === field.value) open(true);
    });
    field.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) return update();
        if (!count) return;
        var step = event.key === "ArrowDown" ? 1 : count - 1;
        select(active < 0 ? (step === 1 ? 0 : count - 1) : (active + step) % count);
      } else if (event.key === "Enter") {
        // Before the results show (the index still loading), the form goes to the search page,
        // which lists them.
        if (shownFor !== field.value) return;
        event.preventDefault();
        var links = list.querySelectorAll(".oma-search-link");
        var chosen = links[active >= 0 ? active : 0];
        if (found && chosen) window.location.assign(chosen.href);
      } else if (event.key === "Escape") {
        event.preventDefault();
        if (!list.hidden) open(false);
        else {
          field.value = "";
          update();
          field.blur();
        }
      }
    });
    list.addEventListener("mousemove", function (event) {
      var item = event.target.closest && event.target.closest(".oma-search-result");
      var at = options().indexOf(item);
      if (at >= 0 && at !== active) select(at);
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) open(false);
    });
    form.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) open(false);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      field.focus();
      field.select();
    });
    return field;
  }

  // ---- The search page ----

  function searchPage(container, field) {
    var text = new URLSearchParams(window.location.search).get("q") || "";
    if (field) field.value = text;
    var heading = element("p", "oma-search-summary");
    var list = element("ul", "oma-search-page not-prose");
    list.id = "search-page-results";
    container.replaceChildren(heading, list);
    if (!words(text).length) {
      heading.textContent = "Type what you are looking for in the search field at the top of the page.";
      return;
    }
    heading.textContent = "Searching…";
    load()
      .then(function (loaded) {
        return find(loaded, text, SHOWN_ON_PAGE);
      })
      .then(
        function (results) {
          var count = show(list, results, text);
          heading.textContent = count
            ? (count === SHOWN_ON_PAGE ? "The first " + count : count) + " result" +
              (count === 1 ? "" : "s") + " for “" + text.trim() + "”"
            : "";
        },
        function () {
          heading.textContent = "Search is not available: its index did not load.";
        }
      );
  }

  var form = document.querySelector("form.oma-search");
  var field = form ? enhance(form) : null;
  var page = document.getElementById("search-page");
  if (page) searchPage(page, field);
})();
