// 考核目标 (docs/standards.md "Assessment targets", ADR 0040): a region's targets for a year (GET /api/v1/targets),
// edited with targets.write (PUT / DELETE /api/v1/targets/{region}/{year}; the server decides the jurisdiction and
// names each refused field), and their progress (GET /api/v1/regions/{code}/targets/{year}/progress) as a chart of
// target, value to date and projection with the same numbers as a table. Text from the server is set as text.
(function () {
  'use strict';
  var EM = window.EM;
  EM.header('');
  var result = document.getElementById('action-result');
  var regionInput = document.getElementById('target-region');
  var yearInput = document.getElementById('target-year');
  var canWrite = false;

  function num(id) { var v = document.getElementById(id).value.trim(); return v === '' ? null : Number(v); }
  function setNum(id, v) { document.getElementById(id).value = v == null ? '' : String(v); }
  function path() { return '/api/v1/targets/' + encodeURIComponent(regionInput.value.trim()) + '/' + encodeURIComponent(yearInput.value); }

  function sectionsText(map) {
    return Object.keys(map || {}).sort().map(function (k) { return k + '=' + map[k]; }).join(', ');
  }

  function sectionsOf(text) {
    var map = {};
    text.split(/[,，;\s]+/).filter(function (p) { return p; }).forEach(function (p) {
      var at = p.indexOf('=');
      map[at < 0 ? p : p.substring(0, at)] = at < 0 ? NaN : Number(p.substring(at + 1));
    });
    return map;
  }

  function fill(t) {
    setNum('target-pm25', t ? t.pm25 : null);
    setNum('target-good', t ? t.goodDayRatio : null);
    setNum('target-heavy', t ? t.heavyPollutionDays : null);
    setNum('target-water', t ? t.goodWaterShare : null);
    document.getElementById('target-sections').value = t ? sectionsText(t.sections) : '';
  }

  function showProgress() {
    var out = document.getElementById('progress');
    var sections = document.getElementById('sections');
    var period = document.getElementById('progress-period');
    EM.send('GET', '/api/v1/regions/' + encodeURIComponent(regionInput.value.trim()) + '/targets/' + encodeURIComponent(yearInput.value) + '/progress').then(function (answer) {
      if (!answer.ok) {
        period.textContent = '';
        sections.replaceChildren();
        out.replaceChildren(EM.el('p', { id: 'no-progress', text: EM.t('targetsNone') }));
        fill(null);
        return;
      }
      var p = answer.body;
      fill(p.targets);
      EM.showTargetProgress(p, period, out, sections, { measures: 'progress-table', sections: 'sections-table' });
    }).catch(function (e) { EM.showError(out, e); });
  }

  function loadList() {
    var list = document.getElementById('targets-list');
    list.setAttribute('aria-busy', 'true');
    EM.send('GET', '/api/v1/targets?year=' + encodeURIComponent(yearInput.value)).then(function (answer) {
      list.removeAttribute('aria-busy');
      if (!answer.ok) { EM.showProblem(list, answer); return; }
      list.replaceChildren(EM.table([
        { key: 'region', label: 'targetsRegion' }, { key: 'pm25', label: 'targetsPm25', num: true },
        { key: 'goodDayRatio', label: 'targetsGoodDays', num: true }, { key: 'heavyPollutionDays', label: 'targetsHeavyDays', num: true },
        { key: 'goodWaterShare', label: 'targetsWaterShare', num: true },
        { key: 'sections', label: 'targetsSections', value: function (t) { return sectionsText(t.sections); } },
        { key: 'setAt', label: 'targetsSetAt', render: function (t) { return EM.cst(t.setAt); } }
      ], answer.body, { id: 'targets-table', rowAttrs: function (t) { return { 'data-region': t.region }; } }));
    }).catch(function (e) { list.removeAttribute('aria-busy'); EM.showError(list, e); });
  }

  function show() { showProgress(); loadList(); }

  document.getElementById('pick-form').addEventListener('submit', function (e) { e.preventDefault(); result.textContent = ''; show(); });

  document.getElementById('targets-form').addEventListener('submit', function (e) {
    e.preventDefault();
    result.className = '';
    result.textContent = EM.t('loading');
    var body = {
      pm25: num('target-pm25'), goodDayRatio: num('target-good'), heavyPollutionDays: num('target-heavy'), goodWaterShare: num('target-water'),
      sections: sectionsOf(document.getElementById('target-sections').value)
    };
    EM.send('PUT', path(), body).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      EM.showOk(result, EM.t('done').replace('{what}', EM.t('targetsSave') + ' ' + answer.body.region + ' ' + answer.body.year));
      show();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  });

  document.getElementById('remove').addEventListener('click', function () {
    if (!window.confirm(EM.t('confirmRemoveTargets').replace('{region}', regionInput.value).replace('{year}', yearInput.value))) { return; }
    result.className = '';
    result.textContent = EM.t('loading');
    EM.send('DELETE', path()).then(function (answer) {
      if (!answer.ok) { EM.showProblem(result, answer); return; }
      EM.showOk(result, EM.t('done').replace('{what}', EM.t('targetsRemove') + ' ' + regionInput.value + ' ' + yearInput.value));
      show();
    }).catch(function (err) { result.className = 'error'; result.textContent = EM.t('failed') + err.message; });
  });

  yearInput.value = String(new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear());

  EM.session.me('/console/targets.html').then(function (me) {
    if (me.pending.length) { location.replace('/console/account.html'); return; }
    canWrite = EM.session.can(me, 'targets.write');
    document.getElementById('edit-section').hidden = !canWrite;
    if (me.jurisdiction && /^[0-9]{6}$/.test(me.jurisdiction) && me.jurisdiction !== '100000') { regionInput.value = me.jurisdiction; }
    if (!canWrite) {
      var message = document.getElementById('targets-message');
      message.className = 'error';
      message.textContent = EM.t('noPermission').replace('{p}', 'targets.write');
    }
    loadList();
    if (regionInput.value) { showProgress(); }
  }).catch(function (e) { if (e.status !== 401) { EM.showError(document.getElementById('targets-message'), e); } });
})();
