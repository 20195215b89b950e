/* The countdown to the opening of registration. Its words come from the element's data
   attributes (translated on the server); without JavaScript the opening moment is shown. */
(function () {
  "use strict";
  document.querySelectorAll("[data-opens]").forEach(function (box) {
    var opens = Date.parse(box.getAttribute("data-opens"));
    var word = function (name) { return box.getAttribute("data-" + name); };
    /* Once open, a refusal sent a moment too early ("ikke åbnet endnu") is no longer true:
       it goes, so the page says one thing, the current one. */
    function dropStaleRefusal() {
      var summary = document.getElementById("error-summary");
      if (!summary || !word("refused")) { return; }
      summary.querySelectorAll("li").forEach(function (line) {
        if (line.textContent.trim().indexOf(word("refused")) === 0) { line.remove(); }
      });
      if (!summary.querySelector("li")) {
        var hadFocus = summary.contains(document.activeElement);
        summary.remove();
        if (hadFocus) {  // not to the page's body: to the message that replaced it
          box.setAttribute("tabindex", "-1");
          box.focus();
        }
        var prefix = word("error-title") + " ";
        if (document.title.indexOf(prefix) === 0) {
          document.title = document.title.slice(prefix.length);
        }
      }
    }
    function tick() {
      var left = Math.round((opens - Date.now()) / 1000);
      if (left <= 0) {
        dropStaleRefusal();
        box.setAttribute("aria-live", "polite");  // the one change worth announcing
        box.textContent = word("open-text");
        return;
      }
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600),
        m = Math.floor(left % 3600 / 60), s = left % 60;
      var parts = [];
      if (d) { parts.push(d + " " + (d === 1 ? word("day") : word("days"))); }
      if (d || h) { parts.push(h + " " + (h === 1 ? word("hour") : word("hours"))); }
      parts.push(m + " " + word("min"), s + " " + word("sec"));
      box.textContent = word("prefix") + " " + parts.join(" ");
      setTimeout(tick, 1000);
    }
    tick();
  });
})();
