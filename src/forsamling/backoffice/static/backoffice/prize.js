// After a failed submit, move focus to the error summary so it is read out first.
(function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
