// 审计日志 (docs/audit.md): the audit trail, read-only, for the audit administrator (audit.read). Entries newest first
// (GET /api/v1/audit) filtered by actor, action (exact, or a prefix ending in '.'), subject and days; "older" pages with
// `before`; before/after are shown on demand as text, never as markup. "Verify" checks the hash chain
// (GET /api/v1/audit/verify) and shows the head to note down. Nothing on this page changes anything: every request is a GET.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var message = document.getElementById('audit-message');
  var list = document.getElementById('audit-list');
  var olderButton = document.getElementById('audit-older');
  var newestButton = document.getElementById('audit-newest');
  var PAGE = 100;
  var filter = '';
  var oldest = null;

  // The day after a yyyy-MM-dd (the page's "to" is inclusive, the API's exclusive).
  function nextDay(day) {
    var d = new Date(day + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().substring(0, 10);
  }

  function readFilter() {
    var query = new URLSearchParams();
    function put(name, id, convert) {
      var value = document.getElementById(id).value.trim();
      if (value) { query.set(name, convert ? convert(value) : value); }
    }
    put('actor', 'au-actor');
    put('action', 'au-action');
    put('subjectType', 'au-subject-type');
    put('subjectId', 'au-subject-id');
    put('from', 'au-from');
    put('to', 'au-to', nextDay);
    query.set('limit', String(PAGE));
    return query.toString();
  }

  // The recorded time at +08:00 to the second.
  function when(e) { return e.recordedAt.substring(0, 10) + ' ' + e.recordedAt.substring(11, 19); }

  function json(value) { return value == null ? '—' : JSON.stringify(value, null, 2); }

  // A button that shows the entry's before/after (and its hashes) as text under it.
  function details(e) {
    var pre = EM.el('pre', { 'class': 'frame', hidden: '' });
    pre.textContent = EM.t('auditBefore') + ':\n' + json(e.before) + '\n\n' + EM.t('auditAfter') + ':\n' + json(e.after) +
      '\n\n' + EM.t('auditHash') + ': ' + e.hash + '\n' + EM.t('auditPreviousHash') + ': ' + e.previousHash;
    var b = EM.el('button', { type: 'button', 'class': 'btn secondary audit-details', 'aria-expanded': 'false', text: EM.t('auditShowDetails') });
    b.addEventListener('click', function () {
      pre.hidden = !pre.hidden;
      b.setAttribute('aria-expanded', pre.hidden ? 'false' : 'true');
      b.textContent = EM.t(pre.hidden ? 'auditShowDetails' : 'auditHideDetails');
    });
    return EM.el('div', null, [b, pre]);
  }

  function load(before) {
    message.className = '';
    message.textContent = '';
    list.setAttribute('aria-busy', 'true');
    var url = '/api/v1/audit?' + filter + (before ? '&before=' + before : '');
    EM.send('GET', url).then(function (answer) {
      list.removeAttribute('aria-busy');
      if (answer.status === 403) {
        list.replaceChildren();
        message.className = 'error';
        message.textContent = EM.t('noPermission').replace('{p}', 'audit.read');
        return;
      }
      if (!answer.ok) { list.replaceChildren(); EM.showProblem(message, answer); return; }
      var entries = answer.body;
      oldest = entries.length ? entries[entries.length - 1].sequence : null;
      olderButton.hidden = entries.length < PAGE;
      newestButton.hidden = !before;
      if (!entries.length) { list.replaceChildren(EM.el('p', { 'class': 'note', text: EM.t('auditNone') })); return; }
      list.replaceChildren(EM.table([
        { key: 'sequence', label: 'auditSequence', num: true },
        { key: 'recordedAt', label: 'at', render: when },
        { key: 'actor', label: 'actor' },
        { key: 'address', label: 'auditAddress' },
        { key: 'action', label: 'action' },
        { key: 'subject', label: 'subject', value: function (e) { return e.subjectType + ':' + e.subjectId; }, render: function (e) { return e.subjectType + ' ' + e.subjectId; }, wrap: 'words' },
        { key: 'reason', label: 'reason', wrap: 'words' },
        { key: 'details', label: 'auditDetails', value: function (e) { return e.sequence; }, render: details }
      ], entries, { id: 'audit-table', rowAttrs: function (e) { return { 'data-sequence': String(e.sequence) }; } }));
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  document.getElementById('audit-filter').addEventListener('submit', function (e) {
    e.preventDefault();
    filter = readFilter();
    load(null);
  });
  olderButton.addEventListener('click', function () { if (oldest) { load(oldest); } });
  newestButton.addEventListener('click', function () { load(null); });

  document.getElementById('audit-verify').addEventListener('click', function () {
    var box = document.getElementById('audit-verification');
    box.className = '';
    box.textContent = EM.t('loading');
    EM.send('GET', '/api/v1/audit/verify').then(function (answer) {
      if (!answer.ok) { EM.showProblem(box, answer); return; }
      var v = answer.body;
      box.className = v.intact ? 'ok' : 'error';
      var lines = [
        EM.el('p', { id: 'audit-chain-state', text: EM.t(v.intact ? 'auditIntact' : 'auditBroken').replace('{n}', String(v.entriesChecked)) }),
        EM.el('p', null, [EM.t('auditHead') + ': ', EM.el('code', { id: 'audit-head', text: v.head })])
      ];
      if (!v.intact) {
        lines.push(EM.el('p', { text: EM.t('auditFirstBroken') + ': ' + v.firstBrokenSequence + ' — ' + (v.problem || '') }));
      }
      box.replaceChildren.apply(box, lines);
    }).catch(function (err) { box.className = 'error'; box.textContent = EM.t('failed') + err.message; });
  });

  EM.session.me('/console/audit.html').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    if (!EM.session.can(me, 'audit.read')) {
      list.removeAttribute('aria-busy');
      message.className = 'error';
      message.textContent = EM.t('noPermission').replace('{p}', 'audit.read');
      return;
    }
    filter = readFilter();
    load(null);
  }).catch(function (e) { if (e.status !== 401) { EM.showError(message, e); } });
})();
