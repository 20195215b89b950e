// After a failed submit, move focus to the error summary so it is read out first.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
  // "Choose all" for the drafts in the list: a real checkbox, so it also works by keyboard.
  var all = document.getElementById("choose-all");
  if (all) {
    all.hidden = false;
    all.querySelector("input").addEventListener("change", function (event) {
      document.querySelectorAll("input[name='invoice']").forEach(function (box) {
        box.checked = event.target.checked;
      });
    });
  }
});
