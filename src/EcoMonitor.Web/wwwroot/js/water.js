// Surface-water sections from GET /api/v1/water/sections: each section's latest stored day (GB 3838-2002, classed
// for its water body), in the customary colours (I–II blue, III green, IV yellow, V orange, 劣V red), and its
// exceeding items (not separate, class worse than the target class, or than III without a target).
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('water.html');
  var COLOURS = { 1: '#2f7de1', 2: '#2f7de1', 3: '#2fb344', 4: '#f5d800', 5: '#ff8c00', 6: '#e02020' };
  var ROMAN = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV', 5: 'V' };
  // Class names and quality words in the page's language (the API's className and quality are Chinese: 劣V, 良好 …).
  function className(c) { return c === 6 ? EM.t('classWorseThanV') : ROMAN[c]; }
  function quality(latest) { return latest && latest['class'] ? EM.t('waterQuality_' + latest['class']) : EM.t('noData'); }
  var legend = document.getElementById('water-legend');
  [1, 2, 3, 4, 5, 6].forEach(function (c) {
    legend.appendChild(EM.el('span', null, [EM.el('i', { style: 'background:' + COLOURS[c] }), className(c)]));
  });

  function badge(cls) {
    if (!cls) { return EM.el('span', { 'class': 'badge', style: 'background:#ddd;color:#111', text: '—' }); }
    return EM.el('span', { 'class': 'badge', style: 'background:' + COLOURS[cls] + ';color:' + (cls === 4 ? '#111' : '#fff'), text: className(cls) });
  }

  function exceeding(s) {
    var latest = s.latest;
    if (!latest) { return []; }
    var limit = latest.targetClass || 3;
    return latest.items.filter(function (i) { return !i.isSeparate && i['class'] > limit; }).map(function (i) { return i.item; });
  }

  // Items of an evaluated section: 'none' when it was classed and the list is empty (nothing exceeds; no main
  // pollutant when the class is not worse than III), '—' when there is no class to judge by.
  function evaluatedList(s, list) {
    if (!s.latest || !s.latest['class']) { return '—'; }
    return list.length ? list.join(', ') : EM.t('none');
  }

  var params = new URLSearchParams(location.search);
  var dayInput = document.getElementById('water-day');
  if (params.get('day')) { dayInput.value = params.get('day'); }
  document.getElementById('water-form').addEventListener('submit', function (e) {
    e.preventDefault();
    load();
  });

  function load() {
    var url = '/api/v1/water/sections' + (dayInput.value ? '?day=' + encodeURIComponent(dayInput.value) : '');
    Promise.all([EM.getJson(url), EM.regions()]).then(function (r) {
      var names = r[1];
      var rows = r[0].map(function (s) { return { station: s.station, latest: s.latest, exceeding: exceeding(s) }; });
      var wrap = EM.table([
        { key: 'name', label: 'section', value: function (s) { return s.station.name; }, render: function (s) { return s.station.name; } },
        { key: 'region', label: 'region', value: function (s) { return EM.regionName(names, s.station.region); }, render: function (s) { return EM.regionName(names, s.station.region); } },
        { key: 'waterBody', label: 'waterBody', value: function (s) { return s.station.waterBody || ''; }, render: function (s) { return EM.t('body_' + (s.station.waterBody || 'river').toLowerCase()); } },
        { key: 'class', label: 'waterClass', value: function (s) { return s.latest ? s.latest['class'] || 0 : 0; }, render: function (s) { return badge(s.latest && s.latest['class']); } },
        { key: 'quality', label: 'quality', value: function (s) { return s.latest ? s.latest['class'] || 0 : 0; }, render: function (s) { return quality(s.latest); } },
        { key: 'targetClass', label: 'targetClass', value: function (s) { return s.station.waterTargetClass || 0; }, render: function (s) { return s.station.waterTargetClass ? className(s.station.waterTargetClass) : EM.t('targetNotSet'); } },
        { key: 'exceeding', label: 'exceeding', value: function (s) { return s.exceeding.join(','); }, render: function (s) { return evaluatedList(s, s.exceeding); } },
        { key: 'mainPollutants', label: 'mainPollutants', value: function (s) { return s.latest ? s.latest.mainPollutants.join(',') : ''; }, render: function (s) { return evaluatedList(s, s.latest && s.latest.mainPollutants); } },
        { key: 'items', label: 'items', value: function (s) { return s.latest ? s.latest.items.length : 0; }, render: function (s) {
          if (!s.latest) { return ''; }
          return EM.el('span', { 'class': 'items-cell', text: s.latest.items.map(function (i) { return i.item + ' ' + i.value + ' (' + className(i['class']) + (i.isSeparate ? ', ' + EM.t('separate') : '') + ')'; }).join('; ') });
        } },
        { key: 'day', label: 'day', value: function (s) { return s.latest ? s.latest.period : ''; }, render: function (s) { return s.latest ? s.latest.period : '—'; } }
      ], rows, { id: 'sections-table', rowAttrs: function (s) { return { 'data-mn': s.station.mn }; } });
      document.getElementById('sections').replaceChildren(wrap);
    }).catch(function (e) { EM.showError(document.getElementById('sections'), e); });
  }

  load();
})();
