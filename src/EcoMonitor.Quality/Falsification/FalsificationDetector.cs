using System.Globalization;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>
/// Looks for signs of falsified data (打假) in one pollution-source outlet's day and scores them (docs/quality.md,
/// "Falsification signs"): identical runs, repeated blocks, values pinned under the emission limit, zero variance across
/// parameters, a pollutant flat while the plant runs, minute data in regular bursts, and reused QNs. Each sign found adds
/// its configured weight to the score (capped at 100) and carries its evidence. Only values flagged N take part (other
/// flags are already handled by the automatic checks); per parameter the finest interval present is used (minute, then
/// real-time, then hour). Pure and thread-safe.
/// </summary>
public sealed partial class FalsificationDetector
{
    private readonly QualityRuleSet _rules;
    private readonly FalsificationRules _signs;

    /// <summary>Creates a detector with the falsification section and the parameter names, units and flat-line floors of <paramref name="rules"/>.</summary>
    public FalsificationDetector(QualityRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _signs = rules.Falsification;
    }

    /// <summary>True when stations of <paramref name="type"/> are scored.</summary>
    public bool Scores(StationType type) => _signs.StationTypes.Contains(type);

    /// <summary>
    /// Scores <paramref name="day"/> of <paramref name="station"/> from its observations of that day (others are ignored),
    /// its emission limits and its frames received that day.
    /// </summary>
    public OutletSuspicion Detect(
        StationId station, StationType type, LocalDate day, IReadOnlyList<Observation> observations,
        IReadOnlyList<EmissionLimit> limits, IReadOnlyList<FrameDelivery> frames, Instant computedAt)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(frames);
        var start = ChinaTime.ToInstant(day.AtMidnight());
        var end = ChinaTime.ToInstant(day.PlusDays(1).AtMidnight());
        var inDay = observations.Where(o => o.Station == station && o.PeriodStart >= start && o.PeriodStart < end).ToList();
        IReadOnlyList<DaySeries> series = DaySeries.From(inDay);
        var signs = new List<SuspicionSign>();
        void Add(string sign, string summary, IReadOnlyList<SuspicionEvidence> evidence)
        {
            if (evidence.Count > 0)
            {
                signs.Add(new SuspicionSign(sign, _signs.Weights.GetValueOrDefault(sign), summary, [.. evidence.Take(FalsificationRules.MaxEvidence)]));
            }
        }

        if (_signs.IsEnabled(FalsificationSignIds.IdenticalRun))
        {
            List<SuspicionEvidence> runs = IdenticalRuns(type, series);
            Add(FalsificationSignIds.IdenticalRun, $"{runs.Count} run(s) of one value repeated for at least {_signs.IdenticalRunMinMinutes} min and {_signs.IdenticalRunMinPeriods} periods", runs);
        }

        if (_signs.IsEnabled(FalsificationSignIds.RepeatedBlock))
        {
            List<SuspicionEvidence> blocks = RepeatedBlocks(type, series);
            Add(FalsificationSignIds.RepeatedBlock, $"{blocks.Count} block(s) of {_signs.RepeatedBlockPeriods} varying values found again later in the day", blocks);
        }

        if (_signs.IsEnabled(FalsificationSignIds.PinnedBelowLimit))
        {
            List<SuspicionEvidence> pinned = Pinned(type, series, limits);
            Add(FalsificationSignIds.PinnedBelowLimit, $"{pinned.Count} parameter(s) with {Percent(_signs.PinnedMinShare)} or more of the day's values within {Percent(_signs.PinnedBand)} under the emission limit", pinned);
        }

        if (_signs.IsEnabled(FalsificationSignIds.ZeroVariance))
        {
            List<SuspicionEvidence> frozen = ZeroVariance(type, series, start);
            Add(FalsificationSignIds.ZeroVariance, $"{frozen.Count} window(s) of {_signs.WindowMinutes} min in which {_signs.ZeroVarianceMinParameters} or more parameters did not vary at all", frozen);
        }

        if (_signs.IsEnabled(FalsificationSignIds.FlatWhileRunning))
        {
            List<SuspicionEvidence> flat = FlatWhileRunning(type, series, start);
            Add(FalsificationSignIds.FlatWhileRunning, $"{flat.Count} stretch(es) of a pollutant not varying while the operating parameters show the plant running", flat);
        }

        if (_signs.IsEnabled(FalsificationSignIds.TimingBurst))
        {
            List<SuspicionEvidence> bursts = Bursts(inDay);
            Add(FalsificationSignIds.TimingBurst, $"{bursts.Count} bursts of minute data received faster than the minutes pass, at regular spacing", bursts);
        }

        if (_signs.IsEnabled(FalsificationSignIds.RequestNumberReuse))
        {
            List<SuspicionEvidence> reused = ReusedRequestNumbers(frames, start, end);
            Add(FalsificationSignIds.RequestNumberReuse, $"{reused.Count} QN(s) carried by different frames", reused);
        }

        signs.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Sign, b.Sign));
        return new OutletSuspicion
        {
            Station = station, Day = day, Score = Math.Min(100, signs.Sum(s => s.Weight)), Signs = signs,
            ValuesExamined = series.Sum(s => s.Values.Count), FramesExamined = frames.Count(f => f.ReceivedAt >= start && f.ReceivedAt < end), ComputedAt = computedAt,
        };
    }

    private string Name(StationType type, ParameterCode parameter)
    {
        ParameterRules? rules = _rules.For(type, parameter);
        return string.IsNullOrEmpty(rules?.Name) ? parameter.Value : rules.Name;
    }

    private string Value(StationType type, ParameterCode parameter, decimal value)
    {
        string unit = _rules.For(type, parameter)?.Unit ?? "";
        return unit.Length == 0 ? Number(value) : $"{Number(value)} {unit}";
    }

    private decimal Floor(StationType type, ParameterCode parameter) => _rules.For(type, parameter)?.FlatLineFloor ?? 0m;

    private bool IsOperating(ParameterCode parameter) => _signs.OperatingParameters.Contains(parameter.Value);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    private static string Time(Instant instant) => ChinaTime.ToLocal(instant).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
