using System.Diagnostics;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The Sqlite store's traces (STYLE §7: one <see cref="ActivitySource"/> per project): <c>store.commit</c> (a batch of
/// frames and observations), <c>store.append</c> (an import batch) and <c>store.query</c> (a station's values), with the
/// row counts as tags (<c>ecomonitor.frames</c>, <c>ecomonitor.observations</c>). No span is made when nothing listens.
/// </summary>
public static class SqliteTelemetry
{
    public const string SourceName = "EcoMonitor.Storage.Sqlite";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string name, int frames, int observations)
    {
        Activity? activity = Source.StartActivity(name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", "sqlite");
            activity.SetTag("ecomonitor.frames", frames);
            activity.SetTag("ecomonitor.observations", observations);
        }

        return activity;
    }
}
