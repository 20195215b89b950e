{% load static %}/* "Mit program"'s service worker: keeps the page and its files for opening without a network
 * (the page from the network when there is one, else the copy kept), and shows the push
 * messages a participant asked for. */
'use strict';
var PAGE = '{{ page|escapejs }}';

importScripts('{% static "forsamling/offline-worker.js" %}');

keepOffline({
  prefix: 'forsamling-my-programme-{{ key }}-',
  cache: 'forsamling-my-programme-{{ key }}-{{ version }}',
  page: PAGE,
  files: [{% for file in files %}
    '{{ file|escapejs }}'{% if not forloop.last %},{% endif %}{% endfor %}
  ]
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
