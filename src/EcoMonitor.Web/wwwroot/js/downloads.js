// CSV download of published hourly data for a region, a station and a period (GET /api/v1/downloads/aqi-hourly.csv).
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('downloads.html');
  var region = document.getElementById('region');
  var station = document.getElementById('station');
  var from = document.getElementById('from');
  var to = document.getElementById('to');
  var link = document.getElementById('download');
  var stations = [];

  Promise.all([EM.getJson('/api/v1/stations'), EM.regions()]).then(function (r) {
    var names = r[1];
    stations = r[0].filter(function (s) { return s.type === 'airQuality'; });
    var codes = {};
    stations.forEach(function (s) { codes[s.region.substring(0, 2)] = true; codes[s.region.substring(0, 4)] = true; });
    Object.keys(codes).sort().forEach(function (c) {
      var label = c.length === 2 ? EM.regionName(names, c) : '　' + EM.regionName(names, c);
      region.appendChild(EM.el('option', { value: c, text: label + ' (' + c + ')' }));
    });
    region.addEventListener('change', fillStations);
    [station, from, to].forEach(function (e) { e.addEventListener('change', update); e.addEventListener('input', update); });
    fillStations();
  }).catch(function (e) { EM.showError(document.getElementById('download-url'), e); });

  function fillStations() {
    station.replaceChildren(EM.el('option', { value: '', text: EM.t('allStations') }));
    stations.filter(function (s) { return s.region.indexOf(region.value) === 0; }).forEach(function (s) {
      station.appendChild(EM.el('option', { value: s.mn, text: s.name + ' (' + s.mn + ')' }));
    });
    update();
  }

  function update() {
    var q = new URLSearchParams();
    if (station.value) { q.set('station', station.value); } else { q.set('region', region.value); }
    q.set('from', from.value);
    q.set('to', to.value);
    var url = '/api/v1/downloads/aqi-hourly.csv?' + q.toString();
    link.href = url;
    document.getElementById('download-url').textContent = url;
  }
})();
