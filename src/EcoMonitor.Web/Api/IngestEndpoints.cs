using System.Diagnostics;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Gateway;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoMonitor.Web.Api;

/// <summary>Live ingest statistics.</summary>
internal static class IngestEndpoints
{
    public static RouteGroupBuilder MapIngestEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/ingest/stats", GetAsync).WithTags("Ingest")
            .RequirePermission(Permission.IngestRead)
            .WithSummary("Frames by outcome and rejection reason, observations stored, connections, acknowledgements, memory, and the background work set aside. "
                + "With gc=true the server first runs a full blocking garbage collection, so that process memory is comparable "
                + "between two reads (used by `ecomon bench connections`; it pauses the server briefly). "
                + "Staff only (the bearer key or a console sign-in): the figures tell a stranger how to tune a flood.");
        return api;
    }

    private static async Task<Ok<IngestStatsDto>> GetAsync(
        IngestCounters counters, IngestPipeline pipeline, GatewayStats gateway, GatewayConnectionLimits limits, IRawFrameArchive archive,
        SetAsideWorkService work, IEnumerable<IPendingWork> queues, bool? gc, CancellationToken cancellationToken)
    {
        if (gc == true)
        {
            CollectGarbage();
        }

        IngestStatistics s = counters.Snapshot();
        IReadOnlyDictionary<RawFrameOutcome, long> archived = await archive.CountByOutcomeAsync(cancellationToken);
        IReadOnlyDictionary<WorkKind, long> setAside = await work.CountAsync(cancellationToken);
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new IngestStatsDto(
            new PipelineStatsDto(
                s.FramesByOutcome.ToDictionary(e => Camel(e.Key), e => e.Value),
                s.RejectionsByReason,
                s.ObservationsInserted,
                s.ObservationsUnchanged,
                s.ObservationsRevised,
                s.BatchesCommitted,
                s.BatchesFailed,
                s.LastCommitAt is { } at ? ApiTime.Format(at) : null,
                pipeline.QueuedCount),
            new GatewayStatsDto(
                gateway.ConnectionsOpen,
                gateway.ConnectionsTotal,
                gateway.AcksSent,
                gateway.AcksWithheld,
                gateway.RejectionReplies,
                gateway.SkippedBytes,
                gateway.MessagesCompleted,
                gateway.MessagesIncomplete,
                gateway.IdleClosed,
                gateway.FrameTimeoutClosed,
                gateway.NoiseClosed,
                gateway.RefusedAtLimit,
                gateway.RefusedAtAddressLimit,
                gateway.PasswordChecksDelayed,
                gateway.RejectedNotArchived,
                new GatewayLimitsDto(limits.FileHandleLimit, limits.Reserved, limits.MaxConnections, limits.MaxConnectionsPerAddress)),
            archived.ToDictionary(e => Camel(e.Key), e => e.Value),
            new ProcessStatsDto(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false)),
            new WorkStatsDto(
                setAside.Values.Sum(),
                setAside.ToDictionary(e => StoreCodes.ToCode(e.Key), e => e.Value),
                queues.ToDictionary(q => StoreCodes.ToCode(q.Kind), q => q.Count))));
    }

    // Twice, with finalizers in between, so that objects freed by finalizers are counted as free too.
    private static void CollectGarbage()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static string Camel(RawFrameOutcome outcome) => outcome switch
    {
        RawFrameOutcome.Accepted => "accepted",
        RawFrameOutcome.Duplicate => "duplicate",
        RawFrameOutcome.Rejected => "rejected",
    };
}
