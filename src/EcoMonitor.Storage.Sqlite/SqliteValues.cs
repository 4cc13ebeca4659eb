using System.Globalization;
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

    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
