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
      EM.showTargetProgress(p, periodOut, out, sectionsOut, { measures: 'targets-progress-table', sections: 'targets-sections-table' });
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
