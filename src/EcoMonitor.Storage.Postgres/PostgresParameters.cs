using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace EcoMonitor.Storage.Postgres;

/// <summary>Typed parameters for nullable values (a null needs its type so PostgreSQL can infer the parameter's).</summary>
internal static class PostgresParameters
{
    public static NpgsqlParameter Text(string? value) =>
        new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };

    public static NpgsqlParameter Time(Instant? value) =>
        new NpgsqlParameter<DateTime?> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = value is { } v ? PostgresValues.ToColumn(v) : null };

    public static NpgsqlParameter Numeric(decimal? value) =>
        new NpgsqlParameter<decimal?> { NpgsqlDbType = NpgsqlDbType.Numeric, TypedValue = value };

    public static NpgsqlParameter Bigint(long? value) =>
        new NpgsqlParameter<long?> { NpgsqlDbType = NpgsqlDbType.Bigint, TypedValue = value };

    public static decimal? NullableDecimal(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    public static Instant? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : PostgresValues.ToInstant(reader.GetDateTime(ordinal));

    public static string? NullableText(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
