/* The countdown to the opening of registration. Its words come from the element's data
   attributes (translated on the server); without JavaScript the opening moment is shown. */
(function () {
  "use strict";
  document.querySelectorAll("[data-opens]").forEach(function (box) {
    var opens = Date.parse(box.getAttribute("data-opens"));
    var word = function (name) { return box.getAttribute("data-" + name); };
    function tick() {
      var left = Math.round((opens - Date.now()) / 1000);
      if (left <= 0) { box.textContent = word("open-text"); return; }
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
