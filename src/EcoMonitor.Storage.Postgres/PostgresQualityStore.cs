using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IQualityStore"/> on PostgreSQL (docs/quality.md): <c>quality_finding</c> replaced per station, interval and window;
/// <c>evaluation_exclusion</c> per station and day.
/// </summary>
internal sealed class PostgresQualityStore(PostgresDatabase db) : IQualityStore
{
    /// <inheritdoc />
    public Task ReplaceFindingsAsync(IReadOnlyList<FindingsReplacement> replacements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        int count = 0;
        foreach (FindingsReplacement r in replacements)
        {
            count += r.Findings.Count;
            foreach (QualityFinding finding in r.Findings)
            {
                if (finding.Station != r.Station || finding.Interval != r.Interval || !r.Periods.Contains(finding.PeriodStart))
                {
                    throw new ArgumentException($"A finding ({finding.Station} {finding.Parameter} {finding.PeriodStart}) lies outside the range replaced.", nameof(replacements));
                }
            }
        }

        return db.InTransactionAsync(0, count, async (connection, transaction) =>
        {
            await using var delete = new NpgsqlCommand(
                "DELETE FROM quality_finding WHERE station_id = $1 AND interval = $2 AND period_start >= $3 AND period_start < $4;", connection, transaction);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO quality_finding (station_id, interval, period_start, parameter, rule, severity, reason)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (station_id, interval, period_start, parameter, rule) DO UPDATE SET severity = excluded.severity, reason = excluded.reason;
                """, connection, transaction);
            foreach (FindingsReplacement r in replacements)
            {
                delete.Parameters.Clear();
                delete.Parameters.AddWithValue(r.Station.Value);
                delete.Parameters.AddWithValue(StoreCodes.ToCode(r.Interval));
                delete.Parameters.AddWithValue(PostgresValues.ToColumn(r.Periods.Start));
                delete.Parameters.AddWithValue(PostgresValues.ToColumn(r.Periods.End));
                await delete.ExecuteNonQueryAsync(cancellationToken);
                foreach (QualityFinding finding in r.Findings)
                {
                    insert.Parameters.Clear();
                    insert.Parameters.AddWithValue(r.Station.Value);
                    insert.Parameters.AddWithValue(StoreCodes.ToCode(r.Interval));
                    insert.Parameters.AddWithValue(PostgresValues.ToColumn(finding.PeriodStart));
                    insert.Parameters.AddWithValue(finding.Parameter.Value);
                    insert.Parameters.AddWithValue(finding.Rule);
                    insert.Parameters.AddWithValue((short)finding.Severity);
                    insert.Parameters.AddWithValue(finding.Reason);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            return count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QualityFinding>> QueryFindingsAsync(
        StationId station, ObservationInterval interval, Interval periods, QualitySeverity minimum, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT period_start, parameter, rule, severity, reason FROM quality_finding
            WHERE station_id = $1 AND interval = $2 AND period_start >= $3 AND period_start < $4 AND severity >= $5
            ORDER BY period_start, parameter, rule;
            """, connection);
        command.Parameters.AddWithValue(station.Value);
        command.Parameters.AddWithValue(StoreCodes.ToCode(interval));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(periods.Start));
        command.Parameters.AddWithValue(PostgresValues.ToColumn(periods.End));
        command.Parameters.AddWithValue((short)minimum);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var findings = new List<QualityFinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            findings.Add(new QualityFinding
            {
                Station = station,
                Interval = interval,
                PeriodStart = PostgresValues.ToInstant(reader.GetDateTime(0)),
                Parameter = ParameterCode.Parse(reader.GetString(1)),
                Rule = reader.GetString(2),
                Severity = ToSeverity(reader.GetInt16(3)),
                Reason = reader.GetString(4),
            });
        }

        return findings;
    }

    /// <inheritdoc />
    public Task SaveExclusionsAsync(IReadOnlyList<EvaluationExclusions> exclusions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        return db.InTransactionAsync(0, 0, async (connection, transaction) =>
        {
            await using var delete = new NpgsqlCommand("DELETE FROM evaluation_exclusion WHERE station_id = $1 AND day = $2;", connection, transaction);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO evaluation_exclusion (station_id, day, rule, excluded) VALUES ($1, $2, $3, $4);", connection, transaction);
            foreach (EvaluationExclusions e in exclusions)
            {
                delete.Parameters.Clear();
                delete.Parameters.AddWithValue(e.Station.Value);
                delete.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = e.Day.ToDateOnly() });
                await delete.ExecuteNonQueryAsync(cancellationToken);
                foreach ((string rule, int count) in e.ExcludedByRule)
                {
                    insert.Parameters.Clear();
                    insert.Parameters.AddWithValue(e.Station.Value);
                    insert.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = e.Day.ToDateOnly() });
                    insert.Parameters.AddWithValue(rule);
                    insert.Parameters.AddWithValue(count);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            return exclusions.Count;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvaluationExclusions>> QueryExclusionsAsync(StationId station, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await db.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT day, rule, excluded FROM evaluation_exclusion
            WHERE station_id = $1 AND day >= $2 AND day <= $3 AND excluded > 0
            ORDER BY day, rule;
            """, connection);
        command.Parameters.AddWithValue(station.Value);
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = firstDay.ToDateOnly() });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { NpgsqlDbType = NpgsqlDbType.Date, TypedValue = lastDay.ToDateOnly() });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var byDay = new SortedDictionary<DateOnly, Dictionary<string, int>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            DateOnly day = reader.GetFieldValue<DateOnly>(0);
            if (!byDay.TryGetValue(day, out Dictionary<string, int>? rules))
            {
                byDay[day] = rules = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            rules[reader.GetString(1)] = reader.GetInt32(2);
        }

        return [.. byDay.Select(d => new EvaluationExclusions(station, LocalDate.FromDateOnly(d.Key), d.Value))];
    }

    private static QualitySeverity ToSeverity(short code) => code switch
    {
        1 => QualitySeverity.Marked,
        2 => QualitySeverity.Suspect,
        3 => QualitySeverity.Invalid,
        _ => throw new InvalidDataException($"Unknown quality severity {code} in the store."),
    };
}
