/* Places the stand markers on the floor plan from their data-x and data-y (per cent): set
   through the CSSOM, as the strict CSP allows no style attributes in the markup. */
document.querySelectorAll(".stand-marker[data-x][data-y]").forEach(function (marker) {
  "use strict";
  marker.style.left = marker.getAttribute("data-x") + "%";
  marker.style.top = marker.getAttribute("data-y") + "%";
});
