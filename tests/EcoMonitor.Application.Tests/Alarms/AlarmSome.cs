using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>Test data for the alarm tests.</summary>
internal static class AlarmSome
{
    public static readonly Instant Hour0 = Instant.FromUtc(2026, 3, 1, 0, 0);

    /// <summary>A rule file with one rule: SO2 above 100 at any station.</summary>
    public const string So2RuleFile = """
        { "rules": [ { "id": "so2", "name": "SO2", "kind": "exceedance", "parameter": "a21026", "limit": 100 } ] }
        """;

    /// <summary>The MN of <see cref="Outlet"/>'s default station.</summary>
    public static readonly StationId OutletId = StationId.Parse("OUT001");

    public static readonly ParameterCode So2 = ParameterCode.Parse("a21026");

    public static AlarmRule Exceedance(decimal limit = 100m, int consecutive = 1, string id = "so2-limit") => new()
    {
        Id = id, Name = "SO2 over limit", Kind = AlarmRuleKind.Exceedance, Parameter = ParameterCode.Parse("a21026"),
        Interval = ObservationInterval.Hour, Limit = limit, Consecutive = consecutive,
    };

    public static Instant Hour(int hour) => Hour0 + Duration.FromHours(hour);

    /// <summary>Hourly samples from hour 0; null entries are missing hours.</summary>
    public static AlarmSample[] Hourly(params decimal?[] values)
    {
        List<AlarmSample> samples = [];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v)
            {
                samples.Add(new AlarmSample(Hour(i), v, DataFlag.Normal));
            }
        }

        return [.. samples];
    }

    public static Station Outlet(string mn = "OUT001", string region = "510104", StationType type = StationType.FlueGasOutlet) => new()
    {
        Id = StationId.Parse(mn), Name = "某电厂1号排口", Type = type, Region = RegionCode.Parse(region), Password = Some.HashedPassword,
        Enterprise = "某电厂",
    };

    /// <summary>An hourly SO2 value of <see cref="OutletId"/> at hour <paramref name="hour"/>, received five minutes after.</summary>
    public static Observation So2Value(int hour, decimal value) => new()
    {
        Station = OutletId, Parameter = So2, Interval = ObservationInterval.Hour,
        PeriodStart = Hour(hour), Value = value, ReceivedAt = Hour(hour) + Duration.FromMinutes(5),
    };
}
