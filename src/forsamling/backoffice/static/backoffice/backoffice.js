// The back office's small helpers, on every page.
//
// A table wider than a phone scrolls inside its own box; a box that scrolls must be reachable
// with the keyboard, so it becomes a focusable, named region (WCAG 2.1.1).
//
// After a failed submit the page comes back with an error summary (Django's admin writes
// `.errornote`): focus moves to it, so a screen reader reads it and the keyboard starts there.
// Each field with an error is marked aria-invalid and points at its message.
//
// The edition's menu is a <details> that works without this script; here it only gets open
// from 768 px (for browsers that cannot show a closed one's content from the stylesheet),
// closed again on a phone, and Escape closes it and returns focus to its "Menu" button.
(function () {
  "use strict";
  function nameOf(box) {
    var around = box.closest("fieldset, .module, #content");
    var heading = around && around.querySelector("h2, caption, h1");
    return heading ? heading.textContent.trim() : document.title;
  }
  function makeRegion(box) {
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", nameOf(box));
  }
  function scrollBoxes() {
    // A table wider than its column is wrapped in a box of its own that scrolls.
    document.querySelectorAll("#content table").forEach(function (table) {
      var parent = table.parentElement;
      if (!parent || parent.closest(".results, .tabular, .bo-scroll")) { return; }
      if (table.offsetWidth <= parent.clientWidth + 1) { return; }
      var box = document.createElement("div");
      box.className = "bo-scroll";
      parent.insertBefore(box, table);
      box.appendChild(table);
      makeRegion(box);
    });
    // The admin's own scrolling boxes (its lists and tabular inlines) become reachable too.
    document.querySelectorAll(".results, .tabular").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
        makeRegion(box);
      }
    });
  }
  function menu() {
    var details = document.querySelector(".bo-menu");
    if (!details || !window.matchMedia) { return; }
    var wide = window.matchMedia("(min-width: 768px)");
    function follow() { details.open = wide.matches; }
    follow();
    if (wide.addEventListener) { wide.addEventListener("change", follow); }
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && details.open && !wide.matches) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  }
  function start() {
    menu();
    scrollBoxes();
    document.querySelectorAll(".errorlist").forEach(function (list, index) {
      if (!list.id) { list.id = "fejl-" + index; }
      var row = list.closest(".form-row, .fieldBox, td, div");
      if (!row) { return; }
      row.querySelectorAll("input, select, textarea").forEach(function (field) {
        if (field.type === "hidden") { return; }
        field.setAttribute("aria-invalid", "true");
        var described = (field.getAttribute("aria-describedby") || "").split(" ");
        if (described.indexOf(list.id) === -1) {
          described.push(list.id);
          field.setAttribute("aria-describedby", described.join(" ").trim());
        }
      });
    });
    var summary = document.querySelector(".errornote:not([data-no-focus])");
    if (summary) {  // the check-in desk keeps focus in its code field, for the next scan
      summary.setAttribute("tabindex", "-1");
      summary.focus();
      // Django's add form focuses its first field from a script that may run after this
      // one: take the focus back once every script has run.
      window.addEventListener("load", function () { summary.focus(); });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
