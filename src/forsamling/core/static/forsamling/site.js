/* Every page: DKFDS's components, and focus on the error summary after a failed submit
   (it is only rendered when the form has errors). Loaded as a file: the Content-Security-
   Policy allows no inline script. */
(function () {
  "use strict";
  if (window.DKFDS) { window.DKFDS.init(); }
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
