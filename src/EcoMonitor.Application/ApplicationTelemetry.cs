using System.Diagnostics;

namespace EcoMonitor.Application;

/// <summary>
/// The Application project's traces (STYLE §7: one <see cref="ActivitySource"/> per project): <c>ingest.commit</c>, one
/// span per committed batch of frames, linked to each frame's <c>hj212.frame</c> span (tags: frames, observations,
/// inserted, revised). No span is made when nothing listens.
/// </summary>
public static class ApplicationTelemetry
{
    public const string SourceName = "EcoMonitor.Application";

    internal static readonly ActivitySource Source = new(SourceName);
}
