/* On the page shown after logging out: every check-in door list on this device is deleted
 * (whether the user logged out in the check-in app or elsewhere in the back office). Scans
 * not yet sent are kept; the app sends them after the next login. */
(function () {
  'use strict';
  var note = document.getElementById('checkin-forgotten');
  CheckinOutbox.forgetAll().then(function (count) {
    if (count && note) { note.hidden = false; }
  }).catch(function () { /* nothing stored, or storage not available */ });
})();
