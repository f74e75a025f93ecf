// Colour mode: the visitor's choice (system, light or dark) is kept in localStorage and applied
// as a `dark` or `light` class on <html> before the page paints. The header button cycles
// system → light → dark, as on the OMA site; the footer button switches to the mode not shown.
(function () {
  var KEY = "nuxt-color-mode";
  var NEXT = { system: "light", light: "dark", dark: "system" };
  var root = document.documentElement;
  var media = window.matchMedia("(prefers-color-scheme: dark)");

  function preference() {
    try {
      var stored = localStorage.getItem(KEY);
      return NEXT[stored] ? stored : "system";
    } catch (e) {
      return "system";
    }
  }

  function choose(choice) {
    try {
      localStorage.setItem(KEY, choice);
    } catch (e) {}
    apply();
  }

  function apply() {
    var choice = preference();
    var dark = choice === "dark" || (choice === "system" && media.matches);
    root.classList.toggle("dark", dark);
    root.classList.toggle("light", !dark);
    var button = document.getElementById("color-mode");
    if (!button) return;
    button.setAttribute("aria-label", "Colour mode: " + choice);
    button.setAttribute("title", "Colour mode: " + choice);
    var icons = button.querySelectorAll("[data-mode]");
    for (var i = 0; i < icons.length; i++) {
      icons[i].classList.toggle("hidden", icons[i].getAttribute("data-mode") !== choice);
    }
  }

  apply();
  media.addEventListener("change", apply);
  // A choice made in another tab.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply();
  });
  document.addEventListener("DOMContentLoaded", function () {
    apply();
    var cycle = document.getElementById("color-mode");
    if (cycle) {
      cycle.hidden = false;
      cycle.addEventListener("click", function () {
        choose(NEXT[preference()]);
      });
    }
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        choose(root.classList.contains("dark") ? "light" : "dark");
      });
    }
  });
})();
