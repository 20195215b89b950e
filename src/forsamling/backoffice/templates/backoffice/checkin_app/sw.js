{% load static %}/* The check-in app's service worker: keeps the app shell for opening offline, and sends
 * waiting scans when the browser says the network is back (Background Sync, where it exists). */
'use strict';
var CACHE = 'forsamling-checkin-{{ edition.slug }}-{{ version }}';
var APP = '{% url "backoffice:checkin_app" edition.slug %}';
var EVENTS = '{% url "backoffice:checkin_events" edition.slug %}';
var SHELL = [
  APP,
  '{% static "dkfds/css/dkfds.min.css" %}',
  '{% static "backoffice/checkin_app/app.css" %}',
  '{% static "backoffice/checkin_app/app.js" %}',
  '{% static "backoffice/checkin_app/outbox.js" %}',
  '{% static "backoffice/checkin_app/icon-192.png" %}',
  '{% static "vendor/idb/umd.js" %}',
  '{% static "vendor/barcode-detector/polyfill.js" %}',
  '{% static "vendor/zxing-wasm/zxing_reader.wasm" %}'{% for font in fonts %},
  '{{ font }}'{% endfor %}
];

importScripts('{% static "vendor/idb/umd.js" %}', '{% static "backoffice/checkin_app/outbox.js" %}');

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf('forsamling-checkin-{{ edition.slug }}-') === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname === APP) {
    // The page: from the network when there is one (a logged-out user meets the login), else kept.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(APP, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(APP);
    }));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(url.pathname).then(function (hit) {
      return hit || fetch(request);
    }));
  }
});

self.addEventListener('sync', function (event) {
  if (event.tag !== 'checkin-outbox') { return; }
  event.waitUntil(CheckinOutbox.open('{{ edition.slug }}').then(function (db) {
    return CheckinOutbox.send(db, EVENTS);
  }));
});
