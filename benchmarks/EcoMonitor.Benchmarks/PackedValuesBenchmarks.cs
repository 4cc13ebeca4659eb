using System.Globalization;
using BenchmarkDotNet.Attributes;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Postgres;
using NodaTime;

namespace EcoMonitor.Benchmarks;

/// <summary>
/// The client side of the PostgreSQL store's packed rows, without a server: encoding the rows of one ingest batch
/// (1,000 stations × 10 parameters) and decoding a station-year (8,760 rows × 6 parameters).
/// </summary>
[MemoryDiagnoser]
public class PackedValuesBenchmarks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 0, 0);
    private readonly List<List<StoredValue>> _batch = [];
    private readonly List<(Instant Period, string Text)> _year = [];
    private readonly StreamKey _stream = new(StationId.Parse("BENCHYEAR1"), ObservationInterval.Hour);

    [GlobalSetup]
    public void Setup()
    {
        ParameterCode[] parameters = [.. Enumerable.Range(0, 10).Select(i => ParameterCode.Parse(string.Create(CultureInfo.InvariantCulture, $"a3400{i}")))];
        for (int s = 0; s < 1_000; s++)
        {
            var station = StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"BENCH{s:D6}"));
            _batch.Add([.. parameters.Select((p, i) => new StoredValue(PostgresStoreBenchmarks.Observation(station, p, Start, 35.2m + i) with { Min = 20.125m, Max = 48.9m }, 1))]);
        }

        for (int h = 0; h < 8_760; h++)
        {
            Instant hour = Start + Duration.FromHours(h);
            List<StoredValue> row = [.. parameters.Take(6).Select(p => new StoredValue(PostgresStoreBenchmarks.Observation(_stream.Station, p, hour, 30m + (h % 50)), 1))];
            _year.Add((hour, PackedValues.Encode(row, hour)));
        }
    }

    /// <summary>The text of 1,000 rows of 10 values (one ingest batch).</summary>
    [Benchmark]
    public int EncodeBatch()
    {
        int length = 0;
        foreach (List<StoredValue> row in _batch)
        {
            length += PackedValues.Encode(row, row[0].Observation.PeriodStart).Length;
        }

        return length;
    }

    /// <summary>The 52,560 values of one station-year from their 8,760 rows.</summary>
    [Benchmark]
    public int DecodeStationYear()
    {
        var values = new List<StoredValue>(52_560);
        var codes = new List<ParameterCode>();
        foreach ((Instant period, string text) in _year)
        {
            PackedValues.Decode(text, _stream, period, values, codes);
        }

        return values.Count;
    }
}
