using System.Globalization;
using System.Text;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests;

/// <summary>Test data: valid values with unique identities, so tests state only what matters to them.</summary>
internal static class Some
{
    /// <summary>"123456" hashed as the registry stores it (the fewest iterations: tests need the form, not the cost).</summary>
    public static readonly StationPassword HashedPassword = StationPassword.Plain("123456").Hash(StationPassword.MinIterations);

    /// <summary>2026-03-01 00:00 China Standard Time, an hour start.</summary>
    public static readonly Instant Hour0 = Instant.FromUtc(2026, 2, 28, 16, 0);

    private static int _counter;

    public static StationId StationId() =>
        Domain.StationId.Parse(string.Create(CultureInfo.InvariantCulture, $"TEST{Interlocked.Increment(ref _counter):D8}"));

    public static Observation Observation(StationId station, string parameter = "a34004", int hour = 0, decimal value = 35.5m) => new()
    {
        Station = station,
        Parameter = ParameterCode.Parse(parameter),
        Interval = ObservationInterval.Hour,
        PeriodStart = Hour0 + Duration.FromHours(hour),
        Value = value,
        ReceivedAt = Hour0 + Duration.FromHours(hour + 1),
    };

    public static PacketId Packet(StationId station) =>
        new(station.Value, string.Create(CultureInfo.InvariantCulture, $"20260301000000{Interlocked.Increment(ref _counter):D3}"), 1);

    /// <summary>An accepted data packet of <paramref name="station"/> with hourly PM2.5, PM10 and SO2.</summary>
    public static IngestItem DataItem(StationId station, int hour = 0, PacketId? packet = null) => new(
        Frame(station, RawFrameOutcome.Accepted, null),
        [Observation(station, "a34004", hour), Observation(station, "a34002", hour), Observation(station, "a21026", hour)],
        packet ?? Packet(station));

    public static IngestItem RejectedItem(StationId? station, string reason) =>
        new(Frame(station, RawFrameOutcome.Rejected, reason), [], null);

    public static RawFrame Frame(StationId? station, RawFrameOutcome outcome, string? reason) => new()
    {
        ReceivedAt = Hour0 + Duration.FromMinutes(61),
        Peer = "10.1.2.3:50211",
        StationId = station?.Value,
        CommandCode = "2061",
        RequestNumber = "20260301000000001",
        Bytes = Encoding.ASCII.GetBytes("##0101QN=20260301000000001;ST=22;CN=2061;PW=123456;MN=X;Flag=4;CP=&&&&ABCD\r\n"),
        Outcome = outcome,
        Reason = reason,
    };

    public static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 1, 0, 0);

    public static Station Station(string mn = "1431A", string name = "金泉两河") => new()
    {
        Id = Domain.StationId.Parse(mn),
        Name = name,
        Type = StationType.AirQuality,
        Region = RegionCode.Parse("510106"),
        Password = HashedPassword,
        ControlLevel = ControlLevel.National,
    };

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

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
