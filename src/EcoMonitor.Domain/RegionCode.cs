namespace EcoMonitor.Domain;

/// <summary>
/// A 6-digit administrative division code (行政区划代码, GB/T 2260), e.g. <c>510100</c> 成都市, <c>510104</c> 锦江区.
/// The first two digits name the province, the next two the prefecture, the last two the county.
/// </summary>
public readonly record struct RegionCode
{
    private RegionCode(string value) => Value = value;

    /// <summary>The six digits.</summary>
    public string Value { get; }

    /// <summary>The province code (xx0000) of this region.</summary>
    public RegionCode Province => new(string.Concat(Value.AsSpan(0, 2), "0000"));

    /// <summary>The prefecture (city) code (xxxx00) of this region.</summary>
    public RegionCode Prefecture => new(string.Concat(Value.AsSpan(0, 4), "00"));

    /// <summary>
    /// <c>100000</c>, the whole country (全国): not a division of GB/T 2260 but the code platforms use for the national
    /// level (as DataV's boundaries do). As a jurisdiction it covers every region, for a platform whose network spans
    /// provinces (the national centre, or the four-province demonstration network).
    /// </summary>
    public static RegionCode Nation { get; } = new("100000");

    /// <summary>
    /// The significant leading digits shared by every code within this region: two for a province, four for a city, all
    /// six for a county, none for <see cref="Nation"/>.
    /// </summary>
    public string Prefix =>
        Value == Nation.Value ? string.Empty
        : Value.EndsWith("0000", StringComparison.Ordinal) ? Value[..2]
        : Value.EndsWith("00", StringComparison.Ordinal) ? Value[..4]
        : Value;

    /// <summary>True when <paramref name="other"/> lies within this region (a province contains its cities and counties).</summary>
    public bool Contains(RegionCode other)
    {
        if (Value == Nation.Value)
        {
            return other.Value is not null;
        }

        if (Value.EndsWith("0000", StringComparison.Ordinal))
        {
            return other.Value.AsSpan(0, 2).SequenceEqual(Value.AsSpan(0, 2));
        }

        return Value.EndsWith("00", StringComparison.Ordinal)
            ? other.Value.AsSpan(0, 4).SequenceEqual(Value.AsSpan(0, 4))
            : other.Value == Value;
    }

    /// <summary>Parses exactly six ASCII digits not starting with 0.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out RegionCode code)
    {
        code = default;
        if (text.Length != 6 || text[0] == '0')
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        code = new RegionCode(text.ToString());
        return true;
    }

    /// <summary>Parses a code or throws <see cref="DomainValidationException"/> with code <c>region_code.invalid</c>.</summary>
    public static RegionCode Parse(string text) =>
        TryParse(text, out RegionCode code)
            ? code
            : throw new DomainValidationException("region_code.invalid", $"'{text}' is not a 6-digit administrative division code.");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
