namespace EcoMonitor.Web.Tests.Security;

/// <summary>What a staff operation's route names: nothing of one station, a station, an alarm or set-aside work.</summary>
internal enum TargetKind
{
    /// <summary>A list, a statistic, a write without a station in the route, or something not station-bound.</summary>
    None,

    /// <summary><c>{mn}</c>.</summary>
    Station,

    /// <summary><c>/api/v1/alarms/{id}…</c>.</summary>
    Alarm,

    /// <summary><c>/api/v1/work/set-aside/{id}…</c>.</summary>
    SetAside,
}
