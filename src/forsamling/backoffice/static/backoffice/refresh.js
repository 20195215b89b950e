// Keeps a part of the page current without reloading it (a reload would move the reader and
// the keyboard back to the top: WCAG 2.2.1). An element with data-refresh-url is re-fetched
// every data-refresh-seconds while the tab is shown. With data-refresh-select the answer is
// a whole page, whose element of that id replaces this one's content; once it no longer has
// data-refresh-url (a PDF or a mailing is finished) the refreshing stops.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser) { return; }
  document.querySelectorAll("[data-refresh-url]").forEach(function (box) {
    var url = box.getAttribute("data-refresh-url");
    var seconds = parseInt(box.getAttribute("data-refresh-seconds"), 10) || 10;
    var select = box.getAttribute("data-refresh-select");
    var timer = null;
    function show(html) {
      if (!select) { box.innerHTML = html; return; }
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(select);
      if (!fresh) { return; }
      box.innerHTML = fresh.innerHTML;
      if (!fresh.hasAttribute("data-refresh-url")) { window.clearInterval(timer); }
    }
    function refresh() {
      if (document.hidden) { return; }
      fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
        .then(function (html) { if (html !== null) { show(html); } })
        .catch(function () {});
    }
    timer = window.setInterval(refresh, seconds * 1000);
  });
})();
