namespace EcoMonitor.Domain;

/// <summary>
/// A monitored parameter's code. Canonical codes are those of HJ 212-2017 Appendix B (e.g. <c>a34004</c> PM2.5,
/// <c>w21003</c> NH3-N, <c>a21005</c> CO); HJ/T 212-2005 codes (e.g. <c>011</c>) are mapped to them at the edge.
/// 1 to 16 ASCII letters, digits or '_' ; compared ordinally.
/// </summary>
public readonly record struct ParameterCode
{
    /// <summary>Longest accepted code.</summary>
    public const int MaxLength = 16;

    private ParameterCode(string value) => Value = value;

    /// <summary>The code as written in HJ 212-2017.</summary>
    public string Value { get; }

    /// <summary>Parses a code; false when empty, too long, or holding characters other than ASCII letters, digits and '_'.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ParameterCode code)
    {
        code = default;
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        code = new ParameterCode(text.ToString());
        return true;
    }

    /// <summary>Parses a code or throws <see cref="DomainValidationException"/> with code <c>parameter_code.invalid</c>.</summary>
    public static ParameterCode Parse(string text) =>
        TryParse(text, out ParameterCode code)
            ? code
            : throw new DomainValidationException("parameter_code.invalid", $"'{text}' is not a valid parameter code.");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
