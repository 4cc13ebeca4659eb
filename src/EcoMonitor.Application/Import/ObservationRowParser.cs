using System.Globalization;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Import;

/// <summary>
/// Checks one long-format row (station, parameter, interval, period, value, flag, min, max) and builds the
/// observation, or reports every bad field. Shared by the CSV and JSON readers so that both accept the same rows.
/// </summary>
internal sealed class ObservationRowParser
{
    /// <summary>Column holding the period when it is labelled by its start (or per <see cref="ImportOptions.PeriodLabel"/>).</summary>
    public const string PeriodStartColumn = "period_start";

    /// <summary>Column holding the period when it is labelled by its end.</summary>
    public const string PeriodEndColumn = "period_end";

    private readonly ImportOptions _options;

    public ObservationRowParser(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The observation, or null after adding one error per bad field to <paramref name="errors"/>.</summary>
    public Observation? Parse(long line, ObservationRowText row, List<ImportRowError> errors)
    {
        int before = errors.Count;
        StationId station = ParseStation(line, row.Station, errors);
        ParameterCode parameter = ParseParameter(line, row.Parameter, errors);
        ObservationInterval? interval = ParseInterval(line, row.Interval, errors);
        string periodColumn = row.PeriodIsEnd ? PeriodEndColumn : PeriodStartColumn;
        Instant? period = ImportTime.Parse(row.Period);
        if (period is null)
        {
            errors.Add(new ImportRowError(line, periodColumn, ImportTime.Describe(row.Period)));
        }

        decimal? value = ParseDecimal(line, "value", row.Value, required: true, errors);
        DataFlag flag = ParseFlag(line, row.Flag, errors);
        decimal? min = ParseDecimal(line, "min", row.Min, required: false, errors);
        decimal? max = ParseDecimal(line, "max", row.Max, required: false, errors);
        if (errors.Count != before || interval is null || period is null)
        {
            return null;
        }

        bool isEnd = row.PeriodIsEnd || _options.PeriodLabel == PeriodLabel.PeriodEnd;
        Instant start = isEnd ? ToStart(period.Value, interval.Value) : period.Value;
        string? refused = ImportTime.CheckAlignment(start, interval.Value) ?? _options.TimeWindow.Problem(start, _options.ReceivedAt);
        if (refused is not null)
        {
            errors.Add(new ImportRowError(line, periodColumn, refused));
            return null;
        }

        return new Observation
        {
            Station = station, Parameter = parameter, Interval = interval.Value, PeriodStart = start, Value = value,
            Min = min, Max = max, Flag = flag, Source = _options.Source, ReceivedAt = _options.ReceivedAt,
        };
    }

    private Instant ToStart(Instant end, ObservationInterval interval) => interval switch
    {
        ObservationInterval.RealTime => end,
        ObservationInterval.Minute => end - _options.MinutePeriod,
        ObservationInterval.Hour => end - Duration.FromHours(1),
        ObservationInterval.Day => ChinaTime.ToInstant(ChinaTime.ToLocal(end).PlusDays(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "not a defined interval"),
    };

    private StationId ParseStation(long line, string? text, List<ImportRowError> errors)
    {
        if (string.IsNullOrEmpty(text) || !StationId.TryParse(text, out StationId id))
        {
            errors.Add(new ImportRowError(line, "station", string.IsNullOrEmpty(text) ? "missing station MN" : $"'{text}' is not a valid station MN"));
            return default;
        }

        if (_options.IsKnownStation is { } isKnown && !isKnown(id))
        {
            errors.Add(new ImportRowError(line, "station", $"station '{text}' is not a registered station you may import for (unknown, or outside your jurisdiction)"));
        }

        return id;
    }

    private ParameterCode ParseParameter(long line, string? text, List<ImportRowError> errors)
    {
        if (string.IsNullOrEmpty(text) || !ParameterCode.TryParse(text, out ParameterCode code))
        {
            errors.Add(new ImportRowError(line, "parameter", string.IsNullOrEmpty(text) ? "missing parameter code" : $"'{text}' is not a parameter code"));
            return default;
        }

        if (_options.Catalog is not { } catalog || catalog.Contains(code))
        {
            return code;
        }

        if (catalog.TryMapHj2005(text, out ParameterCode mapped))
        {
            return mapped;
        }

        errors.Add(new ImportRowError(line, "parameter", $"'{text}' is neither an HJ 212-2017 code nor a mapped HJ/T 212-2005 code in the parameter catalog"));
        return default;
    }

    private static ObservationInterval? ParseInterval(long line, string? text, List<ImportRowError> errors)
    {
        ObservationInterval? interval = text?.ToLowerInvariant() switch
        {
            "realtime" => ObservationInterval.RealTime,
            "minute" => ObservationInterval.Minute,
            "hour" => ObservationInterval.Hour,
            "day" => ObservationInterval.Day,
            _ => null,
        };
        if (interval is null)
        {
            errors.Add(new ImportRowError(line, "interval", $"'{text}' is not one of realtime, minute, hour, day"));
        }

        return interval;
    }

    private static decimal? ParseDecimal(long line, string column, string? text, bool required, List<ImportRowError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(new ImportRowError(line, column, "missing value; leave the row out when there is no measurement"));
            }

            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal value))
        {
            return value;
        }

        errors.Add(new ImportRowError(line, column, $"'{text}' is not a number (use '.' as decimal point, no thousands separator)"));
        return null;
    }

    private static DataFlag ParseFlag(long line, string? text, List<ImportRowError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DataFlag.Normal;
        }

        if (DataFlag.TryParse(text, out DataFlag flag))
        {
            return flag;
        }

        errors.Add(new ImportRowError(line, "flag", $"'{text}' is not a data flag (1-4 letters or digits, e.g. N, M, D)"));
        return DataFlag.Normal;
    }
}
