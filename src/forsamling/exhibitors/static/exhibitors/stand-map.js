/* Places each stand marker on the floor plan from its data-x/data-y (per cent). Set through
   the CSSOM: the Content-Security-Policy allows no style attributes in the markup. */
document.querySelectorAll(".stand-marker[data-x]").forEach(function (marker) {
  "use strict";
  marker.style.left = marker.getAttribute("data-x") + "%";
  marker.style.top = marker.getAttribute("data-y") + "%";
  marker.classList.add("stand-marker--placed");
});
