namespace EcoMonitor.Standards.Water;

/// <summary>
/// Names and quality words of the classes (地表水环境质量评价办法（试行）二(一), <c>section_class.quality_words</c>,
/// confirmed): I, II 优; III 良好; IV 轻度污染; V 中度污染; 劣V 重度污染.
/// </summary>
public static class WaterClassNames
{
    private static readonly string[] Names = ["I", "II", "III", "IV", "V", "劣V"];

    private static readonly string[] Qualities = ["优", "优", "良好", "轻度污染", "中度污染", "重度污染"];

    /// <summary>I … V or 劣V.</summary>
    public static string Name(WaterClass value) => Names[(int)value - 1];

    /// <summary>The quality word of a section of this class.</summary>
    public static string Quality(WaterClass value) => Qualities[(int)value - 1];

    /// <summary>Parses I … V, 劣V (or 1 … 6).</summary>
    public static bool TryParse(string? text, out WaterClass value)
    {
        int index = Array.IndexOf(Names, text);
        if (index < 0 && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out int number) && number is >= 1 and <= 6)
        {
            index = number - 1;
        }

        value = (WaterClass)(index + 1);
        return index >= 0;
    }
}
