using System.Globalization;
using System.IO.Compression;
using EcoMonitor.Domain;
using EcoMonitor.Testing;
using NodaTime;

namespace EcoMonitor.Quality.Tests;

/// <summary>
/// The real 2019 CNEMC hourly file (../shared/data/README.md §1), the six pollutants of each station as observations.
/// The file labels an hour by its end (hour H covers H−1..H, Beijing time); observations are labelled by their start
/// (ADR 0002) and received 5 minutes after the period ends, as an on-time station would deliver them. Loaded once
/// (values as decimal thousandths in dense arrays, ≈ 40 MB); skips locally when the file is absent, fails on CI.
/// </summary>
public sealed class Cnemc2019
{
    private static readonly string[] Types = ["PM2.5", "PM10", "SO2", "NO2", "O3", "CO"];
    private static readonly ParameterCode[] Codes = [.. new[] { "a34004", "a34002", "a21026", "a21004", "a05024", "a21005" }.Select(ParameterCode.Parse)];
    private static readonly Instant FirstLabel = ChinaTime.ToInstant(new LocalDateTime(2019, 1, 1, 0, 0));
    private const int Hours = 365 * 24;
    private const int Missing = int.MinValue;

    private readonly Lazy<(string[] Stations, int[][] Values)> _data = new(Load);

    /// <summary>Station codes (MN) in file order.</summary>
    public IReadOnlyList<string> Stations => _data.Value.Stations;

    /// <summary>All observations of one station over 2019, ordered by period then parameter.</summary>
    public List<Observation> StationYear(string station)
    {
        (string[] stations, int[][] values) = _data.Value;
        int s = Array.IndexOf(stations, station);
        Assert.True(s >= 0, $"station {station} is in the file");
        var observations = new List<Observation>(Hours * Types.Length);
        var mn = StationId.Parse(station);
        for (int h = 0; h < Hours; h++)
        {
            for (int t = 0; t < Types.Length; t++)
            {
                int v = values[t][(s * Hours) + h];
                if (v == Missing)
                {
                    continue;
                }

                Instant start = FirstLabel + Duration.FromHours(h - 1);
                observations.Add(new Observation
                {
                    Station = mn, Parameter = Codes[t], Interval = ObservationInterval.Hour, PeriodStart = start,
                    Value = v / 1000m, ReceivedAt = start + Duration.FromMinutes(65),
                });
            }
        }

        return observations;
    }

    private static (string[], int[][]) Load()
    {
        string path = RepoFiles.Shared("data/air_quality/cnemc_sites_hourly_2019_sichuan_chongqing_guizhou_jilin.csv.gz");
        if (!File.Exists(path))
        {
            const string reason = "../shared/data holds no 2019 CNEMC file";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, bufferSize: 1 << 16);
        string[] stations = reader.ReadLine()!.Split(',')[3..];
        int[][] values = new int[Types.Length][];
        for (int t = 0; t < Types.Length; t++)
        {
            values[t] = new int[stations.Length * Hours];
            Array.Fill(values[t], Missing);
        }

        var firstDay = new DateOnly(2019, 1, 1);
        while (reader.ReadLine() is { } line)
        {
            string[] cells = line.Split(',');
            int t = Array.IndexOf(Types, cells[2]);
            if (t < 0)
            {
                continue;
            }

            var day = DateOnly.ParseExact(cells[0], "yyyyMMdd", CultureInfo.InvariantCulture);
            int hour = ((day.DayNumber - firstDay.DayNumber) * 24) + int.Parse(cells[1], CultureInfo.InvariantCulture);
            if (hour is < 0 or >= Hours)
            {
                continue;
            }

            for (int s = 0; s < stations.Length && s + 3 < cells.Length; s++)
            {
                if (decimal.TryParse(cells[s + 3], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
                {
                    values[t][(s * Hours) + hour] = (int)Math.Round(value * 1000m);
                }
            }
        }

        return (stations, values);
    }
}
