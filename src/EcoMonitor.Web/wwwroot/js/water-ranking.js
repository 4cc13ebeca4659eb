// Surface-water rankings and ratings for a month: cities by CWQI (GET /api/v1/rankings/water/cities), basins by the
// shares of their sections' classes (GET /api/v1/rankings/water/basins) and lakes by their trophic level index
// (GET /api/v1/water/lakes/trophic) — each a chart with its table. Names from the API are set as text, never markup.
(function () {
  'use strict';
  var EM = window.EM;
  var COLOURS = ['#2f7de1', '#2f7de1', '#2fb344', '#f5d800', '#ff8c00', '#e02020'];
  var CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'];
  var QUALITY = { '优': 1, '良好': 3, '轻度污染': 4, '中度污染': 5, '重度污染': 6 };
  var form = document.getElementById('water-ranking-form');
  var monthInput = document.getElementById('water-month');
  var params = new URLSearchParams(location.search);
  if (params.get('month')) { monthInput.value = params.get('month'); }
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });

  function className(i) { return i === 5 ? EM.t('classWorseThanV') : CLASSES[i]; }
  function rating(word) { return QUALITY[word] ? EM.t('waterQuality_' + QUALITY[word]) : word; }
  function state(lake) {
    return lake.state ? EM.t('trophic_' + lake.state) : EM.t('trophicNotRated').replace('{items}', lake.missingItems.join(', '));
  }

  function period() {
    var parts = monthInput.value.split('-');
    var year = parseInt(parts[0], 10), month = parseInt(parts[1], 10);
    var next = month === 12 ? (year + 1) + '-01' : year + '-' + String(month + 1).padStart(2, '0');
    return { from: monthInput.value + '-01', to: next + '-01' };
  }

  function barHeight(count) { return Math.max(220, count * 26 + 70) + 'px'; }

  function cities(out, rows, names) {
    if (!rows.length) { out.replaceChildren(EM.el('p', { text: EM.t('noWaterData') })); return; }
    EM.chartBlock(out, function (box) {
      box.style.height = barHeight(rows.length);
      var chart = echarts.init(box);
      chart.setOption({
        animation: false, grid: { left: 120, right: 20, top: 10, bottom: 30 }, tooltip: { trigger: 'axis', formatter: EM.axisTip },
        yAxis: { type: 'category', inverse: true, data: rows.map(function (c) { return c.rank + '. ' + EM.regionName(names, c.city); }) },
        xAxis: { type: 'value', name: 'CWQI' },
        series: [{ type: 'bar', name: 'CWQI', data: rows.map(function (c) { return c.cwqi; }), itemStyle: { color: '#0b4f8a' } }]
      });
      return chart;
    }, function () {
      return EM.table([
        { key: 'rank', label: 'rank', num: true },
        { key: 'city', label: 'city', value: function (c) { return EM.regionName(names, c.city); }, render: function (c) { return EM.regionName(names, c.city); } },
        { key: 'cwqi', label: 'cwqi', num: true }, { key: 'lastYear', label: 'rankLastYear', num: true },
        { key: 'change', label: 'cwqiChange', num: true }, { key: 'sections', label: 'sectionCount', num: true },
        { key: 'targetShare', label: 'targetShare', num: true }
      ], rows.slice(), { id: 'water-cities-table', rowAttrs: function (c) { return { 'data-code': c.city }; } });
    });
  }

  function basins(out, rows) {
    if (!rows.length) { out.replaceChildren(EM.el('p', { text: EM.t('noWaterData') })); return; }
    EM.chartBlock(out, function (box) {
      box.style.height = barHeight(rows.length);
      var chart = echarts.init(box);
      chart.setOption({
        animation: false, grid: { left: 120, right: 20, top: 30, bottom: 30 }, tooltip: { trigger: 'axis', formatter: EM.axisTip },
        legend: { top: 0, data: CLASSES.map(function (c, i) { return className(i); }) },
        yAxis: { type: 'category', inverse: true, data: rows.map(function (b) { return b.name; }) },
        xAxis: { type: 'value', max: 100, name: '%' },
        series: CLASSES.map(function (c, i) {
          return { type: 'bar', stack: 'share', name: className(i), itemStyle: { color: COLOURS[i] }, data: rows.map(function (b) { return b.classShares[i]; }) };
        })
      });
      return chart;
    }, function () {
      return EM.table([
        { key: 'name', label: 'basin' }, { key: 'sections', label: 'sectionCount', num: true },
        { key: 'goodShare', label: 'goodShareWater', num: true }, { key: 'worstShare', label: 'worstShareWater', num: true },
        { key: 'rating', label: 'waterRating', render: function (b) { return rating(b.rating); } },
        { key: 'mainItems', label: 'mainItems', value: function (b) { return b.mainItems.join(','); }, render: function (b) { return b.mainItems.length ? b.mainItems.join(', ') : EM.t('none'); } }
      ], rows.slice(), { id: 'water-basins-table', rowAttrs: function (b) { return { 'data-name': b.name }; } });
    });
  }

  function lakes(out, rows) {
    if (!rows.length) { out.replaceChildren(EM.el('p', { text: EM.t('noWaterData') })); return; }
    EM.chartBlock(out, function (box) {
      box.style.height = barHeight(rows.length);
      var chart = echarts.init(box);
      chart.setOption({
        animation: false, grid: { left: 120, right: 20, top: 10, bottom: 30 }, tooltip: { trigger: 'axis', formatter: EM.axisTip },
        yAxis: { type: 'category', inverse: true, data: rows.map(function (l) { return l.name; }) },
        xAxis: { type: 'value', name: 'TLI(Σ)' },
        series: [{ type: 'bar', name: 'TLI(Σ)', data: rows.map(function (l) { return l.tli; }), itemStyle: { color: '#2f7de1' } }]
      });
      return chart;
    }, function () {
      return EM.table([
        { key: 'name', label: 'lake' }, { key: 'sections', label: 'sectionCount', num: true },
        { key: 'tli', label: 'tli', num: true }, { key: 'state', label: 'trophicState', render: state },
        { key: 'className', label: 'waterClass', render: function (l) { return l.className === '劣V' ? EM.t('classWorseThanV') : l.className; } },
        { key: 'tp', label: 'TP mg/L', num: true }, { key: 'tn', label: 'TN mg/L', num: true }, { key: 'codMn', label: 'CODMn mg/L', num: true }
      ], rows.slice(), { id: 'water-lakes-table', rowAttrs: function (l) { return { 'data-name': l.name }; } });
    });
  }

  function load() {
    var p = period();
    var query = '?from=' + p.from + '&to=' + p.to;
    var outs = ['water-cities', 'water-basins', 'water-lakes'].map(function (id) { return document.getElementById(id); });
    outs.forEach(function (o) { o.textContent = EM.t('loading'); });
    document.getElementById('water-period').textContent = EM.t('periodRange').replace('{from}', p.from).replace('{to}', p.to);
    Promise.all([
      EM.getJson('/api/v1/rankings/water/cities' + query), EM.getJson('/api/v1/rankings/water/basins' + query),
      EM.getJson('/api/v1/water/lakes/trophic' + query), EM.regions()
    ]).then(function (r) {
      cities(outs[0], r[0], r[3]);
      basins(outs[1], r[1]);
      lakes(outs[2], r[2]);
    }).catch(function (e) { outs.forEach(function (o) { EM.showError(o, e); }); });
  }

  load();
})();
