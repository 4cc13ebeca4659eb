using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// A day of a city marked by staff as affected by dust and sand (沙尘天气影响): with <see cref="DustDayTreatment.Excluded"/>
/// the day is left out of the city's and its counties' period statistics and rankings (docs/standards.md, "Dust and sand").
/// </summary>
/// <param name="City">The city (a prefecture code, ending in 00, not a province).</param>
/// <param name="Day">The day (China Standard Time).</param>
/// <param name="Note">Why (the dust event, the source of the judgement), at most <see cref="MaxNoteLength"/> characters.</param>
/// <param name="MarkedBy">Who marked it (the audit trail's actor).</param>
/// <param name="MarkedAt">When it was marked (last changed).</param>
public sealed record DustDay(RegionCode City, LocalDate Day, string Note, string MarkedBy, Instant MarkedAt)
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>True when <paramref name="code"/> names a city (prefecture) rather than a province or a county.</summary>
    public static bool IsCity(RegionCode code) => code.Prefecture == code && code.Province != code;
}
