// The real-time AQI map (all air stations, HJ 633 colours) and the cities ranked by current AQI.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('index.html');
  var mapBlock = document.getElementById('map-block');

  // The map needs the stations, the levels and the boundaries; the region names (regions.json) only the tables, so
  // the map does not wait for them.
  var names = {};
  var namesLoaded = EM.regions().then(function (n) { names = n; return n; });
  Promise.all([EM.getJson('/api/v1/aqi/current/stations'), EM.levels(), EM.getJson('/geo/china.json')])
    .then(function (r) { performance.mark('ecomon:map-data'); drawMap(r[0], r[1], r[2]); return r; })
    .then(function (r) { return Promise.all([EM.getJson('/api/v1/aqi/current/cities'), namesLoaded]).then(function (c) { drawCities(c[0], r[1], c[1]); }); })
    .catch(function (e) { EM.showError(mapBlock, e); });

  function drawMap(stations, levels, geo) {
    echarts.registerMap('china', geo);
    legend(levels);
    var placed = stations.filter(function (s) { return s.longitude != null && s.latitude != null; });
    var latest = stations.reduce(function (m, s) { return s.hourStart && s.hourStart > m ? s.hourStart : m; }, '');
    document.getElementById('data-hour').textContent = latest ? EM.cst(latest) : EM.t('noData');
    document.getElementById('station-count').textContent = '· ' + placed.length + ' ' + EM.t('stationsDrawn');
    var groups = [];
    var stationOf = function (p) { return (p.data && p.data.station) || (groups[p.seriesIndex] || [])[p.dataIndex] || null; };
    var point = function (s) { return { name: s.name, value: [s.longitude, s.latitude, s.aqi], mn: s.mn, station: s }; };
    var chart = EM.chartBlock(mapBlock, function (box) {
      box.id = 'map';
      var c = echarts.init(box, null, { renderer: 'canvas' });
      // Both registered before setOption: the first frame may be drawn, and 'finished' raised, within setOption.
      // The station from the event's item, or from its series and data index.
      c.on('click', function (p) { var s = stationOf(p); if (s) { location.href = '/station.html?mn=' + encodeURIComponent(s.mn); } });
      // 'finished': ECharts has rendered every station into its canvas. The page says the map is drawn
      // (data-stations-drawn, for tests and the benchmark) once that frame is painted (the next animation frame has
      // run and its task ended), when the chart takes clicks: its click handler is attached and what is hit-tested
      // is what is on the screen.
      c.on('finished', function once() {
        c.off('finished', once);
        performance.mark('ecomon:map-rendered');
        requestAnimationFrame(function () {
          setTimeout(function () {
            document.body.setAttribute('data-stations-drawn', String(placed.length));
            window.__ecomonMapReadyAt = performance.now();
          }, 0);
        });
      });
      // Drawn fast (docs/portal.md "Map first view"): one scatter series per HJ 633 level in its colour (no per-item
      // styles); stations without an AQI first (beneath), then the levels from best to worst (worst on top); the
      // boundaries silent (no hover states), no animation. ECharts' large mode was tried and dropped: with it, clicks
      // on a station did not reliably reach the click handler (the map's browser test failed 3 runs in 3).
      var large = function (id, size, colour, members) {
        groups.push(members);
        var data = members.map(point);
        return { id: id, type: 'scatter', coordinateSystem: 'geo', symbolSize: size,
          itemStyle: { color: colour, borderColor: '#333', borderWidth: 0.5 }, data: data };
      };
      groups.length = 0;
      var series = [large('none', 7, '#bbb', placed.filter(function (s) { return s.aqi == null; }))];
      levels.forEach(function (l) {
        series.push(large('level-' + l.level, 10, l.colour, placed.filter(function (s) { return s.aqi != null && s.level === l.level; })));
      });
      c.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: function (p) { var s = stationOf(p); return s ? tooltip(s) : ''; }, className: 'map-tip' },
        geo: { map: 'china', roam: true, silent: true, boundingCoords: bounds(placed), itemStyle: { areaColor: '#eef2f5', borderColor: '#9aa7b4' }, emphasis: { disabled: true }, label: { show: false } },
        series: series
      });
      return c;
    }, function () { return stationTable(stations, levels, names); });

    // For browser tests and benchmarks: where a station is drawn, in page pixels.
    window.EcoMonitorMap = {
      chart: chart,
      pixelOf: function (mn) {
        var s = placed.find(function (x) { return x.mn === mn; });
        if (!s) { return null; }
        var xy = chart.convertToPixel({ geoIndex: 0 }, [s.longitude, s.latitude]);
        var rect = chart.getDom().getBoundingClientRect();
        return { x: rect.left + xy[0], y: rect.top + xy[1] };
      }
    };
  }

  // Built as DOM nodes (EM.chartTip): a station's name is data and is shown as text, whatever it holds.
  function tooltip(s) {
    var lines = ['AQI ' + (s.aqi == null ? EM.t('noData') : s.aqi + ' · ' + EM.categoryName(s.level, s.category))];
    if (s.primary.length) { lines.push(EM.t('primary') + ': ' + s.primary.join(', ')); }
    if (s.hourStart) { lines.push(EM.cst(s.hourStart)); }
    return EM.chartTip(s.name + ' (' + s.mn + ')', lines);
  }

  function bounds(points) {
    if (!points.length) { return [[73, 54], [135, 18]]; }
    var lons = points.map(function (s) { return s.longitude; });
    var lats = points.map(function (s) { return s.latitude; });
    var minLon = Math.min.apply(null, lons), maxLon = Math.max.apply(null, lons);
    var minLat = Math.min.apply(null, lats), maxLat = Math.max.apply(null, lats);
    var padLon = Math.max(1, (maxLon - minLon) * 0.05), padLat = Math.max(1, (maxLat - minLat) * 0.05);
    return [[minLon - padLon, maxLat + padLat], [maxLon + padLon, minLat - padLat]];
  }

  function legend(levels) {
    var box = document.getElementById('legend');
    levels.forEach(function (l) {
      box.appendChild(EM.el('span', null, [EM.el('i', { style: 'background:' + l.colour }),
        EM.categoryName(l.level, l.category) + ' ' + l.minAqi + (l.maxAqi == null ? '+' : '–' + l.maxAqi)]));
    });
  }

  function stationLink(s) { return EM.el('a', { href: '/station.html?mn=' + encodeURIComponent(s.mn), text: s.name }); }

  function stationTable(stations, levels, names) {
    return EM.table([
      { key: 'name', label: 'station', wrap: 'words', render: stationLink },
      { key: 'city', label: 'city', wrap: true, value: function (s) { return EM.regionName(names, s.city); }, render: function (s) { return EM.regionName(names, s.city); } },
      { key: 'aqi', label: 'aqi', num: true, render: function (s) { return EM.aqiBadge(levels, s.aqi, s.level); } },
      { key: 'category', label: 'category', wrap: 'words', render: function (s) { return s.level ? EM.categoryName(s.level, s.category) : ''; } },
      { key: 'primary', label: 'primary', wrap: 'words', value: function (s) { return s.primary.join(','); }, render: function (s) { return s.primary.join(', '); } },
      { key: 'hourStart', label: 'hour', wrap: 'words', render: function (s) { return hourCell(s.hourStart); } }
    ], stations.slice(), { id: 'station-table' });
  }

  // The table has half of the page beside the map: names (English prefecture names such as "Qiandongnan Miao and Dong
  // Autonomous Prefecture"), categories and the hour's date and time wrap when it is narrower than its content, so that
  // every column stays in view at 1366 px without scrolling sideways.
  function drawCities(cities, levels, names) {
    document.getElementById('cities').replaceChildren(EM.table([
      { key: 'rank', label: 'rank', num: true },
      { key: 'city', label: 'city', wrap: true, value: function (c) { return EM.regionName(names, c.city); }, render: function (c) { return EM.regionName(names, c.city); } },
      { key: 'aqi', label: 'aqi', num: true, render: function (c) { return EM.aqiBadge(levels, c.aqi, c.level); } },
      { key: 'category', label: 'category', wrap: 'words', render: function (c) { return c.level ? EM.categoryName(c.level, c.category) : ''; } },
      { key: 'primary', label: 'primary', wrap: 'words', value: function (c) { return c.primary.join(','); }, render: function (c) { return c.primary.join(', ') || '—'; } },
      { key: 'hourStart', label: 'hour', wrap: 'words', render: function (c) { return hourCell(c.hourStart); } }
    ], cities, { id: 'city-table' }));
  }

  // The date and the time each kept whole; the line may break between them.
  function hourCell(iso) {
    var text = EM.cst(iso);
    var space = text.indexOf(' ');
    if (space < 0) { return text; }
    return EM.el('span', null, [EM.el('span', { 'class': 'nowrap', text: text.substring(0, space) }), ' ', EM.el('span', { 'class': 'nowrap', text: text.substring(space + 1) })]);
  }
})();
