/* Progressive enhancement: sessions the chosen category may not attend are disabled. The
   server checks the same rule (forsamling.domain.registration_rules) whether or not this runs.
   The categories come from a JSON block (#category-flags), the note from its data-note. */
(function () {
  "use strict";
  var source = document.getElementById("category-flags");
  if (!source) { return; }
  var flags = JSON.parse(source.textContent);
  var note = document.querySelector("[data-not-eligible-note]").getAttribute("data-not-eligible-note");
  function mayAttend(category, audience) {
    if (!category || audience === "everyone") { return true; }
    if (audience === "politicians") { return category.politician; }
    if (audience === "non_politicians") { return !category.politician; }
    if (audience === "health_council") { return category.health_council; }
    return true;
  }
  function update() {
    var chosen = document.querySelector("input[name=category]:checked");
    var category = chosen ? flags[chosen.value] : null;
    document.querySelectorAll("input[data-audience]").forEach(function (radio) {
      var allowed = mayAttend(category, radio.getAttribute("data-audience"));
      var label = document.querySelector("label[for='" + radio.id + "']");
      var marker = label.querySelector(".not-eligible");
      radio.disabled = !allowed;
      if (!allowed && radio.checked) { radio.checked = false; }
      if (!allowed && !marker) {
        marker = document.createElement("span");
        marker.className = "not-eligible d-block weight-normal";
        marker.textContent = note;
        label.appendChild(marker);
      } else if (allowed && marker) {
        marker.remove();
      }
    });
  }
  document.querySelectorAll("input[name=category]").forEach(function (radio) {
    radio.addEventListener("change", update);
  });
  update();
})();
