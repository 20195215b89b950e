/* Progressive enhancement: a session chosen at one position is greyed out at the others of
   the same slot. Without JavaScript the server says so instead. */
document.querySelectorAll(".ranking-form fieldset").forEach(function (fieldset) {
  "use strict";
  var selects = fieldset.querySelectorAll("select");
  function update() {
    var chosen = Array.prototype.map.call(selects, function (s) { return s.value; });
    selects.forEach(function (select, i) {
      Array.prototype.forEach.call(select.options, function (option) {
        option.disabled = option.value !== "" && chosen.indexOf(option.value) !== -1 && chosen[i] !== option.value;
      });
    });
  }
  selects.forEach(function (select) { select.addEventListener("change", update); });
  update();
});
