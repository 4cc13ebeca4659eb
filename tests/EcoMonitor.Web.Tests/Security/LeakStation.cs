namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// A station of <see cref="LeakNetwork"/>: an air station (PM2.5) or a flue-gas outlet (SO2, with a permit), with the
/// values that are normal for it and the value that raises its alarm.
/// </summary>
/// <param name="Label">What the test calls it in messages (e.g. "county B's air station").</param>
/// <param name="Mn">A 14-digit MN that occurs nowhere else in a body.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">airQuality or flueGasOutlet.</param>
/// <param name="Region">The county it lies in.</param>
/// <param name="Enterprise">The enterprise of an outlet.</param>
/// <param name="PermitNumber">The permit number of an outlet's SO2 limit (occurs nowhere else in a body).</param>
internal sealed record LeakStation(string Label, string Mn, string Name, string Type, string Region, string? Enterprise, string? PermitNumber)
{
    /// <summary>True for a flue-gas outlet.</summary>
    public bool IsOutlet => Type == "flueGasOutlet";

    /// <summary>The parameter its alarm rule watches: SO2 at an outlet, PM2.5 at an air station.</summary>
    public string Parameter => IsOutlet ? "a21026" : "a34004";

    /// <summary>A value under the rule's limit.</summary>
    public decimal Normal => IsOutlet ? 30m : 40m;

    /// <summary>A value over the rule's limit.</summary>
    public decimal High => IsOutlet ? 150m : 900m;

    /// <summary>The id of the alarm rule that watches it.</summary>
    public string Rule => IsOutlet ? LeakNetwork.OutletRule : LeakNetwork.AirRule;

    /// <summary>The station as the body of <c>POST /api/v1/stations</c>.</summary>
    public object Body(string? region = null) => new
    {
        mn = Mn, name = Name, type = Type, region = region ?? Region, enterprise = Enterprise, password = Frames.RegisteredPassword,
    };
}
