namespace EcoMonitor.Application.Storage.Transfer;

/// <summary>
/// The tables <c>ecomon migrate</c> copies from one store to another (either engine to the other), in copy order —
/// referenced rows before the rows that refer to them (audit entries before the review decisions that cite them,
/// alarms before their steps and notifications) — and the neutral row layout of each (<see cref="Of"/>): CLR values
/// every engine maps (<see cref="TransferValueKind"/>), the engines' shared text codes for enums (docs/adr/0013).
/// Series are not a table here: observation rows carry station, parameter and interval, and the target finds or
/// creates its own series. Engine-local tables are not copied: the notification outbox's delivery state, the review
/// decisions pending for the alarms and the pending background work are, and so are the data-protection keys and
/// console sessions (so that cookies survive the move), but cluster locks, schema versions, transfer cursors, the cursor of the masking of old frames and the first-run set-up token are not (the frames
/// are masked as they are copied, <see cref="MaskPasswords"/>).
/// </summary>
public static class TransferTables
{
    /// <summary>The station registry.</summary>
    public const string Stations = "station";

    /// <summary>Alarm rules (JSON documents).</summary>
    public const string AlarmRules = "alarm_rule";

    /// <summary>Discharge permit limits of enterprise outlets.</summary>
    public const string PermitLimits = "permit_limit";

    /// <summary>Observations (current revisions).</summary>
    public const string Observations = "observation";

    /// <summary>As <see cref="Observations"/>, for the earlier revisions.</summary>
    public const string History = "observation_history";

    /// <summary>Raw frames (the target assigns ids in source id order).</summary>
    public const string Frames = "raw_frame";

    /// <summary>Committed HJ 212 packets (duplicate detection).</summary>
    public const string Packets = "packet";

    /// <summary>Hourly AQI of stations and regions.</summary>
    public const string AqiHours = "aqi_hour";

    /// <summary>Daily AQI of stations and regions.</summary>
    public const string AqiDays = "aqi_day";

    /// <summary>Daily water evaluations (means: the store's JSON text of <see cref="Evaluation.WaterItemMean"/>s).</summary>
    public const string WaterDays = "water_day";

    /// <summary>Automatic quality findings per value.</summary>
    public const string QualityFindings = "quality_finding";

    /// <summary>Values excluded from evaluation per station, day and rule.</summary>
    public const string EvaluationExclusions = "evaluation_exclusion";

    /// <summary>The hash-chained audit trail (sequence numbers and hashes kept as they are).</summary>
    public const string Audit = "audit_entry";

    /// <summary>Where the audit trail starts after pruning (docs/audit.md "Retention").</summary>
    public const string AuditCheckpoints = "audit_checkpoint";

    /// <summary>Review decisions (ids kept; each cites its audit entry).</summary>
    public const string ReviewDecisions = "review_decision";

    /// <summary>
    /// Review decisions still waiting for the alarm re-evaluation (docs/adr/0025). A work queue, but copied: a decision
    /// stored just before the move would otherwise never re-evaluate its alarms on the target (evaluating one twice adds
    /// no second step).
    /// </summary>
    public const string AlarmReviewsPending = "alarm_review_pending";

    /// <summary>Falsification suspicion scores of outlets per day, with their signs (derived; recomputed by <c>ecomon quality recheck</c>).</summary>
    public const string OutletSuspicions = "outlet_suspicion";

    /// <summary>Alarms with their frozen evidence (ids kept).</summary>
    public const string Alarms = "alarm";

    /// <summary>Alarm timelines (append-only steps).</summary>
    public const string AlarmSteps = "alarm_step";

    /// <summary>The notification outbox with its delivery state (ids kept).</summary>
    public const string AlarmNotifications = "alarm_notification";

