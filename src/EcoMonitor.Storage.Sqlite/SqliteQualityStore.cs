using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// <see cref="IQualityStore"/> on SQLite (migration 6, docs/quality.md): <c>quality_finding</c> replaced per station, interval and
/// window; <c>evaluation_exclusion</c> per station and day.
/// </summary>
internal sealed class SqliteQualityStore(SqliteDatabase db) : IQualityStore
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

        return db.WriteAsync(writer => db.InTransaction(writer, 0, count, w =>
        {
            foreach (FindingsReplacement r in replacements)
            {
                ReplaceFindings(w.Connection, r.Station, r.Interval, r.Periods.Start, r.Periods.End, r.Findings);
            }

            return count;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QualityFinding>> QueryFindingsAsync(
        StationId station, ObservationInterval interval, Interval periods, QualitySeverity minimum, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT period_start, parameter, rule, severity, reason FROM quality_finding
            WHERE station_id = $station AND interval = $interval AND period_start >= $from AND period_start < $to AND severity >= $minimum
            ORDER BY period_start, parameter, rule;
            """;
        command.Parameters.AddWithValue("$station", station.Value);
        command.Parameters.AddWithValue("$interval", StoreCodes.ToCode(interval));
        command.Parameters.AddWithValue("$from", SqliteValues.ToColumn(periods.Start));
        command.Parameters.AddWithValue("$to", SqliteValues.ToColumn(periods.End));
        command.Parameters.AddWithValue("$minimum", (int)minimum);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var findings = new List<QualityFinding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            findings.Add(new QualityFinding
            {
                Station = station,
                Interval = interval,
                PeriodStart = SqliteValues.ToInstant(reader.GetInt64(0)),
                Parameter = ParameterCode.Parse(reader.GetString(1)),
                Rule = reader.GetString(2),
                Severity = ToSeverity(reader.GetInt64(3)),
                Reason = reader.GetString(4),
            });
        }

        return findings;
    }

    /// <inheritdoc />
    public Task SaveExclusionsAsync(IReadOnlyList<EvaluationExclusions> exclusions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exclusions);
        return db.WriteAsync(writer => db.InTransaction(writer, 0, 0, w =>
        {
            using SqliteCommand delete = w.Connection.CreateCommand();
            delete.CommandText = "DELETE FROM evaluation_exclusion WHERE station_id = $station AND day = $day;";
            SqliteParameter deleteStation = delete.Parameters.Add("$station", SqliteType.Text);
            SqliteParameter deleteDay = delete.Parameters.Add("$day", SqliteType.Integer);
            using SqliteCommand insert = w.Connection.CreateCommand();
            insert.CommandText = "INSERT INTO evaluation_exclusion (station_id, day, rule, excluded) VALUES ($0, $1, $2, $3);";
            SqliteParameterCollection p = SqliteValues.AddParameters(insert, 4);
            foreach (EvaluationExclusions e in exclusions)
            {
                deleteStation.Value = e.Station.Value;
                deleteDay.Value = SqliteValues.DayColumn(e.Day);
                delete.ExecuteNonQuery();
                foreach ((string rule, int count) in e.ExcludedByRule)
                {
                    p[0].Value = e.Station.Value;
                    p[1].Value = SqliteValues.DayColumn(e.Day);
                    p[2].Value = rule;
                    p[3].Value = count;
                    insert.ExecuteNonQuery();
                }
            }

            return exclusions.Count;
        }), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvaluationExclusions>> QueryExclusionsAsync(StationId station, LocalDate firstDay, LocalDate lastDay, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await db.OpenReaderAsync(cancellationToken);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT day, rule, excluded FROM evaluation_exclusion
            WHERE station_id = $station AND day >= $from AND day <= $to AND excluded > 0
            ORDER BY day, rule;
            """;
        command.Parameters.AddWithValue("$station", station.Value);
        command.Parameters.AddWithValue("$from", SqliteValues.DayColumn(firstDay));
        command.Parameters.AddWithValue("$to", SqliteValues.DayColumn(lastDay));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        var byDay = new SortedDictionary<long, Dictionary<string, int>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            long day = reader.GetInt64(0);
            if (!byDay.TryGetValue(day, out Dictionary<string, int>? rules))
            {
                byDay[day] = rules = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            rules[reader.GetString(1)] = reader.GetInt32(2);
        }

        return [.. byDay.Select(d => new EvaluationExclusions(station, ChinaTime.ToLocal(SqliteValues.ToInstant(d.Key)).Date, d.Value))];
    }

    private static int ReplaceFindings(
        SqliteConnection connection, StationId station, ObservationInterval interval, Instant from, Instant to, IReadOnlyList<QualityFinding> findings)
    {
        using SqliteCommand delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM quality_finding WHERE station_id = $station AND interval = $interval AND period_start >= $from AND period_start < $to;";
        delete.Parameters.AddWithValue("$station", station.Value);
        delete.Parameters.AddWithValue("$interval", StoreCodes.ToCode(interval));
        delete.Parameters.AddWithValue("$from", SqliteValues.ToColumn(from));
        delete.Parameters.AddWithValue("$to", SqliteValues.ToColumn(to));
        delete.ExecuteNonQuery();

        using SqliteCommand insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR REPLACE INTO quality_finding (station_id, interval, period_start, parameter, rule, severity, reason)
            VALUES ($0, $1, $2, $3, $4, $5, $6);
            """;
        SqliteParameterCollection p = SqliteValues.AddParameters(insert, 7);
        foreach (QualityFinding finding in findings)
        {
            p[0].Value = station.Value;
            p[1].Value = StoreCodes.ToCode(interval);
            p[2].Value = SqliteValues.ToColumn(finding.PeriodStart);
            p[3].Value = finding.Parameter.Value;
            p[4].Value = finding.Rule;
            p[5].Value = (int)finding.Severity;
            p[6].Value = finding.Reason;
            insert.ExecuteNonQuery();
        }

        return findings.Count;
    }

    private static QualitySeverity ToSeverity(long code) => code switch
    {
        1 => QualitySeverity.Marked,
        2 => QualitySeverity.Suspect,
        3 => QualitySeverity.Invalid,
        _ => throw new InvalidDataException($"Unknown quality severity {code} in the store."),
    };
}
