// CSV download of published data for a region, a station and a period: hourly air quality
// (GET /api/v1/downloads/aqi-hourly.csv) or the surface-water sections' days (GET /api/v1/downloads/water-daily.csv).
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('downloads.html');
  var region = document.getElementById('region');
  var station = document.getElementById('station');
  var from = document.getElementById('from');
  var to = document.getElementById('to');
  var link = document.getElementById('download');
  var dataset = document.getElementById('dataset');
  var datasets = { aqi: { type: 'airQuality', path: 'aqi-hourly.csv' }, water: { type: 'surfaceWater', path: 'water-daily.csv' } };
  var all = [];
  var names = {};
  var stations = [];

  Promise.all([EM.getJson('/api/v1/stations'), EM.regions()]).then(function (r) {
    all = r[0];
    names = r[1];
    dataset.addEventListener('change', fillRegions);
    region.addEventListener('change', fillStations);
    [station, from, to].forEach(function (e) { e.addEventListener('change', update); e.addEventListener('input', update); });
    fillRegions();
  }).catch(function (e) { EM.showError(document.getElementById('download-url'), e); });

  // The provinces and cities that have stations of the chosen data set.
  function fillRegions() {
    var type = datasets[dataset.value].type;
    stations = all.filter(function (s) { return s.type === type; });
    var codes = {};
    stations.forEach(function (s) { codes[s.region.substring(0, 2)] = true; codes[s.region.substring(0, 4)] = true; });
    region.replaceChildren();
    Object.keys(codes).sort().forEach(function (c) {
      var label = c.length === 2 ? EM.regionName(names, c) : '　' + EM.regionName(names, c);
      region.appendChild(EM.el('option', { value: c, text: label + ' (' + c + ')' }));
    });
    fillStations();
  }

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
    var url = '/api/v1/downloads/' + datasets[dataset.value].path + '?' + q.toString();
    link.href = url;
    document.getElementById('download-url').textContent = url;
  }
})();
