{% load static %}/* The check-in app's service worker: keeps the app shell for opening offline, and sends
 * waiting scans when the browser says the network is back (Background Sync, where it exists). */
'use strict';
var PREFIX = 'forsamling-checkin-{{ edition.slug }}-';
var APP = '{% url "backoffice:checkin_app" edition.slug %}';
var EVENTS = '{% url "backoffice:checkin_events" edition.slug %}';

importScripts('{% static "forsamling/offline-worker.js" %}', '{% static "vendor/idb/umd.js" %}',
              '{% static "backoffice/checkin_app/outbox.js" %}');

keepOffline({
  prefix: PREFIX,
  cache: PREFIX + '{{ version }}',
  page: APP,
  files: [
    '{% static "dkfds/css/dkfds.min.css" %}',
    '{% static "backoffice/checkin_app/app.css" %}',
    '{% static "backoffice/checkin_app/app.js" %}',
    '{% static "backoffice/checkin_app/outbox.js" %}',
    '{% static "backoffice/checkin_app/icon-192.png" %}',
    '{% static "vendor/idb/umd.js" %}',
    '{% static "vendor/barcode-detector/polyfill.js" %}',
    '{% static "forsamling/qr-camera.js" %}',
    '{% static "vendor/zxing-wasm/zxing_reader.wasm" %}'{% for font in fonts %},
    '{{ font }}'{% endfor %}
  ]
});

self.addEventListener('sync', function (event) {
  if (event.tag !== 'checkin-outbox') { return; }
  event.waitUntil(CheckinOutbox.open('{{ edition.slug }}').then(function (db) {
    return CheckinOutbox.send(db, EVENTS);
  }));
});
