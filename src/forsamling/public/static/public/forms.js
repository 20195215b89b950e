/* Forms on the public pages (no inline scripts: the site runs under a strict CSP).
   - A page shown with an error summary, or with a confirmation after a save, moves the focus
     to it, so a screen reader reads it and the page opens at it.
   - A link in the error summary moves the focus to its field (for a group of radio buttons,
     to the first one). */
(function () {
  "use strict";
  function focusable(element) {
    return element && element.matches("input, select, textarea, button, a[href], [tabindex]");
  }
  function reveal(element) {
    // A field inside a closed DKFDS accordion is shown first.
    for (var node = element; node; node = node.parentElement) {
      if (node.classList && node.classList.contains("accordion-content")) {
        node.setAttribute("aria-hidden", "false");
        var button = document.querySelector("[aria-controls='" + node.id + "']");
        if (button) { button.setAttribute("aria-expanded", "true"); }
      }
      if (node.tagName === "DETAILS") { node.open = true; }
    }
  }
  var target = document.querySelector("[data-focus-on-load]") ||
    document.querySelector(".page-container .alert-success[role=status], .page-container .alert-success[role=alert]");
  if (target) {
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    reveal(target);
    target.focus();
  }
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var element = document.getElementById(link.getAttribute("href").slice(1));
      if (!element) { return; }
      if (!focusable(element)) {
        var group = element.closest(".form-group");
        element = group ? group.querySelector("input:not([type=hidden]):not([disabled]), select, textarea") : null;
      }
      if (element) {
        event.preventDefault();
        reveal(element);
        element.focus();
      }
    });
  });
})();
