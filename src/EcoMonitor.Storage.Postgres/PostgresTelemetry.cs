using System.Diagnostics;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Storage.Postgres;

/// <summary>The Postgres store's <see cref="ActivitySource"/> (STYLE §7: one per project); its spans are <see cref="StoreTelemetry"/>'s.</summary>
public static class PostgresTelemetry
{
    public const string SourceName = "EcoMonitor.Storage.Postgres";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string name, int frames, int observations) => StoreTelemetry.Start(Source, "postgresql", name, frames, observations);
}
