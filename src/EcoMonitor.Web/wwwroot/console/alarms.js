// Console 报警督办: the alarm list (GET /api/v1/alarms) with filters; one alarm's frozen evidence and timeline
// (GET /api/v1/alarms/{id}); workflow buttons (POST /api/v1/alarms/{id}/{action}, authorised by the console cookie).
// Every action is offered: the server decides, and a refusal (409) is shown with its reason.
(function () {
  'use strict';
  var EM = window.EM;
  var ACTIONS = ['acknowledge', 'dispatch', 'feedback', 'verify', 'reject', 'escalate', 'dismiss'];
  var loaded = false;
  var latest = 0;

  function problemText(status, text) {
    try { var j = JSON.parse(text); return status + ' ' + (j.detail || j.title || text); } catch (ignored) { return status + ' ' + text; }
  }

  function load() {
    var q = new URLSearchParams();
    [['state', 'al-state'], ['severity', 'al-severity'], ['station', 'al-station'], ['region', 'al-region']].forEach(function (p) {
      var v = document.getElementById(p[1]).value.trim();
      if (v) { q.set(p[0], v); }
    });
    if (document.getElementById('al-open').checked) { q.set('open', 'true'); }
    q.set('limit', '500');
    // Only the newest load may fill the list (an older, slower one must not replace a filtered list).
    var request = ++latest;
    EM.getJson('/api/v1/alarms?' + q.toString()).then(function (alarms) {
      if (request !== latest) { return; }
      document.getElementById('alarm-list').replaceChildren(alarms.length ? EM.table([
        { key: 'id', label: 'alarmId', render: function (a) { return '#' + a.id; } },
        { key: 'raisedAt', label: 'raisedAt', render: function (a) { return EM.cst(a.raisedAt, true); } },
        { key: 'severity', label: 'severity', render: function (a) { return named('severity_', a.severity); } },
        { key: 'state', label: 'state', render: function (a) { return named('state_', a.state); } },
        { key: 'subjectName', label: 'subject', render: function (a) { return a.subjectName + ' (' + a.subject + ')'; } },
        { key: 'ruleId', label: 'rule' },
        { key: 'parameter', label: 'pollutant' },
        { key: 'limit', label: 'limit' },
        { key: 'peak', label: 'peak' },
        { key: 'hits', label: 'hits' },
        { key: 'open', label: 'details', render: function (a) {
          var b = EM.el('button', { type: 'button', 'class': 'btn', 'data-alarm': String(a.id), text: EM.t('details') });
          b.addEventListener('click', function () { detail(a.id); });
          return b;
        } }
      ], alarms, { id: 'alarm-table', rowAttrs: function (a) { return { 'data-alarm-row': String(a.id), 'data-state': a.state }; } }) : EM.el('p', { text: EM.t('none') }));
    }).catch(function (e) { if (request === latest) { EM.showError(document.getElementById('alarm-list'), e); } });
  }

  function field(id, label, type) {
    return EM.el('label', null, [EM.el('span', { text: EM.t(label) }), ' ', EM.el('input', { id: id, type: type || 'text' })]);
  }

  function detail(id, note) {
    var box = document.getElementById('alarm-detail');
    EM.getJson('/api/v1/alarms/' + id).then(function (d) {
      var a = d.alarm, ev = d.evidence || {};
      var out = [EM.el('h2', { id: 'alarm-title', text: '#' + a.id + ' ' + a.subjectName + ' · ' + a.ruleId + ' · ' + named('severity_', a.severity) }),
        EM.el('p', { id: 'alarm-state', 'data-state': a.state, text: EM.t('state') + ': ' + named('state_', a.state) + (a.isActive ? ' · active' : '') +
          (a.assignedUnit ? ' · ' + EM.t('unit') + ': ' + a.assignedUnit : '') + (a.deadline ? ' · ' + EM.t('deadline') + ': ' + EM.cst(a.deadline, true) : '') })];
      if (a.enterprise) { out.push(EM.el('p', { id: 'alarm-enterprise', text: EM.t('enterprise') + ': ' + a.enterprise })); }
      var form = EM.el('div', { 'class': 'toolbar', id: 'alarm-form' }, [
        field('al-by', 'by'), field('al-unit', 'unit'), field('al-deadline', 'deadline', 'datetime-local'),
        field('al-cause', 'cause'), field('al-measures', 'measures'), field('al-comment', 'comment')]);
      var buttons = EM.el('div', { 'class': 'toolbar', id: 'alarm-actions' });
      ACTIONS.forEach(function (action) {
        var b = EM.el('button', { type: 'button', 'class': 'btn', 'data-action': action, text: EM.t('act_' + action) });
        b.addEventListener('click', function () { act(a.id, action); });
        buttons.appendChild(b);
      });
      var result = EM.el('p', { id: 'alarm-result', role: 'status' });
      if (note) { result.className = note.cls; result.textContent = note.text; }
      out.push(form, buttons, result);
      out.push(EM.el('h3', { text: EM.t('evidence') }),
        EM.el('p', { text: EM.t('limit') + ': ' + (ev.limit == null ? '—' : ev.limit) + ' (' + (ev.limitSource || '') + (ev.permitNumber ? ' ' + ev.permitNumber : '') + ')' }));
      if (ev.values && ev.values.length) {
        out.push(EM.el('h4', { text: EM.t('values') }), EM.table([
          { key: 'periodStart', label: 'hour', render: function (v) { return EM.cst(v.periodStart, true); } },
          { key: 'value', label: 'value' }, { key: 'flag', label: 'outcome' }
        ], ev.values.slice(), { id: 'evidence-values' }));
      }
      if (ev.frames && ev.frames.length) {
        out.push(EM.el('h4', { text: EM.t('rawFrames') }), EM.table([
          { key: 'receivedAt', label: 'receivedAt', render: function (f) { return EM.cst(f.receivedAt, true); } },
          { key: 'outcome', label: 'outcome' },
          { key: 'text', label: 'text', render: function (f) { return EM.el('code', { 'class': 'code-wrap', text: f.text }); } }
        ], ev.frames.slice(), { id: 'evidence-frames' }));
      }
      out.push(EM.el('h3', { text: EM.t('timeline') }), EM.table([
        { key: 'sequence', label: 'sequence' },
        { key: 'at', label: 'at', render: function (s) { return EM.cst(s.at, true); } },
        { key: 'actor', label: 'actor' }, { key: 'action', label: 'action', render: function (s) { return named('step_', s.action); } },
        { key: 'stateAfter', label: 'stateAfter', render: function (s) { return named('state_', s.stateAfter); } },
        { key: 'detail', label: 'detail', render: function (s) { return EM.el('code', { 'class': 'code-wrap', text: JSON.stringify(s.detail) }); } }
      ], d.timeline.slice(), { id: 'alarm-timeline', rowAttrs: function (s) { return { 'data-step': s.action }; } }));
      box.replaceChildren.apply(box, out);
    }).catch(function (e) { EM.showError(box, e); });
  }

  // A code's name in the page's language (step_<action>, state_<state>, severity_<severity>); a code this page does not
  // know yet shows as sent.
  function named(prefix, code) {
    if (code == null) { return ''; }
    var label = EM.t(prefix + code);
    return label === prefix + code ? code : label;
  }

  function value(id) { var v = document.getElementById(id).value.trim(); return v === '' ? null : v; }

  function act(id, action) {
    var deadline = value('al-deadline');
    var body = {
      by: value('al-by'), unit: value('al-unit'), deadline: deadline ? deadline + (deadline.length === 16 ? ':00' : '') + '+08:00' : null,
      cause: value('al-cause'), measures: value('al-measures'), comment: value('al-comment'), attachments: []
    };
    fetch('/api/v1/alarms/' + id + '/' + action, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (text) {
          if (r.ok) {
            var state = '';
            try { var j = JSON.parse(text); state = (j.alarm || j).state || ''; } catch (ignored) { /* no body */ }
            detail(id, { cls: 'ok', text: EM.t('actionDone').replace('{action}', EM.t('act_' + action)).replace('{state}', named('state_', state)) });
            load();
          } else {
            var p = document.getElementById('alarm-result');
            p.className = 'error';
            p.textContent = EM.t('refused') + problemText(r.status, text);
          }
        });
      });
  }

  document.getElementById('alarm-filter').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  document.addEventListener('console-tab', function (e) { if (e.detail === 'alarms' && !loaded) { loaded = true; load(); } });
})();
