namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The schema, as an ordered list of migrations. A released migration is never edited: a change is a new entry.
/// See docs/adr/0003-storage-schema.md for the reasons behind the shape.
/// </summary>
internal static class SqliteMigrations
{
    /// <summary>One migration: applied in its own transaction together with its <c>schema_version</c> row.</summary>
    internal sealed record Migration(int Version, string Description, string Sql);

    public const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        """;

    // Migration 10: a subject-month of aqi_day as one blob, built in SQL — by the migration for the rows there, then by
    // SqliteEvaluationStore.SaveDaily for each month it writes. Changing the layout is a new migration that rebuilds the table
    // (and keeps this text for migration 10). The China Standard Time month (yyyymm) of a day column (Unix ms of the
    // day's start, 00:00 +08:00).
    internal const string MonthOfDay = "CAST(strftime('%Y%m', day / 1000 + 28800, 'unixepoch') AS INTEGER)";

    /// <summary>
    /// The aggregate that packs a group of aqi_day rows, 34 bytes per day in day order: day of month (1 byte), so2,
    /// no2, pm10, pm25, co, o3_max_1h, o3_max_8h (tenths) and aqi as big-endian int32 (null = 0x80000000), is_valid
    /// (1 byte). Read by <see cref="DailyMonthBlob"/>.
    /// </summary>
    internal const string MonthBlob = """
        unhex(group_concat(
            printf('%02X', CAST(strftime('%d', day / 1000 + 28800, 'unixepoch') AS INTEGER))
            || printf('%08X', coalesce(so2, -2147483648) & 4294967295) || printf('%08X', coalesce(no2, -2147483648) & 4294967295)
            || printf('%08X', coalesce(pm10, -2147483648) & 4294967295) || printf('%08X', coalesce(pm25, -2147483648) & 4294967295)
            || printf('%08X', coalesce(co, -2147483648) & 4294967295) || printf('%08X', coalesce(o3_max_1h, -2147483648) & 4294967295)
            || printf('%08X', coalesce(o3_max_8h, -2147483648) & 4294967295) || printf('%08X', coalesce(aqi, -2147483648) & 4294967295)
            || printf('%02X', is_valid), '' ORDER BY day))
        """;

    public static readonly Migration[] All =
    [
        new(1, "stations, series, observations with history, raw frames, packets", """
            CREATE TABLE station (
                id                 TEXT    NOT NULL PRIMARY KEY,
                name               TEXT    NOT NULL,
                type               TEXT    NOT NULL,
                region             TEXT    NOT NULL,
                longitude          REAL,
                latitude           REAL,
                control_level      TEXT    NOT NULL,
                enterprise         TEXT,
                password           TEXT    NOT NULL,
                encoding           TEXT    NOT NULL,
                period_label       TEXT    NOT NULL,
                water_target_class INTEGER,
                noise_zone         TEXT,
                is_active          INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE series (
                id         INTEGER PRIMARY KEY,
                station_id TEXT    NOT NULL,
                parameter  TEXT    NOT NULL,
                interval   TEXT    NOT NULL,
                UNIQUE (station_id, parameter, interval)
            );

            CREATE TABLE observation (
                series_id    INTEGER NOT NULL,
                period_start INTEGER NOT NULL,
                revision     INTEGER NOT NULL,
                value        TEXT,
                min          TEXT,
                max          TEXT,
                total        TEXT,
                converted    TEXT,
                flag         TEXT    NOT NULL,
                source       INTEGER NOT NULL,
                received_at  INTEGER NOT NULL,
                PRIMARY KEY (series_id, period_start)
            ) WITHOUT ROWID;

            CREATE TABLE observation_history (
                series_id    INTEGER NOT NULL,
                period_start INTEGER NOT NULL,
                revision     INTEGER NOT NULL,
                value        TEXT,
                min          TEXT,
                max          TEXT,
                total        TEXT,
                converted    TEXT,
                flag         TEXT    NOT NULL,
                source       INTEGER NOT NULL,
                received_at  INTEGER NOT NULL,
                PRIMARY KEY (series_id, period_start, revision)
            ) WITHOUT ROWID;

            CREATE TRIGGER observation_history_no_update BEFORE UPDATE ON observation_history
            BEGIN
                SELECT RAISE(ABORT, 'observation_history is append-only');
            END;

            CREATE TRIGGER observation_history_no_delete BEFORE DELETE ON observation_history
            BEGIN
                SELECT RAISE(ABORT, 'observation_history is append-only');
            END;

            CREATE TABLE raw_frame (
                id             INTEGER PRIMARY KEY,
                received_at    INTEGER NOT NULL,
                peer           TEXT    NOT NULL,
                station_id     TEXT,
                command_code   TEXT,
                request_number TEXT,
                bytes          BLOB    NOT NULL,
                outcome        TEXT    NOT NULL,
                reason         TEXT
            );
            CREATE INDEX raw_frame_station_received ON raw_frame (station_id, received_at);
            CREATE INDEX raw_frame_received ON raw_frame (received_at);

            CREATE TABLE packet (
                station_id     TEXT    NOT NULL,
                request_number TEXT    NOT NULL,
                packet_number  INTEGER NOT NULL,
                committed_at   INTEGER NOT NULL,
                PRIMARY KEY (station_id, request_number, packet_number)
            ) WITHOUT ROWID;
            """),
        new(2, "stored air-quality evaluations: hourly and daily AQI of stations and cities", """
            CREATE TABLE aqi_hour (
                scope      TEXT    NOT NULL,
                code       TEXT    NOT NULL,
                hour_start INTEGER NOT NULL,
                so2        TEXT,
                no2        TEXT,
                pm10       TEXT,
                pm25       TEXT,
                co         TEXT,
                o3         TEXT,
                aqi        INTEGER,
                primary_pollutants   TEXT NOT NULL,
                exceeding_pollutants TEXT NOT NULL,
                PRIMARY KEY (scope, code, hour_start)
            ) WITHOUT ROWID;

            CREATE TABLE aqi_day (
                scope      TEXT    NOT NULL,
                code       TEXT    NOT NULL,
                day        INTEGER NOT NULL,
                so2        TEXT,
                no2        TEXT,
                pm10       TEXT,
                pm25       TEXT,
                co         TEXT,
                o3_max_1h  TEXT,
                o3_max_8h  TEXT,
                is_valid   INTEGER NOT NULL,
                aqi        INTEGER,
                primary_pollutants   TEXT NOT NULL,
                exceeding_pollutants TEXT NOT NULL,
                PRIMARY KEY (scope, code, day)
            ) WITHOUT ROWID;
            CREATE INDEX aqi_day_scope_day ON aqi_day (scope, day);
            """),
        new(3, "audit trail: append-only, hash-chained entries", """
            CREATE TABLE audit_entry (
                sequence      INTEGER PRIMARY KEY,
                recorded_at   INTEGER NOT NULL,
                actor         TEXT    NOT NULL,
                action        TEXT    NOT NULL,
                subject_type  TEXT    NOT NULL,
                subject_id    TEXT    NOT NULL,
                before_json   TEXT,
                after_json    TEXT,
                reason        TEXT,
                previous_hash TEXT    NOT NULL,
                hash          TEXT    NOT NULL
            );
            CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, sequence);

            CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN
                SELECT RAISE(ABORT, 'audit_entry is append-only');
            END;

            CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN
                SELECT RAISE(ABORT, 'audit_entry is append-only');
            END;
            """),
        new(4, "alarms: rules, permit limits, alarms with frozen evidence, append-only timelines, notification outbox", """
            CREATE TABLE alarm_rule (
                id         TEXT    NOT NULL PRIMARY KEY,
                document   TEXT    NOT NULL,
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE permit_limit (
                station_id    TEXT NOT NULL,
                parameter     TEXT NOT NULL,
                limit_value   TEXT NOT NULL,
                permit_number TEXT NOT NULL,
                PRIMARY KEY (station_id, parameter)
            ) WITHOUT ROWID;

            CREATE TABLE alarm (
                id               INTEGER PRIMARY KEY,
                rule_id          TEXT    NOT NULL,
                kind             TEXT    NOT NULL,
                subject          TEXT    NOT NULL,
                subject_name     TEXT    NOT NULL,
                region           TEXT    NOT NULL,
                enterprise       TEXT,
                parameter        TEXT,
                severity         TEXT    NOT NULL,
                state            TEXT    NOT NULL,
                is_active        INTEGER NOT NULL,
                raised_at        INTEGER NOT NULL,
                first_period     INTEGER NOT NULL,
                last_period      INTEGER NOT NULL,
                cleared_at       INTEGER,
                limit_value      TEXT,
                peak             TEXT,
                hits             INTEGER NOT NULL,
                recurrences      INTEGER NOT NULL,
                assigned_unit    TEXT,
                deadline         INTEGER,
                escalation_level INTEGER NOT NULL,
                closed_at        INTEGER,
                evidence         TEXT    NOT NULL,
                version          INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX alarm_one_open ON alarm (subject, rule_id) WHERE state <> 'closed';
            CREATE INDEX alarm_raised ON alarm (raised_at);

            CREATE TRIGGER alarm_evidence_frozen BEFORE UPDATE OF evidence ON alarm
            WHEN NEW.evidence IS NOT OLD.evidence
            BEGIN
                SELECT RAISE(ABORT, 'alarm evidence is frozen');
            END;

            CREATE TABLE alarm_step (
                alarm_id    INTEGER NOT NULL,
                seq         INTEGER NOT NULL,
                at          INTEGER NOT NULL,
                actor       TEXT    NOT NULL,
                action      TEXT    NOT NULL,
                state_after TEXT    NOT NULL,
                detail      TEXT    NOT NULL,
                PRIMARY KEY (alarm_id, seq)
            ) WITHOUT ROWID;

            CREATE TRIGGER alarm_step_no_update BEFORE UPDATE ON alarm_step
            BEGIN
                SELECT RAISE(ABORT, 'alarm_step is append-only');
            END;

            CREATE TRIGGER alarm_step_no_delete BEFORE DELETE ON alarm_step
            BEGIN
                SELECT RAISE(ABORT, 'alarm_step is append-only');
            END;

            CREATE TABLE alarm_notification (
                id              INTEGER PRIMARY KEY,
                alarm_id        INTEGER NOT NULL,
                channel_id      TEXT    NOT NULL,
                dedup_key       TEXT    NOT NULL,
                event           TEXT    NOT NULL,
                payload         TEXT    NOT NULL,
                created_at      INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                attempts        INTEGER NOT NULL,
                status          TEXT    NOT NULL,
                last_error      TEXT,
                delivered_at    INTEGER,
                UNIQUE (alarm_id, dedup_key)
            );
            CREATE INDEX alarm_notification_due ON alarm_notification (status, next_attempt_at);
            """),
        new(5, "daily values as integer tenths (read a year of 1,000 stations without parsing text); water sections: body and daily evaluation", """
            ALTER TABLE station ADD COLUMN water_body TEXT;

            CREATE TABLE water_day (
                station_id   TEXT    NOT NULL,
                day          INTEGER NOT NULL,
                means        TEXT    NOT NULL,
                water_class  INTEGER,
                PRIMARY KEY (station_id, day)
            ) WITHOUT ROWID;
            CREATE INDEX water_day_day ON water_day (day);

            CREATE TABLE aqi_day_tenths (
                scope      TEXT    NOT NULL,
                code       TEXT    NOT NULL,
                day        INTEGER NOT NULL,
                so2        INTEGER,
                no2        INTEGER,
                pm10       INTEGER,
                pm25       INTEGER,
                co         INTEGER,
                o3_max_1h  INTEGER,
                o3_max_8h  INTEGER,
                is_valid   INTEGER NOT NULL,
                aqi        INTEGER,
                primary_pollutants   TEXT NOT NULL,
                exceeding_pollutants TEXT NOT NULL,
                PRIMARY KEY (scope, code, day)
            ) WITHOUT ROWID;
            INSERT INTO aqi_day_tenths
            SELECT scope, code, day,
                   CAST(round(so2 * 10) AS INTEGER), CAST(round(no2 * 10) AS INTEGER), CAST(round(pm10 * 10) AS INTEGER),
                   CAST(round(pm25 * 10) AS INTEGER), CAST(round(co * 10) AS INTEGER), CAST(round(o3_max_1h * 10) AS INTEGER),
                   CAST(round(o3_max_8h * 10) AS INTEGER), is_valid, aqi, primary_pollutants, exceeding_pollutants
            FROM aqi_day;
            DROP TABLE aqi_day;
            ALTER TABLE aqi_day_tenths RENAME TO aqi_day;
            CREATE INDEX aqi_day_scope_day ON aqi_day (scope, day);
            """),
        new(6, "quality findings per value, evaluation exclusions, review decisions (append-only)", """
            CREATE TABLE quality_finding (
                station_id   TEXT    NOT NULL,
                interval     TEXT    NOT NULL,
                period_start INTEGER NOT NULL,
                parameter    TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                severity     INTEGER NOT NULL,
                reason       TEXT    NOT NULL,
                PRIMARY KEY (station_id, interval, period_start, parameter, rule)
            ) WITHOUT ROWID;
            CREATE INDEX quality_finding_severity ON quality_finding (severity, station_id, period_start);

            CREATE TABLE evaluation_exclusion (
                station_id TEXT    NOT NULL,
                day        INTEGER NOT NULL,
                rule       TEXT    NOT NULL,
                excluded   INTEGER NOT NULL,
                PRIMARY KEY (station_id, day, rule)
            ) WITHOUT ROWID;

            CREATE TABLE review_decision (
                id             INTEGER PRIMARY KEY,
                station_id     TEXT    NOT NULL,
                interval       TEXT    NOT NULL,
                parameter      TEXT,
                period_from    INTEGER NOT NULL,
                period_to      INTEGER NOT NULL,
                validity       TEXT    NOT NULL,
                reason_code    TEXT    NOT NULL,
                comment        TEXT,
                reviewer       TEXT    NOT NULL,
                decided_at     INTEGER NOT NULL,
                audit_sequence INTEGER NOT NULL
            );
            CREATE INDEX review_decision_station ON review_decision (station_id, interval, period_from);

            CREATE TRIGGER review_decision_no_update BEFORE UPDATE ON review_decision
            BEGIN
                SELECT RAISE(ABORT, 'review_decision is append-only');
            END;

            CREATE TRIGGER review_decision_no_delete BEFORE DELETE ON review_decision
            BEGIN
                SELECT RAISE(ABORT, 'review_decision is append-only');
            END;
            """),
        new(8, "falsification suspicion of outlets per day (score, signs with evidence); station reporting interval", """
            CREATE TABLE outlet_suspicion (
                station_id      TEXT    NOT NULL,
                day             INTEGER NOT NULL,
                score           INTEGER NOT NULL,
                signs           TEXT    NOT NULL,
                values_examined INTEGER NOT NULL,
                frames_examined INTEGER NOT NULL,
                computed_at     INTEGER NOT NULL,
                PRIMARY KEY (station_id, day)
            ) WITHOUT ROWID;
            CREATE INDEX outlet_suspicion_day ON outlet_suspicion (day, score);

            ALTER TABLE station ADD COLUMN reporting_interval_hours INTEGER NOT NULL DEFAULT 1;
            """),
        new(9, "where ecomon migrate has got to, per table (copies into SQLite)", """
            CREATE TABLE transfer_cursor (
                table_name TEXT    NOT NULL PRIMARY KEY,
                cursor     TEXT    NOT NULL,
                copied     INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(10, "daily AQI results also as one columnar blob per subject and month (ADR 0024)", $$"""
            CREATE TABLE aqi_day_month (
                scope TEXT    NOT NULL,
                code  TEXT    NOT NULL,
                month INTEGER NOT NULL,
                days  BLOB    NOT NULL,
                PRIMARY KEY (scope, code, month)
            );
            INSERT INTO aqi_day_month (scope, code, month, days)
            SELECT scope, code, {{MonthOfDay}}, {{MonthBlob}} FROM aqi_day GROUP BY scope, code, {{MonthOfDay}};
            """),
        new(11, "stations: drinking-water source sections (集中式生活饮用水地表水源地, GB 3838-2002 Table 2)", """
            ALTER TABLE station ADD COLUMN drinking_water_source INTEGER NOT NULL DEFAULT 0;
            """),
        new(12, "review decisions waiting for the alarm re-evaluation (queued with the decision, ADR 0025)", """
            -- A review_decision id; the row is deleted once the alarms have been re-evaluated.
            CREATE TABLE alarm_review_pending (
                decision_id INTEGER NOT NULL PRIMARY KEY,
                queued_at   INTEGER NOT NULL
            );
            """),
        new(13, "station-days waiting for the background workers, written with the observations; set-aside work (ADR 0027)", """
            -- A station-day (CST day as Unix ms of 00:00 +08:00) whose values changed: version counts the commits that
            -- changed it, each consumer's *_done is the version it has completed. Removed once all have completed it.
            -- AUTOINCREMENT: a row created again after its removal gets a new id (a late mark of the old one misses it).
            CREATE TABLE work_pending (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                station_id      TEXT    NOT NULL,
                interval        TEXT    NOT NULL,
                day             INTEGER NOT NULL,
                version         INTEGER NOT NULL,
                changed_at      INTEGER NOT NULL,
                evaluation_done INTEGER NOT NULL DEFAULT 0,
                quality_done    INTEGER NOT NULL DEFAULT 0,
                alarms_done     INTEGER NOT NULL DEFAULT 0,
                UNIQUE (station_id, interval, day)
            );

            -- A consumer's failed attempts at a station-day; set aside (set_aside_at) after the configured attempts.
            CREATE TABLE work_failure (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                kind         TEXT    NOT NULL,
                station_id   TEXT    NOT NULL,
                interval     TEXT    NOT NULL,
                day          INTEGER NOT NULL,
                attempts     INTEGER NOT NULL,
                last_error   TEXT    NOT NULL,
                failed_at    INTEGER NOT NULL,
                set_aside_at INTEGER,
                UNIQUE (kind, station_id, interval, day)
            );
            """),
        new(14, "staff console sessions (revoked at sign-out on every node, idle and absolute expiry); the data-protection key ring shared by the nodes", """
            -- id: SHA-256 (hex) of the session key the cookie holds; the key itself is never stored.
            CREATE TABLE console_session (
                id           TEXT    NOT NULL PRIMARY KEY,
                user_name    TEXT    NOT NULL,
                ticket       BLOB    NOT NULL,
                created_at   INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                expires_at   INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX console_session_expires ON console_session (expires_at);
            CREATE INDEX console_session_last_seen ON console_session (last_seen_at);

            -- ASP.NET Core data-protection key ring elements (XML, key material encrypted when configured); only added.
            CREATE TABLE data_protection_key (
                id         TEXT    NOT NULL PRIMARY KEY,
                xml        TEXT    NOT NULL,
                created_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        new(15, "audit trail: the network address the actor acted from (hashed in the entry's second form)", """
            ALTER TABLE audit_entry ADD COLUMN address TEXT;
            """),
        new(16, "frames archived before the gateway masked passwords: masked by the store in the background (IRawFrameArchive.MaskStoredPasswordsAsync)", """
            -- One row: the frames with ids from next_id to up_to_id (every frame stored before this version) still to mask.
            CREATE TABLE frame_password_mask (
                id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
                next_id   INTEGER NOT NULL,
                up_to_id  INTEGER NOT NULL
            );
            INSERT INTO frame_password_mask (id, next_id, up_to_id) SELECT 1, 0, coalesce(max(id), 0) FROM raw_frame;
            """),
        new(17, "scheduled work: one run per job and schedule slot, claimed with a lease (IScheduledRunStore)", """
            CREATE TABLE scheduled_run (
                job         TEXT    NOT NULL,
                slot_start  INTEGER NOT NULL,
                node        TEXT    NOT NULL,
                attempt     INTEGER NOT NULL,
                claimed_at  INTEGER NOT NULL,
                lease_until INTEGER NOT NULL,
                finished_at INTEGER,
                error       TEXT,
                PRIMARY KEY (job, slot_start)
            ) WITHOUT ROWID;
            CREATE INDEX scheduled_run_slot ON scheduled_run (slot_start);
            """),
        new(18, "people's accounts: names unique without regard to case, roles with one separated administrator at most (IAccountStore); the first-run set-up token (ISetUpTokenStore)", """
            -- Never deleted (disabled), so that the audit trail's names keep meaning someone.
            CREATE TABLE user_account (
                id                   INTEGER PRIMARY KEY,
                user_name            TEXT    NOT NULL,
                name_key             TEXT    NOT NULL UNIQUE,
                display_name         TEXT    NOT NULL,
                jurisdiction         TEXT,
                enterprise           TEXT,
                password_hash        TEXT,
                password_history     TEXT    NOT NULL,
                password_changed_at  INTEGER,
                must_change_password INTEGER NOT NULL,
                failed_sign_ins      INTEGER NOT NULL,
                locked_until         INTEGER,
                totp_secret          TEXT,
                totp_last_step       INTEGER NOT NULL,
                recovery_codes       TEXT    NOT NULL,
                external_subject     TEXT    UNIQUE,
                is_disabled          INTEGER NOT NULL,
                created_at           INTEGER NOT NULL,
                created_by           TEXT    NOT NULL,
                last_sign_in_at      INTEGER,
                version              INTEGER NOT NULL
            );

            CREATE TABLE user_role (
                account_id INTEGER NOT NULL REFERENCES user_account (id),
                role       TEXT    NOT NULL,
                PRIMARY KEY (account_id, role)
            ) WITHOUT ROWID;
            -- 三员分立: at most one of the separated administrator roles per account.
            CREATE UNIQUE INDEX user_role_one_administrator ON user_role (account_id) WHERE role IN ('SystemAdministrator', 'SecurityAdministrator', 'AuditAdministrator');

            -- The first-run set-up token (ISetUpTokenStore): its SHA-256 only, one row at most.
            CREATE TABLE setup_token (
                id         INTEGER PRIMARY KEY CHECK (id = 1),
                token_hash TEXT    NOT NULL,
                expires_at INTEGER NOT NULL
            );
            """),
        new(19, "audit trail viewer: indexes for filtering by actor, action (exact or prefix) and time (AuditQuery)", """
            CREATE INDEX audit_entry_actor ON audit_entry (actor, sequence);
            CREATE INDEX audit_entry_action ON audit_entry (action, sequence);
            CREATE INDEX audit_entry_recorded_at ON audit_entry (recorded_at);
            """),
        new(20, "API clients of other departments: keys stored as the SHA-256 of their secret, with permissions, jurisdiction, expiry and rate (IApiClientStore)", """
            -- Never deleted (revoked), so that the audit trail's client:<id> names keep meaning someone.
            CREATE TABLE api_client (
                id                  TEXT    NOT NULL PRIMARY KEY,
                name                TEXT    NOT NULL UNIQUE,
                owner               TEXT    NOT NULL,
                permissions         TEXT    NOT NULL,
                jurisdiction        TEXT    NOT NULL,
                secret_hash         TEXT    NOT NULL,
                requests_per_second INTEGER NOT NULL,
                burst               INTEGER NOT NULL,
                created_at          INTEGER NOT NULL,
                created_by          TEXT    NOT NULL,
                expires_at          INTEGER NOT NULL,
                revoked_at          INTEGER,
                revoked_by          TEXT,
                last_used_at        INTEGER
            ) WITHOUT ROWID;
            """),
        new(21, "stations: the assessment networks they count for (ADR 0037), by default the network of their control level; every region-day re-evaluated", """
            ALTER TABLE station ADD COLUMN networks TEXT NOT NULL DEFAULT '';
            UPDATE station SET networks = lower(control_level);
            -- One evaluated station of each region and day: its recomputation recomputes its city's and county's days,
            -- now per network (the evaluation's durable work, ADR 0027; quality checks and alarms are not redone).
            INSERT INTO work_pending (station_id, interval, day, version, changed_at, quality_done, alarms_done)
            SELECT MIN(d.code), 'hour', d.day, 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000, 1, 1
            FROM aqi_day d JOIN station s ON s.id = d.code
            WHERE d.scope = 'station' AND s.type = 'AirQuality'
            GROUP BY s.region, d.day
            ON CONFLICT (station_id, interval, day) DO UPDATE SET
                version = version + 1, changed_at = excluded.changed_at,
                quality_done = CASE WHEN quality_done >= version THEN version + 1 ELSE quality_done END,
                alarms_done = CASE WHEN alarms_done >= version THEN version + 1 ELSE alarms_done END;
            """),
        new(22, "archive of generated report documents: every version kept, with its SHA-256 (IReportArchive, ADR 0038)", """
            -- Never updated or deleted: a regeneration over revised data is a new version.
            CREATE TABLE report_archive (
                id           INTEGER PRIMARY KEY,
                kind         TEXT    NOT NULL,
                region       TEXT    NOT NULL,
                period       TEXT    NOT NULL,
                format       TEXT    NOT NULL,
                version      INTEGER NOT NULL,
                content_hash TEXT    NOT NULL,
                data_hash    TEXT    NOT NULL,
                size         INTEGER NOT NULL,
                generated_at INTEGER NOT NULL,
                generated_by TEXT    NOT NULL,
                content      BLOB    NOT NULL,
                UNIQUE (kind, region, period, format, version)
            );
            CREATE INDEX report_archive_region ON report_archive (region, id);
            """),
        new(23, "dust-day register: a city's days marked as affected by dust and sand, left out of statistics and rankings with dust=excluded (IDustDayStore)", """
            CREATE TABLE dust_day (
                city      TEXT    NOT NULL,
                day       INTEGER NOT NULL,
                note      TEXT    NOT NULL,
                marked_by TEXT    NOT NULL,
                marked_at INTEGER NOT NULL,
                PRIMARY KEY (city, day)
            ) WITHOUT ROWID;
            """),
        new(24, "audit retention: checkpoints of prunings (append-only); entries may be deleted only up to the latest checkpoint (IAuditLog.PruneAsync)", """
            CREATE TABLE audit_checkpoint (
                through_sequence INTEGER NOT NULL PRIMARY KEY,
                through_hash     TEXT    NOT NULL,
                entry_sequence   INTEGER NOT NULL,
                pruned           INTEGER NOT NULL,
                pruned_at        INTEGER NOT NULL
            );
            CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
            BEGIN
                SELECT RAISE(ABORT, 'audit_checkpoint is append-only');
            END;
            CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
            BEGIN
                SELECT RAISE(ABORT, 'audit_checkpoint is append-only');
            END;

            DROP TRIGGER audit_entry_no_delete;
            CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            WHEN OLD.sequence > (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_checkpoint)
            BEGIN
                SELECT RAISE(ABORT, 'audit_entry is append-only (only entries up to the latest audit_checkpoint may be pruned)');
            END;
            """),
        new(25, "assessment targets: a region's annual targets and its sections' target classes for the year (ITargetStore)", """
            CREATE TABLE region_target (
                region           TEXT    NOT NULL,
                year             INTEGER NOT NULL,
                pm25             TEXT,
                good_day_ratio   TEXT,
                heavy_days       INTEGER,
                good_water_share TEXT,
                sections         TEXT    NOT NULL,
                set_by           TEXT    NOT NULL,
                set_at           INTEGER NOT NULL,
                PRIMARY KEY (region, year)
            ) WITHOUT ROWID;
            """),
        new(26, "stations: the basin (流域) and the river, lake or reservoir name of surface-water sections, by which basins and rivers are rated and lakes given a trophic state", """
            ALTER TABLE station ADD COLUMN basin TEXT;
            ALTER TABLE station ADD COLUMN water_body_name TEXT;
            """),
    ];
}
