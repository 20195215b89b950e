/* The countdown to registration opening; its words come from the page (data-words). */
(function () {
  "use strict";
  var box = document.getElementById("countdown");
  if (!box) { return; }
  var opens = Date.parse(box.getAttribute("data-opens"));
  var w = (box.getAttribute("data-words") || "").split("|");
  function tick() {
    var left = Math.round((opens - Date.now()) / 1000);
    if (left <= 0) { box.textContent = box.getAttribute("data-opened"); return; }
    var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600),
      m = Math.floor(left % 3600 / 60), s = left % 60;
    var parts = [];
    if (d) { parts.push(d + " " + (d === 1 ? w[0] : w[1])); }
    if (d || h) { parts.push(h + " " + (h === 1 ? w[2] : w[3])); }
    parts.push(m + " " + w[4], s + " " + w[5]);
    box.textContent = w[6] + " " + parts.join(" ");
    setTimeout(tick, 1000);
  }
  tick();
})();
