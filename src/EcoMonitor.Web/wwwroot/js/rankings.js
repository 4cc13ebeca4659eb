// Cities ranked for a month or a year by the measure chosen (GET /api/v1/rankings/cities?by=&dust=): the comprehensive
// index, its improvement against last year, the good-day ratio or a pollutant, with or without dust days; a chart and a table.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('rankings.html');
  var form = document.getElementById('period-form');
  var monthInput = document.getElementById('month');
  var yearInput = document.getElementById('year');
  var out = document.getElementById('ranking');

  form.querySelectorAll('input[name=kind]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      var isYear = form.kind.value === 'year';
      monthInput.hidden = isYear; yearInput.hidden = !isYear;
    });
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); load(); });

  function period() {
    if (form.kind.value === 'year') {
      var y = parseInt(yearInput.value, 10);
      return { from: y + '-01-01', to: (y + 1) + '-01-01', label: y + '' };
    }
    var parts = monthInput.value.split('-');
    var year = parseInt(parts[0], 10), month = parseInt(parts[1], 10);
    var next = month === 12 ? (year + 1) + '-01' : year + '-' + String(month + 1).padStart(2, '0');
    return { from: monthInput.value + '-01', to: next + '-01', label: monthInput.value };
  }

  function load() {
    var p = period();
    out.textContent = EM.t('loading');
    var by = document.getElementById('by').value;
    var dust = document.getElementById('dust').value;
    var label = by === 'index' || by === 'improvement' || by === 'goodDays' ? EM.t('by_' + by) : document.getElementById('by').selectedOptions[0].textContent;
    var query = '&by=' + encodeURIComponent(by) + '&dust=' + encodeURIComponent(dust);
    Promise.all([EM.getJson('/api/v1/rankings/cities?from=' + p.from + '&to=' + p.to + query), EM.regions()]).then(function (r) {
      var names = r[1];
      var rows = r[0].map(function (c) {
        var s = c.statistics;
        var pm25 = s.items.find(function (i) { return i.pollutant === 'PM2.5'; });
        return {
          rank: c.rank, city: EM.regionName(names, c.city), value: c.value, lastYear: c.lastYear, change: c.change, index: c.comprehensiveIndex,
          good: s.goodDayShare, validDays: s.validDays, pm25: pm25 ? pm25.mean : null, max: s.maxIndexPollutant
        };
      });
      document.getElementById('period-label').textContent = EM.t('periodRange').replace('{from}', p.from).replace('{to}', p.to);
      if (!rows.length) { out.replaceChildren(EM.el('p', { text: EM.t('noRanking') })); return; }
      EM.chartBlock(out, function (box) {
        box.style.height = Math.max(300, rows.length * 18 + 60) + 'px';
        var chart = echarts.init(box);
        chart.setOption({
          animation: false, grid: { left: 110, right: 20, top: 10, bottom: 30 }, tooltip: { trigger: 'axis', formatter: EM.axisTip },
          yAxis: { type: 'category', inverse: true, data: rows.map(function (x) { return x.rank + '. ' + x.city; }), axisLabel: { fontSize: 11 } },
          xAxis: { type: 'value', name: by === 'improvement' ? EM.t('rankChange') + ' %' : label },
          series: [{ type: 'bar', name: label, data: rows.map(function (x) { return by === 'improvement' ? x.change : x.value; }), itemStyle: { color: '#0b4f8a' } }]
        });
        return chart;
      }, function () {
        return EM.table([
          { key: 'rank', label: 'rank', num: true }, { key: 'city', label: 'city' }, { key: 'value', label: 'rankValue', num: true },
          { key: 'lastYear', label: 'rankLastYear', num: true }, { key: 'change', label: 'rankChange', num: true }, { key: 'index', label: 'index', num: true },
          { key: 'good', label: 'goodShare', num: true }, { key: 'pm25', label: 'PM2.5 µg/m³', num: true },
          { key: 'validDays', label: 'validDays', num: true }, { key: 'max', label: 'maxPollutant' }
        ], rows.slice(), { id: 'ranking-table' });
      });
    }).catch(function (e) { EM.showError(out, e); });
  }

  load();
})();
