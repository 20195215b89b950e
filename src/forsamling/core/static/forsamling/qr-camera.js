/* The phone's camera as a QR code reader, shared by the check-in app and the exhibitors' lead
 * scanning: the BarcodeDetector polyfill (ZXing's WebAssembly, from our own static files) reads
 * the frames. qrCamera({video, videoBox, button, error, wasmUrl, texts: {start, stop, failed},
 * read}) gives {start, stop, toggle, running}; read(found) gets the codes seen in a frame (it
 * may wait, and may stop the camera). */
(function () {
  'use strict';
  self.qrCamera = function (parts) {
    var camera = { stream: null, detector: null, timer: null };

    async function start() {
      parts.error.hidden = true;
      try {
        if (self.BarcodeDetectionAPI && BarcodeDetectionAPI.prepareZXingModule) {
          var wasm = parts.wasmUrl;
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
        parts.error.textContent = parts.texts.failed;
        parts.error.hidden = false;
        return;
      }
      parts.video.srcObject = camera.stream;
      parts.videoBox.hidden = false;
      await parts.video.play();
      parts.button.textContent = parts.texts.stop;
      parts.button.setAttribute('aria-pressed', 'true');
      loop();
    }

    function stop() {
      clearTimeout(camera.timer);
      if (camera.stream) { camera.stream.getTracks().forEach(function (t) { t.stop(); }); }
      camera.stream = null;
      parts.videoBox.hidden = true;
      parts.button.textContent = parts.texts.start;
      parts.button.setAttribute('aria-pressed', 'false');
    }

    async function loop() {
      if (!camera.stream) { return; }
      try {
        if (parts.video.readyState >= 2) {
          await parts.read(await camera.detector.detect(parts.video));
        }
      } catch (e) { /* a frame that could not be read; the next one may */ }
      if (camera.stream) { camera.timer = setTimeout(loop, 120); }
    }

    function running() { return camera.stream !== null; }

    return {
      start: start,
      stop: stop,
      running: running,
      toggle: function () { if (running()) { stop(); } else { start(); } }
    };
  };
})();
