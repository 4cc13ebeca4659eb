using System.Globalization;
using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

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

    public static ParameterCode Parameter(string code = "a34004") => ParameterCode.Parse(code);

    public static Instant Hour(int hoursAfterHour0) => Hour0 + Duration.FromHours(hoursAfterHour0);

    public static Observation Observation(
        StationId? station = null,
        string parameter = "a34004",
        ObservationInterval interval = ObservationInterval.Hour,
        Instant? periodStart = null,
        decimal? value = 35.5m) => new()
        {
            Station = station ?? StationId(),
            Parameter = Parameter(parameter),
            Interval = interval,
            PeriodStart = periodStart ?? Hour0,
            Value = value,
            ReceivedAt = (periodStart ?? Hour0) + Duration.FromMinutes(61),
        };

    public static Station Station(StationId? id = null, string name = "金泉两河") => new()
    {
        Id = id ?? StationId(),
        Name = name,
        Type = StationType.AirQuality,
        Region = RegionCode.Parse("510104"),
        Password = HashedPassword,
    };

    public static PacketId Packet(StationId station, int packetNumber = 1) =>
        new(station.Value, string.Create(CultureInfo.InvariantCulture, $"20260301000000{Interlocked.Increment(ref _counter):D3}"), packetNumber);

    public static RawFrame Frame(
        StationId? station = null,
        RawFrameOutcome outcome = RawFrameOutcome.Accepted,
        string? reason = null,
        Instant? receivedAt = null) => new()
        {
            ReceivedAt = receivedAt ?? Hour0,
            Peer = "10.1.2.3:50211",
            StationId = station?.Value,
            CommandCode = "2061",
            RequestNumber = "20260301000000001",
            Bytes = Encoding.ASCII.GetBytes("##0101QN=20260301000000001;ST=22;CN=2061;PW=123456;MN=X;Flag=4;CP=&&&&ABCD\r\n"),
            Outcome = outcome,
            Reason = reason,
        };
}
