using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// Pure computation of a station's completeness and timeliness over a window of whole hours from the hour values stored
/// in it and those of them that count (docs/quality.md). A station is expected to send one hour value (HJ 212 CN 2061) per
/// parameter in every period of its <see cref="Station.ReportingIntervalHours"/> (1: hourly; 4: 00:00, 04:00 … CST); a
/// period counts once however many hour values it holds.
/// </summary>
public static class CompletenessCalculator
{
    private static readonly Duration Hour = Duration.FromHours(1);

    /// <summary>The expected parameters of a station type: the six HJ 633 pollutants for air quality; null (those sent) otherwise.</summary>
    public static IReadOnlyList<ParameterCode>? ExpectedParameters(StationType type) => type == StationType.AirQuality ? AirParameters.Codes : null;

    /// <summary>
    /// Computes the completeness of <paramref name="station"/> in [<paramref name="from"/>, <paramref name="to"/>) (whole
    /// hours) from <paramref name="window"/> (every stored hour value of the window) and <paramref name="valid"/> (those
    /// that count for evaluation).
    /// </summary>
    public static StationCompleteness Compute(
        Station station, Instant from, Instant to, IReadOnlyList<Observation> window, IReadOnlyList<Observation> valid, Duration onTimeDelay, int offlineMinPeriods)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentOutOfRangeException.ThrowIfLessThan(offlineMinPeriods, 1);
        if (ChinaTime.StartOfHour(from) != from || ChinaTime.StartOfHour(to) != to || to < from)
        {
            throw new ArgumentException($"The window {from}–{to} is not whole hours.", nameof(to));
        }

        var period = Duration.FromHours(station.ReportingIntervalHours);
        IReadOnlyList<ParameterCode> parameters = ExpectedParameters(station.Type)
            ?? [.. window.Select(o => o.Parameter).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal)];
        var expected = parameters.ToHashSet();
        var received = new Dictionary<(ParameterCode, Instant), Observation>();
        foreach (Observation o in window)
        {
            if (o.Interval == ObservationInterval.Hour && expected.Contains(o.Parameter) && o.PeriodStart >= from && o.PeriodStart < to)
            {
                received.TryAdd((o.Parameter, SlotOf(o.PeriodStart, station.ReportingIntervalHours)), o);
            }
        }

        int validValues = valid
            .Where(o => o.Interval == ObservationInterval.Hour && expected.Contains(o.Parameter) && o.PeriodStart >= from && o.PeriodStart < to)
            .Select(o => (o.Parameter, SlotOf(o.PeriodStart, station.ReportingIntervalHours))).Distinct().Count();
        int onTime = received.Values.Count(o => o.ReceivedAt - (o.PeriodStart + Hour) <= onTimeDelay);
        var periodsWithData = received.Keys.Select(k => k.Item2).ToHashSet();
        var slots = new List<Instant>();
        for (Instant t = SlotOf(from, station.ReportingIntervalHours); t < to; t += period)
        {
            slots.Add(t);
        }

        int expectedPeriods = slots.Count;

        var offline = new List<OfflinePeriod>();
        Instant? gapStart = null;
        int gapLength = 0;
        foreach (Instant t in slots)
        {
            if (!periodsWithData.Contains(t))
            {
                gapStart ??= t;
                gapLength++;
                continue;
            }

            AddGap();
        }

        AddGap();
        Observation? last = received.Values.MaxBy(o => o.PeriodStart);
        return new StationCompleteness
        {
            Station = station,
            Window = new Interval(from, to),
            ExpectedParameters = parameters,
            ExpectedPeriods = expectedPeriods,
            ReceivedPeriods = periodsWithData.Count,
            ExpectedValues = expectedPeriods * Math.Max(1, parameters.Count),
            ReceivedValues = received.Count,
            ValidValues = validValues,
            OnTimeValues = onTime,
            Offline = offline,
            LastPeriodStart = last?.PeriodStart,
            LastReceivedAt = received.Count == 0 ? null : received.Values.Max(o => o.ReceivedAt),
        };

        void AddGap()
        {
            if (gapStart is { } start && gapLength >= offlineMinPeriods)
            {
                offline.Add(new OfflinePeriod(start, start + (period * gapLength), gapLength));
            }

            gapStart = null;
            gapLength = 0;
        }
    }

    /// <summary>The start of the reporting period (of <paramref name="hours"/> hours from 00:00 CST) holding <paramref name="instant"/>.</summary>
    public static Instant SlotOf(Instant instant, int hours)
    {
        Instant day = ChinaTime.StartOfDay(instant);
        long hoursIntoDay = (long)(instant - day).TotalHours;
        return day + Duration.FromHours(hoursIntoDay / hours * hours);
    }

    /// <summary>part / whole rounded to 4 decimals; null when whole is 0.</summary>
    public static decimal? Rate(long part, long whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
