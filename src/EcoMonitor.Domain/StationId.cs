namespace EcoMonitor.Domain;

/// <summary>
/// A station's HJ 212 equipment identifier (MN, 设备唯一标识): 1 to 24 printable ASCII characters without the
/// protocol's separators <c>; = , &amp;</c> and without spaces. Compared ordinally (case matters, as on the wire).
/// </summary>
public readonly record struct StationId
{
    /// <summary>The longest MN HJ 212-2017 allows (6.3.2: MN is at most 24 characters).</summary>
    public const int MaxLength = 24;

    private StationId(string value) => Value = value;

    /// <summary>The MN as transmitted.</summary>
    public string Value { get; }

    /// <summary>Parses an MN; false when it is empty, too long or contains a separator or non-printable byte.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out StationId id)
    {
        id = default;
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c <= ' ' || c > '~' || c is ';' or '=' or ',' or '&')
            {
                return false;
            }
        }

        id = new StationId(text.ToString());
        return true;
    }

    /// <summary>Parses an MN or throws <see cref="DomainValidationException"/> with code <c>station_id.invalid</c>.</summary>
    public static StationId Parse(string text) =>
        TryParse(text, out StationId id)
            ? id
            : throw new DomainValidationException("station_id.invalid", $"'{text}' is not a valid station MN (1-24 printable ASCII characters, no ; = , &).");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
