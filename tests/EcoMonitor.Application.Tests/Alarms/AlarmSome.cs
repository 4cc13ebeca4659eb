using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Tests.Alarms;

/// <summary>Test data for the alarm tests.</summary>
internal static class AlarmSome
{
    public static readonly Instant Hour0 = Instant.FromUtc(2026, 3, 1, 0, 0);

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
}
