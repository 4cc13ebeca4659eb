using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>Checks of a <see cref="IEvaluationStore.ReplaceRegionDaysAsync"/> call every engine applies before writing.</summary>
public static class RegionDays
{
    /// <summary>Throws when a region-day is not a city's or county's, or holds an hour or day record of another subject or day.</summary>
    public static void Check(IReadOnlyList<RegionDayEvaluation> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (RegionDayEvaluation one in days)
        {
            if (one.Subject.Scope == EvaluationScope.Station)
            {
                throw new ArgumentException($"{one.Subject} is a station, not a region.", nameof(days));
            }

            if (one.Hours.Any(h => h.Subject != one.Subject || ChinaTime.ToLocal(h.HourStart).Date != one.Day)
                || (one.Daily is { } daily && (daily.Subject != one.Subject || daily.Day != one.Day)))
            {
                throw new ArgumentException($"The results given for {one.Subject} on {one.Day} belong to another subject or day.", nameof(days));
            }
        }
    }
}
