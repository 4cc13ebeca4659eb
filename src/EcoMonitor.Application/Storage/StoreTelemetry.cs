using System.Diagnostics;

namespace EcoMonitor.Application.Storage;

/// <summary>
/// The spans every store engine makes on its own <see cref="ActivitySource"/> (ADR 0032): <c>store.commit</c> (a batch
/// of frames and observations), <c>store.append</c> (an import batch) and <c>store.query</c> (a station's values), tagged
/// with the engine (<c>db.system</c>) and the row counts (<c>ecomonitor.frames</c>, <c>ecomonitor.observations</c>).
/// No span is made when nothing listens.
/// </summary>
public static class StoreTelemetry
{
    public static Activity? Start(ActivitySource source, string dbSystem, string name, int frames, int observations)
    {
        ArgumentNullException.ThrowIfNull(source);
        Activity? activity = source.StartActivity(name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", dbSystem);
            activity.SetTag("ecomonitor.frames", frames);
            activity.SetTag("ecomonitor.observations", observations);
        }

        return activity;
    }
}
