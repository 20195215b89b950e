/* "Mit program" on the phone: registers the service worker that keeps the page for offline use,
 * keeps what the page showed in IndexedDB (npm `idb`) and marks a line "Ændret" when it changed
 * since the phone last saw it, fetches the programme again when the network is back, and turns
 * push messages on or off for those who ask. */
(function () {
  'use strict';

  var root = document.getElementById('my-programme');
  if (!root) { return; }
  var T = JSON.parse(root.dataset.texts);
  var shown = JSON.parse(document.getElementById('mp-state').textContent);
  var KEY = location.pathname;  // one private link, one programme
  var REFRESH_EVERY = 2 * 60 * 1000;
  var timeFormat = new Intl.DateTimeFormat('da-DK', {
    hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen'
  });
  var dayFormat = new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long' });
  var db = null;

  function $(id) { return document.getElementById(id); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] === undefined ? '' : String(values[key]);
    });
  }
  function clock(ms) { return timeFormat.format(new Date(ms)).replace(':', '.'); }
  function hhmm(value) { return value ? value.replace(':', '.') : ''; }
  function span(item) { return item.end ? hhmm(item.start) + '–' + hhmm(item.end) : hhmm(item.start); }
  function dayName(iso) { return dayFormat.format(new Date(iso + 'T12:00:00')); }

  /* ---------- the venue plan's markers (the CSP allows no style attributes) ---------- */

  document.querySelectorAll('.plan-marker[data-x][data-y]').forEach(function (marker) {
    marker.style.left = marker.getAttribute('data-x') + '%';
    marker.style.top = marker.getAttribute('data-y') + '%';
  });

  /* ---------- what changed since the phone last saw the programme ---------- */

  function describe(before, now) {
    var texts = [];
    if (before.day !== now.day) {
      texts.push(fill(T.day, { old: dayName(before.day), new: dayName(now.day) }));
    }
    if (before.start !== now.start || before.end !== now.end) {
      texts.push(fill(T.time, { old: span(before) || '–', new: span(now) || '–' }));
    }
    if (before.room !== now.room) {
      texts.push(fill(T.room, { old: before.room || T.no_room, new: now.room || T.no_room }));
    }
    if (before.cancelled !== now.cancelled) { texts.push(now.cancelled ? T.cancelled : T.reinstated); }
    if (before.title !== now.title) {
      texts.push(fill(T.title, { old: '“' + before.title + '”', new: '“' + now.title + '”' }));
    }
    return texts;
  }

  function openDb() {
    return self.idb.openDB('forsamling-my-programme', 1, {
      upgrade: function (store) {
        store.createObjectStore('seen');     // the state the phone last showed, per page
        store.createObjectStore('changes');  // uid → sentences, until marked as seen
        store.createObjectStore('meta');
      }
    });
  }

  async function compare() {
    var seen = await db.get('seen', KEY);
    var changes = (await db.get('changes', KEY)) || {};
    if (seen && seen.version !== shown.version) {
      Object.keys(shown.items).forEach(function (uid) {
        var before = seen.items[uid];
        if (!before) { return; }
        var texts = describe(before, shown.items[uid]);
        if (texts.length) { changes[uid] = { title: shown.items[uid].title, texts: texts }; }
      });
    }
    await db.put('seen', { version: shown.version, items: shown.items }, KEY);
    await db.put('changes', changes, KEY);
    if (navigator.onLine) { await db.put('meta', Date.now(), KEY + '#loaded'); }
    render(changes);
  }

  function render(changes) {
    var list = $('mp-changes-list');
    if (!list) { return; }
    list.textContent = '';
    var uids = Object.keys(changes).filter(function (uid) { return shown.items[uid]; });
    uids.forEach(function (uid) {
      var change = changes[uid];
      var entry = document.querySelector('[data-uid="' + uid + '"]');
      if (entry) {
        var mark = entry.querySelector('.tt-changed');
        mark.querySelector('.tt-changed-text').textContent = change.texts.join(' ');
        mark.hidden = false;
        entry.classList.add('tt-entry--changed');
      }
      var item = document.createElement('li');
      var title = document.createElement('strong');
      title.textContent = change.title + ': ';
      item.appendChild(title);
      item.appendChild(document.createTextNode(change.texts.join(' ')));
      list.appendChild(item);
    });
    $('mp-changes').hidden = uids.length === 0;
  }

  async function markSeen() {
    await db.put('changes', {}, KEY);
    document.querySelectorAll('.tt-changed').forEach(function (mark) { mark.hidden = true; });
    document.querySelectorAll('.tt-entry--changed').forEach(function (entry) {
      entry.classList.remove('tt-entry--changed');
    });
    $('mp-changes').hidden = true;
    $('main-content').focus();
  }

  /* ---------- online, offline, and fetching the programme again ---------- */

  async function showNet() {
    var net = $('mp-net');
    if (navigator.onLine) {
      net.textContent = T.online;
      net.dataset.state = 'online';
      return;
    }
    var loaded = db ? await db.get('meta', KEY + '#loaded') : null;
    net.textContent = loaded ? fill(T.offline, { time: clock(loaded) }) : T.offline_unknown;
    net.dataset.state = 'offline';
  }

  async function refresh() {
    if (!navigator.onLine || !root.dataset.version) { return; }
    try {
      var response = await fetch(root.dataset.data, { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) { return; }
      var now = await response.json();
      // The page asks for itself again: the new lines, and their marks from the comparison.
      if (now.version && now.version !== shown.version) { location.reload(); }
    } catch (error) { /* offline after all: the page stays as it is */ }
  }

  /* ---------- push messages ---------- */

  function keyBytes(base64) {
    var padded = (base64 + '==='.slice((base64.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(padded);
    return Uint8Array.from(raw, function (c) { return c.charCodeAt(0); });
  }
  function csrf() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : '';
  }
  async function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf() }
    });
  }

  async function setUpPush(registration) {
    var section = $('mp-push');
    if (!section || !root.dataset.pushKey || !registration.pushManager) { return; }
    var button = $('mp-push-button');
    var status = $('mp-push-status');
    var subscription = await registration.pushManager.getSubscription();
    function show(on) { button.textContent = on ? T.push_off : T.push_on; button.dataset.on = on ? '1' : '0'; }
    show(subscription !== null && section.dataset.subscribed === '1');
    section.hidden = false;
    button.addEventListener('click', async function () {
      button.disabled = true;
      try {
        if (button.dataset.on === '1') {
          subscription = await registration.pushManager.getSubscription();
          if (subscription) {
            await post(root.dataset.pushStop, { endpoint: subscription.endpoint });
            await subscription.unsubscribe();
          }
          show(false);
          status.textContent = T.push_stopped;
          return;
        }
        if (await Notification.requestPermission() !== 'granted') {
          status.textContent = T.push_denied;
          return;
        }
        subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true, applicationServerKey: keyBytes(root.dataset.pushKey)
        });
        var response = await post(root.dataset.push, subscription.toJSON());
        if (!response.ok) { throw new Error(String(response.status)); }
        show(true);
        status.textContent = T.push_done;
      } catch (error) {
        status.textContent = T.push_failed;
      } finally {
        button.disabled = false;
      }
    });
  }

  /* ---------- start ---------- */

  async function start() {
    var seenButton = $('mp-seen');
    if (seenButton) { seenButton.addEventListener('click', markSeen); }
    try {
      db = await openDb();
      await compare();
    } catch (error) { /* no IndexedDB (a private window): the page still shows the programme */ }
    await showNet();
    root.dataset.ready = '1';
    window.addEventListener('online', function () { showNet(); refresh(); });
    window.addEventListener('offline', showNet);
    setInterval(refresh, REFRESH_EVERY);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register(root.dataset.sw).then(function () {
        return navigator.serviceWorker.ready;
      }).then(setUpPush).catch(function () { /* it works online without */ });
    }
  }

  start();
}());
