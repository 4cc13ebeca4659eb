// EcoMonitor portal: language, header, data helpers, sortable tables and chart/table blocks. No framework.
(function () {
  'use strict';

  var TEXT = {
    zh: {
      brand: 'EcoMonitor 环境质量发布', navMap: '实时空气', navWater: '地表水', navRankings: '城市排名', navDownloads: '数据下载',
      navForecast: '预报（待接入）', navConsole: '管理控制台', langSwitch: 'English',
      periodNote: '时间均为北京时间（UTC+8）。小时值以时段开始时刻标记：08:00 表示 08:00–09:00 的小时值；日值为 00:00–24:00。',
      mapTitle: '实时空气质量地图', mapNote: '各站点最新小时 AQI（HJ 633-2012），颜色为 HJ 633 规定的级别颜色。点击站点查看详情。',
      dataHour: '数据时段', stationsDrawn: '个站点', noData: '无数据', cityRanking: '城市实时排名', cityRankingNote: '按城市最新小时 AQI 由低到高排序（城市浓度为各站点均值，HJ 663-2013）。',
      rank: '排名', city: '城市', stations: '站点数', aqi: 'AQI', level: '级别', category: '类别', primary: '首要污染物', hour: '时段开始',
      station: '站点', name: '名称', region: '区划', mn: '编码', chart: '图', table: '表',
      levelTable: 'AQI 级别（HJ 633-2012 表 2）', range: 'AQI 范围', colour: '颜色', healthEffect: '对健康影响情况', advice: '建议采取的措施',
      stationTitle: '站点空气质量', currentAqi: '最新小时 AQI', last24h: '最近 24 小时', last30d: '最近 30 天（日 AQI）', pollutant: '指标',
      day: '日期', value: '数值', back: '返回地图', notFound: '未找到该站点',
      waterTitle: '地表水水质断面', waterNote: '各断面最近一个有数据的日（所选日期及之前一年内）：各项目日均值按 GB 3838-2002 单因子评价，湖库按湖库总磷标准值；总氮、粪大肠菌群单独评价，不参与定类。Ⅰ–Ⅱ类蓝色、Ⅲ类绿色、Ⅳ类黄色、Ⅴ类橙色、劣Ⅴ类红色。超标项目：劣于目标类别（无目标时劣于Ⅲ类）的参评项目。',
      waterBody: '水体', body_river: '河流', body_lake: '湖泊', body_reservoir: '水库', separate: '单独评价', latestOnOrBefore: '截至日期（空为今日）',
      section: '断面', waterClass: '水质类别', quality: '水质状况', sampleTime: '监测时段', exceeding: '超标项目', mainPollutants: '主要污染指标', items: '各项目',
      targetClass: '目标', rankingsTitle: '城市空气质量排名', rankingsNote: '按综合指数（城市环境空气质量排名技术规定）由小到大排名，数据来自 HJ 663-2013 统计。',
      periodRange: '{from} 00:00 至 {to} 00:00（不含）', noRanking: '该时段没有六项指标齐全的城市，无法排名。', month: '月', year: '年', period: '时段', show: '查询', index: '综合指数', goodShare: '优良天数比例 %', validDays: '有效天数', maxPollutant: '最大指数项',
      downloadsTitle: '数据下载', downloadsNote: '下载已发布的小时 AQI 及六项污染物浓度（CSV，UTF-8）。时段最长 93 天；“至”日期不含。',
      province: '省', allStations: '全部站点', from: '自', to: '至', download: '下载 CSV', loading: '加载中…', failed: '加载失败：',
      cat1: '优', cat2: '良', cat3: '轻度污染', cat4: '中度污染', cat5: '重度污染', cat6: '严重污染',
      consoleTitle: '管理控制台', loginTitle: '管理控制台登录', user: '用户名', password: '密码', login: '登录', logout: '退出',
      tabStatus: '接入状态', tabRegistry: '站点登记', tabFrames: '原始报文', tabReview: '数据审核', tabAlarms: '报警督办',
      reviewNote: '待审核数据：自动检查判为可疑或无效、尚未人工审核的数据（最多 1000 条，按时间先后）。勾选后标记有效或无效，原值不变，判定与审计记录一并保存，相关日自动重新评价。',
      interval: '数据类型', verdict: '判定', verdictInvalid: '无效', verdictValid: '有效', reasonCode: '原因代码', comment: '说明', decide: '提交审核',
      rule: '规则', severity: '级别', selected: '已选 {n} 条', selectFirst: '请先勾选数据', decided: '已保存审核判定 {ids}（{n} 条）', selectAll: '全选',
      state: '状态', openOnly: '仅未闭环', raisedAt: '报警时间', subject: '对象', limit: '限值', peak: '峰值', hits: '超限时段数', evidence: '证据（报警时冻结）', timeline: '处理过程',
      actor: '操作人', action: '操作', stateAfter: '操作后状态', detail: '详情', unit: '责任单位', deadline: '反馈期限', cause: '原因', measures: '措施', by: '处理人',
      actionDone: '操作成功：{action}，当前状态 {state}', refused: '操作被拒绝：', details: '查看', values: '超限数值', rawFrames: '原始报文',
      act_acknowledge: '确认', act_dispatch: '派发', act_feedback: '反馈', act_verify: '核实闭环', act_reject: '退回', act_escalate: '升级', act_dismiss: '撤销', alarmId: '编号', sequence: '序号', at: '时间',
      online: '在线', offline: '离线', lastFrame: '最后报文时间', lastOutcome: '最后报文结果', lastData: '最新数据时段', type: '类型', active: '启用',
      rejectedByReason: '近 24 小时被拒报文（按原因）', sinceStart: '本次启动以来', none: '无', onlineCount: '在线站点',
      stationForm: '新增 / 修改站点（按 MN 覆盖）', save: '保存', saved: '已保存', longitude: '经度', latitude: '纬度', edit: '修改',
      filter: '筛选', frames: '报文', receivedAt: '接收时间', outcome: '结果', reason: '原因', peer: '来源', text: '报文内容', choose: '选择站点',
      footer: 'EcoMonitor · 数据为监测站点实时发布数据，未经审核 · 边界底图仅为示意（非审图号地图）'
    },
    en: {
      brand: 'EcoMonitor environmental data', navMap: 'Air now', navWater: 'Surface water', navRankings: 'City rankings', navDownloads: 'Downloads',
      navForecast: 'Forecasts (later)', navConsole: 'Staff console', langSwitch: '中文',
      periodNote: 'All times are China Standard Time (UTC+8). An hourly value is labelled by its start: 08:00 means the hour 08:00–09:00; a day is 00:00–24:00.',
      mapTitle: 'Real-time air quality map', mapNote: 'Latest hourly AQI of each station (HJ 633-2012), coloured with the HJ 633 level colours. Click a station for its page.',
      dataHour: 'Hour', stationsDrawn: 'stations', noData: 'no data', cityRanking: 'Cities now', cityRankingNote: 'Cities by their latest hourly AQI, best first (city concentrations are the means of its stations, HJ 663-2013).',
      rank: 'Rank', city: 'City', stations: 'Stations', aqi: 'AQI', level: 'Level', category: 'Category', primary: 'Primary pollutant', hour: 'Hour start',
      station: 'Station', name: 'Name', region: 'Region', mn: 'Code', chart: 'Chart', table: 'Table',
      levelTable: 'AQI levels (HJ 633-2012 Table 2)', range: 'AQI range', colour: 'Colour', healthEffect: 'Health implications', advice: 'Suggested measures',
      stationTitle: 'Station air quality', currentAqi: 'Latest hourly AQI', last24h: 'Last 24 hours', last30d: 'Last 30 days (daily AQI)', pollutant: 'Item',
      day: 'Day', value: 'Value', back: 'Back to the map', notFound: 'Station not found',
      waterTitle: 'Surface-water sections', waterNote: 'Each section\'s latest day with data (on or before the chosen day, within a year): the daily mean of each item classified per GB 3838-2002 (single-factor method), lakes and reservoirs with the lake TP limits; TN and fecal coliform are reported separately and do not set the class. Classes I–II blue, III green, IV yellow, V orange, worse than V red. Exceeding: evaluated items worse than the target class (class III when none).',
      waterBody: 'Water body', body_river: 'river', body_lake: 'lake', body_reservoir: 'reservoir', separate: 'separate', latestOnOrBefore: 'On or before (empty: today)',
      section: 'Section', waterClass: 'Class', quality: 'Quality', sampleTime: 'Sample period', exceeding: 'Exceeding', mainPollutants: 'Main pollutants', items: 'Items',
      targetClass: 'Target', rankingsTitle: 'City air-quality rankings', rankingsNote: 'Ranked by comprehensive index (smaller is better), from HJ 663-2013 statistics.',
      periodRange: '{from} 00:00 to {to} 00:00 (excluded)', noRanking: 'No city has all six items for this period, so there is no ranking.', month: 'Month', year: 'Year', period: 'Period', show: 'Show', index: 'Comprehensive index', goodShare: 'Good days %', validDays: 'Valid days', maxPollutant: 'Largest index',
      downloadsTitle: 'Downloads', downloadsNote: 'Published hourly AQI and the six pollutants (CSV, UTF-8). At most 93 days; the "to" day is excluded.',
      province: 'Province', allStations: 'All stations', from: 'From', to: 'To', download: 'Download CSV', loading: 'Loading…', failed: 'Failed: ',
      cat1: 'Good', cat2: 'Moderate', cat3: 'Lightly polluted', cat4: 'Moderately polluted', cat5: 'Heavily polluted', cat6: 'Severely polluted',
      consoleTitle: 'Staff console', loginTitle: 'Staff console sign-in', user: 'User name', password: 'Password', login: 'Sign in', logout: 'Sign out',
      tabStatus: 'Ingest status', tabRegistry: 'Station registry', tabFrames: 'Raw frames', tabReview: 'Data review', tabAlarms: 'Alarm supervision',
      reviewNote: 'Values to review: found suspect or invalid by the automatic checks and not yet decided by a reviewer (at most 1000, oldest first). Tick values and mark them valid or invalid; values are never changed, the decision is stored with its audit entry and the days are re-evaluated.',
      interval: 'Interval', verdict: 'Verdict', verdictInvalid: 'invalid', verdictValid: 'valid', reasonCode: 'Reason code', comment: 'Comment', decide: 'Submit decision',
      rule: 'Rule', severity: 'Severity', selected: '{n} selected', selectFirst: 'Tick values first', decided: 'Stored decision(s) {ids} ({n} values)', selectAll: 'All',
      state: 'State', openOnly: 'Not closed only', raisedAt: 'Raised', subject: 'Subject', limit: 'Limit', peak: 'Peak', hits: 'Periods', evidence: 'Evidence (frozen when raised)', timeline: 'Timeline',
      actor: 'Actor', action: 'Action', stateAfter: 'State after', detail: 'Detail', unit: 'Unit', deadline: 'Deadline', cause: 'Cause', measures: 'Measures', by: 'By',
      actionDone: 'Done: {action}; state now {state}', refused: 'Refused: ', details: 'Open', values: 'Values', rawFrames: 'Raw frames',
      act_acknowledge: 'Acknowledge', act_dispatch: 'Dispatch', act_feedback: 'Feedback', act_verify: 'Verify and close', act_reject: 'Reject', act_escalate: 'Escalate', act_dismiss: 'Dismiss', alarmId: 'No.', sequence: 'Step', at: 'When',
      online: 'online', offline: 'offline', lastFrame: 'Last frame', lastOutcome: 'Last outcome', lastData: 'Latest data period', type: 'Type', active: 'Active',
      rejectedByReason: 'Rejected frames, last 24 hours, by reason', sinceStart: 'since start', none: 'none', onlineCount: 'Online stations',
      stationForm: 'Add / edit a station (replaces by MN)', save: 'Save', saved: 'Saved', longitude: 'Longitude', latitude: 'Latitude', edit: 'Edit',
      filter: 'Filter', frames: 'Frames', receivedAt: 'Received', outcome: 'Outcome', reason: 'Reason', peer: 'Peer', text: 'Frame', choose: 'Choose a station',
      footer: 'EcoMonitor · real-time station data as released, not yet audited · boundaries are illustrative, not an approved map'
    }
  };

  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') || localStorage.getItem('ecomon.lang') || 'zh';
  if (!TEXT[lang]) { lang = 'zh'; }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

  function t(key) { return (TEXT[lang] && TEXT[lang][key]) || TEXT.zh[key] || key; }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); } }); }
    (children || []).forEach(function (c) { if (c != null) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }

  function applyText(root) {
    (root || document).querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
  }

  function header(active) {
    var links = [['index.html', 'navMap'], ['water.html', 'navWater'], ['rankings.html', 'navRankings'], ['downloads.html', 'navDownloads']];
    var nav = el('nav', { 'aria-label': 'main' });
    links.forEach(function (l) {
      var a = el('a', { href: '/' + l[0], text: t(l[1]) });
      if (l[0] === active) { a.setAttribute('aria-current', 'page'); }
      nav.appendChild(a);
    });
    nav.appendChild(el('span', { 'class': 'later', title: t('navForecast'), text: t('navForecast') }));
    nav.appendChild(el('a', { href: '/console/', text: t('navConsole') }));
    var button = el('button', { 'class': 'lang', type: 'button', id: 'lang-switch', text: t('langSwitch') });
    button.addEventListener('click', function () {
      localStorage.setItem('ecomon.lang', lang === 'zh' ? 'en' : 'zh');
      params.delete('lang');
      var query = params.toString();
      location.replace(location.pathname + (query ? '?' + query : ''));
    });
    var top = el('header', { 'class': 'top' }, [el('a', { 'class': 'brand', href: '/', text: t('brand') }), nav, button]);
    document.body.insertBefore(top, document.body.firstChild);
    document.body.appendChild(el('footer', { text: t('footer') }));
    applyText();
  }

  function getJson(url) {
    // No custom header, so that a <link rel=preload as=fetch> of the same URL is reused.
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { return r.text().then(function (body) { var e = new Error(r.status + ' ' + body); e.status = r.status; throw e; }); }
      return r.json();
    });
  }

  // API times are ISO 8601 at +08:00: the local (CST) wall time is the text itself.
  function cst(iso, withDate) {
    if (!iso) { return ''; }
    return withDate === false ? iso.substring(11, 16) : iso.substring(0, 10) + ' ' + iso.substring(11, 16);
  }

  var levelsPromise = null;
  function levels() {
    if (!levelsPromise) { levelsPromise = getJson('/api/v1/aqi/levels'); }
    return levelsPromise;
  }

  // Text colour readable on an HJ 633 level colour: dark on green, yellow and orange; white on the others.
  function levelTextColour(level) { return level >= 4 ? '#fff' : '#111'; }

  function categoryName(level, chinese) { return lang === 'zh' ? chinese : t('cat' + level); }

  function aqiBadge(levelRows, aqi, level) {
    if (aqi == null) { return el('span', { 'class': 'badge', style: 'background:#ddd', text: '—' }); }
    var row = levelRows[level - 1];
    return el('span', { 'class': 'badge', style: 'background:' + row.colour + ';color:' + levelTextColour(level), text: String(aqi) });
  }

  var regionsPromise = null;
  function regions() {
    if (!regionsPromise) { regionsPromise = getJson('/geo/regions.json'); }
    return regionsPromise;
  }

  function regionName(names, code) {
    if (!code) { return ''; }
    return names[code.substring(0, 4)] || names[code] || names[code.substring(0, 2)] || code;
  }

  // A sortable table. columns: {key, label, num, value(row) -> sort value, render(row) -> node or text};
  // options: {id, rowAttrs(row) -> attributes of the row}.
  function table(columns, rows, options) {
    var tbl = el('table', options && options.id ? { id: options.id } : null);
    var headRow = el('tr');
    var body = el('tbody');
    var state = { index: -1, dir: 1 };
    columns.forEach(function (c, i) {
      var th = el('th', { 'class': 'sortable' + (c.num ? ' num' : ''), scope: 'col', tabindex: '0', text: t(c.label) });
      var sort = function () {
        state.dir = state.index === i ? -state.dir : 1;
        state.index = i;
        headRow.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', state.dir === 1 ? 'ascending' : 'descending');
        var value = c.value || function (r) { return r[c.key]; };
        rows.sort(function (a, b) {
          var x = value(a), y = value(b);
          if (x == null && y == null) { return 0; }
          if (x == null) { return 1; }
          if (y == null) { return -1; }
          return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * state.dir;
        });
        fill();
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
      headRow.appendChild(th);
    });
    function fill() {
      var fragment = document.createDocumentFragment();
      rows.forEach(function (r) {
        var tr = el('tr', options && options.rowAttrs ? options.rowAttrs(r) : null);
        columns.forEach(function (c) {
          var v = c.render ? c.render(r) : r[c.key];
          var td = el('td', c.num ? { 'class': 'num' } : null);
          if (v instanceof Node) { td.appendChild(v); } else { td.textContent = v == null ? '' : String(v); }
          tr.appendChild(td);
        });
        fragment.appendChild(tr);
      });
      body.replaceChildren(fragment);
    }
    tbl.appendChild(el('thead', null, [headRow]));
    tbl.appendChild(body);
    fill();
    return el('div', { 'class': 'table-wrap' }, [tbl]);
  }

  // A chart with its data also offered as a table, switched by two buttons.
  function chartBlock(container, makeChart, makeTable) {
    var chartBox = el('div', { 'class': 'chart' });
    var tableBox = el('div', { hidden: '' });
    var chartButton = el('button', { type: 'button', 'aria-pressed': 'true', text: t('chart') });
    var tableButton = el('button', { type: 'button', 'aria-pressed': 'false', text: t('table') });
    var chart = null;
    chartButton.addEventListener('click', function () {
      chartBox.hidden = false; tableBox.hidden = true;
      chartButton.setAttribute('aria-pressed', 'true'); tableButton.setAttribute('aria-pressed', 'false');
      if (chart) { chart.resize(); }
    });
    tableButton.addEventListener('click', function () {
      chartBox.hidden = true; tableBox.hidden = false;
      chartButton.setAttribute('aria-pressed', 'false'); tableButton.setAttribute('aria-pressed', 'true');
      tableBox.replaceChildren(makeTable());
    });
    container.replaceChildren(el('div', { 'class': 'toggle' }, [chartButton, tableButton]), chartBox, tableBox);
    chart = makeChart(chartBox);
    window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
    return chart;
  }

  function showError(container, error) {
    container.replaceChildren(el('p', { 'class': 'error', text: t('failed') + error.message }));
  }

  window.EM = {
    lang: lang, t: t, el: el, header: header, getJson: getJson, cst: cst, levels: levels, levelTextColour: levelTextColour,
    categoryName: categoryName, aqiBadge: aqiBadge, regions: regions, regionName: regionName, table: table, chartBlock: chartBlock,
    showError: showError, params: params
  };
})();
