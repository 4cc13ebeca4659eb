using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IStationStore"/> on PostgreSQL: table <c>station</c>, upserted by id.
/// </summary>
internal sealed class PostgresStationStore(PostgresDatabase db) : IStationStore
{
    private const string StationColumns =
        "id, name, type, region, longitude, latitude, control_level, enterprise, password, encoding, period_label, water_target_class, noise_zone, is_active, water_body, reporting_interval_hours, drinking_water_source, networks, basin, water_body_name";

    /// <summary>
    /// Puts every evaluated day of station <c>$1</c> back into the evaluation's durable work (ADR 0027), so that the
    /// days of its regions are recomputed, every network of them (ADR 0037); quality checks and alarms of those days
    /// are not redone (marked done at the new version when they were done).
    /// </summary>
    private const string RequeueEvaluationSql = """
        INSERT INTO work_pending (station_id, interval, day, version, changed_at, quality_done, alarms_done)
        SELECT code, 'hour', day, 1, $2, 1, 1 FROM aqi_day WHERE scope = 'station' AND code = $1
        ORDER BY day
        ON CONFLICT (station_id, interval, day) DO UPDATE SET
            version = work_pending.version + 1, changed_at = excluded.changed_at,
            quality_done = CASE WHEN work_pending.quality_done >= work_pending.version THEN work_pending.version + 1 ELSE work_pending.quality_done END,
            alarms_done = CASE WHEN work_pending.alarms_done >= work_pending.version THEN work_pending.version + 1 ELSE work_pending.alarms_done END;
        """;

    /// <inheritdoc />
    public async Task<Station?> GetAsync(StationId id, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {StationColumns} FROM station WHERE id = $1;", connection);
        command.Parameters.AddWithValue(id.Value);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStation(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Station>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {StationColumns} FROM station ORDER BY id;", connection);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var stations = new List<Station>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stations.Add(ReadStation(reader));
        }

        return stations;
    }

    /// <inheritdoc />
    public Task<int> UpsertAsync(IReadOnlyList<Station> stations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stations);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            // xmax = 0 on the returned row means it was inserted, not updated.
            await using var upsert = new NpgsqlCommand($"""
                INSERT INTO station ({StationColumns})
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, type = excluded.type, region = excluded.region, longitude = excluded.longitude,
                    latitude = excluded.latitude, control_level = excluded.control_level, enterprise = excluded.enterprise,
                    password = excluded.password, encoding = excluded.encoding, period_label = excluded.period_label,
                    water_target_class = excluded.water_target_class, noise_zone = excluded.noise_zone,
                    is_active = excluded.is_active, water_body = excluded.water_body,
                    reporting_interval_hours = excluded.reporting_interval_hours,
                    drinking_water_source = excluded.drinking_water_source, networks = excluded.networks,
                    basin = excluded.basin, water_body_name = excluded.water_body_name
                RETURNING xmax = 0;
                """, connection, transaction);
            await using var stored = new NpgsqlCommand("SELECT type, region, networks FROM station WHERE id = $1 FOR UPDATE;", connection, transaction);
            await using var requeue = new NpgsqlCommand(RequeueEvaluationSql, connection, transaction);
            DateTime now = db.TimeProvider.GetUtcNow().UtcDateTime;
            int added = 0;
            foreach (Station station in stations)
            {
                stored.Parameters.Clear();
                stored.Parameters.AddWithValue(station.Id.Value);
                bool affectsRegions;
                await using (NpgsqlDataReader reader = await stored.ExecuteReaderAsync(cancellationToken))
                {
                    affectsRegions = !await reader.ReadAsync(cancellationToken) || reader.GetString(0) != station.Type.ToString()
                        || reader.GetString(1) != station.Region.Value || reader.GetString(2) != StoreCodes.ToCode(station.Networks);
                }

                if (affectsRegions)
                {
                    requeue.Parameters.Clear();
                    requeue.Parameters.AddWithValue(station.Id.Value);
                    requeue.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, TypedValue = now });
                    await requeue.ExecuteNonQueryAsync(cancellationToken);
                }

                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue(station.Id.Value);
                upsert.Parameters.AddWithValue(station.Name);
                upsert.Parameters.AddWithValue(station.Type.ToString());
                upsert.Parameters.AddWithValue(station.Region.Value);
                upsert.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = station.Location?.Longitude });
                upsert.Parameters.Add(new NpgsqlParameter<double?> { TypedValue = station.Location?.Latitude });
                upsert.Parameters.AddWithValue(station.ControlLevel.ToString());
                upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = station.Enterprise, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                upsert.Parameters.AddWithValue(StationPasswords.ToColumn(station));
                upsert.Parameters.AddWithValue(station.Encoding.ToString());
                upsert.Parameters.AddWithValue(station.PeriodLabel.ToString());
                upsert.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = station.WaterTargetClass });
                upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = station.NoiseZone, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                upsert.Parameters.AddWithValue(station.IsActive);
                upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = station.WaterBody?.ToString(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                upsert.Parameters.AddWithValue(station.ReportingIntervalHours);
                upsert.Parameters.AddWithValue(station.IsDrinkingWaterSource);
                upsert.Parameters.AddWithValue(StoreCodes.ToCode(station.Networks));
                upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = station.Basin, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = station.WaterBodyName, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                if ((bool)(await upsert.ExecuteScalarAsync(cancellationToken))!)
                {
                    added++;
                }
            }

            return added;
        }, cancellationToken);
    }

    private static Station ReadStation(NpgsqlDataReader reader) => new()
    {
        Id = StationId.Parse(reader.GetString(0)),
        Name = reader.GetString(1),
        Type = StoreCodes.ParseName<StationType>(reader.GetString(2)),
        Region = RegionCode.Parse(reader.GetString(3)),
        Location = reader.IsDBNull(4) || reader.IsDBNull(5) ? null : new GeoPoint(reader.GetDouble(4), reader.GetDouble(5)),
        ControlLevel = StoreCodes.ParseName<ControlLevel>(reader.GetString(6)),
        Enterprise = reader.IsDBNull(7) ? null : reader.GetString(7),
        Password = StationPassword.FromStored(reader.GetString(8)),
        Encoding = StoreCodes.ParseName<TextEncoding>(reader.GetString(9)),
        PeriodLabel = StoreCodes.ParseName<PeriodLabel>(reader.GetString(10)),
        WaterTargetClass = reader.IsDBNull(11) ? null : reader.GetInt32(11),
        NoiseZone = reader.IsDBNull(12) ? null : reader.GetString(12),
        IsActive = reader.GetBoolean(13),
        WaterBody = reader.IsDBNull(14) ? null : StoreCodes.ParseName<WaterBodyType>(reader.GetString(14)),
        ReportingIntervalHours = reader.GetInt32(15),
        IsDrinkingWaterSource = reader.GetBoolean(16),
        Networks = StoreCodes.ToNetworks(reader.GetString(17)),
        Basin = reader.IsDBNull(18) ? null : reader.GetString(18),
        WaterBodyName = reader.IsDBNull(19) ? null : reader.GetString(19),
    };
}
