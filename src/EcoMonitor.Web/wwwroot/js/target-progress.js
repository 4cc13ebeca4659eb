// The progress of a region's targets (GET /api/v1/regions/{code}/targets/{year}/progress, ADR 0040) as both the
// console's 考核目标 page and the portal's rankings page show it: the period line; each target with the value to date,
// the year-end projection and whether on track, as a chart with the same numbers as a table; the sections' classes.
// Text is set as text. Needs js/common.js (EM) and ECharts.
(function () {
  'use strict';
  var EM = window.EM;

  function yes(v) { return v == null ? '—' : (v ? EM.t('targetsOnTrack') : EM.t('targetsOffTrack')); }
  function romanClass(c) { return c == null ? '—' : (['I', 'II', 'III', 'IV', 'V', '劣V'][c - 1] || String(c)); }

  function chart(rows) {
    return function (box) {
      box.style.height = '320px';
      var instance = echarts.init(box);
      instance.setOption({
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
      return instance;
    };
  }

  /**
   * Shows progress p: the period line into period, the measures' chart and table (id ids.measures) into out, the
   * sections' table (id ids.sections) into sectionsOut.
   */
  EM.showTargetProgress = function (p, period, out, sectionsOut, ids) {
    period.textContent = (p.restFrom ? EM.t('targetsPeriod') : EM.t('targetsPeriodOver')).replace('{to}', p.toDateLastDay || '—')
      .replace('{restFrom}', p.restFrom || '').replace('{restTo}', p.restTo || '') + (p.hasAirFigures ? '' : ' ' + EM.t('targetsNoAir'));
    var rows = p.measures.map(function (m) {
      return { measure: EM.t('targetsMeasure_' + m.measure), key: m.measure, target: m.target, toDate: m.toDate, projection: m.projection, onTrack: m.onTrack };
    });
    EM.chartBlock(out, chart(rows), function () {
      return EM.table([
        { key: 'measure', label: 'targetsMeasure' }, { key: 'target', label: 'targetsTarget', num: true },
        { key: 'toDate', label: 'targetsToDate', num: true }, { key: 'projection', label: 'targetsProjection', num: true },
        { key: 'onTrack', label: 'targetsOnTrackColumn', render: function (r) { return yes(r.onTrack); } }
      ], rows.slice(), { id: ids.measures, rowAttrs: function (r) { return { 'data-measure': r.key }; } });
    });
    sectionsOut.replaceChildren(p.sections.length ? EM.table([
      { key: 'mn', label: 'MN' }, { key: 'name', label: 'targetsSectionName' },
      { key: 'targetClass', label: 'targetsTargetClass', render: function (s) { return romanClass(s.targetClass) + (s.yearTarget ? '' : ' ' + EM.t('targetsFromRegistry')); } },
      { key: 'classToDate', label: 'targetsToDate', render: function (s) { return romanClass(s.classToDate); } },
      { key: 'projectedClass', label: 'targetsProjection', render: function (s) { return romanClass(s.projectedClass); } },
      { key: 'onTrack', label: 'targetsOnTrackColumn', render: function (s) { return yes(s.onTrack); } }
    ], p.sections, { id: ids.sections, rowAttrs: function (s) { return { 'data-mn': s.mn }; } }) : '');
  };
})();
