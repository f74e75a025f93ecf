// Colour mode: the visitor's choice (system, light or dark) is kept in localStorage and applied
// as a `dark` or `light` class on <html> before the page paints. The header button cycles
// system → light → dark, as on the OMA site.
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
  document.addEventListener("DOMContentLoaded", function () {
    apply();
    var button = document.getElementById("color-mode");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      try {
        localStorage.setItem(KEY, NEXT[preference()]);
      } catch (e) {}
      apply();
    });
  });
})();
