// Staff console: ingest status (with set-aside background work and its retry), station registry (POST /api/v1/stations), raw frames per station. Needs the console cookie.
// Only the tabs whose permission the session holds are shown (data-permission; GET /api/v1/console/me); a session that
// must first set its password or enrol an authenticator goes to account.html.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var stations = [];
  var session = null;
  var statusLoaded = false;

  function guard(e) {
    if (e.status === 401) { location.href = '/console/login.html?returnUrl=/console/'; }
    throw e;
  }

  document.querySelectorAll('[data-tab]').forEach(function (b) {
    b.addEventListener('click', function () { show(b.getAttribute('data-tab')); });
  });
  function show(tab) {
    document.querySelectorAll('[data-tab]').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-tab') === tab)); });
    ['status', 'registry', 'frames', 'review', 'alarms'].forEach(function (p) { document.getElementById('pane-' + p).hidden = p !== tab; });
    if (tab === 'status' && !statusLoaded) { statusLoaded = true; loadStatus(); }
    if (tab === 'registry') { loadRegistry(); }
    if (tab === 'frames') { loadFrameStations(); }
    // review.js and alarms.js load their pane when it is shown.
    document.dispatchEvent(new CustomEvent('console-tab', { detail: tab }));
  }

  // The ingest figures (ingest.read) and the set-aside work (work.read) when the session may read them.
  function loadStatus() {
    var withStats = EM.session.can(session, 'ingest.read');
    Promise.all([EM.getJson('/api/v1/console/stations/status'), withStats ? EM.getJson('/api/v1/ingest/stats') : null]).then(function (r) {
      var status = r[0], stats = r[1];
      var online = status.stations.filter(function (s) { return s.online; }).length;
      document.getElementById('status-summary').textContent = EM.t('onlineCount') + ': ' + online + ' / ' + status.stations.length +
        ' (' + EM.t('offline') + ' > ' + status.offlineAfterMinutes + ' min) · ' + (stats ? EM.t('setAsideCount') + ': ' + stats.work.setAside + ' · ' : '') +
        EM.cst(status.now);
      var reasons = Object.keys(status.rejectedLast24Hours).map(function (k) { return { reason: k, count: status.rejectedLast24Hours[k] }; });
      var sinceStart = stats ? Object.keys(stats.pipeline.rejectionsByReason).map(function (k) { return { reason: k + ' (' + EM.t('sinceStart') + ')', count: stats.pipeline.rejectionsByReason[k] }; }) : [];
      var all = reasons.concat(sinceStart);
      document.getElementById('rejected').replaceChildren(all.length ? EM.table([
        { key: 'reason', label: 'reason' }, { key: 'count', label: 'frames', num: true }
      ], all) : EM.el('p', { text: EM.t('none') }));
      document.getElementById('status').replaceChildren(EM.table([
        { key: 'mn', label: 'mn' }, { key: 'name', label: 'name' }, { key: 'type', label: 'type' },
        { key: 'online', label: 'online', value: function (s) { return s.online ? 0 : 1; }, render: function (s) { return EM.el('span', { 'class': s.online ? 'online' : 'offline', text: EM.t(s.online ? 'online' : 'offline') }); } },
        { key: 'lastFrameAt', label: 'lastFrame', render: function (s) { return EM.cst(s.lastFrameAt); } },
        { key: 'lastFrameOutcome', label: 'lastOutcome' },
        { key: 'lastDataPeriod', label: 'lastData', render: function (s) { return EM.cst(s.lastDataPeriod); } }
      ], status.stations, { id: 'status-table' }));
    }).catch(guard).catch(function (e) { EM.showError(document.getElementById('status'), e); });
    if (EM.session.can(session, 'work.read')) {
      document.getElementById('set-aside-part').hidden = false;
      loadSetAside();
    }
  }

  // Background work set aside after repeated failures of its own (GET /api/v1/work/set-aside), with a retry each.
  function loadSetAside() {
    var out = document.getElementById('set-aside');
    EM.getJson('/api/v1/work/set-aside').then(function (items) {
      out.replaceChildren(items.length ? EM.table([
        { key: 'kind', label: 'workKind', render: function (w) { return EM.t('kind_' + w.kind); } },
        { key: 'station', label: 'station' }, { key: 'interval', label: 'interval' }, { key: 'day', label: 'day' },
        { key: 'attempts', label: 'attempts', num: true },
        { key: 'since', label: 'setAsideSince', render: function (w) { return EM.cst(w.since, true); } },
        { key: 'error', label: 'lastError', render: function (w) { return EM.el('pre', { 'class': 'frame', text: w.error }); } },
        { key: 'retry', label: 'retry', value: function () { return 0; }, render: function (w) {
          var b = EM.el('button', { type: 'button', 'class': 'btn', 'data-work': String(w.id), text: EM.t('retry') });
          b.addEventListener('click', function () { retry(w.id, b); });
          return b;
        } }
      ], items, { id: 'set-aside-table' }) : EM.el('p', { text: EM.t('none') }));
    }).catch(guard).catch(function (e) { EM.showError(out, e); });
  }

  function retry(id, button) {
    button.disabled = true;
    fetch('/api/v1/work/set-aside/' + encodeURIComponent(id) + '/retry', { method: 'POST', credentials: 'same-origin' }).then(function (r) {
      if (r.ok) { button.replaceWith(EM.el('span', { 'class': 'ok', text: EM.t('retried') })); return null; }
      return r.text().then(function (text) { button.replaceWith(EM.el('span', { 'class': 'error', text: r.status + ' ' + text })); });
    });
  }

  function loadRegistry() {
    EM.getJson('/api/v1/stations').then(function (list) {
      stations = list;
      document.getElementById('registry').replaceChildren(EM.table([
        { key: 'mn', label: 'mn' }, { key: 'name', label: 'name' }, { key: 'type', label: 'type', render: function (s) { return EM.t('stationType_' + s.type); } }, { key: 'region', label: 'region' },
        { key: 'enterprise', label: 'enterprise' },
        { key: 'networks', label: 'networks', value: function (s) { return s.networks.join(','); }, render: function (s) { return s.networks.map(function (n) { return EM.t('network_' + n); }).join('、'); } },
        { key: 'longitude', label: 'longitude', num: true }, { key: 'latitude', label: 'latitude', num: true },
        { key: 'active', label: 'active', render: function (s) { return s.active ? '✓' : '✗'; } },
        { key: 'edit', label: 'edit', value: function () { return 0; }, render: function (s) {
          var b = EM.el('button', { type: 'button', text: EM.t('edit') });
          b.addEventListener('click', function () { edit(s); });
          return b;
        } }
      ], list.slice(), { id: 'registry-table' }));
    }).catch(guard);
  }

  // The station being edited, as the API listed it: saving keeps every field the form does not show (water target
  // class, encoding, control level …), since a save replaces the station by MN.
  var editing = null;

  function edit(s) {
    editing = s;
    document.getElementById('st-mn').value = s.mn;
    document.getElementById('st-name').value = s.name;
    document.getElementById('st-type').value = s.type;
    document.getElementById('st-region').value = s.region;
    document.getElementById('st-enterprise').value = s.enterprise || '';
    document.getElementById('st-lon').value = s.longitude == null ? '' : s.longitude;
    document.getElementById('st-lat').value = s.latitude == null ? '' : s.latitude;
    document.getElementById('st-active').checked = s.active;
    document.querySelectorAll('#st-networks input').forEach(function (box) { box.checked = s.networks.indexOf(box.value) >= 0; });
    document.getElementById('st-password').focus();
  }

  document.getElementById('station-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var message = document.getElementById('st-message');
    var number = function (id) { var v = document.getElementById(id).value.trim(); return v === '' ? null : Number(v); };
    var mn = document.getElementById('st-mn').value.trim();
    var enterprise = document.getElementById('st-enterprise').value.trim();
    var body = Object.assign({}, editing && editing.mn === mn ? editing : {}, {
      mn: mn, name: document.getElementById('st-name').value.trim(),
      type: document.getElementById('st-type').value, region: document.getElementById('st-region').value.trim(),
      enterprise: enterprise === '' ? null : enterprise,
      longitude: number('st-lon'), latitude: number('st-lat'), password: document.getElementById('st-password').value,
      active: document.getElementById('st-active').checked,
      // Ticked networks; none ticked on a new station: the network of its control level (docs/registry.md).
      networks: (function () {
        var ticked = Array.prototype.map.call(document.querySelectorAll('#st-networks input:checked'), function (box) { return box.value; });
        return ticked.length === 0 && !(editing && editing.mn === mn) ? null : ticked;
      })()
    });
    fetch('/api/v1/stations', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) { message.className = 'ok'; message.textContent = EM.t('saved') + ': ' + body.mn; loadRegistry(); return null; }
        return r.text().then(function (text) {
          message.className = 'error';
          var detail = text;
          // A problem (docs/api-errors.md): its field errors ({"$.region": ["…"]}) when it has them, else its detail or title.
          try { var j = JSON.parse(text); detail = j.errors ? Object.keys(j.errors).map(function (k) { return k.replace(/^\$\.?/, '') + ' ' + j.errors[k].join(', '); }).join('; ') : (j.detail || j.title || text); } catch (ignored) { /* plain text */ }
          message.textContent = r.status + ' ' + detail;
        });
      });
  });

  function loadFrameStations() {
    var select = document.getElementById('frame-station');
    if (select.options.length) { return; }
    EM.getJson('/api/v1/stations').then(function (list) {
      select.appendChild(EM.el('option', { value: '', text: '—' }));
      list.forEach(function (s) { select.appendChild(EM.el('option', { value: s.mn, text: s.mn + ' ' + s.name })); });
      select.addEventListener('change', function () { loadFrames(select.value); });
    }).catch(guard);
  }

  function loadFrames(mn) {
    var out = document.getElementById('frames');
    if (!mn) { out.replaceChildren(); return; }
    EM.getJson('/api/v1/console/stations/' + encodeURIComponent(mn) + '/frames?limit=200').then(function (frames) {
      out.replaceChildren(frames.length ? EM.table([
        { key: 'receivedAt', label: 'receivedAt', render: function (f) { return EM.cst(f.receivedAt); } },
        { key: 'outcome', label: 'outcome' }, { key: 'reason', label: 'reason' }, { key: 'peer', label: 'peer' },
        // The API decodes each frame in the station's encoding (GBK or UTF-8) and says which.
        { key: 'textEncoding', label: 'textEncoding', render: function (f) { return f.textEncoding.toUpperCase() + (f.textValid ? '' : ' · ' + EM.t('invalidBytes')); } },
        { key: 'text', label: 'text', render: function (f) { return EM.el('pre', { 'class': 'frame', text: f.text }); } }
      ], frames, { id: 'frames-table' }) : EM.el('p', { text: EM.t('none') }));
    }).catch(guard).catch(function (e) { EM.showError(out, e); });
  }

  // Hides the status rows that do not contain the typed text (MN, name, type, state…).
  document.getElementById('status-filter').addEventListener('input', function (e) {
    var text = e.target.value.trim().toLowerCase();
    document.querySelectorAll('#status-table tbody tr').forEach(function (tr) {
      tr.hidden = text !== '' && tr.textContent.toLowerCase().indexOf(text) < 0;
    });
  });

  EM.session.me('/console/').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    session = me;
    var first = null;
    var any = false;
    document.querySelectorAll('[data-permission]').forEach(function (tab) {
      tab.hidden = !EM.session.can(me, tab.getAttribute('data-permission'));
      any = any || !tab.hidden;
      if (!tab.hidden && !first && tab.hasAttribute('data-tab')) { first = tab.getAttribute('data-tab'); }
    });
    // A session with only page links (accounts, audit) sees them, without the note that it has nothing.
    if (first) { show(first); } else if (!any) { document.getElementById('no-tabs').hidden = false; }
  }).catch(function (e) {
    // A 401 is on its way to the sign-in page.
    if (e.status !== 401) { var note = document.getElementById('no-tabs'); note.hidden = false; EM.showError(note, e); }
  });
})();
