// The back office's small helpers, on every page.
//
// A table wider than a phone scrolls inside its own box; a box that scrolls must be reachable
// with the keyboard, so it becomes a focusable, named region (WCAG 2.1.1).
//
// After a failed submit the page comes back with an error summary (Django's admin writes
// `.errornote`): focus moves to it, so a screen reader reads it and the keyboard starts there.
// Each field with an error is marked aria-invalid and points at its message.
(function () {
  "use strict";
  function scrollBoxes() {
    document.querySelectorAll("#content table, .results, .tabular, .bo-scroll").forEach(function (box) {
      var scroller = box.tagName === "TABLE" ? box.parentElement : box;
      if (!scroller || scroller.scrollWidth <= scroller.clientWidth + 1) { return; }
      if (scroller.hasAttribute("tabindex")) { return; }
      var heading = scroller.closest("fieldset, .module, #content");
      var name = heading && heading.querySelector("h2, caption, h1");
      scroller.setAttribute("tabindex", "0");
      scroller.setAttribute("role", "region");
      scroller.setAttribute("aria-label", name ? name.textContent.trim() : document.title);
      scroller.classList.add("bo-scroll");
    });
  }
  function start() {
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
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
