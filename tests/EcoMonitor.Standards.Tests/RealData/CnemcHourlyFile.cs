using System.IO.Compression;

namespace EcoMonitor.Standards.Tests.RealData;

/// <summary>
/// The 2019 CNEMC station file (../shared/data/README.md §1) in memory: per published type a dense array
/// station × hour, where hour 0 is the label 2019-01-01 00:00 (period end, covering 2018-12-31 23:00–24:00) and
/// consecutive indices are consecutive hours, so missing blocks stay missing. Values are kept as decimal
/// thousandths in an int (the file has at most 3 decimals); <see cref="Missing"/> marks an empty cell.
/// </summary>
public sealed class CnemcHourlyFile
{
    public const int Missing = int.MinValue;

    public static readonly string[] Types =
        ["AQI", "PM2.5", "PM2.5_24h", "PM10", "PM10_24h", "SO2", "SO2_24h", "NO2", "NO2_24h", "O3", "O3_8h", "CO", "CO_24h"];

    private static readonly DateOnly FirstDay = new(2019, 1, 1);

    private readonly int[][] _values;

    private CnemcHourlyFile(string[] stations, int hourCount, int[][] values)
    {
        Stations = stations;
        HourCount = hourCount;
        _values = values;
    }

    public string[] Stations { get; }

    public int HourCount { get; }

    /// <summary>Cells that held text other than a number with up to 3 decimals (counted as missing).</summary>
    public int UnreadableCells { get; private set; }

    public static string? FindDefaultPath()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcoMonitor.slnx")))
            {
                string path = Path.Combine(dir.FullName, "..", "shared", "data", "air_quality",
                    "cnemc_sites_hourly_2019_sichuan_chongqing_guizhou_jilin.csv.gz");
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }

    public static CnemcHourlyFile Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        using GZipStream gzip = new(file, CompressionMode.Decompress);
        using StreamReader reader = new(gzip, bufferSize: 1 << 16);
        string[] header = (reader.ReadLine() ?? throw new InvalidDataException("empty file")).Split(',');
        string[] stations = header[3..];
        int hourCount = (DateOnly.FromDayNumber(FirstDay.DayNumber + 365).DayNumber - FirstDay.DayNumber) * 24;
        int[][] values = new int[Types.Length][];
        for (int t = 0; t < Types.Length; t++)
        {
            values[t] = new int[stations.Length * hourCount];
            Array.Fill(values[t], Missing);
        }

        CnemcHourlyFile result = new(stations, hourCount, values);
        while (reader.ReadLine() is { } line)
        {
            result.ReadRow(line);
        }

        return result;
    }

    public static int TypeIndex(string type) => Array.IndexOf(Types, type) is >= 0 and var index
        ? index
        : throw new ArgumentOutOfRangeException(nameof(type), type, "not a type of the file");

    public decimal? Get(int type, int station, int hour)
    {
        int raw = Raw(type, station, hour);
        return raw == Missing ? null : new decimal(raw, 0, 0, false, 3);
    }

    /// <summary>The cell in thousandths, or <see cref="Missing"/> (also outside the year).</summary>
    public int Raw(int type, int station, int hour) =>
        hour < 0 || hour >= HourCount ? Missing : _values[type][(station * HourCount) + hour];

    public static string Label(int hour)
    {
        var day = DateOnly.FromDayNumber(FirstDay.DayNumber + (hour / 24));
        return $"{day:yyyy-MM-dd} {hour % 24:00}:00";
    }

    private void ReadRow(string line)
    {
        ReadOnlySpan<char> rest = line;
        ReadOnlySpan<char> date = Next(ref rest);
        int hourOfDay = int.Parse(Next(ref rest), provider: System.Globalization.CultureInfo.InvariantCulture);
        int type = Array.IndexOf(Types, Next(ref rest).ToString());
        if (type < 0)
        {
            return;
        }

        int[] cells = _values[type];

        var day = DateOnly.ParseExact(date, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        int hour = ((day.DayNumber - FirstDay.DayNumber) * 24) + hourOfDay;
        for (int station = 0; station < Stations.Length && !rest.IsEmpty; station++)
        {
            ReadOnlySpan<char> cell = Next(ref rest);
            if (cell.IsEmpty)
            {
                continue;
            }

            if (TryParseThousandths(cell, out int value))
            {
                cells[(station * HourCount) + hour] = value;
            }
            else
            {
                UnreadableCells++;
            }
        }
    }

    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> rest)
    {
        int comma = rest.IndexOf(',');
        ReadOnlySpan<char> field = comma < 0 ? rest : rest[..comma];
        rest = comma < 0 ? [] : rest[(comma + 1)..];
        return field;
    }

    private static bool TryParseThousandths(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        int decimals = -1;
        foreach (char c in text)
        {
            if (c == '.' && decimals < 0)
            {
                decimals = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c) || decimals >= 3 || value > 1_000_000)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            decimals = decimals >= 0 ? decimals + 1 : decimals;
        }

        for (int i = Math.Max(decimals, 0); i < 3; i++)
        {
            value *= 10;
        }

        return text.Length > 0;
    }
}
