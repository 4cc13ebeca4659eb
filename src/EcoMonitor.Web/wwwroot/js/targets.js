// 考核目标完成情况 on rankings.html (docs/standards.md "Assessment targets", ADR 0040): the regions having targets for a
// year (GET /api/v1/targets?year=) to choose from, and the chosen region's progress (GET
// /api/v1/regions/{code}/targets/{year}/progress) — each target, the value to date, the year-end projection and whether
// on track, as a chart with the same numbers as a table, then its sections' classes. Read-only; text is set as text.
(function () {
  'use strict';
  var EM = window.EM;
  var form = document.getElementById('targets-form');
  var yearInput = document.getElementById('targets-year');
  var regionSelect = document.getElementById('targets-region');
  var out = document.getElementById('targets-progress');
  var sectionsOut = document.getElementById('targets-sections');
  var periodOut = document.getElementById('targets-period');
  var params = new URLSearchParams(location.search);
  var wanted = params.get('targetRegion');
  yearInput.value = params.get('targetYear') || String(new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear());

  function yes(v) { return v == null ? '—' : (v ? EM.t('targetsOnTrack') : EM.t('targetsOffTrack')); }
  function romanClass(c) { return c == null ? '—' : (['I', 'II', 'III', 'IV', 'V', '劣V'][c - 1] || String(c)); }

  // geo/regions.json keys: a province by its 2 digits, a city by 4, a county by all 6.
  function name(names, code) {
    var key = /0000$/.test(code) ? code.substring(0, 2) : (/00$/.test(code) ? code.substring(0, 4) : code);
    return names[key] ? names[key][lang()] + '（' + code + '）' : code;
  }
  function lang() { return document.documentElement.lang === 'en' ? 1 : 0; }

  function clear(message) {
    periodOut.textContent = '';
    sectionsOut.replaceChildren();
    out.replaceChildren(EM.el('p', { id: 'targets-none', text: message }));
  }

  function progress() {
    if (!regionSelect.value) { return; }
    out.textContent = EM.t('loading');
    EM.getJson('/api/v1/regions/' + encodeURIComponent(regionSelect.value) + '/targets/' + encodeURIComponent(yearInput.value) + '/progress').then(function (p) {
      periodOut.textContent = (p.restFrom ? EM.t('targetsPeriod') : EM.t('targetsPeriodOver')).replace('{to}', p.toDateLastDay || '—')
        .replace('{restFrom}', p.restFrom || '').replace('{restTo}', p.restTo || '') + (p.hasAirFigures ? '' : ' ' + EM.t('targetsNoAir'));
      var rows = p.measures.map(function (m) {
        return { measure: EM.t('targetsMeasure_' + m.measure), key: m.measure, target: m.target, toDate: m.toDate, projection: m.projection, onTrack: m.onTrack };
      });
      EM.chartBlock(out, function (box) {
        box.style.height = '320px';
        var chart = echarts.init(box);
        chart.setOption({
          animation: false, grid: { left: 60, right: 20, top: 40, bottom: 40 }, tooltip: { trigger: 'axis', formatter: EM.axisTip },
          legend: { data: [EM.t('targetsTarget'), EM.t('targetsToDate'), EM.t('targetsProjection')] },
          xAxis: { type: 'category', data: rows.map(function (r) { return r.measure; }), axisLabel: { fontSize: 11, interval: 0 } },
          yAxis: { type: 'value' },
          series: [
            { type: 'bar', name: EM.t('targetsTarget'), data: rows.map(function (r) { return r.target; }), itemStyle: { color: '#888888' } },
            { type: 'bar', name: EM.t('targetsToDate'), data: rows.map(function (r) { return r.toDate; }), itemStyle: { color: '#0b4f8a' } },
            { type: 'bar', name: EM.t('targetsProjection'), data: rows.map(function (r) { return r.projection; }), itemStyle: { color: '#d9822b' } }
          ]
        });
        return chart;
      }, function () {
        return EM.table([
          { key: 'measure', label: 'targetsMeasure' }, { key: 'target', label: 'targetsTarget', num: true },
          { key: 'toDate', label: 'targetsToDate', num: true }, { key: 'projection', label: 'targetsProjection', num: true },
          { key: 'onTrack', label: 'targetsOnTrackColumn', render: function (r) { return yes(r.onTrack); } }
        ], rows.slice(), { id: 'targets-progress-table', rowAttrs: function (r) { return { 'data-measure': r.key }; } });
      });
      sectionsOut.replaceChildren(p.sections.length ? EM.table([
        { key: 'mn', label: 'MN' }, { key: 'name', label: 'targetsSectionName' },
        { key: 'targetClass', label: 'targetsTargetClass', render: function (s) { return romanClass(s.targetClass) + (s.yearTarget ? '' : ' ' + EM.t('targetsFromRegistry')); } },
        { key: 'classToDate', label: 'targetsToDate', render: function (s) { return romanClass(s.classToDate); } },
        { key: 'projectedClass', label: 'targetsProjection', render: function (s) { return romanClass(s.projectedClass); } },
        { key: 'onTrack', label: 'targetsOnTrackColumn', render: function (s) { return yes(s.onTrack); } }
      ], p.sections, { id: 'targets-sections-table', rowAttrs: function (s) { return { 'data-mn': s.mn }; } }) : '');
    }).catch(function (e) { EM.showError(out, e); });
  }

  function regions() {
    out.textContent = EM.t('loading');
    Promise.all([EM.getJson('/api/v1/targets?year=' + encodeURIComponent(yearInput.value)), EM.regions()]).then(function (r) {
      var previous = wanted || regionSelect.value;
      wanted = null;
      regionSelect.replaceChildren.apply(regionSelect, r[0].map(function (t) { return EM.el('option', { value: t.region, text: name(r[1], t.region) }); }));
      if (!r[0].length) { clear(EM.t('portalTargetsNone')); return; }
      if (r[0].some(function (t) { return t.region === previous; })) { regionSelect.value = previous; }
      progress();
    }).catch(function (e) { EM.showError(out, e); });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); regions(); });
  yearInput.addEventListener('change', regions);
  regionSelect.addEventListener('change', progress);
  regions();
})();
