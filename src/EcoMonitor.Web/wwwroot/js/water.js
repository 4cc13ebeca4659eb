// Surface-water sections: current class in the customary colours (I–II blue, III green, IV yellow, V orange, 劣V red) and exceeding items.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('water.html');
  var COLOURS = { 'I': '#2f7de1', 'II': '#2f7de1', 'III': '#2fb344', 'IV': '#f5d800', 'V': '#ff8c00', '劣V': '#e02020' };
  var ORDER = { 'I': 1, 'II': 2, 'III': 3, 'IV': 4, 'V': 5, '劣V': 6 };
  var legend = document.getElementById('water-legend');
  ['I', 'II', 'III', 'IV', 'V', '劣V'].forEach(function (c) {
    legend.appendChild(EM.el('span', null, [EM.el('i', { style: 'background:' + COLOURS[c] }), c]));
  });

  function badge(cls) {
    if (!cls) { return EM.el('span', { 'class': 'badge', style: 'background:#ddd', text: '—' }); }
    return EM.el('span', { 'class': 'badge', style: 'background:' + COLOURS[cls] + ';color:' + (ORDER[cls] === 4 ? '#111' : '#fff'), text: cls });
  }

  Promise.all([EM.getJson('/api/v1/water/sections/current'), EM.regions()]).then(function (r) {
    var names = r[1];
    var wrap = EM.table([
      { key: 'name', label: 'section' },
      { key: 'region', label: 'region', value: function (s) { return EM.regionName(names, s.region); }, render: function (s) { return EM.regionName(names, s.region); } },
      { key: 'class', label: 'waterClass', value: function (s) { return ORDER[s['class']]; }, render: function (s) { return badge(s['class']); } },
      { key: 'quality', label: 'quality', render: function (s) { return s.quality || EM.t('noData'); } },
      { key: 'targetClass', label: 'targetClass' },
      { key: 'exceeding', label: 'exceeding', value: function (s) { return s.exceeding.join(','); }, render: function (s) { return s.exceeding.join(', '); } },
      { key: 'mainPollutants', label: 'mainPollutants', value: function (s) { return s.mainPollutants.join(','); }, render: function (s) { return s.mainPollutants.join(', '); } },
      { key: 'items', label: 'items', value: function (s) { return s.items.length; }, render: function (s) {
        return EM.el('span', { style: 'white-space:normal', text: s.items.map(function (i) { return i.item + ' ' + i.value + ' (' + i['class'] + ')'; }).join('; ') });
      } },
      { key: 'sampleTime', label: 'sampleTime', render: function (s) { return EM.cst(s.sampleTime); } }
    ], r[0], { id: 'sections-table', rowAttrs: function (s) { return { 'data-mn': s.mn }; } });
    document.getElementById('sections').replaceChildren(wrap);
  }).catch(function (e) { EM.showError(document.getElementById('sections'), e); });
})();
