// EcoMonitor portal: language, header, data helpers, sortable tables and chart/table blocks. No framework.
(function () {
  'use strict';

  // Every visible word once: key: [Simplified Chinese, English]. Words of standards (AQI categories, levels, health
  // advice) come from the API (/api/v1/aqi/levels), region names from geo/regions.json, never from here (ADR 0015).
  var TEXT = {
    brand: ['EcoMonitor 环境质量发布', 'EcoMonitor environmental data'],
    navMap: ['实时空气', 'Air now'],
    navWater: ['地表水', 'Surface water'],
    navRankings: ['城市排名', 'City rankings'],
    navDownloads: ['数据下载', 'Downloads'],
    navForecast: ['预报（待接入）', 'Forecasts (later)'],
    navConsole: ['管理控制台', 'Staff console'],
    langSwitch: ['English', '中文'],
    periodNote: ['时间均为北京时间（UTC+8）。小时值以时段开始时刻标记：08:00 表示 08:00–09:00 的小时值；日值为 00:00–24:00。', 'All times are China Standard Time (UTC+8). An hourly value is labelled by its start: 08:00 means the hour 08:00–09:00; a day is 00:00–24:00.'],
    mapTitle: ['实时空气质量地图', 'Real-time air quality map'],
    mapNote: ['各站点最新小时 AQI（HJ 633-2012），颜色为 HJ 633 规定的级别颜色。点击站点查看详情。', 'Latest hourly AQI of each station (HJ 633-2012), coloured with the HJ 633 level colours. Click a station for its page.'],
    dataHour: ['数据时段', 'Hour'],
    stationsDrawn: ['个站点', 'stations'],
    noData: ['无数据', 'no data'],
    cityRanking: ['城市实时排名', 'Cities now'],
    cityRankingNote: ['按城市最新小时 AQI 由低到高排序（城市浓度为各站点均值，HJ 663-2013）。', 'Cities by their latest hourly AQI, best first (city concentrations are the means of its stations, HJ 663-2013).'],
    rank: ['排名', 'Rank'],
    city: ['城市', 'City'],
    stations: ['站点数', 'Stations'],
    aqi: ['AQI', 'AQI'],
    level: ['级别', 'Level'],
    category: ['类别', 'Category'],
    primary: ['首要污染物', 'Primary pollutant'],
    hour: ['时段开始', 'Hour start'],
    station: ['站点', 'Station'],
    name: ['名称', 'Name'],
    region: ['区划', 'Region'],
    mn: ['编码', 'Code'],
    chart: ['图', 'Chart'],
    table: ['表', 'Table'],
    levelTable: ['AQI 级别（HJ 633-2012 表 2）', 'AQI levels (HJ 633-2012 Table 2)'],
    range: ['AQI 范围', 'AQI range'],
    colour: ['颜色', 'Colour'],
    healthEffect: ['对健康影响情况', 'Health implications'],
    advice: ['建议采取的措施', 'Suggested measures'],
    stationTitle: ['站点空气质量', 'Station air quality'],
    currentAqi: ['最新小时 AQI', 'Latest hourly AQI'],
    last24h: ['最近 24 小时', 'Last 24 hours'],
    last30d: ['最近 30 天（日 AQI）', 'Last 30 days (daily AQI)'],
    pollutant: ['指标', 'Item'],
    day: ['日期', 'Day'],
    value: ['数值', 'Value'],
    back: ['返回地图', 'Back to the map'],
    notFound: ['未找到该站点', 'Station not found'],
    waterTitle: ['地表水水质断面', 'Surface-water sections'],
    waterNote: ['各断面最近一个有数据的日（所选日期及之前一年内）：各项目日均值按 GB 3838-2002 单因子评价，湖库按湖库总磷标准值；总氮、粪大肠菌群单独评价，不参与定类。Ⅰ–Ⅱ类蓝色、Ⅲ类绿色、Ⅳ类黄色、Ⅴ类橙色、劣Ⅴ类红色。超标项目：劣于目标类别（无目标时劣于Ⅲ类）的参评项目。主要污染指标：断面劣于Ⅲ类时，超过Ⅲ类标准倍数最大的前三项。', 'Each section\'s latest day with data (on or before the chosen day, within a year): the daily mean of each item classified per GB 3838-2002 (single-factor method), lakes and reservoirs with the lake TP limits; TN and fecal coliform are reported separately and do not set the class. Classes I–II blue, III green, IV yellow, V orange, worse than V red. Exceeding: evaluated items worse than the target class (class III when none). Main pollutants: when the section is worse than class III, the (at most three) items exceeding the class III limit by the largest multiples.'],
    waterBody: ['水体', 'Water body'],
    body_river: ['河流', 'river'],
    body_lake: ['湖泊', 'lake'],
    body_reservoir: ['水库', 'reservoir'],
    separate: ['单独评价', 'separate'],
    latestOnOrBefore: ['截至日期（空为今日）', 'On or before (empty: today)'],
    section: ['断面', 'Section'],
    waterClass: ['水质类别', 'Class'],
    quality: ['水质状况', 'Quality'],
    sampleTime: ['监测时段', 'Sample period'],
    exceeding: ['超标项目', 'Exceeding'],
    mainPollutants: ['主要污染指标', 'Main pollutants'],
    items: ['各项目', 'Items'],
    targetClass: ['目标', 'Target'],
    targetNotSet: ['未设定', 'not set'],
    classWorseThanV: ['劣V', 'worse than V'],
    waterRankingTitle: ['地表水水质排名与评价', 'Surface-water rankings and ratings'],
    waterRankingNote: ['所选月份内各断面各项目日均值的算术平均。城市按城市地表水环境质量指数（CWQI，越小越好）排名，并给出与上年同期相比的变化率和达到目标类别的断面比例；流域按断面类别比例评价（断面少于5个时按各项目断面均值评价）；湖库按综合营养状态指数 TLI(Σ) 评价营养状态（缺叶绿素a或透明度时不评价）。', 'Per section the mean of each item\'s daily means over the chosen month. Cities ranked by the city surface-water quality index (CWQI, smaller is better), with the change against the same month last year and the share of sections meeting their target class; basins rated by the shares of their sections\' classes (fewer than five sections: by the class of the sections\' mean of each item); lakes and reservoirs given their trophic state by the trophic level index TLI(Σ) (not rated without chlorophyll a or transparency).'],
    waterCitiesTitle: ['城市地表水环境质量指数（CWQI）排名', 'Cities by surface-water quality index (CWQI)'],
    waterBasinsTitle: ['流域水质状况', 'Basins'],
    waterLakesTitle: ['湖泊（水库）营养状态', 'Lakes and reservoirs: trophic state'],
    cwqi: ['CWQI', 'CWQI'],
    cwqiChange: ['变化率 %', 'Change %'],
    sectionCount: ['断面数', 'Sections'],
    targetShare: ['达标断面比例 %', 'Meeting target %'],
    basin: ['流域', 'Basin'],
    goodShareWater: ['I–III类比例 %', 'Class I–III %'],
    worstShareWater: ['劣V类比例 %', 'Worse than V %'],
    waterRating: ['水质状况', 'Quality'],
    mainItems: ['主要污染指标', 'Main pollution items'],
    lake: ['湖库', 'Lake / reservoir'],
    tli: ['TLI(Σ)', 'TLI(Σ)'],
    trophicState: ['营养状态', 'Trophic state'],
    trophicNotRated: ['未评价（缺 {items}）', 'not rated (missing {items})'],
    trophic_贫营养: ['贫营养', 'oligotrophic'],
    trophic_中营养: ['中营养', 'mesotrophic'],
    trophic_轻度富营养: ['轻度富营养', 'lightly eutrophic'],
    trophic_中度富营养: ['中度富营养', 'moderately eutrophic'],
    trophic_重度富营养: ['重度富营养', 'heavily eutrophic'],
    noWaterData: ['该月没有断面数据。', 'No section has data for this month.'],
    waterQuality_1: ['优', 'excellent'],
    waterQuality_2: ['优', 'excellent'],
    waterQuality_3: ['良好', 'good'],
    waterQuality_4: ['轻度污染', 'lightly polluted'],
    waterQuality_5: ['中度污染', 'moderately polluted'],
    waterQuality_6: ['重度污染', 'heavily polluted'],
    rankingsTitle: ['城市空气质量排名', 'City air-quality rankings'],
    rankingsNote: ['按所选指标排名（城市环境空气质量排名技术规定）：综合指数、污染物浓度由小到大，改善幅度为综合指数同比变化率由小到大，优良天数比例由大到小；数据来自 HJ 663-2013 统计。“扣沙”不计受沙尘天气影响的日期。', 'Ranked by the measure chosen (城市环境空气质量排名技术规定): index and pollutants ascending, improvement by the index\'s change against the same period last year ascending, good-day ratio descending; from HJ 663-2013 statistics. “Dust excluded” leaves out the days affected by dust and sand.'],
    rankBy: ['排名指标', 'Rank by'],
    by_index: ['综合指数', 'Comprehensive index'],
    by_improvement: ['改善幅度', 'Improvement'],
    by_goodDays: ['优良天数比例', 'Good-day ratio'],
    dustLabel: ['沙尘', 'Dust'],
    dust_included: ['不扣沙', 'Included'],
    dust_excluded: ['扣沙', 'Excluded'],
    rankValue: ['本期', 'This period'],
    rankLastYear: ['去年同期', 'Same period last year'],
    rankChange: ['变化', 'Change'],
    periodRange: ['{from} 00:00 至 {to} 00:00（不含）', '{from} 00:00 to {to} 00:00 (excluded)'],
    noRanking: ['该时段没有六项指标齐全的城市，无法排名。', 'No city has all six items for this period, so there is no ranking.'],
    month: ['月', 'Month'],
    year: ['年', 'Year'],
    period: ['时段', 'Period'],
    show: ['查询', 'Show'],
    index: ['综合指数', 'Comprehensive index'],
    goodShare: ['优良天数比例 %', 'Good days %'],
    validDays: ['有效天数', 'Valid days'],
    maxPollutant: ['最大指数项', 'Largest index'],
    downloadsTitle: ['数据下载', 'Downloads'],
    downloadsNote: ['下载已发布的数据（CSV，UTF-8）：空气质量小时 AQI 及六项污染物浓度（时段最长 93 天），或地表水断面日均值与水质类别（最长 366 天）；“至”日期不含。', 'Published data (CSV, UTF-8): hourly air-quality AQI and the six pollutants (at most 93 days), or the surface-water sections\' daily means and class (at most 366 days); the "to" day is excluded.'],
    dataset: ['数据', 'Data'],
    datasetAqi: ['空气质量小时数据', 'Air quality, hourly'],
    datasetWater: ['地表水断面日数据', 'Surface water, daily'],
    province: ['省', 'Province'],
    allStations: ['全部站点', 'All stations'],
    from: ['自', 'From'],
    to: ['至', 'To'],
    download: ['下载 CSV', 'Download CSV'],
    bulletinsTitle: ['公开报告', 'Published reports'],
    bulletinsNote: ['已发布的报告文件（Word、Excel、PDF），数字与本站发布的统计一致；数据修订后重新生成的版本与旧版本一并列出。', 'Published report documents (Word, Excel, PDF) whose numbers are the ones this site serves; a version regenerated after data were revised is listed beside the older ones.'],
    bulletinKind: ['报告类型', 'Report'],
    bulletinAllKinds: ['全部类型', 'All kinds'],
    bulletinAllRegions: ['全部地区', 'All regions'],
    bulletinPeriod: ['期间（年 yyyy、月 yyyy-MM 或日 yyyy-MM-dd）', 'Period (year yyyy, month yyyy-MM or day yyyy-MM-dd)'],
    bulletinFiles: ['下载', 'Download'],
    bulletinPeriodColumn: ['期间', 'Period'],
    bulletinGeneratedAt: ['生成时间', 'Generated'],
    bulletinNone: ['没有符合条件的报告。', 'No report matches.'],
    loading: ['加载中…', 'Loading…'],
    failed: ['加载失败：', 'Failed: '],
    consoleTitle: ['管理控制台', 'Staff console'],
    loginTitle: ['管理控制台登录', 'Staff console sign-in'],
    user: ['用户名', 'User name'],
    password: ['密码', 'Password'],
    login: ['登录', 'Sign in'],
    logout: ['退出', 'Sign out'],
    tabStatus: ['接入状态', 'Ingest status'],
    tabRegistry: ['站点登记', 'Station registry'],
    tabFrames: ['原始报文', 'Raw frames'],
    tabReview: ['数据审核', 'Data review'],
    tabAlarms: ['报警督办', 'Alarm supervision'],
    reviewNote: ['待审核数据：自动检查判为可疑或无效、尚未人工审核的数据（最多 1000 条，按时间先后）。勾选后标记有效或无效，原值不变，判定与审计记录一并保存，相关日自动重新评价。', 'Values to review: found suspect or invalid by the automatic checks and not yet decided by a reviewer (at most 1000, oldest first). Tick values and mark them valid or invalid; values are never changed, the decision is stored with its audit entry and the days are re-evaluated.'],
    interval: ['数据类型', 'Interval'],
    verdict: ['判定', 'Verdict'],
    verdictInvalid: ['无效', 'invalid'],
    verdictValid: ['有效', 'valid'],
    reasonCode: ['原因代码', 'Reason code'],
    comment: ['说明', 'Comment'],
    decide: ['提交审核', 'Submit decision'],
    rule: ['规则', 'Rule'],
    severity: ['级别', 'Severity'],
    selected: ['已选 {n} 条', '{n} selected'],
    selectFirst: ['请先勾选数据', 'Tick values first'],
    decided: ['已保存审核判定 {ids}（{n} 条）', 'Stored decision(s) {ids} ({n} values)'],
    selectAll: ['全选', 'All'],
    state: ['状态', 'State'],
    openOnly: ['仅未闭环', 'Not closed only'],
    raisedAt: ['报警时间', 'Raised'],
    subject: ['对象', 'Subject'],
    limit: ['限值', 'Limit'],
    peak: ['峰值', 'Peak'],
    hits: ['超限时段数', 'Periods'],
    evidence: ['证据（报警时冻结）', 'Evidence (frozen when raised)'],
    timeline: ['处理过程', 'Timeline'],
    actor: ['操作人', 'Actor'],
    action: ['操作', 'Action'],
    stateAfter: ['操作后状态', 'State after'],
    detail: ['详情', 'Detail'],
    unit: ['责任单位', 'Unit'],
    deadline: ['反馈期限', 'Deadline'],
    cause: ['原因', 'Cause'],
    measures: ['措施', 'Measures'],
    by: ['处理人', 'By'],
    actionDone: ['操作成功：{action}，当前状态 {state}', 'Done: {action}; state now {state}'],
    refused: ['操作被拒绝：', 'Refused: '],
    details: ['查看', 'Open'],
    values: ['超限数值', 'Values'],
    rawFrames: ['原始报文', 'Raw frames'],
    act_acknowledge: ['确认', 'Acknowledge'],
    act_dispatch: ['派发', 'Dispatch'],
    act_feedback: ['反馈', 'Feedback'],
    act_verify: ['核实闭环', 'Verify and close'],
    act_reject: ['退回', 'Reject'],
    act_escalate: ['升级', 'Escalate'],
    act_dismiss: ['撤销', 'Dismiss'],
    step_raised: ['报警产生', 'Raised'],
    step_cleared: ['恢复正常', 'Cleared'],
    step_recurred: ['再次超限', 'Recurred'],
    step_acknowledged: ['已确认', 'Acknowledged'],
    step_dispatched: ['已派发', 'Dispatched'],
    step_feedback: ['已反馈', 'Feedback submitted'],
    step_verified: ['核实闭环', 'Verified and closed'],
    step_rejected: ['退回重办', 'Rejected'],
    step_escalated: ['超期升级', 'Escalated'],
    step_dismissed: ['已撤销', 'Dismissed'],
    step_invalidated: ['审核判定无效', 'Invalidated by review'],
    step_reviewed: ['审核后重新评价', 'Re-evaluated after review'],
    state_open: ['待处理', 'Open'],
    state_acknowledged: ['已确认', 'Acknowledged'],
    state_dispatched: ['已派发', 'Dispatched'],
    state_escalated: ['已升级', 'Escalated'],
    state_feedbackSubmitted: ['已反馈待核实', 'Feedback submitted'],
    state_closed: ['已闭环', 'Closed'],
    severity_notice: ['提示', 'Notice'],
    severity_warning: ['预警', 'Warning'],
    severity_serious: ['严重', 'Serious'],
    severity_critical: ['紧急', 'Critical'],
    alarmId: ['编号', 'No.'],
    sequence: ['序号', 'Step'],
    at: ['时间', 'When'],
    online: ['在线', 'online'],
    offline: ['离线', 'offline'],
    lastFrame: ['最后报文时间', 'Last frame'],
    lastOutcome: ['最后报文结果', 'Last outcome'],
    lastData: ['最新数据时段', 'Latest data period'],
    type: ['类型', 'Type'],
    active: ['启用', 'Active'],
    enterprise: ['企业', 'Enterprise'],
    networks: ['所属网络', 'Networks'],
    network_national: ['国控', 'National'],
    network_provincial: ['省控', 'Provincial'],
    network_city: ['市控', 'City'],
    network_county: ['县控', 'County'],
    network_background: ['对照点', 'Background'],
    network_sensor: ['微站', 'Sensor'],
    network_research: ['科研', 'Research'],
    rejectedByReason: ['近 24 小时被拒报文（按原因）', 'Rejected frames, last 24 hours, by reason'],
    setAsideWork: ['搁置的后台任务', 'Set-aside background work'],
    setAsideNote: ['某站某日的评价、质控或报警计算因自身数据反复出错（数据库故障不计）时被搁置，其余数据照常处理。排除原因后点“重试”重新计算该站该日。', 'A station-day whose evaluation, quality check or alarm work kept failing on its own (a failing database does not count) is set aside while the rest goes on. Once the cause is dealt with, Retry works on that station-day again.'],
    setAsideCount: ['搁置任务', 'Set-aside work'],
    workKind: ['任务', 'Work'],
    stationType_airQuality: ['环境空气', 'Ambient air'],
    stationType_surfaceWater: ['地表水', 'Surface water'],
    stationType_groundwater: ['地下水', 'Groundwater'],
    stationType_noise: ['声环境', 'Noise'],
    stationType_radiation: ['辐射', 'Radiation'],
    stationType_flueGasOutlet: ['废气排口', 'Flue-gas outlet'],
    stationType_wasteWaterOutlet: ['废水排口', 'Waste-water outlet'],
    stationType_vocs: ['挥发性有机物', 'VOCs'],
    stationType_dust: ['扬尘', 'Dust'],
    kind_evaluation: ['评价', 'evaluation'],
    kind_quality: ['质控', 'quality check'],
    kind_alarms: ['报警', 'alarms'],
    attempts: ['失败次数', 'Attempts'],
    setAsideSince: ['搁置时间', 'Set aside at'],
    lastError: ['最后错误', 'Last error'],
    retry: ['重试', 'Retry'],
    retried: ['已重新排队', 'Queued again'],
    sinceStart: ['本次启动以来', 'since start'],
    none: ['无', 'none'],
    onlineCount: ['在线站点', 'Online stations'],
    stationForm: ['新增 / 修改站点（按 MN 覆盖）', 'Add / edit a station (replaces by MN)'],
    save: ['保存', 'Save'],
    saved: ['已保存', 'Saved'],
    longitude: ['经度', 'Longitude'],
    latitude: ['纬度', 'Latitude'],
    edit: ['修改', 'Edit'],
    filter: ['筛选', 'Filter'],
    frames: ['报文', 'Frames'],
    receivedAt: ['接收时间', 'Received'],
    outcome: ['结果', 'Outcome'],
    reason: ['原因', 'Reason'],
    peer: ['来源', 'Peer'],
    textEncoding: ['编码', 'Encoding'],
    invalidBytes: ['含无效字节', 'invalid bytes'],
    text: ['报文内容', 'Frame'],
    choose: ['选择站点', 'Choose a station'],
    code: ['动态口令', 'Code'],
    codeNeeded: ['请输入身份验证器上的 6 位动态口令（或一个恢复码），再点“登录”。', 'Enter the 6-digit code of your authenticator app (or one of your recovery codes), then Sign in again.'],
    oidcLogin: ['统一身份认证登录', 'Sign in with the unified identity platform'],
    oidcCodeNeeded: ['已通过统一身份认证。请输入身份验证器上的 6 位动态口令（或一个恢复码），再点“登录”。', 'Signed in at the identity platform. Enter the 6-digit code of your authenticator app (or one of your recovery codes), then Sign in.'],
    localPasswordsOff: ['本平台仅支持统一身份认证登录。', 'This platform signs people in through the identity platform only.'],
    tabAccounts: ['账号管理', 'Accounts'],
    myAccount: ['我的账号', 'My account'],
    backToConsole: ['返回控制台', 'Back to the console'],
    noTabs: ['您的角色在此没有可用的页面。', 'Your roles have no page here.'],
    noPermission: ['您没有此页面的权限（需要 {p}）。', 'You may not use this page (it needs {p}).'],
    setupTitle: ['首次运行：创建三员管理员', 'First run: create the three administrators'],
    setupNote: ['系统中还没有系统管理员。请输入节点启动日志中的一次性初始化令牌（ecs_…），为系统管理员、安全管理员和审计管理员各填写一位不同的人员（三员分立）。', 'No system administrator exists yet. Enter the one-time set-up token printed in a node\'s log at start (ecs_…) and name three different people as system, security and audit administrator (separation of the three administrators).'],
    setupDone: ['初始化已完成，系统管理员已存在。请直接登录。', 'Set-up is done: a system administrator exists. Sign in.'],
    setupToken: ['初始化令牌', 'Set-up token'],
    setupCreate: ['创建管理员', 'Create the administrators'],
    setupCreated: ['已创建三位管理员。', 'The three administrators are created.'],
    temporaryWarning: ['临时密码只显示这一次：请立即分别当面交给本人，不要转发或保存。本人首次登录时必须设置自己的密码并绑定身份验证器。', 'Each temporary password is shown this once: hand each to its person now, in person; do not forward or keep it. At the first sign-in each sets a password of their own and enrols an authenticator.'],
    temporaryPassword: ['临时密码', 'Temporary password'],
    goToLogin: ['前往登录', 'Go to sign-in'],
    displayName: ['姓名', 'Name'],
    role: ['角色', 'Role'],
    roles: ['角色', 'Roles'],
    role_systemAdministrator: ['系统管理员', 'System administrator'],
    role_securityAdministrator: ['安全管理员', 'Security administrator'],
    role_auditAdministrator: ['审计管理员', 'Audit administrator'],
    role_dataReviewer: ['数据审核', 'Data reviewer'],
    role_networkOperator: ['运维', 'Network operator'],
    role_manager: ['管理', 'Manager'],
    role_enforcement: ['执法', 'Enforcement'],
    role_enterpriseUser: ['企业用户', 'Enterprise user'],
    role_departmentClient: ['部门接口', 'Department client'],
    accountTitle: ['我的账号', 'My account'],
    pendingPassword: ['请先设置您自己的密码，之后才能使用控制台。', 'Set a password of your own first; until then the console can do nothing else.'],
    pendingTwoFactor: ['您的角色要求双因素登录：请先绑定身份验证器，之后才能使用控制台。', 'Your roles sign in with two factors: enrol an authenticator first; until then the console can do nothing else.'],
    nothingPending: ['账号已就绪。', 'Your account is ready.'],
    changePassword: ['修改密码', 'Change the password'],
    passwordPolicy: ['密码要求（等保 2.0 三级）：至少 8 个字符，包含小写字母、大写字母、数字、其他字符中的至少 3 类；不得包含用户名；不得与最近 3 次的密码相同。管理员每 90 天须更换密码。', 'Password policy (MLPS 2.0 level 3): at least 8 characters of at least 3 kinds (lower case, upper case, digits, others); not containing the user name; none of the last 3 passwords. Administrators change theirs every 90 days.'],
    currentPassword: ['当前密码（或临时密码）', 'Current (or temporary) password'],
    newPassword: ['新密码', 'New password'],
    repeatPassword: ['再次输入新密码', 'New password again'],
    passwordsDiffer: ['两次输入的新密码不一致', 'The two new passwords differ'],
    passwordChanged: ['密码已修改。', 'The password is changed.'],
    twoFactor: ['身份验证器（双因素登录）', 'Authenticator (two-factor sign-in)'],
    twoFactorNote: ['用手机上的身份验证器应用（任何支持 TOTP 的应用）添加账号：手动输入下方密钥，或把 otpauth 链接复制到应用中；然后输入应用显示的 6 位动态口令完成绑定。重新绑定后旧的身份验证器和恢复码失效。', 'In an authenticator app on your phone (any TOTP app) add an account: type the key below, or copy the otpauth link into the app; then enter the 6-digit code it shows to finish. Enrolling again ends the earlier authenticator and recovery codes.'],
    twoFactorBegin: ['开始绑定身份验证器', 'Enrol an authenticator'],
    twoFactorSecret: ['密钥', 'Key'],
    twoFactorLink: ['otpauth 链接', 'otpauth link'],
    twoFactorConfirm: ['完成绑定', 'Finish enrolment'],
    recoveryTitle: ['恢复码', 'Recovery codes'],
    recoveryWarning: ['身份验证器已绑定。以下 10 个恢复码只显示这一次：请抄写或打印后妥善保管。手机丢失时，每个恢复码可代替动态口令登录一次。', 'The authenticator is enrolled. These ten recovery codes are shown this once: write them down or print them and keep them safe. If the phone is lost, each signs in once in place of a code.'],
    authenticator: ['身份验证器', 'Authenticator'],
    enrolled: ['已绑定', 'enrolled'],
    notEnrolled: ['未绑定', 'not enrolled'],
    accountsTitle: ['账号管理', 'Accounts'],
    accountsNote: ['账号从不删除：离职人员的账号停用即可，审计记录中的姓名始终可查。本人不能修改自己的角色，也不能停用自己。', 'Accounts are never deleted: disable the account of someone who leaves, so that names in the audit trail keep meaning someone. Nobody changes their own roles or disables themselves.'],
    createAccount: ['新建账号', 'Create an account'],
    create: ['创建', 'Create'],
    accountCreated: ['已创建账号 {user}。', 'Account {user} created.'],
    passwordReset: ['已为 {user} 重置密码。', 'Password of {user} reset.'],
    jurisdiction: ['管辖区划', 'Jurisdiction'],
    accountState: ['状态', 'State'],
    disabled: ['已停用', 'disabled'],
    enabled: ['正常', 'active'],
    lockedUntil: ['锁定至 {t}', 'locked until {t}'],
    mustChange: ['待设置密码', 'must set a password'],
    lastSignIn: ['最近登录', 'Last sign-in'],
    createdAt: ['创建时间', 'Created'],
    actions: ['操作', 'Actions'],
    disable: ['停用', 'Disable'],
    enable: ['启用', 'Enable'],
    resetPassword: ['重置密码', 'Reset password'],
    resetTwoFactor: ['重置身份验证器', 'Reset authenticator'],
    editAccess: ['角色与区划', 'Roles and jurisdiction'],
    confirmDisable: ['停用账号 {user}？其会话立即结束。', 'Disable {user}? Their sessions end at once.'],
    confirmEnable: ['启用账号 {user}？', 'Enable {user} again?'],
    confirmResetPassword: ['为 {user} 生成新的临时密码？当前密码失效，锁定解除。', 'Give {user} a new temporary password? The current one stops working and a lock is lifted.'],
    confirmResetTwoFactor: ['删除 {user} 的身份验证器和恢复码？需要双因素的角色下次登录时须重新绑定。', 'Remove the authenticator and recovery codes of {user}? Roles that need two factors enrol again at the next sign-in.'],
    accessFor: ['{user} 的角色与区划', 'Roles and jurisdiction of {user}'],
    accessNote: ['三员（系统、安全、审计管理员）互斥且不兼任其他角色；企业用户只能是企业用户并须填写企业；除管理员外每个角色都须有管辖区划（6 位行政区划代码）。', 'The three administrators exclude each other and any other role; an enterprise user is nothing else and needs its enterprise; every role but the administrators\' needs a jurisdiction (a 6-digit region code).'],
    externalIdentity: ['统一身份认证账号', 'Identity provider account'],
    externalNote: ['关联后，此人通过统一身份认证登录，使用本账号的角色和区划。颁发者须与其令牌中的 iss 完全一致。', 'Once linked, the person signs in through the identity provider with this account\'s roles and jurisdiction. The issuer must be exactly the iss of its tokens.'],
    issuer: ['颁发者（issuer）', 'Issuer'],
    subject: ['用户标识（subject）', 'Subject'],
    link: ['关联', 'Link'],
    unlink: ['解除关联', 'Remove link'],
    confirmUnlink: ['解除 {user} 与统一身份认证账号的关联？', 'Remove the link of {user} to its identity provider account?'],
    done: ['已完成：{what}', 'Done: {what}'],
    cancel: ['取消', 'Cancel'],
    tabAudit: ['审计日志', 'Audit trail'],
    tabClients: ['接口客户端', 'API clients'],
    tabReports: ['报告', 'Reports'],
    reportsTitle: ['报告', 'Reports'],
    reportsNote: ['空气质量日报、月报和年报（Word、Excel、PDF），数字与接口发布的统计一致。每次生成都存档；数据修订后自动（或手动）重新生成得到新版本，旧版本保留。日报每天、月报每月3日、年报每年1月20日自动生成。', 'Daily air bulletins, monthly and annual air-quality reports (Word, Excel, PDF) whose numbers are the ones the API serves. Every generation is archived; after data were revised the schedule (or you) regenerates them as a new version and the old is kept. The daily bulletin is generated every day, the monthly report on the 3rd, the annual report on 20 January.'],
    generateReport: ['生成报告', 'Generate a report'],
    generate: ['生成', 'Generate'],
    reportKind: ['类型', 'Kind'],
    'reportKind_monthly-air': ['环境空气质量月报', 'Monthly air-quality report'],
    'reportKind_monthly-water': ['地表水环境质量月报', 'Monthly surface-water report'],
    'reportKind_daily-bulletin': ['空气质量日报', 'Daily air bulletin'],
    'reportKind_annual-air': ['环境空气质量年报', 'Annual air-quality report'],
    reportRegion: ['区划（省或市，6 位代码）', 'Region (province or city, 6 digits)'],
    reportPeriod: ['期间（年报 yyyy，月报 yyyy-MM，日报 yyyy-MM-dd）', 'Period (annual yyyy, monthly yyyy-MM, daily yyyy-MM-dd)'],
    reportFormat: ['格式', 'Format'],
    reportVersion: ['版本', 'Version'],
    reportSize: ['大小', 'Size'],
    reportFile: ['下载', 'Download'],
    reportGenerated: ['已生成并存档：第 {v} 版', 'Generated and archived: version {v}'],
    reportUnchanged: ['数据未变化，沿用第 {v} 版', 'The data are unchanged: version {v} stands'],
    clientsTitle: ['接口客户端', 'API clients'],
    clientsNote: ['其他部门和系统（水利、气象等）用自己的密钥调用接口，不使用个人账号。每个密钥只有所选权限、只看所选管辖区划内的站点、按自己的频率限流，到期或吊销后立即失效。客户端从不删除，吊销即可。', 'Other departments\' and systems\' programs (water resources, meteorology …) call the API with a key of their own, never with a person\'s account. A key holds only the permissions chosen, sees only the stations of its jurisdiction, is limited at its own rate, and stops working when it expires or is revoked. Clients are never deleted: revoke them.'],
    issueClient: ['签发密钥', 'Issue a key'],
    issue: ['签发', 'Issue'],
    clientName: ['名称', 'Name'],
    clientOwner: ['所属部门或系统', 'Department or system'],
    clientId: ['标识', 'Id'],
    clientPermissions: ['权限', 'Permissions'],
    clientValidDays: ['有效天数（最长 730 天）', 'Valid for days (at most 730)'],
    clientRate: ['每秒请求数 / 突发', 'Requests per second / burst'],
    clientRateInput: ['每秒请求数（留空用默认值）', 'Requests per second (empty: the default)'],
    clientBurst: ['突发请求数（留空用默认值）', 'Burst (empty: the default)'],
    clientExpires: ['到期时间', 'Expires'],
    clientLastUsed: ['最近使用', 'Last used'],
    clientIssued: ['已为 {name} 签发密钥。', 'Key issued to {name}.'],
    clientKey: ['密钥', 'Key'],
    clientKeyWarning: ['密钥只显示这一次，平台只保存其哈希：请立即通过安全渠道交给对方系统的负责人，不要通过邮件或聊天工具明文转发。遗失后只能吊销并重新签发。', 'The key is shown this once; the platform keeps only its hash. Hand it now to whoever runs the other system, over a secure channel, never in clear by mail or chat. If it is lost, revoke it and issue a new one.'],
    clientState_active: ['有效', 'active'],
    clientState_expired: ['已过期', 'expired'],
    clientState_revoked: ['已吊销', 'revoked'],
    revoke: ['吊销', 'Revoke'],
    confirmRevoke: ['吊销 {name} 的密钥？对方系统的请求将立即被拒绝，且无法恢复。', 'Revoke the key of {name}? The other system\'s requests are refused at once; this cannot be undone.'],
    auditTitle: ['审计日志', 'Audit trail'],
    auditNote: ['审计日志只追加、按哈希链接，任何人（包括管理员）都不能修改或删除其中的记录；本页只读。', 'The audit trail is append-only and hash-chained: nobody, administrators included, can change or delete an entry; this page only reads.'],
    auditVerifyTitle: ['校验哈希链', 'Verify the hash chain'],
    auditVerifyNote: ['校验整条审计链是否完整。请把显示的链头（序号:哈希）抄录并保存在平台以外（如每日报告），日后用它证明此后没有记录被截去或改写（ecomon audit verify --anchor）。', 'Checks the whole trail. Note the head shown (sequence:hash) somewhere outside the platform (the morning report); later it proves that nothing was cut off or rewritten since (ecomon audit verify --anchor).'],
    auditVerify: ['校验', 'Verify the chain'],
    auditIntact: ['审计链完整：已校验 {n} 条记录。', 'The chain is intact: {n} entries checked.'],
    auditBroken: ['审计链已被破坏！已校验 {n} 条记录。', 'The chain is BROKEN! {n} entries checked.'],
    auditHead: ['链头（请抄录）', 'Head (note it down)'],
    auditFirstBroken: ['首个被破坏的记录', 'First broken entry'],
    auditSubjectType: ['对象类型', 'Subject type'],
    auditSubjectId: ['对象标识', 'Subject id'],
    auditToInclusive: ['至（含当日）', 'To (that day included)'],
    auditFilterNote: ['操作人须与记录完全一致（如 li.na）；操作可填完整代码（account.created），或以“.”结尾的前缀（account.、security.）。日期按北京时间。', 'The actor must match exactly (e.g. li.na); the action is a full code (account.created) or a prefix ending in "." (account., security.). Days are China Standard Time.'],
    auditSequence: ['序号', 'Sequence'],
    auditAddress: ['地址', 'Address'],
    auditDetails: ['内容', 'Content'],
    auditShowDetails: ['显示前后内容', 'Show before/after'],
    auditHideDetails: ['隐藏', 'Hide'],
    auditBefore: ['修改前', 'Before'],
    auditAfter: ['修改后', 'After'],
    auditHash: ['哈希', 'Hash'],
    auditPreviousHash: ['前一条的哈希', 'Previous hash'],
    auditNone: ['没有符合条件的记录。', 'No entries match.'],
    auditOlder: ['更早的记录', 'Older entries'],
    auditNewest: ['最新的记录', 'Newest entries'],
    tabDust: ['沙尘天气', 'Dust days'],
    dustTitle: ['沙尘天气影响日', 'Days affected by dust and sand'],
    dustNote: ['标记本辖区城市受沙尘天气影响的日期（沙尘天气影响，附说明）。排名与统计选择“扣沙”时，这些日期不参与该城市及其区县的统计。每次标记和撤销都记入审计日志。', 'Mark the days a city of your jurisdiction was affected by dust and sand, with a note. Rankings and statistics with dust excluded (扣沙) leave these days out for the city and its counties. Every mark and removal enters the audit trail.'],
    dustMark: ['标记', 'Mark'],
    dustCity: ['城市代码', 'City code'],
    dustDay: ['日期', 'Day'],
    dustNoteInput: ['说明（最多 500 字）', 'Note (at most 500 characters)'],
    dustMonth: ['月份', 'Month'],
    dustMarkedAt: ['标记时间', 'Marked at'],
    dustUnmark: ['撤销', 'Remove'],
    confirmUnmark: ['撤销 {city} 在 {day} 的沙尘标记？', 'Remove the dust mark of {city} on {day}?'],
    tabTargets: ['考核目标', 'Targets'],
    targetsTitle: ['考核目标', 'Assessment targets'],
    targetsNote: ['设置本辖区（省、市、区县）某年的考核目标，并查看完成情况：截至昨日的数值，以及假定全年剩余日期与上一年同期相同得到的年末预测。断面的年度目标类别优先于站点登记的水质目标。每次设置和删除都记入审计日志。', 'Set the targets of a region in your jurisdiction (province, city or county) for a year and follow their progress: the value to yesterday and the year-end projection assuming the rest of the year repeats the same days of the previous year. A section\'s class for the year overrides its registered target class. Every change enters the audit trail.'],
    targetsRegion: ['区划代码', 'Region code'],
    targetsYear: ['年份', 'Year'],
    targetsShow: ['查看', 'Show'],
    targetsEdit: ['设置目标', 'Set targets'],
    targetsPm25: ['PM2.5 年均浓度目标（μg/m³，不高于）', 'PM2.5 annual mean (µg/m³, at most)'],
    targetsGoodDays: ['优良天数比例目标（%，不低于）', 'Good-day ratio (%, at least)'],
    targetsHeavyDays: ['重污染天数目标（天，不多于）', 'Heavy-pollution days (at most)'],
    targetsWaterShare: ['优良水质（I–III类）断面比例目标（%，不低于）', 'Share of class I–III sections (%, at least)'],
    targetsSections: ['断面年度目标类别（MN=类别 1–5，逗号分隔）', 'Section classes for the year (MN=class 1–5, comma-separated)'],
    targetsSave: ['保存', 'Save'],
    targetsRemove: ['删除', 'Remove'],
    targetsProgress: ['完成情况与年末预测', 'Progress and year-end projection'],
    targetsOfYear: ['本年度各地区目标', 'Targets of the year'],
    targetsNone: ['该地区该年度尚未设置目标。', 'No targets are set for this region and year.'],
    targetsPeriod: ['截至 {to}；年内剩余日期按上一年 {restFrom} 至 {restTo} 预测。', 'To date: to {to}; the rest of the year projected from {restFrom} to {restTo} of the previous year.'],
    targetsPeriodOver: ['全年已结束：统计至 {to}，年末值即全年数值。', 'The year is over: figures to {to}; the year-end value is the whole year\'s.'],
    targetsNoAir: ['本省无空气质量监测城市，空气目标不计算进度。', 'No city of this province has an air-quality station: air targets show no progress.'],
    targetsMeasure: ['指标', 'Measure'],
    targetsMeasure_pm25: ['PM2.5（μg/m³）', 'PM2.5 (µg/m³)'],
    targetsMeasure_goodDayRatio: ['优良天数比例（%）', 'Good-day ratio (%)'],
    targetsMeasure_heavyPollutionDays: ['重污染天数', 'Heavy-pollution days'],
    targetsMeasure_goodWaterShare: ['优良水质断面比例（%）', 'Good sections (%)'],
    targetsTarget: ['目标', 'Target'],
    targetsToDate: ['截至目前', 'To date'],
    targetsProjection: ['年末预测', 'Projection'],
    targetsOnTrackColumn: ['预计完成', 'On track'],
    targetsOnTrack: ['是', 'yes'],
    targetsOffTrack: ['否', 'no'],
    targetsSectionName: ['断面', 'Section'],
    targetsTargetClass: ['目标类别', 'Target class'],
    targetsFromRegistry: ['（登记）', '(registry)'],
    targetsSetAt: ['设置时间', 'Set at'],
    confirmRemoveTargets: ['删除 {region} 的 {year} 年考核目标？', 'Remove the targets of {region} for {year}?'],
    footer: ['EcoMonitor · 数据为监测站点实时发布数据，未经审核 · 边界底图仅为示意（非审图号地图）', 'EcoMonitor · real-time station data as released, not yet audited · boundaries are illustrative, not an approved map'],
    portalTargetsTitle: ['考核目标完成情况', 'Progress of assessment targets'],
    portalTargetsNote: ['各地区（省、市、区县）某年的考核目标：截至昨日的数值，以及假定全年剩余日期与上一年同期相同得到的年末预测，是否预计完成。', 'The targets of a region (province, city or county) for a year: the value to yesterday, the year-end projection assuming the rest of the year repeats the same days of the previous year, and whether on track.'],
    portalTargetsNone: ['该年度没有地区设置考核目标。', 'No region has targets for this year.']
  };

  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') || localStorage.getItem('ecomon.lang') || 'zh';
  if (lang !== 'zh' && lang !== 'en') { lang = 'zh'; }
  var column = lang === 'zh' ? 0 : 1;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

  function t(key) { var row = TEXT[key]; return row ? row[column] || row[0] : key; }

  // An element built from data without markup: 'text' is set as text (never parsed as HTML), 'style' through the CSSOM
  // (the Content-Security-Policy refuses style attributes, not element.style), the rest as attributes.
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'style') { e.style.cssText = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
      });
    }
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

  // The HJ 633 level table (/api/v1/aqi/levels); kept once loaded, so that level words can be looked up synchronously.
  var levelsPromise = null;
  var levelRows = [];
  function levels() {
    if (!levelsPromise) { levelsPromise = getJson('/api/v1/aqi/levels').then(function (rows) { levelRows = rows; return rows; }); }
    return levelsPromise;
  }

  // A word of a level row in the page's language: levelName, category, healthEffect or advice. The English comes
  // with the row (row.english: EcoMonitor's translation, row.english.note says so).
  function levelText(row, field) { return lang === 'en' && row.english ? row.english[field] : row[field]; }

  // Text colour readable on an HJ 633 level colour: dark on green, yellow and orange; white on the others.
  function levelTextColour(level) { return level >= 4 ? '#fff' : '#111'; }

  function categoryName(level, chinese) { var row = levelRows[level - 1]; return row ? levelText(row, 'category') : chinese; }

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

  // geo/regions.json: code -> [Chinese, English] (tools/portal-regions). A station's city: its prefecture, else the
  // code itself (e.g. a Chongqing county), else its province.
  function regionName(names, code) {
    if (!code) { return ''; }
    var row = names[code.substring(0, 4)] || names[code] || names[code.substring(0, 2)];
    return row ? row[column] : code;
  }

  // A sortable table. columns: {key, label, num, wrap, value(row) -> sort value, render(row) -> node or text}; wrap: the
  // column's header and cells may break onto more lines when the table is narrower than its content (long English
  // names), instead of pushing the columns after it out of view — true: anywhere the text allows (names), 'words': at
  // spaces only (terms such as 中度污染 stay whole). options: {id, rowAttrs(row) -> attributes of the row}.
  function table(columns, rows, options) {
    var tbl = el('table', options && options.id ? { id: options.id } : null);
    var headRow = el('tr');
    var body = el('tbody');
    var state = { index: -1, dir: 1 };
    columns.forEach(function (c, i) {
      var th = el('th', { 'class': 'sortable' + (c.num ? ' num' : '') + wrapClass(c), scope: 'col', tabindex: '0', text: t(c.label) });
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
          var cls = ((c.num ? 'num' : '') + wrapClass(c)).trim();
          var td = el('td', cls ? { 'class': cls } : null);
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

  function wrapClass(column) { return column.wrap ? (column.wrap === 'words' ? ' wrap words' : ' wrap') : ''; }

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

  // An ECharts tooltip as DOM nodes, never a markup string (ECharts sets a string as innerHTML, so a station name
  // like <img onerror=…> would run): a bold first line, then one line per entry, each set as text.
  function chartTip(title, lines) {
    return el('div', { 'class': 'chart-tip' }, [el('strong', { text: title })].concat(lines.map(function (line) { return el('div', { text: line }); })));
  }

  // The tooltip of an axis-triggered chart: the axis value, then each series' name and value.
  function axisTip(params) {
    var list = [].concat(params);
    return chartTip(list.length ? String(list[0].axisValueLabel) : '', list.map(function (p) {
      return p.seriesName + ': ' + (p.value == null ? '—' : String(p.value));
    }));
  }

  function showError(container, error) {
    container.replaceChildren(el('p', { 'class': 'error', text: t('failed') + error.message }));
  }

  // A JSON request of the pages (same-origin cookie): resolves with {ok, status, body} — body the parsed answer (a
  // problem when refused, docs/api-errors.md) or null — and rejects only when the network fails.
  function send(method, url, body) {
    var init = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      return r.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (ignored) { parsed = { title: text }; }
        return { ok: r.ok, status: r.status, body: parsed };
      });
    });
  }

  // A refusal shown as text in container: status and title, then each reason of the problem's `errors` as a list
  // item (the reasons of a refused password, account or access), else its detail.
  function showProblem(container, answer) {
    var problem = answer.body || {};
    var reasons = [];
    Object.keys(problem.errors || {}).forEach(function (place) { reasons = reasons.concat(problem.errors[place]); });
    var head = answer.status + ' ' + (problem.title || '') + (!reasons.length && problem.detail ? ' — ' + problem.detail : '');
    container.className = 'error';
    container.replaceChildren(el('span', { text: head }), reasons.length ? el('ul', null, reasons.map(function (r) { return el('li', { text: String(r) }); })) : null);
  }

  function showOk(container, text) {
    container.className = 'ok';
    container.textContent = text;
  }

  window.EM = {
    lang: lang, t: t, el: el, header: header, getJson: getJson, cst: cst, levels: levels, levelTextColour: levelTextColour,
    categoryName: categoryName, levelText: levelText, aqiBadge: aqiBadge, regions: regions, regionName: regionName, table: table, chartBlock: chartBlock,
    chartTip: chartTip, axisTip: axisTip, showError: showError, params: params, send: send, showProblem: showProblem, showOk: showOk
  };
})();
