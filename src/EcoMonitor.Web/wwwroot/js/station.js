// A station's page: latest hourly AQI with its HJ 633 level, colour and advice; 24-hour and 30-day charts per item, each also as a table.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var mn = EM.params.get('mn') || '';
  var hourlyItems = [['aqi', 'AQI'], ['pm25', 'PM2.5'], ['pm10', 'PM10'], ['o3', 'O3'], ['no2', 'NO2'], ['so2', 'SO2'], ['co', 'CO']];
  var dailyItems = { aqi: 'aqi', pm25: 'pm25', pm10: 'pm10', o3: 'o3MaxEightHour', no2: 'no2', so2: 'so2', co: 'co' };
  var units = { aqi: '', pm25: 'µg/m³', pm10: 'µg/m³', o3: 'µg/m³', no2: 'µg/m³', so2: 'µg/m³', co: 'mg/m³' };

  function addHour(iso, hours) {
    var d = new Date(Date.parse(iso) + hours * 3600000 + 8 * 3600000);
    return d.toISOString().substring(0, 19) + '+08:00';
  }

  EM.getJson('/api/v1/stations/' + encodeURIComponent(mn)).then(function (station) {
    document.getElementById('station-name').textContent = station.name;
    document.title = station.name + ' · EcoMonitor';
    return Promise.all([EM.getJson('/api/v1/aqi/current/stations'), EM.levels(), EM.regions()]).then(function (r) {
      var current = r[0].find(function (s) { return s.mn === mn; }) || { hourStart: null };
      document.getElementById('station-meta').textContent = station.mn + ' · ' + EM.regionName(r[2], station.region);
      renderLevels(r[1]);
      if (!current.hourStart) { document.getElementById('current-aqi').textContent = EM.t('noData'); return null; }
      var to = addHour(current.hourStart, 1);
      var hourlyFrom = addHour(current.hourStart, -23);
      var dailyTo = to.substring(0, 10);
      var dailyFrom = new Date(Date.parse(dailyTo + 'T00:00:00+08:00') - 29 * 86400000 + 8 * 3600000).toISOString().substring(0, 10);
      var q = function (interval, from, until) { return '/api/v1/stations/' + encodeURIComponent(mn) + '/aqi?interval=' + interval + '&from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(until); };
      var nextDay = new Date(Date.parse(dailyTo + 'T00:00:00+08:00') + 86400000 + 8 * 3600000).toISOString().substring(0, 10);
      return Promise.all([EM.getJson(q('hour', hourlyFrom, to)), EM.getJson(q('day', dailyFrom, nextDay))]).then(function (d) {
        renderCurrent(d[0][d[0].length - 1], r[1]);
        setUpCharts(d[0], d[1]);
      });
    });
  }).catch(function (e) {
    document.getElementById('station-name').textContent = e.status === 404 ? EM.t('notFound') : EM.t('stationTitle');
    EM.showError(document.getElementById('current-aqi'), e);
  });

  function renderCurrent(hour, levels) {
    var box = document.getElementById('current-aqi');
    if (!hour || hour.aqi == null) { box.textContent = EM.t('noData'); return; }
    var level = levels[hour.level - 1];
    box.replaceChildren(
      EM.el('span', { 'class': 'big-aqi', style: 'background:' + level.colour + ';color:' + EM.levelTextColour(hour.level), text: String(hour.aqi) }),
      EM.el('div', null, [EM.el('strong', { text: EM.levelText(level, 'levelName') + ' · ' + EM.categoryName(hour.level, hour.category) })]),
      EM.el('div', { text: EM.t('primary') + ': ' + (hour.primary.join(', ') || '—') }),
      EM.el('div', { text: EM.t('hour') + ': ' + EM.cst(hour.hourStart) }));
    document.getElementById('health').textContent = EM.levelText(level, 'healthEffect');
    document.getElementById('advice').textContent = EM.levelText(level, 'advice');
    if (EM.lang === 'en' && level.english) { document.getElementById('advice-note').textContent = level.english.note; }
  }

  function renderLevels(levels) {
    document.getElementById('levels').replaceChildren(EM.table([
      { key: 'level', label: 'level', num: true, render: function (l) { return EM.levelText(l, 'levelName'); } },
      { key: 'minAqi', label: 'range', num: true, render: function (l) { return l.minAqi + (l.maxAqi == null ? '+' : '–' + l.maxAqi); } },
      { key: 'category', label: 'category', render: function (l) { return EM.el('span', { 'class': 'badge', style: 'background:' + l.colour + ';color:' + EM.levelTextColour(l.level), text: EM.categoryName(l.level, l.category) }); } },
      { key: 'healthEffect', label: 'healthEffect', render: function (l) { return EM.el('span', { 'class': 'wrap', text: EM.levelText(l, 'healthEffect') }); } },
      { key: 'advice', label: 'advice', render: function (l) { return EM.el('span', { 'class': 'wrap', text: EM.levelText(l, 'advice') }); } }
    ], levels.slice()));
  }

  function setUpCharts(hours, days) {
    var select = document.getElementById('pollutant');
    hourlyItems.forEach(function (i) { select.appendChild(EM.el('option', { value: i[0], text: i[1] })); });
    var draw = function () {
      var key = select.value;
      var label = hourlyItems.find(function (i) { return i[0] === key; })[1] + (units[key] ? ' (' + units[key] + ')' : '');
      block('hourly-block', hours.map(function (h) { return [EM.cst(h.hourStart), h[key], EM.cst(h.hourStart, false)]; }), label, 'line', 'hour');
      block('daily-block', days.map(function (d) { return [d.day, d[dailyItems[key]]]; }), key === 'o3' ? 'O3 8h ' + label.substring(3) : label, 'bar', 'day');
    };
    select.addEventListener('change', draw);
    draw();
  }

  function block(id, points, label, type, timeLabel) {
    EM.chartBlock(document.getElementById(id), function (box) {
      var chart = echarts.init(box);
      chart.setOption({
        animation: false,
        grid: { left: 42, right: 12, top: 28, bottom: 48 },
        tooltip: { trigger: 'axis', formatter: EM.axisTip },
        xAxis: { type: 'category', data: points.map(function (p) { return p[2] || p[0]; }), axisLabel: { rotate: 45, fontSize: 10 } },
        yAxis: { type: 'value', name: label, nameTextStyle: { align: 'left' } },
        series: [{ type: type, name: label, data: points.map(function (p) { return p[1]; }), itemStyle: { color: '#0b4f8a' }, connectNulls: false }]
      });
      return chart;
    }, function () {
      return EM.table([
        { key: 't', label: timeLabel, value: function (p) { return p[0]; }, render: function (p) { return p[0]; } },
        { key: 'v', label: 'value', num: true, value: function (p) { return p[1]; }, render: function (p) { return p[1]; } }
      ], points.slice());
    });
  }
})();
