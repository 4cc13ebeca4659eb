using System.Globalization;
using System.Text;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// How values are represented in columns: instants as Unix milliseconds (UTC), decimals as their shortest invariant
/// text (exact, no binary rounding; equal decimals have equal text so SQL can compare payloads), enums as <see cref="Application.Storage.StoreCodes"/>.
/// </summary>
internal static class SqliteValues
{
    public static long ToColumn(Instant instant) => instant.ToUnixTimeMilliseconds();

    public static Instant ToInstant(long unixMilliseconds) => Instant.FromUnixTimeMilliseconds(unixMilliseconds);

    /// <summary>
    /// The invariant text of a decimal without trailing fractional zeros, as UTF-8 in <paramref name="buffer"/>
    /// (64 bytes suffice): 1.50 and 1.5 (equal decimals) are stored alike, so SQL compares payloads by text;
    /// 0.09055002 stays 0.09055002.
    /// </summary>
    public static ReadOnlySpan<byte> ToUtf8(decimal value, Span<byte> buffer)
    {
        bool isFormatted = value.TryFormat(buffer, out int written, provider: CultureInfo.InvariantCulture);
        if (!isFormatted)
        {
            throw new InvalidOperationException("A decimal did not fit the buffer.");
        }

        ReadOnlySpan<byte> text = buffer[..written];
        if (text.Contains((byte)'.'))
        {
            text = text.TrimEnd((byte)'0').TrimEnd((byte)'.');
        }

        return text.SequenceEqual("-0"u8) ? "0"u8 : text;
    }

    /// <summary>The column value of a nullable decimal: its text (<see cref="ToUtf8"/>), or <see cref="DBNull"/>.</summary>
    public static object DecimalText(decimal? value)
    {
        Span<byte> buffer = stackalloc byte[64];
        return value is { } v ? Encoding.UTF8.GetString(ToUtf8(v, buffer)) : DBNull.Value;
    }

    /// <summary>A day is stored as its start, 00:00 China Standard Time, in Unix milliseconds.</summary>
    public static long DayColumn(LocalDate day) => ToColumn(ChinaTime.ToInstant(day.AtMidnight()));

    /// <summary>Adds the parameters <c>$0</c> … <c>$(count-1)</c> to <paramref name="command"/> and returns them.</summary>
    public static SqliteParameterCollection AddParameters(SqliteCommand command, int count)
    {
        for (int i = 0; i < count; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + i.ToString(CultureInfo.InvariantCulture) });
        }

        return command.Parameters;
    }

    /// <summary>A nullable decimal column (<see cref="ParseDecimal"/> of its text).</summary>
    public static decimal? NullableDecimal(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseDecimal(reader.GetString(ordinal));

    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
