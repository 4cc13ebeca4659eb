namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, as an ordered list of migrations (like the SQLite store's). A released migration is never
/// edited: a change is a new entry. Keys and codes that are ordered by the contract (MN, parameter code, region code)
/// use the "C" collation so that ordering is ordinal whatever the database's default collation.
/// See docs/adr/0010-postgresql-store.md for the shape (partitions, latest values) and 0026 for the packed rows.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>One migration: applied in its own transaction together with its <c>schema_version</c> row.</summary>
    internal sealed record Migration(int Version, string Description, string Sql);

    public const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     integer     PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    public static readonly Migration[] All =
    [
        new(1, "stations, series, time-partitioned observations with history, raw frames, packets", """
            CREATE TABLE station (
                id                 text COLLATE "C" PRIMARY KEY,
                name               text             NOT NULL,
                type               text             NOT NULL,
                region             text             NOT NULL,
                longitude          double precision,
                latitude           double precision,
                control_level      text             NOT NULL,
                enterprise         text,
                password           text             NOT NULL,
                encoding           text             NOT NULL,
                period_label       text             NOT NULL,
                water_target_class integer,
                noise_zone         text,
                is_active          boolean          NOT NULL
            );

            -- latest_start: the period start of the series' newest observation, kept by ingestion, so that latest
            -- values are one index probe per series instead of a probe per partition.
            CREATE TABLE series (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                station_id   text COLLATE "C" NOT NULL,
                parameter    text COLLATE "C" NOT NULL,
                interval     text COLLATE "C" NOT NULL,
                latest_start timestamptz,
                UNIQUE (station_id, parameter, interval)
            ) WITH (fillfactor = 50);  -- room for HOT updates of latest_start

            CREATE TABLE observation (
                series_id    bigint      NOT NULL,
                period_start timestamptz NOT NULL,
                revision     integer     NOT NULL,
                value        numeric,
                min          numeric,
                max          numeric,
                total        numeric,
                converted    numeric,
                flag         text        NOT NULL,
                source       smallint    NOT NULL,
                received_at  timestamptz NOT NULL,
                PRIMARY KEY (series_id, period_start)
            ) PARTITION BY RANGE (period_start);
            -- Monthly partitions are created ahead by partition maintenance; the default one takes what falls outside.
            CREATE TABLE observation_default PARTITION OF observation DEFAULT;

            CREATE TABLE observation_history (
                series_id    bigint      NOT NULL,
                period_start timestamptz NOT NULL,
                revision     integer     NOT NULL,
                value        numeric,
                min          numeric,
                max          numeric,
                total        numeric,
                converted    numeric,
                flag         text        NOT NULL,
                source       smallint    NOT NULL,
                received_at  timestamptz NOT NULL,
                PRIMARY KEY (series_id, period_start, revision)
            );
            CREATE INDEX observation_history_period ON observation_history (period_start);

            -- Append-only; only the retention policy (which sets ecomon.retention for its transaction) may delete.
            CREATE FUNCTION observation_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND current_setting('ecomon.retention', true) = 'on' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'observation_history is append-only';
            END
            $$;
            CREATE TRIGGER observation_history_append_only BEFORE UPDATE OR DELETE ON observation_history
                FOR EACH ROW EXECUTE FUNCTION observation_history_append_only();

            CREATE TABLE raw_frame (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                received_at    timestamptz      NOT NULL,
                peer           text             NOT NULL,
                station_id     text COLLATE "C",
                command_code   text,
                request_number text,
                bytes          bytea            NOT NULL,
                outcome        text             NOT NULL,
                reason         text
            );
            CREATE INDEX raw_frame_station_received ON raw_frame (station_id, received_at);
            CREATE INDEX raw_frame_received ON raw_frame (received_at);

            CREATE TABLE packet (
                station_id     text COLLATE "C" NOT NULL,
                request_number text COLLATE "C" NOT NULL,
                packet_number  integer          NOT NULL,
                committed_at   timestamptz      NOT NULL,
                PRIMARY KEY (station_id, request_number, packet_number)
            );
            """),
        new(2, "stored air-quality evaluations: hourly and daily AQI of stations and cities", """
            CREATE TABLE aqi_hour (
                scope      text COLLATE "C" NOT NULL,
                code       text COLLATE "C" NOT NULL,
                hour_start timestamptz      NOT NULL,
                so2        numeric,
                no2        numeric,
                pm10       numeric,
                pm25       numeric,
                co         numeric,
                o3         numeric,
                aqi        integer,
                primary_pollutants   text NOT NULL,
                exceeding_pollutants text NOT NULL,
                PRIMARY KEY (scope, code, hour_start)
            );

            CREATE TABLE aqi_day (
                scope      text COLLATE "C" NOT NULL,
                code       text COLLATE "C" NOT NULL,
                day        date             NOT NULL,
                so2        numeric,
                no2        numeric,
                pm10       numeric,
                pm25       numeric,
                co         numeric,
                o3_max_1h  numeric,
                o3_max_8h  numeric,
                is_valid   boolean          NOT NULL,
                aqi        integer,
                primary_pollutants   text NOT NULL,
                exceeding_pollutants text NOT NULL,
                PRIMARY KEY (scope, code, day)
            );
            CREATE INDEX aqi_day_scope_day ON aqi_day (scope, day);
            """),
        new(3, "where ecomon migrate has got to, per table", """
            CREATE TABLE transfer_cursor (
                table_name text   PRIMARY KEY,
                cursor     text   NOT NULL,
                copied     bigint NOT NULL
            );
            """),
        new(4, "water sections: body and daily evaluation", """
            ALTER TABLE station ADD COLUMN water_body text;

            CREATE TABLE water_day (
                station_id  text COLLATE "C" NOT NULL,
                day         date             NOT NULL,
                means       text             NOT NULL,
                water_class integer,
                PRIMARY KEY (station_id, day)
            );
            CREATE INDEX water_day_day ON water_day (day);
            """),
            new(5, "audit trail (append-only, hash-chained); alarms: rules, permit limits, alarms with frozen evidence, append-only timelines, notification outbox; quality findings, evaluation exclusions, review decisions (append-only)", """
            CREATE FUNCTION ecomon_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
            END;
            $$;

            CREATE TABLE audit_entry (
                sequence      bigint      PRIMARY KEY,
                recorded_at   timestamptz NOT NULL,
                actor         text        NOT NULL,
                action        text        NOT NULL,
                subject_type  text COLLATE "C" NOT NULL,
                subject_id    text COLLATE "C" NOT NULL,
                before_json   text,
                after_json    text,
                reason        text,
                previous_hash text        NOT NULL,
                hash          text        NOT NULL
            );
            CREATE INDEX audit_entry_subject ON audit_entry (subject_type, subject_id, sequence);
            CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
                FOR EACH ROW EXECUTE FUNCTION ecomon_refuse_change();
            CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
                FOR EACH STATEMENT EXECUTE FUNCTION ecomon_refuse_change();

            CREATE TABLE alarm_rule (
                id         text COLLATE "C" PRIMARY KEY,
                document   text             NOT NULL,
                updated_at timestamptz      NOT NULL
            );

            CREATE TABLE permit_limit (
                station_id    text COLLATE "C" NOT NULL,
                parameter     text COLLATE "C" NOT NULL,
                limit_value   numeric          NOT NULL,
                permit_number text             NOT NULL,
                PRIMARY KEY (station_id, parameter)
            );

            CREATE TABLE alarm (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                rule_id          text COLLATE "C" NOT NULL,
                kind             text        NOT NULL,
                subject          text COLLATE "C" NOT NULL,
                subject_name     text        NOT NULL,
                region           text COLLATE "C" NOT NULL,
                enterprise       text,
                parameter        text,
                severity         text        NOT NULL,
                state            text        NOT NULL,
                is_active        boolean     NOT NULL,
                raised_at        timestamptz NOT NULL,
                first_period     timestamptz NOT NULL,
                last_period      timestamptz NOT NULL,
                cleared_at       timestamptz,
                limit_value      numeric,
                peak             numeric,
                hits             integer     NOT NULL,
                recurrences      integer     NOT NULL,
                assigned_unit    text,
                deadline         timestamptz,
                escalation_level integer     NOT NULL,
                closed_at        timestamptz,
                evidence         text        NOT NULL,
                version          integer     NOT NULL
            );
            CREATE UNIQUE INDEX alarm_one_open ON alarm (subject, rule_id) WHERE state <> 'closed';
            CREATE INDEX alarm_raised ON alarm (raised_at);

            CREATE FUNCTION ecomon_alarm_evidence_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.evidence IS DISTINCT FROM OLD.evidence THEN
                    RAISE EXCEPTION 'alarm evidence is frozen' USING ERRCODE = 'restrict_violation';
                END IF;
                RETURN NEW;
            END;
            $$;
            CREATE TRIGGER alarm_evidence_frozen BEFORE UPDATE ON alarm
                FOR EACH ROW EXECUTE FUNCTION ecomon_alarm_evidence_frozen();

            CREATE TABLE alarm_step (
                alarm_id    bigint      NOT NULL,
                seq         integer     NOT NULL,
                at          timestamptz NOT NULL,
                actor       text        NOT NULL,
                action      text        NOT NULL,
                state_after text        NOT NULL,
                detail      text        NOT NULL,
                PRIMARY KEY (alarm_id, seq)
            );
            CREATE TRIGGER alarm_step_append_only BEFORE UPDATE OR DELETE ON alarm_step
                FOR EACH ROW EXECUTE FUNCTION ecomon_refuse_change();
            CREATE TRIGGER alarm_step_no_truncate BEFORE TRUNCATE ON alarm_step
                FOR EACH STATEMENT EXECUTE FUNCTION ecomon_refuse_change();

            CREATE TABLE alarm_notification (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                alarm_id        bigint      NOT NULL,
                channel_id      text        NOT NULL,
                dedup_key       text        NOT NULL,
                event           text        NOT NULL,
                payload         text        NOT NULL,
                created_at      timestamptz NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                attempts        integer     NOT NULL,
                status          text        NOT NULL,
                last_error      text,
                delivered_at    timestamptz,
                UNIQUE (alarm_id, dedup_key)
            );
            CREATE INDEX alarm_notification_due ON alarm_notification (status, next_attempt_at);

            CREATE TABLE quality_finding (
                station_id   text COLLATE "C" NOT NULL,
                interval     text COLLATE "C" NOT NULL,
                period_start timestamptz      NOT NULL,
                parameter    text COLLATE "C" NOT NULL,
                rule         text COLLATE "C" NOT NULL,
                severity     smallint         NOT NULL,
                reason       text             NOT NULL,
                PRIMARY KEY (station_id, interval, period_start, parameter, rule)
            );
            CREATE INDEX quality_finding_severity ON quality_finding (severity, station_id, period_start);

            CREATE TABLE evaluation_exclusion (
                station_id text COLLATE "C" NOT NULL,
                day        date             NOT NULL,
                rule       text COLLATE "C" NOT NULL,
                excluded   integer          NOT NULL,
                PRIMARY KEY (station_id, day, rule)
            );

            CREATE TABLE review_decision (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                station_id     text COLLATE "C" NOT NULL,
                interval       text COLLATE "C" NOT NULL,
                parameter      text,
                period_from    timestamptz NOT NULL,
                period_to      timestamptz NOT NULL,
                validity       text        NOT NULL,
                reason_code    text        NOT NULL,
                comment        text,
                reviewer       text        NOT NULL,
                decided_at     timestamptz NOT NULL,
                audit_sequence bigint      NOT NULL REFERENCES audit_entry (sequence)
            );
            CREATE INDEX review_decision_station ON review_decision (station_id, interval, period_from);
            CREATE TRIGGER review_decision_append_only BEFORE UPDATE OR DELETE ON review_decision
                FOR EACH ROW EXECUTE FUNCTION ecomon_refuse_change();
            CREATE TRIGGER review_decision_no_truncate BEFORE TRUNCATE ON review_decision
                FOR EACH STATEMENT EXECUTE FUNCTION ecomon_refuse_change();
            """),
            new(7, "falsification suspicion of outlets per day (score, signs with evidence); station reporting interval", """
            CREATE TABLE outlet_suspicion (
                station_id      text COLLATE "C" NOT NULL,
                day             date        NOT NULL,
                score           integer     NOT NULL,
                signs           text        NOT NULL,
                values_examined integer     NOT NULL,
                frames_examined integer     NOT NULL,
                computed_at     timestamptz NOT NULL,
                PRIMARY KEY (station_id, day)
            );
            CREATE INDEX outlet_suspicion_day ON outlet_suspicion (day, score);

            ALTER TABLE station ADD COLUMN reporting_interval_hours integer NOT NULL DEFAULT 1;
            """),
        new(8, "latest value of each series in a small table of its own (the map reads it without probing the partitions)", """
            -- One row per series: the current revision of its newest period, with the series key, kept by ingestion
            -- (HOT updates: no indexed column changes). Replaces series.latest_start.
            CREATE TABLE observation_latest (
                series_id    bigint           PRIMARY KEY,
                station_id   text COLLATE "C" NOT NULL,
                parameter    text COLLATE "C" NOT NULL,
                interval     text COLLATE "C" NOT NULL,
                period_start timestamptz      NOT NULL,
                revision     integer          NOT NULL,
                value        numeric,
                min          numeric,
                max          numeric,
                total        numeric,
                converted    numeric,
                flag         text             NOT NULL,
                source       smallint         NOT NULL,
                received_at  timestamptz      NOT NULL
            ) WITH (fillfactor = 50);
            CREATE UNIQUE INDEX observation_latest_station ON observation_latest (station_id, parameter, interval);
            INSERT INTO observation_latest
            SELECT s.id, s.station_id, s.parameter, s.interval, o.period_start, o.revision, o.value, o.min, o.max, o.total,
                   o.converted, o.flag, o.source, o.received_at
            FROM series s JOIN observation o ON o.series_id = s.id AND o.period_start = s.latest_start;
            ALTER TABLE series DROP COLUMN latest_start;
            """),
        new(9, "stations: drinking-water source sections (集中式生活饮用水地表水源地, GB 3838-2002 Table 2)", """
            ALTER TABLE station ADD COLUMN drinking_water_source boolean NOT NULL DEFAULT false;
            """),
        new(10, "review decisions waiting for the alarm re-evaluation (queued with the decision, ADR 0025)", """
            -- A review_decision id (no foreign key: TRUNCATE of the append-only review_decision must meet its own refusal).
            CREATE TABLE alarm_review_pending (
                decision_id bigint      PRIMARY KEY,
                queued_at   timestamptz NOT NULL
            );
            """),
        new(11, "observations packed one row per station, interval and period; latest values one row per station and interval (ADR 0026)", """
            -- A stream is one station at one interval: its values of one period are one row of observation.
            CREATE TABLE observation_stream (
                id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                station_id text COLLATE "C" NOT NULL,
                interval   text COLLATE "C" NOT NULL,
                UNIQUE (station_id, interval)
            );
            INSERT INTO observation_stream (station_id, interval) SELECT DISTINCT station_id, interval FROM series ORDER BY 1, 2;

            -- The stored values in the packed text (PackedValues): entries 'parameter,period,revision,value,min,max,
            -- total,converted,flag,source,received' in parameter order, times in microseconds after the base instant.
            CREATE TEMP TABLE packed_observation ON COMMIT DROP AS
            SELECT st.id AS stream_id, o.period_start,
                   string_agg(concat_ws(',', se.parameter, '0', o.revision::text, coalesce(o.value::text, ''),
                       coalesce(o.min::text, ''), coalesce(o.max::text, ''), coalesce(o.total::text, ''),
                       coalesce(o.converted::text, ''), o.flag, o.source::text,
                       ((extract(epoch FROM o.received_at) * 1000000)::bigint - (extract(epoch FROM o.period_start) * 1000000)::bigint)::text),
                       ';' ORDER BY se.parameter COLLATE "C") AS data
            FROM observation o
            JOIN series se ON se.id = o.series_id
            JOIN observation_stream st ON st.station_id = se.station_id AND st.interval = se.interval
            GROUP BY st.id, o.period_start;

            CREATE TEMP TABLE packed_latest ON COMMIT DROP AS
            WITH l AS (
                SELECT st.id AS stream_id, l.*, max(l.period_start) OVER (PARTITION BY st.id) AS newest
                FROM observation_latest l JOIN observation_stream st ON st.station_id = l.station_id AND st.interval = l.interval
            )
            SELECT stream_id, min(station_id) AS station_id, newest,
                   array_agg(parameter::text ORDER BY parameter COLLATE "C") AS parameters,
                   string_agg(concat_ws(',', parameter,
                       ((extract(epoch FROM period_start) * 1000000)::bigint - (extract(epoch FROM newest) * 1000000)::bigint)::text,
                       revision::text, coalesce(value::text, ''), coalesce(min::text, ''), coalesce(max::text, ''),
                       coalesce(total::text, ''), coalesce(converted::text, ''), flag, source::text,
                       ((extract(epoch FROM received_at) * 1000000)::bigint - (extract(epoch FROM period_start) * 1000000)::bigint)::text),
                       ';' ORDER BY parameter COLLATE "C") AS data
            FROM l GROUP BY stream_id, newest;

            -- The partitions are made again with the same names and bounds.
            CREATE TEMP TABLE packed_partition ON COMMIT DROP AS
            SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'observation'::regclass;

            DROP TABLE observation;
            DROP TABLE observation_latest;

            CREATE TABLE observation (
                stream_id    integer     NOT NULL,
                period_start timestamptz NOT NULL,
                data         text        NOT NULL,
                PRIMARY KEY (stream_id, period_start)
            ) PARTITION BY RANGE (period_start);
            DO $$
            DECLARE p record;
            BEGIN
                FOR p IN SELECT name, bound FROM packed_partition ORDER BY name LOOP
                    EXECUTE format('CREATE TABLE %I PARTITION OF observation %s', p.name, p.bound);
                END LOOP;
                IF NOT EXISTS (SELECT 1 FROM packed_partition WHERE bound = 'DEFAULT') THEN
                    CREATE TABLE observation_default PARTITION OF observation DEFAULT;
                END IF;
            END
            $$;
            INSERT INTO observation (stream_id, period_start, data) SELECT stream_id, period_start, data FROM packed_observation;

            -- newest: the newest period of the row's values; an entry's period is relative to it (0 or less). The
            -- parameters are the entries' in order. Updated in place (HOT: no indexed column changes).
            CREATE TABLE observation_latest (
                stream_id  integer          PRIMARY KEY,
                station_id text COLLATE "C" NOT NULL,
                newest     timestamptz      NOT NULL,
                parameters text[]           NOT NULL,
                data       text             NOT NULL
            ) WITH (fillfactor = 50);
            CREATE INDEX observation_latest_station ON observation_latest (station_id);
            INSERT INTO observation_latest (stream_id, station_id, newest, parameters, data)
            SELECT stream_id, station_id, newest, parameters, data FROM packed_latest;

            -- One row per value, for people and tools that read the store with SQL (and ecomon migrate).
            CREATE VIEW observation_value AS
            SELECT o.stream_id, st.station_id, split_part(e.entry, ',', 1) AS parameter, st.interval, o.period_start,
                   split_part(e.entry, ',', 3)::integer AS revision,
                   nullif(split_part(e.entry, ',', 4), '')::numeric AS value,
                   nullif(split_part(e.entry, ',', 5), '')::numeric AS min,
                   nullif(split_part(e.entry, ',', 6), '')::numeric AS max,
                   nullif(split_part(e.entry, ',', 7), '')::numeric AS total,
                   nullif(split_part(e.entry, ',', 8), '')::numeric AS converted,
                   split_part(e.entry, ',', 9) AS flag,
                   split_part(e.entry, ',', 10)::smallint AS source,
                   o.period_start + split_part(e.entry, ',', 11)::bigint * interval '1 microsecond' AS received_at
            FROM observation o
            JOIN observation_stream st ON st.id = o.stream_id
            CROSS JOIN LATERAL string_to_table(o.data, ';') AS e (entry);
            """),
        new(12, "station-days waiting for the background workers, written with the observations; set-aside work (ADR 0027)", """
            -- A station-day (CST day) whose values changed: version counts the commits that changed it, each consumer's
            -- *_done is the version it has completed. Removed once all have completed it; a row created again gets a new
            -- id (a late mark of the old one misses it). Only the keys are indexed, so the frequent updates are HOT.
            CREATE TABLE work_pending (
                id              bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                station_id      text COLLATE "C" NOT NULL,
                interval        text             NOT NULL,
                day             date             NOT NULL,
                version         bigint           NOT NULL,
                changed_at      timestamptz      NOT NULL,
                evaluation_done bigint           NOT NULL DEFAULT 0,
                quality_done    bigint           NOT NULL DEFAULT 0,
                alarms_done     bigint           NOT NULL DEFAULT 0,
                UNIQUE (station_id, interval, day)
            ) WITH (fillfactor = 70);

            -- A consumer's failed attempts at a station-day; set aside (set_aside_at) after the configured attempts.
            CREATE TABLE work_failure (
                id           bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind         text             NOT NULL,
                station_id   text COLLATE "C" NOT NULL,
                interval     text             NOT NULL,
                day          date             NOT NULL,
                attempts     integer          NOT NULL,
                last_error   text             NOT NULL,
                failed_at    timestamptz      NOT NULL,
                set_aside_at timestamptz,
                UNIQUE (kind, station_id, interval, day)
            );
            """),
        new(13, "staff console sessions (revoked at sign-out on every node, idle and absolute expiry); the data-protection key ring shared by the nodes", """
            -- id: SHA-256 (hex) of the session key the cookie holds; the key itself is never stored.
            CREATE TABLE console_session (
                id           text COLLATE "C" PRIMARY KEY,
                user_name    text        NOT NULL,
                ticket       bytea       NOT NULL,
                created_at   timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL,
                expires_at   timestamptz NOT NULL
            );
            CREATE INDEX console_session_expires ON console_session (expires_at);
            CREATE INDEX console_session_last_seen ON console_session (last_seen_at);

            -- ASP.NET Core data-protection key ring elements (XML, key material encrypted when configured); only added.
            CREATE TABLE data_protection_key (
                id         text COLLATE "C" PRIMARY KEY,
                xml        text        NOT NULL,
                created_at timestamptz NOT NULL
            );
            """),
        new(14, "audit trail: the network address the actor acted from (hashed in the entry's second form)", """
            ALTER TABLE audit_entry ADD COLUMN address text;
            """),
        new(15, "frames archived before the gateway masked passwords: masked by the store in the background (IRawFrameArchive.MaskStoredPasswordsAsync)", """
            -- One row: the frames with ids from next_id to up_to_id (every frame stored before this version) still to mask.
            CREATE TABLE frame_password_mask (
                id        integer NOT NULL PRIMARY KEY CHECK (id = 1),
                next_id   bigint  NOT NULL,
                up_to_id  bigint  NOT NULL
            );
            INSERT INTO frame_password_mask (id, next_id, up_to_id) SELECT 1, 0, coalesce(max(id), 0) FROM raw_frame;
            """),
        new(16, "configuration changes: a NOTIFY on commit of every write of stations, alarm rules and permit limits (IConfigurationChanges)", """
            -- Sent by the writing transaction, delivered only when it commits; the payload is empty: only the channel
            -- says what changed (never a value, a password or a hash). Statement triggers: one NOTIFY per statement,
            -- and PostgreSQL folds identical ones of a transaction into one.
            CREATE FUNCTION notify_configuration_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify(TG_ARGV[0], '');
                RETURN NULL;
            END;
            $$;
            CREATE TRIGGER station_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON station
                FOR EACH STATEMENT EXECUTE FUNCTION notify_configuration_change('ecomonitor_stations');
            CREATE TRIGGER alarm_rule_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON alarm_rule
                FOR EACH STATEMENT EXECUTE FUNCTION notify_configuration_change('ecomonitor_alarm_rules');
            CREATE TRIGGER permit_limit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON permit_limit
                FOR EACH STATEMENT EXECUTE FUNCTION notify_configuration_change('ecomonitor_permit_limits');
            """),
        new(17, "scheduled work: one run per job and schedule slot, claimed with a lease (IScheduledRunStore)", """
            CREATE TABLE scheduled_run (
                job         text COLLATE "C" NOT NULL,
                slot_start  timestamptz NOT NULL,
                node        text        NOT NULL,
                attempt     integer     NOT NULL,
                claimed_at  timestamptz NOT NULL,
                lease_until timestamptz NOT NULL,
                finished_at timestamptz,
                error       text,
                PRIMARY KEY (job, slot_start)
            );
            CREATE INDEX scheduled_run_slot ON scheduled_run (slot_start);
            """),
        new(18, "people's accounts: names unique without regard to case, roles with one separated administrator at most (IAccountStore); the first-run set-up token (ISetUpTokenStore)", """
            -- Never deleted (disabled), so that the audit trail's names keep meaning someone.
            CREATE TABLE user_account (
                id                   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                user_name            text        NOT NULL,
                name_key             text COLLATE "C" NOT NULL UNIQUE,
                display_name         text        NOT NULL,
                jurisdiction         text,
                enterprise           text,
                password_hash        text,
                password_history     text        NOT NULL,
                password_changed_at  timestamptz,
                must_change_password boolean     NOT NULL,
                failed_sign_ins      integer     NOT NULL,
                locked_until         timestamptz,
                totp_secret          text,
                totp_last_step       bigint      NOT NULL,
                recovery_codes       text        NOT NULL,
                external_subject     text COLLATE "C" UNIQUE,
                is_disabled          boolean     NOT NULL,
                created_at           timestamptz NOT NULL,
                created_by           text        NOT NULL,
                last_sign_in_at      timestamptz,
                version              bigint      NOT NULL
            );

            CREATE TABLE user_role (
                account_id bigint NOT NULL REFERENCES user_account (id),
                role       text COLLATE "C" NOT NULL,
                PRIMARY KEY (account_id, role)
            );
            -- 三员分立: at most one of the separated administrator roles per account.
            CREATE UNIQUE INDEX user_role_one_administrator ON user_role (account_id)
                WHERE role IN ('SystemAdministrator', 'SecurityAdministrator', 'AuditAdministrator');

            -- The first-run set-up token (ISetUpTokenStore): its SHA-256 only, one row at most.
            CREATE TABLE setup_token (
                id         integer     PRIMARY KEY CHECK (id = 1),
                token_hash text        NOT NULL,
                expires_at timestamptz NOT NULL
            );
            """),
        new(19, "audit trail viewer: indexes for filtering by actor, action (exact or prefix) and time (AuditQuery)", """
            CREATE INDEX audit_entry_actor ON audit_entry (actor, sequence);
            -- "C" so that an action prefix is a byte-order range whatever the database's locale (PostgresAuditLog.QueryAsync).
            CREATE INDEX audit_entry_action ON audit_entry (action COLLATE "C", sequence);
            CREATE INDEX audit_entry_recorded_at ON audit_entry (recorded_at);
            """),
        new(20, "API clients of other departments: keys stored as the SHA-256 of their secret, with permissions, jurisdiction, expiry and rate (IApiClientStore)", """
            -- Never deleted (revoked), so that the audit trail's client:<id> names keep meaning someone.
            CREATE TABLE api_client (
                id                  text COLLATE "C" NOT NULL PRIMARY KEY,
                name                text COLLATE "C" NOT NULL UNIQUE,
                owner               text        NOT NULL,
                permissions         text        NOT NULL,
                jurisdiction        text        NOT NULL,
                secret_hash         text        NOT NULL,
                requests_per_second integer     NOT NULL,
                burst               integer     NOT NULL,
                created_at          timestamptz NOT NULL,
                created_by          text        NOT NULL,
                expires_at          timestamptz NOT NULL,
                revoked_at          timestamptz,
                revoked_by          text,
                last_used_at        timestamptz
            );
            """),
        new(21, "stations: the assessment networks they count for (ADR 0037), by default the network of their control level; every region-day re-evaluated", """
            ALTER TABLE station ADD COLUMN networks text NOT NULL DEFAULT '';
            UPDATE station SET networks = lower(control_level);
            -- One evaluated station of each region and day: its recomputation recomputes its city's and county's days,
            -- now per network (the evaluation's durable work, ADR 0027; quality checks and alarms are not redone).
            INSERT INTO work_pending (station_id, interval, day, version, changed_at, quality_done, alarms_done)
            SELECT MIN(d.code), 'hour', d.day, 1, now(), 1, 1
            FROM aqi_day d JOIN station s ON s.id = d.code
            WHERE d.scope = 'station' AND s.type = 'AirQuality'
            GROUP BY s.region, d.day
            ON CONFLICT (station_id, interval, day) DO UPDATE SET
                version = work_pending.version + 1, changed_at = excluded.changed_at,
                quality_done = CASE WHEN work_pending.quality_done >= work_pending.version THEN work_pending.version + 1 ELSE work_pending.quality_done END,
                alarms_done = CASE WHEN work_pending.alarms_done >= work_pending.version THEN work_pending.version + 1 ELSE work_pending.alarms_done END;
            """),
        new(22, "archive of generated report documents: every version kept, with its SHA-256 (IReportArchive, ADR 0038)", """
            -- Never updated or deleted: a regeneration over revised data is a new version.
            CREATE TABLE report_archive (
                id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                kind         text COLLATE "C" NOT NULL,
                region       text COLLATE "C" NOT NULL,
                period       text COLLATE "C" NOT NULL,
                format       text COLLATE "C" NOT NULL,
                version      integer     NOT NULL,
                content_hash text        NOT NULL,
                data_hash    text        NOT NULL,
                size         bigint      NOT NULL,
                generated_at timestamptz NOT NULL,
                generated_by text        NOT NULL,
                content      bytea       NOT NULL,
                UNIQUE (kind, region, period, format, version)
            );
            CREATE INDEX report_archive_region ON report_archive (region, id);
            """),
        new(23, "dust-day register: a city's days marked as affected by dust and sand, left out of statistics and rankings with dust=excluded (IDustDayStore)", """
            CREATE TABLE dust_day (
                city      text COLLATE "C" NOT NULL,
                day       date             NOT NULL,
                note      text             NOT NULL,
                marked_by text             NOT NULL,
                marked_at timestamptz      NOT NULL,
                PRIMARY KEY (city, day)
            );
            """),
        new(24, "audit retention: checkpoints of prunings (append-only); entries may be deleted only up to the latest checkpoint (IAuditLog.PruneAsync); review decisions keep the number of their audit entry without a foreign key, as the entry may be pruned", """
            CREATE TABLE audit_checkpoint (
                through_sequence bigint      PRIMARY KEY,
                through_hash     text        NOT NULL,
                entry_sequence   bigint      NOT NULL,
                pruned           bigint      NOT NULL,
                pruned_at        timestamptz NOT NULL
            );
            CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
                FOR EACH ROW EXECUTE FUNCTION ecomon_refuse_change();
            CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
                FOR EACH STATEMENT EXECUTE FUNCTION ecomon_refuse_change();

            CREATE FUNCTION ecomon_audit_prune_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD.sequence <= (SELECT COALESCE(MAX(through_sequence), 0) FROM audit_checkpoint) THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'audit_entry is append-only (only entries up to the latest audit_checkpoint may be pruned)'
                    USING ERRCODE = 'restrict_violation';
            END;
            $$;
            DROP TRIGGER audit_entry_append_only ON audit_entry;
            CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                FOR EACH ROW EXECUTE FUNCTION ecomon_refuse_change();
            CREATE TRIGGER audit_entry_prune_only BEFORE DELETE ON audit_entry
                FOR EACH ROW EXECUTE FUNCTION ecomon_audit_prune_only();
            ALTER TABLE review_decision DROP CONSTRAINT IF EXISTS review_decision_audit_sequence_fkey;
            """),
        new(25, "assessment targets: a region's annual targets and its sections' target classes for the year (ITargetStore)", """
            CREATE TABLE region_target (
                region           text COLLATE "C" NOT NULL,
                year             integer          NOT NULL,
                pm25             numeric,
                good_day_ratio   numeric,
                heavy_days       integer,
                good_water_share numeric,
                sections         text             NOT NULL,
                set_by           text             NOT NULL,
                set_at           timestamptz      NOT NULL,
                PRIMARY KEY (region, year)
            );
            """),
        new(26, "stations: the basin (流域) and the river, lake or reservoir name of surface-water sections, by which basins and rivers are rated and lakes given a trophic state", """
            ALTER TABLE station ADD COLUMN basin TEXT;
            ALTER TABLE station ADD COLUMN water_body_name TEXT;
            """),
];
}
