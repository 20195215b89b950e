/* The desk's forms: after a failed submit, focus moves to the error summary. */
(function () {
  'use strict';
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