    /// <summary>
    /// The data-protection key ring (ASP.NET Core, XML with the key material encrypted when configured). Copied: the
    /// console cookies and anything else the nodes protected stay readable after the move, and the keys stay under the
    /// same key encryption (the target's nodes need the same DataProtection settings to read them).
    /// </summary>
    public const string DataProtectionKeys = "data_protection_key";

    /// <summary>
    /// Staff console sessions. Copied with the keys, so that an operator signed in before the move stays signed in
    /// (and a session signed out before it stays out); the copies keep their absolute and idle expiry and are swept on
    /// the target as anywhere. Only the SHA-256 of each session key is stored, so a copy holds nothing a cookie can be
    /// made from.
    /// </summary>
    public const string ConsoleSessions = "console_session";

    /// <summary>
    /// People's accounts (ids kept: roles refer to them), with their password hashes, TOTP secrets (protected by the
    /// data-protection keys copied above) and recovery-code hashes, so that everyone signs in on the target as before.
    /// </summary>
    public const string Accounts = "user_account";

    /// <summary>The roles of the accounts.</summary>
    public const string AccountRoles = "user_role";

    /// <summary>
    /// API clients (ids kept: they are in the keys departments hold), with the SHA-256 of their secrets, so that every key
    /// works on the target as before.
    /// </summary>
    public const string ApiClients = "api_client";

    /// <summary>
    /// Station-days waiting for the background workers, with each worker's completed version (docs/adr/0027). A work
    /// queue, but copied: values committed just before the move would otherwise never be evaluated, checked or alarmed
    /// on by the target (working on a day twice is harmless). The target assigns its own row ids.
    /// </summary>
    public const string WorkPending = "work_pending";

    /// <summary>Failed attempts and set-aside work per worker and station-day (copied, so set-aside work stays set aside and visible).</summary>
    public const string WorkFailures = "work_failure";

    /// <summary>The dust-day register: a city's days marked as affected by dust and sand, with who marked them and why.</summary>
    public const string DustDays = "dust_day";

    /// <summary>The assessment targets of regions per year, with their sections' target classes.</summary>
    public const string RegionTargets = "region_target";
    /// <summary>
    /// Archived report documents with their bytes (ids kept: download links name them; every version copied, ADR 0038).
    /// </summary>
    public const string ReportArchive = "report_archive";

    private static readonly TransferColumn[] ObservationColumns =
    [
        T("station_id"), T("parameter"), T("interval"), I("period_start"), N("revision"), D("value"), D("min"), D("max"), D("total"),
        D("converted"), T("flag"), new("source", TransferValueKind.Whole16), I("received_at"),
    ];

