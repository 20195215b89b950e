/* The check-in app: scan, type or search; decide at once from the list on the phone; store
 * the scan; send it when the network allows. See outbox.js for the storage. */
(function () {
  'use strict';

  var main = document.getElementById('main-content');
  var T = JSON.parse(main.dataset.texts);
  var CODE = /(\d+)-([0-9a-f]{16})/i;
  var REFRESH_EVERY = 60 * 1000;
  var SEND_EVERY = 15 * 1000;
  var LOGOUT_WAIT = 8 * 1000;
  var collator = new Intl.Collator('da');
  var timeFormat = new Intl.DateTimeFormat('da-DK', {
    hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen'
  });

  var db;
  var people = [];            // the list, in memory for search
  var byCode = new Map();
  var sessions = [];
  var device = '';
  var online = navigator.onLine;
  var sending = false;
  var sendTimer = null;
  var lastScan = { code: '', at: 0 };

  function $(id) { return document.getElementById(id); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] === undefined ? '' : String(values[key]);
    });
  }
  function clock(iso) { return timeFormat.format(new Date(iso)).replace(':', '.'); }
  function uuid() {
    if (self.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.from(b, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) +
      '-' + h.slice(20);
  }
  /* Danish matching: case and accents of the same letter folded, "aa" read as "å". */
  function fold(text) {
    return (text || '').toLocaleLowerCase('da').normalize('NFC').replace(/aa/g, 'å')
      .replace(/\s+/g, ' ').trim();
  }

  /* ---------- state shown at the top ---------- */

  function showNet() {
    var el = $('ci-net');
    el.dataset.state = online ? 'online' : 'offline';
    el.textContent = online ? T.online : T.offline;
  }
  async function showPending() {
    var n = await db.count('outbox');
    $('ci-pending').textContent = n === 1 ? T.pending_one : fill(T.pending, { n: n });
    $('ci-pending').dataset.count = String(n);
  }
  async function showRefreshed() {
    var at = await db.get('meta', 'refreshedAt');
    $('ci-refreshed').textContent = at
      ? fill(T.refreshed, { time: clock(at), n: people.length }) : T.not_refreshed;
  }

  /* ---------- the list ---------- */

  async function loadLocal() {
    people = await db.getAll('people');
    byCode = new Map(people.map(function (p) { return [p.code, p]; }));
    sessions = (await db.get('meta', 'sessions')) || [];
    // Check-ins made on this phone and not yet in the downloaded list (still waiting to be
    // sent, or sent after the list was made) are marked as the list would mark them.
    var mainDoor = CheckinOutbox.doorKey(null, '');
    var seen = await db.getAllKeys('seen');
    for (var i = 0; i < seen.length; i++) {
      if (seen[i].indexOf(mainDoor) !== 0) { continue; }
      var person = byCode.get(seen[i].slice(mainDoor.length));
      if (person && !person.arrived) { person.arrived = await db.get('seen', seen[i]); }
    }
    fillDoors();
  }

  async function refresh() {
    var version = await db.get('meta', 'version');
    var response;
    try {
      response = await fetch(main.dataset.listUrl, {
        credentials: 'same-origin', cache: 'no-store',
        headers: version ? { 'If-None-Match': '"' + version + '"' } : {}
      });
    } catch (error) {
      setOnline(false);
      return;
    }
    setOnline(true);
    if (response.status === 403) { $('ci-login').hidden = false; return; }
    if (response.status !== 200 && response.status !== 304) { return; }
    $('ci-login').hidden = true;
    var token = response.headers.get('X-CSRFToken');
    if (token) { await db.put('meta', token, 'csrf'); }
    if (response.status === 200) {
      var body = await response.json();
      var tx = db.transaction(['people', 'meta'], 'readwrite');
      await tx.objectStore('people').clear();
      for (var i = 0; i < body.people.length; i++) {
        await tx.objectStore('people').put(body.people[i]);
      }
      await tx.objectStore('meta').put(body.sessions, 'sessions');
      await tx.objectStore('meta').put(body.version, 'version');
      await tx.done;
      await loadLocal();
    }
    await db.put('meta', new Date().toISOString(), 'refreshedAt');
    showRefreshed();
    showCount();
  }

  function fillDoors() {
    var select = $('ci-door');
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    sessions.forEach(function (s) {
      var option = document.createElement('option');
      option.value = String(s.id);
      option.textContent = [s.title, s.day, s.time, s.room].filter(Boolean).join(' · ');
      select.appendChild(option);
    });
    select.value = chosen;
    if (select.value !== chosen) { select.value = ''; }
    showDoor();
  }

  /* A phone's menu cuts a long door name off: the chosen door is written out in full below
   * (for the main door, what it is for). */
  function showDoor() {
    var select = $('ci-door');
    var chosen = select.value ? select.options[select.selectedIndex] : null;
    $('ci-door-chosen').textContent = chosen ? chosen.textContent
      : $('ci-door-chosen').dataset.main;
  }

  function door() {
    var value = $('ci-door').value;
    return value ? Number(value) : null;
  }
  function doorSession() {
    var id = door();
    return sessions.find(function (s) { return s.id === id; }) || null;
  }

  /* ---------- deciding, offline as online ---------- */

  function warningsFor(person, session) {
    if (!person) { return ['unknown']; }
    if (person.cancelled) { return ['cancelled']; }
    if (session === null) {
      var seatedSlots = new Set(person.sessions.map(slotOf));
      var waitingOnly = person.waiting.some(function (id) { return !seatedSlots.has(slotOf(id)); });
      return waitingOnly ? ['waiting_only'] : [];
    }
    if (person.sessions.indexOf(session.id) >= 0) { return []; }
    if (person.waiting.indexOf(session.id) >= 0) { return ['waiting']; }
    return ['not_registered'];
  }
  function slotOf(sessionId) {
    var s = sessions.find(function (x) { return x.id === sessionId; });
    return s ? s.slot : null;
  }

  async function sessionCount(session) {
    var keys = await db.getAllKeys('seen');
    var prefix = session.id + '|';
    var codes = keys.filter(function (k) { return k.indexOf(prefix) === 0; })
      .map(function (k) { return k.slice(prefix.length); });
    var registered = codes.filter(function (c) {
      var p = byCode.get(c);
      return p && p.sessions.indexOf(session.id) >= 0;
    }).length;
    return { entered: Math.max(codes.length, session.entered || 0), registered: registered,
             other: codes.length - registered };
  }

  async function showCount() {
    var session = doorSession();
    var el = $('ci-count');
    if (!session) { el.hidden = true; return; }
    var c = await sessionCount(session);
    el.hidden = false;
    el.textContent = session.capacity
      ? fill(T.count, { entered: c.entered, capacity: session.capacity, registered: c.registered,
                        other: c.other })
      : fill(T.count_open, c);
  }

  /* Decides on one scanned or typed code and says so. Returns what it was: 'bad' (no badge
   * code), 'unknown' (not on the list: refused, nothing stored), or 'taken'. */
  async function handle(text) {
    var match = CODE.exec(text || '');
    if (!match) { show('stop', null, [T.bad_code]); return 'bad'; }
    var code = match[1] + '-' + match[2].toLowerCase();
    var session = doorSession();
    var sessionId = session ? session.id : null;
    var person = byCode.get(code) || null;
    if (!person && online) {
      await refresh();  // registered since the list was downloaded?
      person = byCode.get(code) || null;
    }
    if (!person) {
      // Not on the list: refused here and now. Nothing is stored or sent, so nothing waits.
      show('stop', null, [T.unknown, online ? T.refused : T.refused_offline]);
      if (navigator.vibrate) { navigator.vibrate([80, 60, 80]); }
      return 'unknown';
    }
    var warnings = warningsFor(person, session);
    var key = CheckinOutbox.doorKey(sessionId, code);
    var before = await db.get('seen', key);
    if (!before && sessionId === null && person && person.arrived) { before = person.arrived; }
    var stop = warnings.some(function (w) {
      return w === 'unknown' || w === 'cancelled' || w === 'other_edition';
    });
    if (before && !stop) {
      show('warn', person, [fill(T.already, { time: clock(before.at), device: before.device })]);
      return 'taken';
    }
    var event = { id: uuid(), code: code, device: device, at: new Date().toISOString(),
                  session: sessionId, tries: 0, nextAt: 0 };
    var tx = db.transaction(['outbox', 'seen', 'people'], 'readwrite');
    await tx.objectStore('outbox').put(event);
    if (!stop) { await tx.objectStore('seen').put({ at: event.at, device: device }, key); }
    if (!stop && sessionId === null) {
      // The list on the phone says so at once (the search shows "tjekket ind HH.MM"), not
      // only after the next download.
      person.arrived = { at: event.at, device: device };
      await tx.objectStore('people').put(person);
    }
    await tx.done;
    if (!stop && session) {
      var c = await sessionCount(session);
      if (session.capacity && c.entered > session.capacity) { warnings.push('full'); }
    }
    var lines = warnings.map(function (w) { return T[w]; });
    if (!stop) { lines.unshift(session ? T.entered : T.checked_in); }
    if (!stop && !online) { lines.push(T.queued); }
    show(stop ? 'stop' : (warnings.length ? 'warn' : 'ok'), person, lines);
    if (navigator.vibrate) { navigator.vibrate(stop || warnings.length ? [80, 60, 80] : 60); }
    await showPending();
    showCount();
    search();
    sendSoon(0);
    askForSync();
    return 'taken';
  }

  function show(kind, person, lines) {
    var box = $('ci-result');
    box.dataset.kind = kind;
    box.replaceChildren();
    if (person) {
      var name = document.createElement('p');
      name.className = 'ci-result-name';
      name.textContent = person.name;
      box.appendChild(name);
      var org = document.createElement('p');
      org.textContent = [person.organisation, person.category].filter(Boolean).join(' · ');
      box.appendChild(org);
    }
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.className = 'ci-result-text';
      p.textContent = line;
      box.appendChild(p);
    });
    if (person && person.code && online) {
      var link = document.createElement('a');
      link.className = 'ci-reprint';
      link.href = main.dataset.badgeUrl.replace(/\/0\/$/, '/' + person.code.split('-')[0] + '/');
      link.textContent = T.reprint;
      box.appendChild(link);
    }
  }

  /* ---------- sending ---------- */

  function sendSoon(wait) {
    clearTimeout(sendTimer);
    sendTimer = setTimeout(flush, wait);
  }

  /* Sends what is due. Once the server has answered (or the browser says the network is
   * back: `all`), everything waiting goes at once, whatever its back-off: the back-off spaces
   * attempts against a server out of reach, not against one that is answering. */
  async function flush(all) {
    if (sending) { return; }
    sending = true;
    var reachable = all === true;
    try {
      for (;;) {
        var outcome = await CheckinOutbox.send(db, main.dataset.eventsUrl, reachable);
        if (outcome.status === 'forbidden') {
          await refresh();  // a stale token is renewed with the list; a lost login is shown
        }
        if (outcome.status === 'offline') { setOnline(false); }
        if (outcome.status === 'ok' && outcome.sent) { setOnline(true); reachable = true; }
        outcome.results.forEach(tellLate);
        if (outcome.results.length) { search(); }
        if (outcome.status !== 'ok' || outcome.sent === 0) { break; }
      }
    } finally {
      sending = false;
    }
    await showPending();
    var rest = await db.getAll('outbox');
    if (rest.length) {
      var next = Math.min.apply(null, rest.map(function (e) { return e.nextAt || 0; }));
      sendSoon(Math.max(250, next - Date.now()));
    }
  }

  /* The server knew better than the phone (another device was first, or the badge is from
   * another year): say so now, on top of whatever is shown. */
  function tellLate(answer) {
    var r = answer.result;
    var e = answer.event;
    if (!e) { return; }
    var known = byCode.get(e.code);
    if (known && e.session === null && r.first_at && r.outcome !== 'invalid') {
      known.arrived = { at: r.first_at, device: r.first_device };  // the first check-in counts
    }
    var person = byCode.get(e.code) || (r.name ? { name: r.name, organisation: r.organisation,
                                                   category: r.category } : null);
    if (r.outcome === 'already' && r.first_device !== e.device) {
      show('warn', person, [fill(T.already, { time: clock(r.first_at), device: r.first_device })]);
    } else if (r.outcome === 'refused' && r.warnings.indexOf('other_edition') >= 0) {
      show('stop', null, [T.other_edition]);
    }
  }

  /* Logging out: the scans still waiting are sent first (all of them, whatever their
   * back-off; for at most a few seconds), then the list leaves the phone. What could not be
   * sent stays, and goes after the next login. */
  async function logOut(event) {
    event.preventDefault();
    var form = event.target;
    form.querySelector('button').disabled = true;
    clearTimeout(sendTimer);
    var sendAll = (async function () {
      for (var round = 0; round < 50; round++) {
        var outcome = await CheckinOutbox.send(db, main.dataset.eventsUrl, true);
        if (outcome.status !== 'ok' || outcome.sent === 0) { return; }
      }
    })();
    await Promise.race([sendAll, new Promise(function (done) { setTimeout(done, LOGOUT_WAIT); })]);
    await CheckinOutbox.forget(db);
    people = [];
    byCode = new Map();
    form.submit();
  }

  /* Background Sync: the browser wakes the service worker to send, even with the app closed. */
  function askForSync() {
    if (!('serviceWorker' in navigator)) { return; }
    navigator.serviceWorker.ready.then(function (registration) {
      return registration.sync && registration.sync.register('checkin-outbox');
    }).catch(function () { /* the page sends on its own too */ });
  }

  function setOnline(value) {
    if (online === value) { return; }
    online = value;
    showNet();
  }

  /* ---------- camera ---------- */

  /* The camera (forsamling/qr-camera.js): a badge held up is seen in many frames, so one scan
   * until another badge is seen. */
  var camera = qrCamera({
    video: $('ci-video'),
    videoBox: $('ci-video-box'),
    button: $('ci-camera'),
    error: $('ci-camera-error'),
    wasmUrl: main.dataset.wasmUrl,
    texts: { start: T.camera_start, stop: T.camera_stop, failed: T.camera_error },
    read: async function (found) {
      for (var i = 0; i < found.length; i++) {
        var value = found[i].rawValue;
        var now = Date.now();
        if (value === lastScan.code && now - lastScan.at < 4000) { lastScan.at = now; continue; }
        lastScan = { code: value, at: now };
        await handle(value);
      }
    }
  });

  /* ---------- search ---------- */

  function search() {
    var needle = fold($('ci-search').value);
    var list = $('ci-matches');
    list.replaceChildren();
    if (needle.length < 2) { $('ci-search-count').textContent = ''; return; }
    var found = people.filter(function (p) {
      return fold(p.name).indexOf(needle) >= 0 || fold(p.organisation).indexOf(needle) >= 0;
    }).sort(function (a, b) { return collator.compare(a.name, b.name); });
    $('ci-search-count').textContent = found.length
      ? fill(T.found, { n: found.length }) : T.found_none;
    found.slice(0, 25).forEach(function (p) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-secondary ci-match';
      button.dataset.code = p.code;
      var strong = document.createElement('strong');
      strong.textContent = p.name;
      var small = document.createElement('small');
      var marks = [p.organisation, p.category];
      if (p.cancelled) { marks.push(T.cancelled_mark); }
      if (p.arrived) { marks.push(T.arrived_mark + ' ' + clock(p.arrived.at)); }
      small.textContent = marks.filter(Boolean).join(' · ');
      var action = document.createElement('span');
      action.className = 'ci-match-action';
      action.textContent = T.check_in;
      button.append(strong, small, action);
      li.appendChild(button);
      list.appendChild(li);
    });
  }

  /* ---------- wiring ---------- */

  function askDevice() {
    $('ci-device-form').hidden = false;
    $('ci-work').hidden = true;
    $('ci-device').value = device;
    $('ci-device').focus();
  }

  async function saveDevice(event) {
    event.preventDefault();
    var value = $('ci-device').value.trim();
    var group = $('ci-device-group');
    if (!value) {
      group.classList.add('form-error');
      $('ci-device-error').hidden = false;
      $('ci-device').setAttribute('aria-invalid', 'true');
      $('ci-device').setAttribute('aria-describedby', 'ci-device-error ci-device-hint');
      $('ci-device').focus();
      return;
    }
    group.classList.remove('form-error');
    $('ci-device-error').hidden = true;
    $('ci-device').removeAttribute('aria-invalid');
    $('ci-device').setAttribute('aria-describedby', 'ci-device-hint');
    device = value;
    await db.put('meta', device, 'device');
    startWork();
  }

  function startWork() {
    $('ci-device-form').hidden = true;
    $('ci-work').hidden = false;
    $('ci-device-name').textContent = device;
  }

  /* The code field's error: shown, tied to the field and, through the result box (a live
   * region), announced; or cleared. */
  function codeError(message) {
    var input = $('ci-code');
    $('ci-code-group').classList.toggle('form-error', Boolean(message));
    $('ci-code-error').hidden = !message;
    if (message) {
      $('ci-code-error').textContent = message;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'ci-code-error');
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }

  async function submitCode(event) {
    event.preventDefault();
    var input = $('ci-code');
    if (!CODE.test(input.value)) {
      codeError(T.code_format);
      // The previous person's result must not stand beside this error.
      show('stop', null, [T.code_format]);
      input.focus();
      return;
    }
    codeError('');
    // Emptied before the check, not after it: the next code (a hand scanner types fast) must
    // not be wiped when the check of this one finishes.
    var typed = input.value;
    input.value = '';
    input.focus();
    if (await handle(typed) === 'unknown' && !input.value) {
      codeError(fill(T.unknown_code, { code: typed.trim() }));
    }
  }

  async function start() {
    db = await CheckinOutbox.open(main.dataset.edition);
    device = (await db.get('meta', 'device')) || '';
    await loadLocal();
    showNet();
    await showPending();
    await showRefreshed();
    $('ci-device-form').addEventListener('submit', saveDevice);
    $('ci-device-change').addEventListener('click', askDevice);
    $('ci-logout').addEventListener('submit', logOut);
    $('ci-code-form').addEventListener('submit', submitCode);
    $('ci-search').addEventListener('input', search);
    $('ci-matches').addEventListener('click', function (e) {
      var button = e.target.closest('button[data-code]');
      if (button) { handle(button.dataset.code).then(search); }
    });
    $('ci-code').addEventListener('input', function () { codeError(''); });
    $('ci-door').addEventListener('change', function () {
      showDoor();
      showCount();
      show('none', null, []);
    });
    $('ci-camera').addEventListener('click', camera.toggle);
    window.addEventListener('online', function () {
      setOnline(true);
      refresh().then(function () { return flush(true); });
    });
    window.addEventListener('offline', function () { setOnline(false); });
    if (device) { startWork(); } else { askDevice(); }
    main.dataset.ready = 'true';
    await refresh();
    flush();
    setInterval(function () { refresh(); }, REFRESH_EVERY);
    setInterval(function () { flush(); }, SEND_EVERY);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register(main.dataset.swUrl, { scope: main.dataset.scope })
        .catch(function () { /* the app works without; it just cannot open offline */ });
    }
  }

  start();
})();
