using System.Buffers.Binary;
using EcoMonitor.Application.Evaluation;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The <c>aqi_day_month.days</c> blob (ADR 0024; first built by <see cref="SqliteMigrations.MonthBlob"/>): per stored
/// day, in day order, 34 bytes — the day of the month (1 byte); SO2, NO2, PM10, PM2.5, CO, O3 max 1-h, O3 max 8-h in
/// tenths and the AQI as big-endian int32 (0x80000000 = null); is_valid (1 byte).
/// </summary>
internal static class DailyMonthBlob
{
    /// <summary>Bytes per stored day.</summary>
    public const int DayBytes = 34;

    private const int Null = int.MinValue;

    /// <summary>Puts the days of month <paramref name="year"/>-<paramref name="month"/> of <paramref name="blob"/> into <paramref name="series"/>.</summary>
    public static void Read(DailyAirSeries series, int year, int month, ReadOnlySpan<byte> blob)
    {
        CheckLength(blob, year, month);
        int beforeMonth = Period.DaysBetween(series.FirstDay, new LocalDate(year, month, 1)) - 1;
        Span<decimal?> items = stackalloc decimal?[DailyAirSeries.ItemCount];
        for (int offset = 0; offset < blob.Length; offset += DayBytes)
        {
            ReadOnlySpan<byte> day = blob.Slice(offset, DayBytes);
            for (int i = 0; i < items.Length; i++)
            {
                int tenths = BinaryPrimitives.ReadInt32BigEndian(day[(1 + (4 * i))..]);
                items[i] = tenths == Null ? null : FromTenths(tenths);
            }

            int aqi = BinaryPrimitives.ReadInt32BigEndian(day[(1 + (4 * DailyAirSeries.ItemCount))..]);
            series.Set(beforeMonth + day[0], items, aqi == Null ? null : aqi, day[DayBytes - 1] != 0);
        }
    }

    /// <summary>
    /// The blob of a month after saving <paramref name="records"/> (all of that month; a later record of a day replaces
    /// an earlier one) over <paramref name="stored"/> (the month's current blob, empty when none).
    /// </summary>
    public static byte[] Merge(ReadOnlySpan<byte> stored, IEnumerable<DailyAqiRecord> records, int year, int month)
    {
        CheckLength(stored, year, month);
        var days = new byte[32][];
        for (int offset = 0; offset < stored.Length; offset += DayBytes)
        {
            days[stored[offset]] = stored.Slice(offset, DayBytes).ToArray();
        }

        foreach (DailyAqiRecord record in records)
        {
            days[record.Day.Day] = Encode(record);
        }

        return [.. days.Where(d => d is not null).SelectMany(d => d)];
    }

    private static byte[] Encode(DailyAqiRecord record)
    {
        var day = new byte[DayBytes];
        day[0] = (byte)record.Day.Day;
        ReadOnlySpan<decimal?> items = [record.So2, record.No2, record.Pm10, record.Pm25, record.Co, record.O3MaxHour, record.O3MaxEightHour];
        for (int i = 0; i < items.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(day.AsSpan(1 + (4 * i)), items[i] is { } v ? ToTenths(v, record) : Null);
        }

        BinaryPrimitives.WriteInt32BigEndian(day.AsSpan(1 + (4 * items.Length)), record.Aqi ?? Null);
        day[DayBytes - 1] = record.IsValid ? (byte)1 : (byte)0;
        return day;
    }

    private static int ToTenths(decimal value, DailyAqiRecord record)
    {
        decimal tenths = value * 10m;
        return tenths is > int.MinValue and <= int.MaxValue
            ? (int)tenths
            : throw new ArgumentException($"Daily value {value} of {record.Subject} on {record.Day} is out of the storable range.", nameof(record));
    }

    /// <summary>
    /// A daily value stored as integer tenths (aqi_day columns, these blobs), without a decimal division: 350 reads
    /// as 35, 351 as 35.1.
    /// </summary>
    public static decimal FromTenths(long value) =>
        value % 10 == 0 ? value / 10 : new decimal((int)Math.Abs(value), (int)(Math.Abs(value) >> 32), 0, value < 0, 1);

    private static void CheckLength(ReadOnlySpan<byte> blob, int year, int month)
    {
        if (blob.Length % DayBytes != 0)
        {
            throw new InvalidDataException($"aqi_day_month blob of {year}-{month:D2} has {blob.Length} bytes, not a multiple of {DayBytes}.");
        }
    }
}
