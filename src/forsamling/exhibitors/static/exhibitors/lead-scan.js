/* Lead scanning with the phone's camera, as the check-in app scans: the BarcodeDetector
 * polyfill (ZXing's WebAssembly) reads the badge's QR code, which goes into the code field,
 * and the form is sent as if typed. Without a camera or JavaScript the form works alone. */
(function () {
  'use strict';
  var box = document.getElementById('lead-camera');
  var form = document.getElementById('lead-form');
  if (!box || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  var button = document.getElementById('lead-camera-button');
  var error = document.getElementById('lead-camera-error');
  var video = document.getElementById('lead-video');
  var videoBox = document.getElementById('lead-video-box');
  var code = form.querySelector('[name="code"]');
  var camera = { stream: null, detector: null, timer: null };
  box.hidden = false;

  async function start() {
    error.hidden = true;
    try {
      if (self.BarcodeDetectionAPI && BarcodeDetectionAPI.prepareZXingModule) {
        var wasm = box.dataset.wasmUrl;
        BarcodeDetectionAPI.prepareZXingModule({
          overrides: { locateFile: function (path, prefix) {
            return path.endsWith('.wasm') ? wasm : prefix + path;
          } }
        });
      }
      camera.detector = new BarcodeDetector({ formats: ['qr_code'] });
      camera.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' }, audio: false
      });
    } catch (e) {
      error.textContent = box.dataset.error;
      error.hidden = false;
      return;
    }
    video.srcObject = camera.stream;
    videoBox.hidden = false;
    await video.play();
    button.textContent = box.dataset.stop;
    button.setAttribute('aria-pressed', 'true');
    loop();
  }

  function stop() {
    clearTimeout(camera.timer);
    if (camera.stream) { camera.stream.getTracks().forEach(function (t) { t.stop(); }); }
    camera.stream = null;
    videoBox.hidden = true;
    button.textContent = box.dataset.start;
    button.setAttribute('aria-pressed', 'false');
  }

  async function loop() {
    if (!camera.stream) { return; }
    try {
      if (video.readyState >= 2) {
        var found = await camera.detector.detect(video);
        if (found.length) {
          code.value = found[0].rawValue;
          stop();
          form.requestSubmit();
          return;
        }
      }
    } catch (e) { /* a frame that could not be read; the next one may */ }
    camera.timer = setTimeout(loop, 120);
  }

  button.addEventListener('click', function () {
    if (camera.stream) { stop(); } else { start(); }
  });
})();
