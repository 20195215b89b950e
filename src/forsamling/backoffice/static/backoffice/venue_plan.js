/* The venue plan's preview: places the room markers from their data-x and data-y (per cent),
   through the CSSOM, as the strict CSP allows no style attributes in the markup. */
document.querySelectorAll('.vp-marker[data-x][data-y]').forEach(function (marker) {
  'use strict';
  marker.style.left = marker.getAttribute('data-x') + '%';
  marker.style.top = marker.getAttribute('data-y') + '%';
});
