// 公开报告 on the downloads page: the published report documents (GET /api/v1/reports, public kinds only, newest first,
// at most 200), one row per kind, region, period and version with a link per format (GET /api/v1/reports/{id}). Kinds
// are listed generically: a kind this page has no name for shows its code. Filters go to the API (kind, region — that
// region and those inside it — and period).
(function () {
  'use strict';
  var EM = window.EM;
  var kind = document.getElementById('bulletin-kind');
  var region = document.getElementById('bulletin-region');
  var period = document.getElementById('bulletin-period');
  var list = document.getElementById('bulletins');
  var names = {};

  function kindName(code) {
    var key = 'reportKind_' + code;
    var text = EM.t(key);
    return text === key ? code : text;
  }

  // Rows of one kind, region, period and version, each with its formats' ids; in the API's order (newest first).
  function group(reports) {
    var rows = [];
    var byKey = {};
    reports.forEach(function (r) {
      var key = [r.kind, r.region, r.period, r.version].join('|');
      if (!byKey[key]) {
        byKey[key] = { kind: r.kind, region: r.region, period: r.period, version: r.version, generatedAt: r.generatedAt, files: [] };
        rows.push(byKey[key]);
      }
      byKey[key].files.push(r);
    });
    return rows;
  }

  function links(row) {
    var order = { pdf: 1, docx: 2, xlsx: 3 };
    var files = row.files.slice().sort(function (a, b) { return (order[a.format] || 9) - (order[b.format] || 9); });
    return EM.el('span', { 'class': 'links' }, files.map(function (f) {
      return EM.el('a', { href: '/api/v1/reports/' + encodeURIComponent(f.id), download: f.fileName, 'data-format': f.format, text: f.format.toUpperCase() + ' ' });
    }));
  }

  function show(reports) {
    var rows = group(reports);
    list.setAttribute('data-shown', String(rows.length));
    if (!rows.length) { list.replaceChildren(EM.el('p', { 'class': 'note', text: EM.t('bulletinNone') })); return; }
    list.replaceChildren(EM.table([
      { key: 'kind', label: 'bulletinKind', value: function (r) { return kindName(r.kind); }, render: function (r) { return kindName(r.kind); } },
      { key: 'region', label: 'region', value: function (r) { return r.region; }, render: function (r) { return EM.regionName(names, r.region) + ' (' + r.region + ')'; }, wrap: true },
      { key: 'period', label: 'bulletinPeriodColumn' },
      { key: 'version', label: 'reportVersion', num: true },
      { key: 'generatedAt', label: 'bulletinGeneratedAt', render: function (r) { return EM.cst(r.generatedAt, true); } },
      { key: 'files', label: 'bulletinFiles', render: links }
    ], rows, { id: 'bulletins-table', rowAttrs: function (r) { return { 'data-kind': r.kind, 'data-region': r.region, 'data-period': r.period, 'data-version': String(r.version) }; } }));
  }

  function load() {
    var q = new URLSearchParams();
    if (kind.value) { q.set('kind', kind.value); }
    if (region.value) { q.set('region', region.value); }
    if (period.value.trim() && period.checkValidity()) { q.set('period', period.value.trim()); }
    list.setAttribute('aria-busy', 'true');
    list.removeAttribute('data-shown');
    return EM.getJson('/api/v1/reports' + (q.toString() ? '?' + q.toString() : '')).then(function (reports) {
      list.removeAttribute('aria-busy');
      show(reports);
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  // The kinds and regions to filter by: those of the published reports.
  Promise.all([EM.getJson('/api/v1/reports'), EM.regions()]).then(function (r) {
    names = r[1];
    var kinds = {};
    var regions = {};
    r[0].forEach(function (x) { kinds[x.kind] = true; regions[x.region] = true; });
    Object.keys(kinds).sort().forEach(function (k) { kind.appendChild(EM.el('option', { value: k, text: kindName(k) })); });
    Object.keys(regions).sort().forEach(function (c) { region.appendChild(EM.el('option', { value: c, text: EM.regionName(names, c) + ' (' + c + ')' })); });
    show(r[0]);
    [kind, region].forEach(function (e) { e.addEventListener('change', load); });
    period.addEventListener('change', load);
  }).catch(function (e) { EM.showError(list, e); });
})();
