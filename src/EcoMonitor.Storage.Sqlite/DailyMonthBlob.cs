using System.Buffers.Binary;
using EcoMonitor.Application.Storage;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// Reads the <c>aqi_day_month.days</c> blob that the triggers of migration 10 build (ADR 0024): per stored day, in day
/// order, 34 bytes — the day of the month (1 byte); SO2, NO2, PM10, PM2.5, CO, O3 max 1-h, O3 max 8-h in tenths and
/// the AQI as big-endian int32 (0x80000000 = null); is_valid (1 byte).
/// </summary>
internal static class DailyMonthBlob
{
    /// <summary>Bytes per stored day.</summary>
    public const int DayBytes = 34;

    private const int Null = int.MinValue;

    /// <summary>Puts the days of month <paramref name="year"/>-<paramref name="month"/> of <paramref name="blob"/> into <paramref name="series"/>.</summary>
    public static void Read(DailyAirSeries series, int year, int month, ReadOnlySpan<byte> blob)
    {
        if (blob.Length % DayBytes != 0)
        {
            throw new InvalidDataException($"aqi_day_month blob of {series.Subject} {year}-{month:D2} has {blob.Length} bytes, not a multiple of {DayBytes}.");
        }

        int beforeMonth = Period.DaysBetween(series.FirstDay, new LocalDate(year, month, 1)) - 1;
        Span<decimal?> items = stackalloc decimal?[DailyAirSeries.ItemCount];
        for (int offset = 0; offset < blob.Length; offset += DayBytes)
        {
            ReadOnlySpan<byte> day = blob.Slice(offset, DayBytes);
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Tenths(BinaryPrimitives.ReadInt32BigEndian(day[(1 + (4 * i))..]));
            }

            int aqi = BinaryPrimitives.ReadInt32BigEndian(day[(1 + (4 * DailyAirSeries.ItemCount))..]);
            series.Set(beforeMonth + day[0], items, aqi == Null ? null : aqi, day[DayBytes - 1] != 0);
        }
    }

    /// <summary>Tenths as the decimal the row read gives (35.0 reads as 35, 35.1 as 35.1).</summary>
    private static decimal? Tenths(int value) => value switch
    {
        Null => null,
        _ when value % 10 == 0 => value / 10,
        _ => new decimal(Math.Abs(value), 0, 0, value < 0, 1),
    };
}