    private static readonly Dictionary<string, TransferTable> Tables = new TransferTable[]
    {
        new(Stations,
            [
                T("id"), T("name"), T("type"), T("region"), F("longitude"), F("latitude"), T("control_level"), T("enterprise"), T("password"),
                T("encoding"), T("period_label"), N("water_target_class"), T("noise_zone"), B("is_active"), T("water_body"),
                N("reporting_interval_hours"), B("drinking_water_source"), T("networks"), T("basin"), T("water_body_name"),
            ], ["id"]),
        new(AlarmRules, [T("id"), T("document"), I("updated_at")], ["id"]),
        new(PermitLimits, [T("station_id"), T("parameter"), D("limit_value"), T("permit_number")], ["station_id", "parameter"]),
        new(Observations, ObservationColumns, []),
        new(History, ObservationColumns, []),
        new(Frames, [I("received_at"), T("peer"), T("station_id"), T("command_code"), T("request_number"), new("bytes", TransferValueKind.Bytes), T("outcome"), T("reason")], []),
        new(Packets, [T("station_id"), T("request_number"), N("packet_number"), I("committed_at")], ["station_id", "request_number", "packet_number"]),
        new(AqiHours,
            [
                T("scope"), T("code"), I("hour_start"), D("so2"), D("no2"), D("pm10"), D("pm25"), D("co"), D("o3"), N("aqi"),
                T("primary_pollutants"), T("exceeding_pollutants"),
            ], ["scope", "code", "hour_start"]),
        new(AqiDays,
            [
                T("scope"), T("code"), Y("day"), D("so2"), D("no2"), D("pm10"), D("pm25"), D("co"), D("o3_max_1h"), D("o3_max_8h"),
                B("is_valid"), N("aqi"), T("primary_pollutants"), T("exceeding_pollutants"),
            ], ["scope", "code", "day"]),
        new(WaterDays, [T("station_id"), Y("day"), T("means"), N("water_class")], ["station_id", "day"]),
        new(QualityFindings,
            [T("station_id"), T("interval"), I("period_start"), T("parameter"), T("rule"), new("severity", TransferValueKind.Whole16), T("reason")],
            ["station_id", "interval", "period_start", "parameter", "rule"]),
        new(EvaluationExclusions, [T("station_id"), Y("day"), T("rule"), N("excluded")], ["station_id", "day", "rule"]),
        new(OutletSuspicions,
            [T("station_id"), Y("day"), N("score"), T("signs"), N("values_examined"), N("frames_examined"), I("computed_at")],
            ["station_id", "day"]),
        new(Audit,
            [
                L("sequence"), I("recorded_at"), T("actor"), T("action"), T("subject_type"), T("subject_id"), T("before_json"), T("after_json"),
                T("reason"), T("previous_hash"), T("hash"), T("address"),
            ], ["sequence"], KeepsSourceIds: true),
        new(AuditCheckpoints, [L("through_sequence"), T("through_hash"), L("entry_sequence"), L("pruned"), I("pruned_at")], ["through_sequence"], KeepsSourceIds: true),
        new(ReviewDecisions,
            [
                L("id"), T("station_id"), T("interval"), T("parameter"), I("period_from"), I("period_to"), T("validity"), T("reason_code"),
                T("comment"), T("reviewer"), I("decided_at"), L("audit_sequence"),
            ], ["id"], KeepsSourceIds: true),
        new(AlarmReviewsPending, [L("decision_id"), I("queued_at")], ["decision_id"]),
        new(Alarms,
            [
                L("id"), T("rule_id"), T("kind"), T("subject"), T("subject_name"), T("region"), T("enterprise"), T("parameter"), T("severity"),
                T("state"), B("is_active"), I("raised_at"), I("first_period"), I("last_period"), I("cleared_at"), D("limit_value"), D("peak"),
                N("hits"), N("recurrences"), T("assigned_unit"), I("deadline"), N("escalation_level"), I("closed_at"), T("evidence"), N("version"),
            ], ["id"], KeepsSourceIds: true),
        new(AlarmSteps, [L("alarm_id"), N("seq"), I("at"), T("actor"), T("action"), T("state_after"), T("detail")], ["alarm_id", "seq"], KeepsSourceIds: true),
        new(AlarmNotifications,
            [
                L("id"), L("alarm_id"), T("channel_id"), T("dedup_key"), T("event"), T("payload"), I("created_at"), I("next_attempt_at"),
                N("attempts"), T("status"), T("last_error"), I("delivered_at"),
            ], ["id"], KeepsSourceIds: true),
        new(DataProtectionKeys, [T("id"), T("xml"), I("created_at")], ["id"]),
        new(ConsoleSessions, [T("id"), T("user_name"), new("ticket", TransferValueKind.Bytes), I("created_at"), I("last_seen_at"), I("expires_at")], ["id"]),
        new(Accounts,
            [
                L("id"), T("user_name"), T("name_key"), T("display_name"), T("jurisdiction"), T("enterprise"), T("password_hash"),
                T("password_history"), I("password_changed_at"), B("must_change_password"), N("failed_sign_ins"), I("locked_until"),
                T("totp_secret"), L("totp_last_step"), T("recovery_codes"), T("external_subject"), B("is_disabled"), I("created_at"),
                T("created_by"), I("last_sign_in_at"), L("version"),
            ], ["id"], KeepsSourceIds: true),
        new(AccountRoles, [L("account_id"), T("role")], ["account_id", "role"]),
        new(ApiClients,
            [
                T("id"), T("name"), T("owner"), T("permissions"), T("jurisdiction"), T("secret_hash"), N("requests_per_second"), N("burst"),
                I("created_at"), T("created_by"), I("expires_at"), I("revoked_at"), T("revoked_by"), I("last_used_at"),
            ], ["id"]),
        new(WorkPending,
            [T("station_id"), T("interval"), Y("day"), L("version"), I("changed_at"), L("evaluation_done"), L("quality_done"), L("alarms_done")],
            ["station_id", "interval", "day"]),
        new(WorkFailures,
            [T("kind"), T("station_id"), T("interval"), Y("day"), N("attempts"), T("last_error"), I("failed_at"), I("set_aside_at")],
            ["kind", "station_id", "interval", "day"]),
        new(DustDays, [T("city"), Y("day"), T("note"), T("marked_by"), I("marked_at")], ["city", "day"]),
        new(RegionTargets,
            [T("region"), N("year"), D("pm25"), D("good_day_ratio"), N("heavy_days"), D("good_water_share"), T("sections"), T("set_by"), I("set_at")],
            ["region", "year"]),
        new(ReportArchive,
            [
                L("id"), T("kind"), T("region"), T("period"), T("format"), N("version"), T("content_hash"), T("data_hash"), L("size"),
                I("generated_at"), T("generated_by"), new("content", TransferValueKind.Bytes),
            ], ["id"], KeepsSourceIds: true),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every table, in copy order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Stations, AlarmRules, PermitLimits, Observations, History, Frames, Packets, AqiHours, AqiDays, WaterDays, QualityFindings,
        EvaluationExclusions, OutletSuspicions, Audit, AuditCheckpoints, ReviewDecisions, AlarmReviewsPending, Alarms, AlarmSteps, AlarmNotifications,
        DataProtectionKeys, ConsoleSessions, Accounts, AccountRoles, ApiClients, WorkPending, WorkFailures, DustDays, ReportArchive, RegionTargets,
    ];

