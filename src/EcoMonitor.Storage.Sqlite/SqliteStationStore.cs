using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IStationStore"/> on SQLite: table <c>station</c>, upserted by id.
/// </summary>
internal sealed class SqliteStationStore(SqliteDatabase db) : IStationStore
{
    private const string StationColumns =
        "id, name, type, region, longitude, latitude, control_level, enterprise, password, encoding, period_label, water_target_class, noise_zone, is_active, water_body, reporting_interval_hours, drinking_water_source, networks, basin, water_body_name";

    /// <summary>
    /// Puts every evaluated day of station <c>$id</c> back into the evaluation's durable work (ADR 0027), so that the
    /// days of its regions are recomputed, every network of them (ADR 0037); quality checks and alarms of those days
    /// are not redone (marked done at the new version when they were done).
    /// </summary>
    private const string RequeueEvaluationSql = """
        INSERT INTO work_pending (station_id, interval, day, version, changed_at, quality_done, alarms_done)
        SELECT code, 'hour', day, 1, $now, 1, 1 FROM aqi_day WHERE scope = 'station' AND code = $id
        ON CONFLICT (station_id, interval, day) DO UPDATE SET
            version = version + 1, changed_at = excluded.changed_at,
            quality_done = CASE WHEN quality_done >= version THEN version + 1 ELSE quality_done END,
            alarms_done = CASE WHEN alarms_done >= version THEN version + 1 ELSE alarms_done END;
        """;

    /// <inheritdoc />
    public async Task<Station?> GetAsync(StationId id, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {StationColumns} FROM station WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.Value);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadStation(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Station>> ListAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT {StationColumns} FROM station ORDER BY id;";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
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
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w => Upsert(w.Connection, stations, SqliteValues.ToColumn(db.Now()))), cancellationToken);
    }

    private static int Upsert(SqliteConnection connection, IReadOnlyList<Station> stations, long now)
    {
        using SqliteCommand stored = connection.CreateCommand();
        stored.CommandText = "SELECT type, region, networks FROM station WHERE id = $id;";
        SqliteParameter storedId = stored.Parameters.Add("$id", SqliteType.Text);

        using SqliteCommand requeue = connection.CreateCommand();
        requeue.CommandText = RequeueEvaluationSql;
        SqliteParameter requeueId = requeue.Parameters.Add("$id", SqliteType.Text);
        requeue.Parameters.AddWithValue("$now", now);

        using SqliteCommand upsert = connection.CreateCommand();
        upsert.CommandText = $"""
            INSERT INTO station ({StationColumns})
            VALUES ($id, $name, $type, $region, $longitude, $latitude, $control, $enterprise, $password, $encoding,
                    $label, $water, $noise, $active, $body, $reporting, $source, $networks, $basin, $bodyName)
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, type = excluded.type, region = excluded.region, longitude = excluded.longitude,
                latitude = excluded.latitude, control_level = excluded.control_level, enterprise = excluded.enterprise,
                password = excluded.password, encoding = excluded.encoding, period_label = excluded.period_label,
                water_target_class = excluded.water_target_class, noise_zone = excluded.noise_zone,
                is_active = excluded.is_active, water_body = excluded.water_body,
                    reporting_interval_hours = excluded.reporting_interval_hours,
                    drinking_water_source = excluded.drinking_water_source, networks = excluded.networks,
                    basin = excluded.basin, water_body_name = excluded.water_body_name;
            """;

        int added = 0;
        foreach (Station station in stations)
        {
            storedId.Value = station.Id.Value;
            bool affectsRegions;
            using (SqliteDataReader reader = stored.ExecuteReader())
            {
                bool exists = reader.Read();
                added += exists ? 0 : 1;
                affectsRegions = !exists || reader.GetString(0) != station.Type.ToString() || reader.GetString(1) != station.Region.Value
                    || reader.GetString(2) != StoreCodes.ToCode(station.Networks);
            }

            if (affectsRegions)
            {
                requeueId.Value = station.Id.Value;
                requeue.ExecuteNonQuery();
            }

            upsert.Parameters.Clear();
            upsert.Parameters.AddWithValue("$id", station.Id.Value);
            upsert.Parameters.AddWithValue("$name", station.Name);
            upsert.Parameters.AddWithValue("$type", station.Type.ToString());
            upsert.Parameters.AddWithValue("$region", station.Region.Value);
            upsert.Parameters.AddWithValue("$longitude", (object?)station.Location?.Longitude ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$latitude", (object?)station.Location?.Latitude ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$control", station.ControlLevel.ToString());
            upsert.Parameters.AddWithValue("$enterprise", (object?)station.Enterprise ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$password", StationPasswords.ToColumn(station));
            upsert.Parameters.AddWithValue("$encoding", station.Encoding.ToString());
            upsert.Parameters.AddWithValue("$label", station.PeriodLabel.ToString());
            upsert.Parameters.AddWithValue("$water", (object?)station.WaterTargetClass ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$noise", (object?)station.NoiseZone ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$active", station.IsActive);
            upsert.Parameters.AddWithValue("$body", (object?)station.WaterBody?.ToString() ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$reporting", station.ReportingIntervalHours);
            upsert.Parameters.AddWithValue("$source", station.IsDrinkingWaterSource);
            upsert.Parameters.AddWithValue("$networks", StoreCodes.ToCode(station.Networks));
            upsert.Parameters.AddWithValue("$basin", (object?)station.Basin ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$bodyName", (object?)station.WaterBodyName ?? DBNull.Value);
            upsert.ExecuteNonQuery();
        }

        return added;
    }

    private static Station ReadStation(SqliteDataReader reader) => new()
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
