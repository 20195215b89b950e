/* Lead scanning with the phone's camera, as the check-in app scans (forsamling/qr-camera.js):
 * the badge's QR code goes into the code field, and the form is sent as if typed. Without a
 * camera or JavaScript the form works alone. */
(function () {
  'use strict';
  var box = document.getElementById('lead-camera');
  var form = document.getElementById('lead-form');
  if (!box || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  var code = form.querySelector('[name="code"]');
  var button = document.getElementById('lead-camera-button');
  var camera = qrCamera({
    video: document.getElementById('lead-video'),
    videoBox: document.getElementById('lead-video-box'),
    button: button,
    error: document.getElementById('lead-camera-error'),
    wasmUrl: box.dataset.wasmUrl,
    texts: { start: box.dataset.start, stop: box.dataset.stop, failed: box.dataset.error },
    read: function (found) {
      if (!found.length) { return; }
      code.value = found[0].rawValue;
      camera.stop();
      form.requestSubmit();
    }
  });
  box.hidden = false;
  button.addEventListener('click', camera.toggle);
})();
