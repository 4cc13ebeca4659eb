// Console 数据审核: the review queue (GET /api/v1/review/queue) with filters; ticked values are marked valid or invalid
// with a reason code and comment (POST /api/v1/review/decisions, authorised by the console cookie). Values are never
// changed; the queue reloads after a decision.
(function () {
  'use strict';
  var EM = window.EM;
  var STEP = { hour: 3600000, day: 86400000, minute: 60000, realTime: 1000 };
  var queue = [];
  var loaded = false;
  var latest = 0;
  var result = document.getElementById('review-result');

  function cstText(ms) { return new Date(ms + 8 * 3600000).toISOString().slice(0, 19) + '+08:00'; }

  function message(cls, text) { result.className = cls; result.textContent = text; }

  function load() {
    var q = new URLSearchParams();
    ['station', 'from', 'to'].forEach(function (k) { var v = document.getElementById('rv-' + k).value.trim(); if (v) { q.set(k, v); } });
    q.set('interval', document.getElementById('rv-interval').value);
    // Only the newest load may fill the queue: an older, slower one (the whole queue, asked for when the pane opened)
    // must not replace the filtered queue and its ticks. The pane is aria-busy until the newest one is shown.
    var request = ++latest;
    var box = document.getElementById('review-queue');
    box.setAttribute('aria-busy', 'true');
    EM.getJson('/api/v1/review/queue?' + q.toString()).then(function (items) {
      if (request !== latest) { return; }
      queue = items.map(function (f, i) {
        var slash = f.parameter.indexOf('/');
        return { index: i, station: f.parameter.slice(0, slash), parameter: f.parameter.slice(slash + 1), periodStart: f.periodStart, rule: f.rule, severity: f.severity, reason: f.reason };
      });
      var all = EM.el('input', { type: 'checkbox', id: 'rv-all', 'aria-label': EM.t('selectAll') });
      all.addEventListener('change', function () {
        document.querySelectorAll('#review-table input[data-index]').forEach(function (c) { c.checked = all.checked; });
        count();
      });
      var wrap = EM.table([
        { key: 'pick', label: 'selectAll', render: function (f) { return EM.el('input', { type: 'checkbox', 'data-index': String(f.index), 'aria-label': f.station + ' ' + f.parameter + ' ' + f.periodStart }); } },
        { key: 'station', label: 'station' },
        { key: 'parameter', label: 'pollutant' },
        { key: 'periodStart', label: 'hour', render: function (f) { return EM.cst(f.periodStart, true); } },
        { key: 'severity', label: 'severity' },
        { key: 'rule', label: 'rule' },
        { key: 'reason', label: 'reason', render: function (f) { return EM.el('span', { 'class': 'wrap', text: f.reason }); } }
      ], queue, { id: 'review-table', rowAttrs: function (f) { return { 'data-station': f.station, 'data-parameter': f.parameter, 'data-period': f.periodStart }; } });
      box.replaceChildren(EM.el('p', { 'class': 'toolbar' }, [EM.el('span', { id: 'rv-count', text: queue.length + ' / 1000' }), EM.el('label', null, [all, ' ', EM.t('selectAll')])]), wrap);
      box.removeAttribute('aria-busy');
      count();
    }).catch(function (e) {
      if (request !== latest) { return; }
      EM.showError(box, e);
      box.removeAttribute('aria-busy');
    });
  }

  function picked() {
    return Array.prototype.map.call(document.querySelectorAll('#review-table input[data-index]:checked'), function (c) { return queue[Number(c.getAttribute('data-index'))]; });
  }

  function count() { document.getElementById('rv-selected').textContent = EM.t('selected').replace('{n}', picked().length); }

  document.getElementById('review-queue').addEventListener('change', count);
  document.getElementById('review-filter').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.getElementById('review-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var values = picked();
    if (!values.length) { message('error', EM.t('selectFirst')); return; }
    var interval = document.getElementById('rv-interval').value;
    var comment = document.getElementById('rv-comment').value.trim();
    var decisions = values.map(function (v) {
      var start = Date.parse(v.periodStart);
      return {
        station: v.station, parameter: v.parameter, interval: interval, from: v.periodStart, to: cstText(start + STEP[interval]),
        verdict: document.getElementById('rv-verdict').value, reason: document.getElementById('rv-reason').value, comment: comment || null
      };
    });
    fetch('/api/v1/review/decisions', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(decisions) })
      .then(function (r) {
        return r.text().then(function (text) {
          var body = null;
          try { body = JSON.parse(text); } catch (ignored) { /* not JSON */ }
          if (r.ok) {
            message('ok', EM.t('decided').replace('{ids}', body.map(function (d) { return '#' + d.id; }).join(', ')).replace('{n}', body.length));
            load();
          } else {
            message('error', r.status + ' ' + ((body && (body.detail || body.title)) || text));
          }
        });
      });
  });

  document.addEventListener('console-tab', function (e) { if (e.detail === 'review' && !loaded) { loaded = true; load(); } });
})();
