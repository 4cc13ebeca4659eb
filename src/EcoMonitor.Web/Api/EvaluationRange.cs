using System.Diagnostics.CodeAnalysis;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>
/// The <c>from</c> / <c>to</c> query of the evaluation endpoints: ISO 8601 with offset or a date (00:00 CST), from
/// inclusive, to exclusive, like the observations endpoint. Days are those whose 00:00 CST lies in the range.
/// </summary>
internal readonly record struct EvaluationRange(Instant Start, Instant End)
{
    /// <summary>The longest range accepted, so that one request stays cheap.</summary>
    public static readonly Duration MaxLength = Duration.FromDays(3 * 366);

    /// <summary>The first day whose start is in the range.</summary>
    public LocalDate FirstDay => ChinaTime.ToLocal(Start) is { TimeOfDay: var t } local && t == LocalTime.Midnight ? local.Date : local.Date.PlusDays(1);

    /// <summary>The last day whose start is in the range.</summary>
    public LocalDate LastDay => ChinaTime.ToLocal(End - Duration.Epsilon).Date;

    /// <summary>True when the range holds at least one day start.</summary>
    public bool HasDays => FirstDay <= LastDay;

    /// <summary>Parses the range; a missing bound defaults to <paramref name="now"/> (to) and to − <paramref name="defaultLength"/> (from).</summary>
    public static bool TryParse(
        string? from, string? to, DateTimeOffset now, Duration defaultLength, out EvaluationRange range, [NotNullWhen(false)] out string? error) =>
        TryParse(from, to, now, defaultLength, MaxLength, out range, out error);

    /// <summary>As <see cref="TryParse(string?, string?, DateTimeOffset, Duration, out EvaluationRange, out string?)"/>, with the longest range allowed given.</summary>
    public static bool TryParse(
        string? from, string? to, DateTimeOffset now, Duration defaultLength, Duration maxLength, out EvaluationRange range, [NotNullWhen(false)] out string? error)
    {
        range = default;
        var end = Instant.FromDateTimeOffset(now);
        if (to is not null && !ApiTime.TryParse(to, out end))
        {
            error = $"to '{to}' is not {ApiTime.Expected}.";
            return false;
        }

        Instant start = end - defaultLength;
        if (from is not null && !ApiTime.TryParse(from, out start))
        {
            error = $"from '{from}' is not {ApiTime.Expected}.";
            return false;
        }

        if (start >= end)
        {
            error = "from must be before to.";
            return false;
        }

        if (end - start > maxLength)
        {
            error = "the range may be at most 3 years.";
            return false;
        }

        range = new EvaluationRange(start, end);
        error = null;
        return true;
    }
}
