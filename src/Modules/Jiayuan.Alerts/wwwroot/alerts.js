// Jiayuan alerts — a minimal SignalR client (JSON hub protocol over one WebSocket, no npm package) and the live pages.
// The hub contract is in docs/alerts.md: server → AlertRaised(alert), AlertUpdated(update), each with an increasing eventId;
// client → Acknowledge, Respond, Resume(lastEventId), Watch(placeId). The browser sends the sign-in cookie.
(function () {
  'use strict';
  const RS = '\u001e';

  function AlertHub(initialLastEventId, onRaised, onUpdated, onState) {
    let ws = null, nextId = 1, pending = new Map(), ping = null, closedByUs = false;
    // The page was rendered with everything up to initialLastEventId; the session may know a later one.
    let lastEventId = Math.max(Number(sessionStorage.getItem('jy-alerts-last') || 0), Number(initialLastEventId || 0));
    const watch = [];

    function seen(eventId) {
      if (eventId <= lastEventId) return false; // already shown: a replay overlapping a live message
      lastEventId = eventId;
      sessionStorage.setItem('jy-alerts-last', String(eventId));
      return true;
    }
    function deliver(kind, payload) {
      if (!seen(payload.eventId)) return;
      if (kind === 'raised') onRaised(payload); else onUpdated(payload);
    }
    function send(obj) { ws.send(JSON.stringify(obj) + RS); }
    function invoke(target, ...args) {
      return new Promise((resolve, reject) => {
        if (!ws || ws.readyState !== WebSocket.OPEN) { reject(new Error('offline')); return; }
        const id = String(nextId++);
        pending.set(id, { resolve, reject });
        send({ type: 1, invocationId: id, target, arguments: args });
      });
    }
    function connect() {
      const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/hubs/alerts';
      ws = new WebSocket(url);
      let handshaken = false;
      ws.onopen = () => send({ protocol: 'json', version: 1 });
      ws.onmessage = async (e) => {
        for (const frame of String(e.data).split(RS)) {
          if (!frame) continue;
          const msg = JSON.parse(frame);
          if (!handshaken) {
            handshaken = true;
            if (msg.error) { onState('error', msg.error); return; }
            onState('online');
            ping = setInterval(() => send({ type: 6 }), 15000);
            try {
              for (const p of watch) await invoke('Watch', p);
              // Catch up on everything missed since the last event seen (reconnects, a restart, another instance).
              // Resume returns at most 5,000 messages: ask again from the last one until nothing is left.
              for (let missed = await invoke('Resume', lastEventId); missed.length > 0; missed = missed.length < 5000 ? [] : await invoke('Resume', lastEventId)) {
                for (const m of missed) { if (m.raised) deliver('raised', m.raised); else deliver('updated', m.updated); }
              }
            } catch (err) { onState('error', err.message); }
            continue;
          }
          if (msg.type === 1 && msg.target === 'AlertRaised') deliver('raised', msg.arguments[0]);
          else if (msg.type === 1 && msg.target === 'AlertUpdated') deliver('updated', msg.arguments[0]);
          else if (msg.type === 3) {
            const p = pending.get(msg.invocationId);
            pending.delete(msg.invocationId);
            if (p) { if (msg.error) p.reject(new Error(msg.error)); else p.resolve(msg.result); }
          } else if (msg.type === 7) { ws.close(); }
        }
      };
      ws.onclose = () => {
        clearInterval(ping);
        for (const p of pending.values()) p.reject(new Error('offline'));
        pending.clear();
        onState('offline');
        if (!closedByUs) setTimeout(connect, 2000);
      };
    }
    return {
      start(watchPlaceIds) { watch.push(...watchPlaceIds); connect(); },
      invoke,
      get lastEventId() { return lastEventId; },
      stop() { closedByUs = true; if (ws) ws.close(); }
    };
  }

  function beep() {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.35, 0.7].forEach((t) => {
        const o = ctx.createOscillator(), g = ctx.createGain();
        o.frequency.value = 880; o.connect(g); g.connect(ctx.destination);
        g.gain.setValueAtTime(0.2, ctx.currentTime + t);
        o.start(ctx.currentTime + t); o.stop(ctx.currentTime + t + 0.2);
      });
    } catch { /* no audio before a user gesture: the flashing card still shows it */ }
  }

  function text(el, s) { el.textContent = s; return el; }
  function h(tag, cls, s) { const el = document.createElement(tag); if (cls) el.className = cls; if (s !== undefined) el.textContent = s; return el; }

  // A Leaflet map (served at /lib/leaflet, loaded before this script) in an element carrying the tile source and the start
  // point as data attributes (Features/Console/MapSettings.cs). Points are WGS-84, as are the configured tiles. Null without Leaflet.
  function leafletMap(el, zoom) {
    if (!el || !window.L) return null;
    const map = L.map(el).setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lng)], zoom);
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    el.classList.add('ready');
    return map;
  }

  // The console's map: one circle per open alert that has a point, filled by kind; dashed red edge while nobody has answered,
  // solid once someone has; removed when the alert is resolved. The popup is read from the alert's card when opened, so it
  // always shows the card's current kind, place, text and who is coming.
  const kindColours = { Fire: '#e65100', Fight: '#c62828', Theft: '#6a1b9a', Medical: '#1565c0', MissingPerson: '#00838f',
    SuspiciousPerson: '#5d4037', Disaster: '#b71c1c', Other: '#546e7a' };
  function alertMap(el, t, cardOf) {
    const map = leafletMap(el, 15);
    if (!map) return null;
    const markers = new Map();
    function style(kind, answered) {
      const colour = kindColours[kind] || kindColours.Other;
      return { radius: 10, weight: 3, fillColor: colour, fillOpacity: 0.65, color: answered ? '#263238' : '#d50000', dashArray: answered ? null : '4 3' };
    }
    function popup(id) {
      const c = cardOf(id), box = h('div', 'alert-popup');
      if (!c) return box;
      box.append(h('strong', null, c.querySelector('.kind')?.textContent || ''), ' ', h('span', null, c.querySelector('.place')?.textContent || ''),
        h('p', null, c.querySelector('.text')?.textContent || ''));
      const coming = [...c.querySelectorAll('[data-responders] li')].map((li) => li.textContent);
      box.append(h('p', 'coming', `${t.coming}: ${coming.length ? '' : t.nobody}`));
      if (coming.length) { const ul = h('ul'); ul.append(...coming.map((s) => h('li', null, s))); box.append(ul); }
      return box;
    }
    return {
      // Adds (or moves) the marker of an alert; returns whether it has one.
      put(id, kind, answered, lat, lng) {
        if (lat == null || lng == null || isNaN(lat) || isNaN(lng)) return false;
        let m = markers.get(id);
        if (m) { m.setLatLng([lat, lng]); m.setStyle(style(kind, answered)); return true; }
        m = L.circleMarker([lat, lng], { ...style(kind, answered), className: 'alert-marker' }).addTo(map);
        m.kind = kind;
        m.getElement()?.setAttribute('data-marker-for', String(id));
        m.bindPopup(() => popup(id));
        markers.set(id, m);
        return true;
      },
      answered(id) { const m = markers.get(id); if (m) m.setStyle(style(m.kind, true)); },
      remove(id) { const m = markers.get(id); if (m) { m.remove(); markers.delete(id); } },
      refresh(id) { const m = markers.get(id); if (m && m.isPopupOpen()) m.setPopupContent(popup(id)); },
      focus(id) {
        const m = markers.get(id);
        if (!m) return false;
        map.setView(m.getLatLng(), Math.max(map.getZoom(), 16));
        m.openPopup();
        return true;
      },
      pan(id) { const m = markers.get(id); if (m) map.panTo(m.getLatLng()); },
      fit() {
        if (markers.size === 1) map.setView([...markers.values()][0].getLatLng(), 16);
        else if (markers.size > 1) map.fitBounds(L.featureGroup([...markers.values()]).getBounds(), { padding: [30, 30], maxZoom: 16 });
      }
    };
  }

  // The alert console: live list of alerts of the watched place, responses, who is coming, and the map.
  function consolePage(root) {
    const t = JSON.parse(root.dataset.labels);
    const list = root.querySelector('[data-alert-list]');
    const state = root.querySelector('[data-hub-state]');
    const canRespond = root.dataset.responder === 'true';

    function card(id) { return list.querySelector(`[data-alert-id="${id}"]`); }
    const map = alertMap(root.querySelector('[data-alert-map]'), t, card);
    if (map) {
      for (const c of list.querySelectorAll('.alert-card[data-lat]')) {
        if (c.dataset.state !== 'Resolved') map.put(Number(c.dataset.alertId), c.dataset.kind, c.dataset.answered === 'true', parseFloat(c.dataset.lat), parseFloat(c.dataset.lng));
      }
      map.fit();
    }
    function renderResponders(el, responders) {
      const ul = el.querySelector('[data-responders]');
      ul.replaceChildren(...responders.map((r) => h('li', null,
        `${r.name}（${r.unit}）${t[r.status] || r.status}${r.etaMinutes != null ? ' · ' + t.eta.replace('{0}', r.etaMinutes) : ''}`)));
    }
    function addCard(a) {
      let el = card(a.id);
      if (!el) {
        el = h('li', 'alert-card new');
        el.dataset.alertId = a.id;
        el.append(h('strong', 'kind', t[a.kind] || a.kind), ' ', h('span', 'place', a.placeName), ' ',
          h('time', null, new Date(a.raisedAt).toLocaleTimeString()), h('p', 'text', a.text),
          h('p', 'meta', `${t.raisedBy} ${a.raisedBy} · ${t.level} ${t[a.levelName] || a.levelName}`), h('ul', 'responders'));
        el.querySelector('ul').dataset.responders = '';
        const status = h('p', 'status'); status.dataset.status = ''; el.append(status);
        if (canRespond) {
          const actions = h('p', 'actions');
          for (const [status, label] of [['Acknowledged', t.Acknowledged], ['OnMyWay', t.OnMyWay], ['OnScene', t.OnScene], ['Resolved', t.Resolved]]) {
            const b = h('button', status === 'Acknowledged' ? 'primary' : '', label);
            b.type = 'button';
            b.dataset.respond = status;
            actions.append(b);
          }
          el.append(actions);
        }
        el.append(h('a', null, t.timeline)); el.lastChild.href = '/alerts/' + a.id;
        if (a.latitude != null && a.longitude != null) {
          el.classList.add('has-point');
          const show = h('button', 'link', t.showOnMap); show.type = 'button'; show.dataset.showOnMap = '';
          el.append(' ', show);
        }
        list.prepend(el);
        list.querySelector('[data-empty]')?.remove();
      }
      renderResponders(el, a.responders || []);
      if (map) {
        if (a.state === 'Resolved') map.remove(a.id);
        else if (map.put(a.id, a.kind, (a.responders || []).length > 0, a.latitude, a.longitude)) { map.pan(a.id); map.refresh(a.id); }
      }
      setTimeout(() => el.classList.remove('new'), 5000);
    }
    function applyUpdate(u) {
      const el = card(u.alertId);
      if (!el) return;
      const line = u.type === 'Escalated' ? `${t.Escalated} → ${t[u.note] || u.note}`
        : `${u.responderName}（${u.unit}）${t[u.type] || u.type}${u.etaMinutes != null ? ' · ' + t.eta.replace('{0}', u.etaMinutes) : ''}${u.note && u.type === 'Resolved' ? ' · ' + u.note : ''}`;
      const ul = el.querySelector('[data-responders]');
      const li = h('li', null, line); li.dataset.eventId = u.eventId; ul.append(li);
      if (u.state === 'Resolved') { el.classList.add('resolved'); el.querySelectorAll('[data-respond]').forEach((b) => b.disabled = true); }
      if (map) {
        if (u.state === 'Resolved') map.remove(u.alertId);
        else { if (u.type !== 'Escalated') map.answered(u.alertId); map.refresh(u.alertId); }
      }
    }
    async function respond(id, status) {
      let eta = null, note = null;
      if (status === 'OnMyWay') { const v = prompt(t.askEta, '5'); if (v === null) return; eta = Number(v) || null; }
      if (status === 'Resolved') { note = prompt(t.askNote, ''); if (!note) return; }
      try { await hub.invoke('Respond', id, status, eta, note); }
      catch (err) { alert(err.message); }
    }
    list.addEventListener('click', (e) => {
      const b = e.target.closest('[data-respond]');
      if (b) { respond(Number(b.closest('[data-alert-id]').dataset.alertId), b.dataset.respond); return; }
      // Clicking an alert (not one of its buttons or links, except "show on the map") finds it on the map.
      const c = e.target.closest('.alert-card');
      if (!c || !map || (e.target.closest('a, button, input') && !e.target.closest('[data-show-on-map]'))) return;
      if (map.focus(Number(c.dataset.alertId))) root.querySelector('[data-alert-map]').scrollIntoView({ block: 'nearest' });
    });
    const hub = AlertHub(root.dataset.lastEvent, (a) => { addCard(a); beep(); }, applyUpdate, (s, detail) => text(state, t[s] + (detail ? ' ' + detail : '')).dataset.state = s);
    hub.start(root.dataset.watch ? [Number(root.dataset.watch)] : []);
  }

  // The SOS page: raise, then follow who is coming.
  function sosPage(root) {
    const t = JSON.parse(root.dataset.labels);
    const form = root.querySelector('form');
    const result = root.querySelector('[data-result]');
    const coming = root.querySelector('[data-coming]');
    let point = null, myAlert = null;
    root.querySelector('[data-locate]')?.addEventListener('click', () => {
      navigator.geolocation?.getCurrentPosition((p) => {
        point = { latitude: p.coords.latitude, longitude: p.coords.longitude };
        text(root.querySelector('[data-point]'), `${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}`);
        showPoint([point.latitude, point.longitude]);
      }, () => text(root.querySelector('[data-point]'), t.noLocation));
    });
    // A small map with the located point (shown once located: Leaflet needs a visible element to size itself).
    let sosMap = null, sosMarker = null;
    function showPoint(p) {
      const el = root.querySelector('[data-sos-map]');
      if (!el || !window.L) return;
      el.hidden = false;
      sosMap = sosMap || leafletMap(el, 17);
      if (!sosMap) return;
      sosMap.invalidateSize();
      sosMap.setView(p, 17);
      if (sosMarker) sosMarker.setLatLng(p);
      else sosMarker = L.circleMarker(p, { radius: 9, weight: 3, color: '#c62828', fillColor: '#c62828', fillOpacity: 0.5, className: 'sos-marker' }).addTo(sosMap);
    }
    const hub = AlertHub(root.dataset.lastEvent, () => { }, (u) => {
      if (!myAlert || u.alertId !== myAlert) return;
      if (u.responderName) coming.append(h('li', null, `${u.responderName}（${u.unit}）${t[u.type] || u.type}${u.etaMinutes != null ? ' · ' + t.eta.replace('{0}', u.etaMinutes) : ''}`));
    }, () => { });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const body = { kind: data.get('kind') || 'Other', text: data.get('text') || '', placeId: data.get('placeId') ? Number(data.get('placeId')) : null, ...(point || {}) };
      form.querySelector('button[type=submit]').disabled = true;
      const r = await fetch('/api/v1/alerts', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(body), credentials: 'same-origin' });
      const json = await r.json().catch(() => ({}));
      if (r.status === 201) {
        myAlert = json.id;
        const photo = data.get('photo');
        if (photo && photo.size > 0) {
          const upload = new FormData();
          upload.append('file', photo);
          await fetch(`/api/v1/alerts/${json.id}/photos`, { method: 'POST', body: upload, credentials: 'same-origin' });
        }
        text(result, t.sent).className = 'ok';
        form.hidden = true;
      } else {
        form.querySelector('button[type=submit]').disabled = false;
        text(result, json.detail || Object.values(json.errors || {}).flat().join(' ') || json.title || String(r.status)).className = 'error';
      }
    });
    hub.start([]);
  }

  // A patrol member's buttons: check in/out (with the browser's location when allowed), log, raise from the route.
  function patrolPage(root) {
    const result = root.querySelector('[data-patrol-result]');
    const here = () => new Promise((resolve) => {
      if (!navigator.geolocation) { resolve({}); return; }
      navigator.geolocation.getCurrentPosition((p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }), () => resolve({}), { timeout: 5000 });
    });
    root.addEventListener('click', async (e) => {
      const b = e.target.closest('[data-patrol-action]');
      if (!b) return;
      const action = b.dataset.patrolAction;
      const text = root.querySelector('[data-patrol-text]').value;
      const body = { ...(await here()), ...(action === 'logs' ? { text } : {}), ...(action === 'alerts' ? { kind: 'Other', text } : {}) };
      const r = await fetch(`/api/v1/alerts/patrols/${root.dataset.patrol}/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
      if (r.ok) { location.reload(); return; }
      const json = await r.json().catch(() => ({}));
      result.textContent = Object.values(json.errors || {}).flat().join(' ') || json.detail || json.title || String(r.status);
      result.className = 'error';
    });
  }

  // Staff plan a patrol shift: the form posts JSON to the API, then the page reloads with the new shift.
  function planPatrol(form) {
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const starts = new Date(data.get('startsAt'));
      const ends = new Date(starts.getTime() + Number(data.get('hours') || 3) * 3600000);
      const body = { placeId: Number(form.dataset.planPatrol), name: data.get('name'), startsAt: starts.toISOString(), endsAt: ends.toISOString(), memberUserIds: data.getAll('member').map(Number) };
      const r = await fetch('/api/v1/alerts/patrols', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
      if (r.status === 201) { location.reload(); return; }
      const json = await r.json().catch(() => ({}));
      const result = form.querySelector('[data-plan-result]');
      result.textContent = Object.values(json.errors || {}).flat().join(' ') || json.detail || json.title || String(r.status);
      result.className = 'error';
    });
  }

  function init() {
    document.querySelectorAll('[data-block-user]').forEach((b) => b.addEventListener('click', async () => {
      if (!confirm(b.textContent + '?')) return;
      const r = await fetch('/api/v1/alerts/blocks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
        body: JSON.stringify({ userId: Number(b.dataset.blockUser), reason: b.dataset.reason }) });
      if (r.ok) location.reload(); else b.after(' ' + r.status);
    }));
    document.querySelectorAll('[data-plan-patrol]').forEach(planPatrol);
    document.querySelectorAll('[data-patrol]').forEach(patrolPage);
    document.querySelectorAll('[data-alert-console]').forEach(consolePage);
    document.querySelectorAll('[data-sos]').forEach(sosPage);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
