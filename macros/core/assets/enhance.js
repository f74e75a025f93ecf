// Progressive enhancement of the components that work without JavaScript: data tables (search,
// quick filters, sorting, page size, CSV download), carousels (dots, arrows, autoplay), article tag
// filters, the HubSpot forms (which only this script can load), the copy buttons of micro cards
// and code blocks, and animated icons, which it stills for readers who prefer reduced motion.
// Only the pages that have one of these load it; the page is complete and readable without it.
(function () {
  "use strict";

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function text(element) {
    return (element.textContent || "").replace(/\s+/g, " ").trim();
  }

  function show(element) {
    if (element) element.hidden = false;
  }

  // ---- Tables: [data-table] ----

  function enhanceTable(root) {
    var tbody = root.querySelector("tbody");
    if (!tbody) return;
    var rows = all(tbody, "tr");
    rows.forEach(function (row, index) {
      row.setAttribute("data-index", String(index));
    });
    var headers = all(root, "thead th");
    var queried = [];
    headers.forEach(function (th, index) {
      if (th.hasAttribute("data-query")) queried.push(index);
    });
    if (!queried.length) {
      headers.forEach(function (th, index) {
        if (!th.hidden) queried.push(index);
      });
    }
    var size = parseInt(root.getAttribute("data-per-page") || "0", 10) || 0;
    var page = 0;
    var search = "";
    var filters = {};
    var sort = { column: -1, direction: 0 };
    var status = root.querySelector("[data-table-status]");
    var pager = root.querySelector("[data-table-pager]");

    function cellText(row, column) {
      var cell = row.cells[column];
      return cell ? text(cell) : "";
    }

    function matches(row) {
      if (search) {
        var found = queried.some(function (column) {
          return cellText(row, column).toLowerCase().indexOf(search) !== -1;
        });
        if (!found) return false;
      }
      return Object.keys(filters).every(function (column) {
        var wanted = filters[column];
        if (!wanted.length) return true;
        var value = cellText(row, Number(column)) || "Undefined";
        return wanted.indexOf(value) !== -1;
      });
    }

    function ordered() {
      var list = rows.slice();
      if (sort.direction) {
        list.sort(function (a, b) {
          var order = cellText(a, sort.column).localeCompare(cellText(b, sort.column), undefined, {
            numeric: true,
            sensitivity: "base",
          });
          return order * sort.direction || a.getAttribute("data-index") - b.getAttribute("data-index");
        });
      }
      return list;
    }

    function update() {
      var list = ordered();
      list.forEach(function (row) {
        tbody.appendChild(row);
      });
      var visible = list.filter(matches);
      var pages = size ? Math.max(1, Math.ceil(visible.length / size)) : 1;
      page = Math.min(page, pages - 1);
      var first = size ? page * size : 0;
      var last = size ? Math.min(first + size, visible.length) : visible.length;
      rows.forEach(function (row) {
        row.hidden = true;
      });
      visible.slice(first, last).forEach(function (row) {
        row.hidden = false;
      });
      if (status) {
        status.textContent = visible.length
          ? "Showing " + (first + 1) + " to " + last + " out of " + visible.length + " items"
          : "No matching items";
      }
      if (pager) drawPager(pages);
    }

    function pageButton(label, target, current, disabled) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      if (current) button.setAttribute("aria-current", "page");
      button.disabled = disabled;
      button.addEventListener("click", function () {
        page = target;
        update();
      });
      return button;
    }

    function drawPager(pages) {
      pager.textContent = "";
      pager.hidden = pages < 2;
      if (pages < 2) return;
      pager.appendChild(pageButton("‹", page - 1, false, page === 0));
      var from = Math.max(0, Math.min(page - 2, pages - 5));
      var to = Math.min(pages, from + 5);
      for (var i = from; i < to; i++) pager.appendChild(pageButton(String(i + 1), i, i === page, false));
      pager.appendChild(pageButton("›", page + 1, false, page === pages - 1));
    }

    headers.forEach(function (th, column) {
      if (!th.hasAttribute("data-sortable")) return;
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var direction = sort.column === column ? (sort.direction === 1 ? -1 : sort.direction === -1 ? 0 : 1) : 1;
        sort = { column: column, direction: direction };
        headers.forEach(function (other) {
          if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", direction === 1 ? "ascending" : direction === -1 ? "descending" : "none");
        update();
      });
    });

    var searchBox = root.querySelector("[data-table-search]");
    if (searchBox) {
      searchBox.addEventListener("input", function () {
        search = searchBox.value.trim().toLowerCase();
        page = 0;
        update();
      });
    }
    var sizeBox = root.querySelector("[data-table-size]");
    if (sizeBox) {
      sizeBox.addEventListener("change", function () {
        size = parseInt(sizeBox.value, 10) || 0;
        page = 0;
        update();
      });
    }
    all(root, "[data-filter-column]").forEach(function (box) {
      box.addEventListener("change", function () {
        var column = box.getAttribute("data-filter-column");
        filters[column] = all(root, '[data-filter-column="' + column + '"]')
          .filter(function (other) {
            return other.checked;
          })
          .map(function (other) {
            return other.value;
          });
        page = 0;
        update();
      });
    });
    var csv = root.querySelector("[data-table-csv]");
    if (csv) {
      csv.addEventListener("click", function () {
        download(root, headers, ordered().filter(matches));
      });
    }
    show(root.querySelector("[data-table-controls]"));
    show(root.querySelector("[data-table-filters]"));
    update();
  }

  function csvField(value) {
    return /[",\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  function download(root, headers, rows) {
    var columns = [];
    headers.forEach(function (th, index) {
      if (!th.hidden) columns.push(index);
    });
    var lines = [
      columns
        .map(function (column) {
          return csvField(text(headers[column]));
        })
        .join(","),
    ];
    rows.forEach(function (row) {
      lines.push(
        columns
          .map(function (column) {
            return csvField(row.cells[column] ? text(row.cells[column]) : "");
          })
          .join(",")
      );
    });
    var blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (root.getAttribute("data-csv-name") || "table") + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 0);
  }

  // ---- Carousels: [data-carousel] ----

  function classNames(list) {
    return (list || "").split(/\s+/).filter(Boolean);
  }

  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  function enhanceCarousel(root) {
    var track = root.querySelector("[data-carousel-track]");
    if (!track) return;
    var slides = all(track, "[data-carousel-slide]");
    var dots = all(root, "[data-carousel-dot]");
    if (slides.length < 2) return;
    // The body form's dots take the classes its navigation names; the `items` form's, `active`.
    var navigation = root.querySelector("[data-carousel-navigation]");
    var activeClasses = classNames(navigation ? navigation.getAttribute("data-active") : "active");
    var inactiveClasses = classNames(navigation ? navigation.getAttribute("data-inactive") : "");
    var delay = parseInt(root.getAttribute("data-autoplay") || "0", 10);
    var timer = null;
    var paused = false;

    function current() {
      return Math.round(track.scrollLeft / Math.max(1, track.clientWidth));
    }

    function go(index) {
      var target = (index + slides.length) % slides.length;
      track.scrollTo({ left: target * track.clientWidth, behavior: reducedMotion.matches ? "auto" : "smooth" });
    }

    function mark() {
      var index = current();
      dots.forEach(function (dot, i) {
        var off = i === index ? inactiveClasses : activeClasses;
        var on = i === index ? activeClasses : inactiveClasses;
        off.forEach(function (name) {
          dot.classList.remove(name);
        });
        on.forEach(function (name) {
          dot.classList.add(name);
        });
        if (i === index) dot.setAttribute("aria-current", "true");
        else dot.removeAttribute("aria-current");
      });
    }

    function schedule() {
      if (timer) clearInterval(timer);
      timer = null;
      if (delay > 0 && !paused && !reducedMotion.matches && !document.hidden) {
        timer = setInterval(function () {
          go(current() + 1);
        }, delay);
      }
    }

    var previous = root.querySelector("[data-carousel-prev]");
    var next = root.querySelector("[data-carousel-next]");
    if (previous) {
      previous.addEventListener("click", function () {
        go(current() - 1);
      });
      show(previous);
    }
    if (next) {
      next.addEventListener("click", function () {
        go(current() + 1);
      });
      show(next);
    }
    dots.forEach(function (dot, index) {
      dot.addEventListener("click", function (event) {
        event.preventDefault();
        go(index);
      });
    });
    show(navigation);
    var settle = null;
    track.addEventListener("scroll", function () {
      clearTimeout(settle);
      settle = setTimeout(mark, 60);
    });
    ["mouseenter", "focusin", "touchstart"].forEach(function (name) {
      root.addEventListener(name, function () {
        paused = true;
        schedule();
      }, { passive: true });
    });
    ["mouseleave", "focusout"].forEach(function (name) {
      root.addEventListener(name, function () {
        paused = false;
        schedule();
      });
    });
    document.addEventListener("visibilitychange", schedule);
    reducedMotion.addEventListener("change", schedule);
    mark();
    schedule();
  }

  // ---- Article tags: [data-tag-filter] (ShListCards), ?tag= links (RowTags) ----

  function cardTags(card) {
    try {
      return JSON.parse(card.getAttribute("data-card-tags") || "[]");
    } catch (e) {
      return [];
    }
  }

  function filterCards(cards, selected) {
    cards.forEach(function (card) {
      var tags = cardTags(card);
      card.hidden =
        selected.length > 0 &&
        !selected.some(function (tag) {
          return tags.indexOf(tag) !== -1;
        });
    });
  }

  function enhanceTagFilter(root) {
    var tags = all(root, "[data-tag]");
    var cards = all(root, "[data-card-tags]");
    var clear = root.querySelector("[data-tags-clear]");
    function selected() {
      return tags
        .filter(function (tag) {
          return tag.getAttribute("aria-pressed") === "true";
        })
        .map(function (tag) {
          return tag.getAttribute("data-tag");
        });
    }
    function update() {
      var chosen = selected();
      filterCards(cards, chosen);
      if (clear) clear.hidden = chosen.length === 0;
    }
    tags.forEach(function (tag) {
      tag.setAttribute("role", "button");
      tag.setAttribute("tabindex", "0");
      tag.setAttribute("aria-pressed", "false");
      function toggle() {
        tag.setAttribute("aria-pressed", tag.getAttribute("aria-pressed") === "true" ? "false" : "true");
        update();
      }
      tag.addEventListener("click", toggle);
      tag.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          toggle();
        }
      });
    });
    if (clear) {
      clear.addEventListener("click", function () {
        tags.forEach(function (tag) {
          tag.setAttribute("aria-pressed", "false");
        });
        update();
      });
    }
  }

  function applyTagParameter() {
    var tag = new URLSearchParams(window.location.search).get("tag");
    if (!tag) return;
    var cards = all(document, "[data-card-tags]").filter(function (card) {
      return !card.closest("[data-tag-filter]");
    });
    filterCards(cards, [tag]);
  }

  // ---- Code blocks: pre > code ----

  // `text` on the clipboard; where the page is not a secure context (plain HTTP off this
  // machine), through a selection, as browsers allowed before the Clipboard API.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      if (copied) resolve();
      else reject(new Error("copy refused"));
    });
  }

  function enhanceCode(pre) {
    var code = pre.querySelector(":scope > code");
    if (!code) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-code";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the code");
    var timer = null;
    function say(label) {
      button.textContent = label;
      clearTimeout(timer);
      timer = setTimeout(function () {
        button.textContent = "Copy";
      }, 2000);
    }
    button.addEventListener("click", function () {
      // The code as written: highlighted lines each end with a newline, the last one's not
      // the code's.
      copy((code.textContent || "").replace(/\n$/, "")).then(
        function () {
          say("Copied");
        },
        function () {
          say("Not copied");
        }
      );
    });
    pre.appendChild(button);
  }

  // ---- HubSpot forms: [data-hubspot-form] ----

  var HUBSPOT = "https://js.hsforms.net/forms/embed/v2.js";

  function loadHubspot(forms) {
    var script = document.createElement("script");
    script.src = HUBSPOT;
    script.async = true;
    script.addEventListener("load", function () {
      if (!window.hbspt || !window.hbspt.forms) return;
      forms.forEach(function (form) {
        var fallback = form.querySelector("[data-hubspot-fallback]");
        window.hbspt.forms.create({
          region: form.getAttribute("data-region") || "na1",
          portalId: form.getAttribute("data-portal-id"),
          formId: form.getAttribute("data-form-id"),
          target: "#" + CSS.escape(form.id),
        });
        if (fallback) fallback.hidden = true;
      });
    });
    document.head.appendChild(script);
  }

  // ---- Animated icons: SMIL animations (line-md, svg-spinners, eos-icons) ----

  var ANIMATIONS = "animate, animateMotion, animateTransform, set";

  // The time (in seconds) by which every animation of `svg` that ends has ended.
  function endOfAnimations(svg) {
    var end = 0;
    all(svg, ANIMATIONS).forEach(function (animation) {
      try {
        var repeats = parseFloat(animation.getAttribute("repeatCount") || "1");
        var runs = isFinite(repeats) ? repeats : 1;
        end = Math.max(end, animation.getStartTime() + animation.getSimpleDuration() * runs);
      } catch (error) {
        // No interval to come, or an indefinite duration: nothing to wait for.
      }
    });
    return end;
  }

  // CSS cannot stop SMIL animations (site.css stops the CSS ones). For readers who prefer
  // reduced motion each animated icon stands still where its animations have ended, so that an
  // icon drawn stroke by stroke (line-md) stands whole and a loop shows one frame; it moves
  // again when the preference changes back.
  function stillAnimatedIcons() {
    var icons = [];
    all(document, ANIMATIONS).forEach(function (animation) {
      var svg = animation.ownerSVGElement;
      if (svg && icons.indexOf(svg) < 0) icons.push(svg);
    });
    if (!icons.length) return;
    var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
    function apply() {
      icons.forEach(function (svg) {
        if (reduce.matches) {
          svg.pauseAnimations();
          svg.setCurrentTime(endOfAnimations(svg));
        } else {
          svg.unpauseAnimations();
        }
      });
    }
    apply();
    reduce.addEventListener("change", apply);
  }

  // ---- Copy buttons: [data-copy-title] (ShMicroCard clipboard) ----

  // Copies the title of the card the button is over; the click does not follow the card's link.
  function enhanceCopyButton(button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      event.stopPropagation();
      var card = button.closest(".group");
      var body = card && card.querySelector(":scope > div.relative");
      var title = body && body.firstElementChild;
      if (!title || !navigator.clipboard) return;
      navigator.clipboard.writeText(text(title)).then(function () {
        button.setAttribute("aria-label", "Title copied");
      }, function () {});
    });
  }

  function start() {
    stillAnimatedIcons();
    all(document, "[data-table]").forEach(enhanceTable);
    all(document, "[data-carousel]").forEach(enhanceCarousel);
    all(document, "[data-tag-filter]").forEach(enhanceTagFilter);
    all(document, "[data-copy-title]").forEach(enhanceCopyButton);
    all(document, "pre").forEach(enhanceCode);
    applyTagParameter();
    var forms = all(document, "[data-hubspot-form]");
    if (forms.length) loadHubspot(forms);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
