using System.Diagnostics.CodeAnalysis;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>Turns the query string of <c>/stations/{mn}/observations</c> into an <see cref="ObservationQuery"/>.</summary>
internal static class ObservationQueryParser
{
    public const int DefaultLimit = 10_000;
    public const int MaxLimit = 100_000;

    public static bool TryParse(
        StationId station,
        string? parameters,
        string? interval,
        string? from,
        string? to,
        int? limit,
        DateTimeOffset now,
        [NotNullWhen(true)] out ObservationQuery? query,
        [NotNullWhen(false)] out string? error)
    {
        query = null;
        if (!TryParseInterval(interval, out ObservationInterval kind))
        {
            error = $"interval '{interval}' is not one of realTime, minute, hour, day.";
            return false;
        }

        List<ParameterCode> codes = [];
        foreach (string part in (parameters ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ParameterCode.TryParse(part, out ParameterCode code))
            {
                error = $"'{part}' is not a parameter code.";
                return false;
            }

            codes.Add(code);
        }

        if (!EvaluationRange.TryParse(from, to, now, Duration.FromDays(1), Duration.MaxValue, out EvaluationRange range, out error))
        {
            return false;
        }

        int rows = limit ?? DefaultLimit;
        if (rows is < 1 or > MaxLimit)
        {
            error = $"limit must be between 1 and {MaxLimit}.";
            return false;
        }

        query = new ObservationQuery { Station = station, Interval = kind, From = range.Start, To = range.End, Parameters = codes, Limit = rows };
        error = null;
        return true;
    }

    private static bool TryParseInterval(string? text, out ObservationInterval interval)
    {
        if (string.IsNullOrEmpty(text))
        {
            interval = ObservationInterval.Hour;
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out interval) && Enum.IsDefined(interval);
    }
}
