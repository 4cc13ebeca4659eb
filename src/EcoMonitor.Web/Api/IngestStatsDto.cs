namespace EcoMonitor.Web.Api;

/// <summary>
/// Ingest figures: since this process started (<see cref="Pipeline"/>, <see cref="Gateway"/>), and over the whole
/// archive (<see cref="ArchivedFramesByOutcome"/>), plus the process's memory.
/// </summary>
/// <param name="Pipeline">Frames by outcome and rejection reason, observations stored, batches, last commit.</param>
/// <param name="Gateway">Connections, acknowledgements, skipped bytes, split messages.</param>
/// <param name="ArchivedFramesByOutcome">All archived frames by outcome (accepted, duplicate, rejected).</param>
/// <param name="Process">Memory of the server process.</param>
/// <param name="Work">The background workers: what waits on this node, what is set aside in the store.</param>
public sealed record IngestStatsDto(
    PipelineStatsDto Pipeline, GatewayStatsDto Gateway, IReadOnlyDictionary<string, long> ArchivedFramesByOutcome, ProcessStatsDto Process, WorkStatsDto Work);

/// <summary>Pipeline figures since start.</summary>
public sealed record PipelineStatsDto(
    IReadOnlyDictionary<string, long> FramesByOutcome,
    IReadOnlyDictionary<string, long> RejectionsByReason,
    long ObservationsInserted,
    long ObservationsUnchanged,
    long ObservationsRevised,
    long BatchesCommitted,
    long BatchesFailed,
    string? LastCommitAt,
    int Queued);

/// <summary>
/// Gateway figures since start: connections (closed by the gateway for idleness, an unfinished frame or noise; refused
/// at the global or the per-address limit), replies, password checks held back by the backoff, rejected
/// frames counted but not archived (beyond their source's rate), and the connection limits in force.
/// </summary>
public sealed record GatewayStatsDto(
    long ConnectionsOpen,
    long ConnectionsTotal,
    long AcksSent,
    long AcksWithheld,
    long RejectionReplies,
    long SkippedBytes,
    long MessagesCompleted,
    long MessagesIncomplete,
    long IdleClosed,
    long FrameTimeoutClosed,
    long NoiseClosed,
    long RefusedAtLimit,
    long RefusedAtAddressLimit,
    long PasswordChecksDelayed,
    long RejectedNotArchived,
    GatewayLimitsDto Limits);

/// <summary>The gateway's connection limits in force and the file-handle limit they were derived from (docs/deploy.md).</summary>
public sealed record GatewayLimitsDto(int FileHandleLimit, int ReservedFileHandles, int MaxConnections, int MaxConnectionsPerAddress);

/// <summary>Memory of the server process, in bytes.</summary>
public sealed record ProcessStatsDto(long WorkingSetBytes, long ManagedHeapBytes);

/// <summary>The background workers (evaluation, quality, alarms; docs/adr/0027).</summary>
/// <param name="SetAside">Station-days set aside after repeated failures (every node; <c>GET /api/v1/work/set-aside</c>).</param>
/// <param name="SetAsideByKind">The same by worker.</param>
/// <param name="Queued">Items waiting on this node, by worker.</param>
public sealed record WorkStatsDto(long SetAside, IReadOnlyDictionary<string, long> SetAsideByKind, IReadOnlyDictionary<string, int> Queued);
