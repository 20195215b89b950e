/* What a service worker needs to open a page without a network, shared by the check-in app's
 * worker and "Mit program"'s (each loads this file with importScripts from its own script, so
 * each keeps its own scope). keepOffline({prefix, cache, page, files}) keeps the page and its
 * files in the cache named `cache` when the worker is installed, removes the worker's older
 * caches (the names that begin with `prefix`) when it takes over, and then answers the page from
 * the network when there is one (keeping the new copy; a redirect, e.g. to the login, is not
 * kept) and else from the cache, and the files from the cache, else from the network. */
'use strict';
self.keepOffline = function (options) {
  var CACHE = options.cache;
  var PAGE = options.page;
  var FILES = options.files;

  self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return cache.addAll([PAGE].concat(FILES));
    }).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (key) {
        return key.indexOf(options.prefix) === 0 && key !== CACHE;
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
};
