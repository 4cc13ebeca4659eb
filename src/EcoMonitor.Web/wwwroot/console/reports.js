// 报告 (docs/reports.md): the archived report documents (GET /api/v1/reports: every version and format, newest first, each
// a download link) and generating one now (POST /api/v1/reports, permission reports.write, a province or city of the
// caller's jurisdiction). The server decides, and a refusal is shown with its reasons.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var result = document.getElementById('action-result');

  function download(r) {
    return EM.el('a', { href: '/api/v1/reports/' + encodeURIComponent(r.id), download: r.fileName, text: r.fileName });
  }

  function load() {
    var list = document.getElementById('reports');
    list.setAttribute('aria-busy', 'true');
    EM.send('GET', '/api/v1/reports').then(function (answer) {
      list.removeAttribute('aria-busy');
      if (!answer.ok) { EM.showProblem(document.getElementById('reports-message'), answer); return; }
      list.replaceChildren(EM.table([
        { key: 'kind', label: 'reportKind', render: function (r) { return EM.t('reportKind_' + r.kind); } },
        { key: 'region', label: 'reportRegion' },
        { key: 'period', label: 'reportPeriod' },
        { key: 'format', label: 'reportFormat' },
        { key: 'version', label: 'reportVersion', num: true },
        { key: 'size', label: 'reportSize', num: true, render: function (r) { return Math.ceil(r.size / 1024) + ' kB'; } },
        { key: 'generatedAt', label: 'createdAt', render: function (r) { return EM.cst(r.generatedAt) + ' ' + r.generatedBy; } },
        { key: 'fileName', label: 'reportFile', render: download }
      ], answer.body, { id: 'reports-table', rowAttrs: function (r) { return { 'data-report': r.id }; } }));
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  document.getElementById('generate-form').addEventListener('submit', function (e) {
    e.preventDefault();
    result.className = '';
    result.textContent = EM.t('loading');
    EM.send('POST', '/api/v1/reports', {
      kind: document.getElementById('report-kind').value,
      region: document.getElementById('report-region').value.trim(),
      period: document.getElementById('report-period').value.trim()
    }).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      var added = answer.body.filter(function (r) { return r.isNew; }).length;
      EM.showOk(result, EM.t(added ? 'reportGenerated' : 'reportUnchanged').replace('{v}', answer.body[0].version));
      load();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  });

  EM.session.me('/console/reports.html').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    document.getElementById('generate-section').hidden = !EM.session.can(me, 'reports.write');
    load();
  }).catch(function (e) { if (e.status !== 401) { EM.showError(document.getElementById('reports-message'), e); } });
})();
