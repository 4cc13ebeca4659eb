namespace EcoMonitor.Standards.Air;

/// <summary>
/// English of HJ 633-2012 clause 4.3 Table 2 — level, category, 对健康影响情况 (health implications) and 建议采取的措施
/// (suggested measures) — for the portal's English pages. <b>A translation, not an official text</b>: no English
/// edition of HJ 633 is in ../shared/standards, so EcoMonitor translated the Chinese rows of
/// <see cref="AqiCategories"/> and <see cref="AqiHealthAdvice"/> word for word; the Chinese text is authoritative.
/// </summary>
public static class AqiTableEnglish
{
    /// <summary>Marks the texts as a translation wherever they are shown or served.</summary>
    public const string Note = "Translation by EcoMonitor of HJ 633-2012 Table 2; the Chinese text is authoritative.";

    private static readonly (string Level, string Category, string Effect, string Advice)[] Rows =
    [
        ("Level I", "Excellent",
            "Air quality is satisfactory; there is basically no air pollution.",
            "All groups of people may carry on their activities as usual."),
        ("Level II", "Good",
            "Air quality is acceptable, but some pollutants may have a weak effect on the health of a very small number of unusually sensitive people.",
            "A very small number of unusually sensitive people should reduce outdoor activities."),
        ("Level III", "Lightly polluted",
            "Symptoms of susceptible people are slightly aggravated; healthy people show symptoms of irritation.",
            "Children, the elderly and people with heart or respiratory diseases should reduce prolonged, high-intensity outdoor exercise."),
        ("Level IV", "Moderately polluted",
            "Symptoms of susceptible people are further aggravated; the heart and respiratory system of healthy people may be affected.",
            "Children, the elderly and people with heart or respiratory diseases should avoid prolonged, high-intensity outdoor exercise; the general public should moderately reduce outdoor exercise."),
        ("Level V", "Heavily polluted",
            "Symptoms of people with heart or lung diseases are markedly aggravated and their exercise tolerance falls; healthy people commonly show symptoms.",
            "Children, the elderly and people with heart or lung diseases should stay indoors and stop outdoor exercise; the general public should reduce outdoor exercise."),
        ("Level VI", "Severely polluted",
            "The exercise tolerance of healthy people falls; they show marked, strong symptoms, and some diseases appear early.",
            "Children, the elderly and the sick should stay indoors and avoid physical exertion; the general public should avoid outdoor activities."),
    ];

    /// <summary>Level of an AQI level 1..6, e.g. Level I for 一级.</summary>
    public static string LevelName(int level) => Row(level).Level;

    /// <summary>Category of an AQI level 1..6, e.g. Excellent for 优.</summary>
    public static string Category(int level) => Row(level).Category;

    /// <summary>Health implications (对健康影响情况) of an AQI level 1..6.</summary>
    public static string HealthEffect(int level) => Row(level).Effect;

    /// <summary>Suggested measures (建议采取的措施) of an AQI level 1..6.</summary>
    public static string Advice(int level) => Row(level).Advice;

    private static (string Level, string Category, string Effect, string Advice) Row(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Rows.Length);
        return Rows[level - 1];
    }
}
