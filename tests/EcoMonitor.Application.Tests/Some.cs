using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests;

/// <summary>Test data builders.</summary>
internal static class Some
{
    public static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static Station Station(string mn = "1431A", string name = "金泉两河") => new()
    {
        Id = StationId.Parse(mn),
        Name = name,
        Type = StationType.AirQuality,
        Region = RegionCode.Parse("510106"),
        Password = "123456",
        ControlLevel = ControlLevel.National,
    };

    public static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
