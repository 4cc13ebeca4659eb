using System.Globalization;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// How values are represented in columns: instants as Unix milliseconds (UTC), decimals as their shortest invariant
/// text (exact, no binary rounding; equal decimals have equal text so SQL can compare payloads), enums as stable codes.
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

    public static string ToCode(ObservationInterval interval) => interval switch
    {
        ObservationInterval.RealTime => "rt",
        ObservationInterval.Minute => "min",
        ObservationInterval.Hour => "hour",
        ObservationInterval.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, null),
    };

    public static ObservationInterval ToInterval(string code) => code switch
    {
        "rt" => ObservationInterval.RealTime,
        "min" => ObservationInterval.Minute,
        "hour" => ObservationInterval.Hour,
        "day" => ObservationInterval.Day,
        _ => throw new InvalidDataException($"Unknown interval code '{code}' in the store."),
    };

    public static long ToCode(ObservationSource source) => source switch
    {
        ObservationSource.Hj212 => 1,
        ObservationSource.Import => 2,
        ObservationSource.Api => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static ObservationSource ToSource(long code) => code switch
    {
        1 => ObservationSource.Hj212,
        2 => ObservationSource.Import,
        3 => ObservationSource.Api,
        _ => throw new InvalidDataException($"Unknown observation source code {code} in the store."),
    };

    public static string ToCode(RawFrameOutcome outcome) => outcome switch
    {
        RawFrameOutcome.Accepted => "accepted",
        RawFrameOutcome.Duplicate => "duplicate",
        RawFrameOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static RawFrameOutcome ToOutcome(string code) => code switch
    {
        "accepted" => RawFrameOutcome.Accepted,
        "duplicate" => RawFrameOutcome.Duplicate,
        "rejected" => RawFrameOutcome.Rejected,
        _ => throw new InvalidDataException($"Unknown frame outcome '{code}' in the store."),
    };

    /// <summary>Enum names are the stored codes of station attributes (readable in SQL; renaming a member needs a migration).</summary>
    public static TEnum ParseName<TEnum>(string name)
        where TEnum : struct, Enum =>
        Enum.TryParse(name, ignoreCase: false, out TEnum value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Unknown {typeof(TEnum).Name} '{name}' in the store.");
}
