namespace EcoMonitor.Domain;

/// <summary>
/// An HJ 212 data flag (数据标记) as transmitted: HJ 212-2017 Table 9 defines N normal, F stopped, M maintenance,
/// S manual input, D fault, C calibration, T over range, B communication abnormal. Unknown flags are kept verbatim
/// (1 to 4 ASCII letters or digits) so that quality rules can report them.
/// </summary>
public readonly record struct DataFlag
{
    /// <summary>N: normal data.</summary>
    public static readonly DataFlag Normal = new("N");

    private DataFlag(string value) => _value = value;

    private readonly string? _value;

    /// <summary>The flag as transmitted.</summary>
    public string Value => _value ?? "N";

    /// <summary>True for a flag HJ 212-2017 Table 9 defines.</summary>
    public bool IsDefined => Value is "N" or "F" or "M" or "S" or "D" or "C" or "T" or "B";

    /// <summary>Parses 1 to 4 ASCII letters or digits.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DataFlag flag)
    {
        flag = default;
        if (text.IsEmpty || text.Length > 4)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        flag = text is "N" ? Normal : new DataFlag(text.ToString());
        return true;
    }

    /// <summary>Parses a flag or throws <see cref="DomainValidationException"/> with code <c>data_flag.invalid</c>.</summary>
    public static DataFlag Parse(string text) =>
        TryParse(text, out DataFlag flag)
            ? flag
            : throw new DomainValidationException("data_flag.invalid", $"'{text}' is not a data flag.");

    /// <inheritdoc />
    public bool Equals(DataFlag other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
