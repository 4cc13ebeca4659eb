using NodaTime;

namespace EcoMonitor.Application.Work;

/// <summary>A station-day one consumer failed on <see cref="Attempts"/> times and has set aside, with its last error.</summary>
/// <param name="Id">The failure record's id (what <c>POST /api/v1/work/set-aside/{id}/retry</c> names).</param>
/// <param name="Kind">The consumer.</param>
/// <param name="Day">The station-day.</param>
/// <param name="Attempts">Failed attempts.</param>
/// <param name="Error">The last error: its type and message (no stack trace).</param>
/// <param name="FailedAt">When the last attempt failed.</param>
/// <param name="Since">When it was set aside.</param>
public sealed record SetAsideWork(long Id, WorkKind Kind, WorkDay Day, int Attempts, string Error, Instant FailedAt, Instant Since);
