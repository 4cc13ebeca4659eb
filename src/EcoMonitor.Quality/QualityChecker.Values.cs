using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

public sealed partial class QualityChecker
{
    // Rules that need only the value itself: flag, range, sign, timestamp alignment and clock skew.
    private void CheckValue(StationType type, Observation o, List<QualityFinding> findings)
    {
        CheckFlag(o, findings);
        CheckTime(o, findings);
        if (o.Value is not { } value)
        {
            return;
        }

        ParameterRules? rules = _rules.For(type, o.Parameter);
        if (rules is null)
        {
            return;
        }

        if (value < 0 && !rules.AllowsNegative)
        {
            Add(findings, o, QualityRuleIds.Negative, QualitySeverity.Invalid, $"{Describe(type, o, value)} is negative; it cannot be");
        }
        else if (rules.Max is { } max && value > max)
        {
            Add(findings, o, QualityRuleIds.PhysicalRange, QualitySeverity.Invalid,
                $"{Describe(type, o, value)} is above the plausible maximum {Number(max)}");
        }
        else if (rules.Min is { } min && value < min)
        {
            Add(findings, o, QualityRuleIds.PhysicalRange, QualitySeverity.Invalid,
                $"{Describe(type, o, value)} is below the plausible minimum {Number(min)}");
        }
    }

    private void CheckFlag(Observation o, List<QualityFinding> findings)
    {
        string reason;
        switch (o.Flag.Value)
        {
            case "N":
                return;
            case "S":
                Add(findings, o, QualityRuleIds.FlagManual, QualitySeverity.Marked, "flag S: the value was set manually at the station (HJ 212-2017 Table 9)");
                return;
            case "F": reason = "F: the instrument was stopped"; break;
            case "M": reason = "M: maintenance"; break;
            case "D": reason = "D: instrument fault"; break;
            case "C": reason = "C: calibration"; break;
            case "T": reason = "T: above the measuring range"; break;
            case "B": reason = "B: communication abnormal"; break;
            default:
                Add(findings, o, QualityRuleIds.FlagUnknown, QualitySeverity.Invalid,
                    $"flag '{o.Flag.Value}' is not defined by HJ 212-2017 Table 9; the value is not trusted until the station's flags are checked");
                return;
        }

        Add(findings, o, QualityRuleIds.FlagInvalid, QualitySeverity.Invalid, $"flag {reason} (HJ 212-2017 Table 9); the value is not a valid measurement");
    }

    private void CheckTime(Observation o, List<QualityFinding> findings)
    {
        Duration? length = o.Interval switch
        {
            ObservationInterval.Hour => Hour,
            ObservationInterval.Day => Duration.FromDays(1),
            _ => null,
        };
        bool isAligned = o.Interval switch
        {
            ObservationInterval.Hour => ChinaTime.StartOfHour(o.PeriodStart) == o.PeriodStart,
            ObservationInterval.Day => ChinaTime.StartOfDay(o.PeriodStart) == o.PeriodStart,
            _ => true,
        };
        if (!isAligned)
        {
            Add(findings, o, QualityRuleIds.Misaligned, QualitySeverity.Invalid,
                $"{o.Interval} value labelled {Time(o.PeriodStart)} does not start on a whole {(o.Interval == ObservationInterval.Hour ? "hour" : "day (00:00 CST)")}");
        }

        Instant end = o.PeriodStart + (length ?? Duration.Zero);
        if (end > o.ReceivedAt + _rules.FutureTolerance)
        {
            Add(findings, o, QualityRuleIds.Future, QualitySeverity.Invalid,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the period {Time(o.PeriodStart)} ends at {Time(end)}, after the value was received ({Time(o.ReceivedAt)}): the logger's clock is ahead by about {(end - o.ReceivedAt).TotalMinutes:F0} min"));
        }
    }
}
