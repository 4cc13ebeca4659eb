using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// How values are represented in columns: instants as <c>timestamptz</c> (microseconds; our instants are whole
/// milliseconds or coarser), decimals as <c>numeric</c> (exact; 1.50 = 1.5 when payloads are compared), days as
/// <c>date</c>, enums as <see cref="Application.Storage.StoreCodes"/>.
/// </summary>
internal static class PostgresValues
{
    public static DateTime ToColumn(Instant instant) => instant.ToDateTimeUtc();

    public static Instant ToInstant(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
