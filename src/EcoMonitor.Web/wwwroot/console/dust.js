// 沙尘天气影响日 (docs/standards.md "Dust and sand"): the dust-day register of one month (GET /api/v1/dust-days?period=),
// marking a city's day (PUT /api/v1/dust-days/{city}/{day} with a note) and removing a mark after a confirmation
// (DELETE …); writes need dust-days.write (managers and data reviewers) and a city in the person's jurisdiction — the
// server decides, and a refusal is shown with its reasons. Text from the server is set as text, never as markup.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var result = document.getElementById('action-result');
  var month = document.getElementById('dust-month');
  var canWrite = false;

  function path(d) { return '/api/v1/dust-days/' + encodeURIComponent(d.city) + '/' + encodeURIComponent(d.day); }

  function unmarkButton(d) {
    if (!canWrite) { return ''; }
    var b = EM.el('button', { type: 'button', 'class': 'btn secondary', 'data-action': 'unmark', text: EM.t('dustUnmark') });
    b.addEventListener('click', function () {
      if (!window.confirm(EM.t('confirmUnmark').replace('{city}', d.city).replace('{day}', d.day))) { return; }
      result.className = '';
      result.textContent = EM.t('loading');
      EM.send('DELETE', path(d)).then(function (answer) {
        if (!answer.ok) { EM.showProblem(result, answer); return; }
        EM.showOk(result, EM.t('done').replace('{what}', EM.t('dustUnmark') + ' ' + d.city + ' ' + d.day));
        load();
      }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
    });
    return b;
  }

  function load() {
    var list = document.getElementById('dust-days');
    list.setAttribute('aria-busy', 'true');
    EM.send('GET', '/api/v1/dust-days?period=' + encodeURIComponent(month.value)).then(function (answer) {
      list.removeAttribute('aria-busy');
      if (!answer.ok) { EM.showProblem(document.getElementById('dust-message'), answer); return; }
      list.replaceChildren(EM.table([
        { key: 'city', label: 'dustCity' },
        { key: 'day', label: 'dustDay' },
        { key: 'note', label: 'dustNoteInput' },
        { key: 'markedAt', label: 'dustMarkedAt', render: function (d) { return EM.cst(d.markedAt); } },
        { key: 'actions', label: 'actions', value: function () { return 0; }, render: unmarkButton }
      ], answer.body, { id: 'dust-table', rowAttrs: function (d) { return { 'data-dust': d.city + '/' + d.day }; } }));
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  document.getElementById('mark-form').addEventListener('submit', function (e) {
    e.preventDefault();
    result.className = '';
    result.textContent = EM.t('loading');
    var d = { city: document.getElementById('dust-city').value.trim(), day: document.getElementById('dust-day').value };
    EM.send('PUT', path(d), { note: document.getElementById('dust-note').value.trim() }).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      EM.showOk(result, EM.t('done').replace('{what}', EM.t('dustMark') + ' ' + answer.body.city + ' ' + answer.body.day));
      month.value = answer.body.day.substring(0, 7);
      load();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  });

  var now = new Date(Date.now() + 8 * 3600 * 1000);
  month.value = now.toISOString().substring(0, 7);
  month.addEventListener('change', load);

  EM.session.me('/console/dust.html').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    canWrite = EM.session.can(me, 'dust-days.write');
    document.getElementById('mark-section').hidden = !canWrite;
    if (!canWrite) {
      var message = document.getElementById('dust-message');
      message.className = 'error';
      message.textContent = EM.t('noPermission').replace('{p}', 'dust-days.write');
    }
    load();
  }).catch(function (e) { if (e.status !== 401) { EM.showError(document.getElementById('dust-message'), e); } });
})();
