/* The check-in app's storage and outbox, shared by the page and its service worker.
 *
 * IndexedDB (through npm `idb`) holds the door list, the app's settings and every scan not
 * yet taken by the server. A scan is stored before anything else happens to it, so closing
 * the app or losing the network loses nothing; `send` posts the waiting scans in batches
 * and keeps those the server has not answered, with a back-off per scan.
 */
(function (scope) {
  'use strict';

  var BATCH = 200;
  var MAX_DELAY = 60 * 1000;
  var PREFIX = 'forsamling-checkin-';

  function open(edition) {
    return scope.idb.openDB(PREFIX + edition, 1, {
      upgrade: function (db) {
        db.createObjectStore('people', { keyPath: 'code' });
        db.createObjectStore('meta');
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('seen');
      }
    });
  }

  function delay(tries) {
    var base = Math.min(MAX_DELAY, 1000 * Math.pow(2, tries));
    return base / 2 + Math.random() * base / 2;
  }

  /* Sends what is due (with `now` set: everything waiting, whatever its back-off). Returns
   * {sent, results, status}; status is 'ok', 'offline', 'forbidden' (logged out or the token
   * is stale) or 'error'. */
  async function send(db, eventsUrl, now) {
    var all = await db.getAll('outbox');
    var due = all.filter(function (e) { return now || (e.nextAt || 0) <= Date.now(); })
      .slice(0, BATCH);
    if (!due.length) { return { sent: 0, results: [], status: 'ok' }; }
    var token = await db.get('meta', 'csrf');
    var response;
    try {
      response = await fetch(eventsUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token || '' },
        body: JSON.stringify({ events: due.map(function (e) {
          return { id: e.id, code: e.code, device: e.device, at: e.at, session: e.session };
        }) })
      });
    } catch (error) {
      await backOff(db, due);
      return { sent: 0, results: [], status: 'offline' };
    }
    if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
      await backOff(db, due);
      return { sent: 0, results: [], status: response.status === 403 ? 'forbidden' : 'error' };
    }
    var body = await response.json();
    var tx = db.transaction(['outbox', 'seen', 'people'], 'readwrite');
    var answered = [];
    for (var i = 0; i < body.results.length; i++) {
      var r = body.results[i];
      if (!r.id) { continue; }
      var sent = due.find(function (e) { return e.id === r.id; });
      await tx.objectStore('outbox').delete(r.id);
      if (sent && r.first_at && r.outcome !== 'invalid') {
        await tx.objectStore('seen').put({ at: r.first_at, device: r.first_device },
                                        doorKey(sent.session, sent.code));
        if (sent.session === null) {
          var person = await tx.objectStore('people').get(sent.code);
          if (person) {
            person.arrived = { at: r.first_at, device: r.first_device };
            await tx.objectStore('people').put(person);
          }
        }
      }
      answered.push({ result: r, event: sent });
    }
    await tx.done;
    return { sent: answered.length, results: answered, status: 'ok' };
  }

  async function backOff(db, events) {
    var tx = db.transaction('outbox', 'readwrite');
    for (var i = 0; i < events.length; i++) {
      var e = events[i];
      e.tries = (e.tries || 0) + 1;
      e.nextAt = Date.now() + delay(e.tries);
      await tx.store.put(e);
    }
    await tx.done;
  }

  /* At logout: everything that names or marks people goes (the list, who was seen at which
   * door, the list's version and the session's token); the scans not yet sent stay, so no
   * check-in is lost, and so does the phone's name. */
  async function forget(db) {
    var tx = db.transaction(['people', 'seen', 'meta'], 'readwrite');
    await tx.objectStore('people').clear();
    await tx.objectStore('seen').clear();
    var device = await tx.objectStore('meta').get('device');
    await tx.objectStore('meta').clear();
    if (device) { await tx.objectStore('meta').put(device, 'device'); }
    await tx.done;
  }

  /* Every edition's database on this device (only those that exist: opening one that does
   * not would create it, empty and without its stores). */
  async function forgetAll() {
    if (!scope.indexedDB || !indexedDB.databases) { return 0; }
    var names = (await indexedDB.databases()).map(function (d) { return d.name; })
      .filter(function (name) { return name && name.indexOf(PREFIX) === 0; });
    for (var i = 0; i < names.length; i++) {
      var db = await open(names[i].slice(PREFIX.length));
      await forget(db);
      db.close();
    }
    return names.length;
  }

  function doorKey(session, code) {
    return (session === null || session === undefined ? 'main' : String(session)) + '|' + code;
  }

  scope.CheckinOutbox = {
    open: open, send: send, forget: forget, forgetAll: forgetAll, doorKey: doorKey, delay: delay
  };
})(self);