    /// <summary>
    /// Masks the passwords (<see cref="FramePassword"/>) of the frames in rows of <see cref="Frames"/>, in place, so that
    /// a frame an older version archived in clear is not copied so; rows of other tables are left alone.
    /// </summary>
    public static void MaskPasswords(string table, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (table != Frames)
        {
            return;
        }

        int bytes = FrameBytesColumn;
        foreach (object?[] row in rows)
        {
            if (row[bytes] is byte[] frame)
            {
                FramePassword.MaskInPlace(frame);
            }
        }
    }

    private static int FrameBytesColumn { get; } = Tables[Frames].Columns.ToList().FindIndex(c => c.Name == "bytes");

    /// <summary>The layout of <paramref name="table"/> (one of <see cref="All"/>).</summary>
    /// <exception cref="ArgumentException">Not a transfer table.</exception>
    public static TransferTable Of(string table) =>
        Tables.TryGetValue(table, out TransferTable? found) ? found : throw new ArgumentException($"Unknown transfer table '{table}'.", nameof(table));

    private static TransferColumn T(string name) => new(name, TransferValueKind.Text);

    private static TransferColumn N(string name) => new(name, TransferValueKind.Whole32);

    private static TransferColumn L(string name) => new(name, TransferValueKind.Whole64);

    private static TransferColumn F(string name) => new(name, TransferValueKind.Real);

    private static TransferColumn D(string name) => new(name, TransferValueKind.Exact);

    private static TransferColumn B(string name) => new(name, TransferValueKind.Boolean);

    private static TransferColumn I(string name) => new(name, TransferValueKind.Instant);

    private static TransferColumn Y(string name) => new(name, TransferValueKind.Day);
}
