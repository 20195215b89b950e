/* "Mit program"'s service worker: keeps the page and its files for opening without a network
 * (the page from the network when there is one, else the copy kept), and shows the push
 * messages a participant asked for. */
'use strict';
var PREFIX = 'forsamling-my-programme-{{ key }}-';
var CACHE = PREFIX + '{{ version }}';
var PAGE = '{{ page|escapejs }}';
var FILES = [{% for file in files %}
  '{{ file|escapejs }}'{% if not forloop.last %},{% endif %}{% endfor %}
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll([PAGE].concat(FILES));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(PREFIX) === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname === PAGE) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(PAGE, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(PAGE); });
    }));
    return;
  }
  if (FILES.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname);
    }).then(function (hit) { return hit || fetch(request); }));
  }
});

self.addEventListener('push', function (event) {
  var message = {};
  try { message = event.data ? event.data.json() : {}; } catch (error) { message = {}; }
  event.waitUntil(self.registration.showNotification(message.title || 'Mit program', {
    body: message.body || '', lang: 'da', data: { url: message.url || PAGE }
  }));
});

self.addEventListener('notificationclick', function (event) {
  event.notification.close();
  var target = (event.notification.data && event.notification.data.url) || PAGE;
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then(function (windows) {
    for (var i = 0; i < windows.length; i++) {
      if (new URL(windows[i].url).pathname === new URL(target, self.location.href).pathname) {
        return windows[i].focus();
      }
    }
    return self.clients.openWindow(target);
  }));
});
