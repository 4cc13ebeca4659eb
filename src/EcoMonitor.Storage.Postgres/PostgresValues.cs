using NodaTime;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>A <c>text[]</c> parameter.</summary>
    public static NpgsqlParameter<string[]> TextArray(string[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };

    /// <summary>A <c>timestamptz[]</c> parameter (UTC instants, <see cref="ToColumn"/>).</summary>
    public static NpgsqlParameter<DateTime[]> TimestampArray(DateTime[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, TypedValue = values };

    /// <summary>An <c>integer[]</c> parameter.</summary>
    public static NpgsqlParameter<int[]> IntegerArray(int[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, TypedValue = values };
}
