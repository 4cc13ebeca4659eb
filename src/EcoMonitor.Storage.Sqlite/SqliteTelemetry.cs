using System.Diagnostics;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>The Sqlite store's <see cref="ActivitySource"/> (STYLE §7: one per project); its spans are <see cref="StoreTelemetry"/>'s.</summary>
public static class SqliteTelemetry
{
    public const string SourceName = "EcoMonitor.Storage.Sqlite";

    private static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string name, int frames, int observations) => StoreTelemetry.Start(Source, "sqlite", name, frames, observations);
}
