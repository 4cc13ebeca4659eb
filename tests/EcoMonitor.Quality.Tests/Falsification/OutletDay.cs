using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality.Tests;

/// <summary>
/// A synthetic day of minute data of a running coal-boiler flue-gas outlet: SO2 around 20 mg/m³, NOx around 45 mg/m³,
/// O2 around 8 %, flue-gas flow around 120 m³/s, each with realistic noise (one decimal) and a slow daily drift, each
/// minute received 3–8 s after it ends. Faults are injected by the tests.
/// </summary>
internal sealed class OutletDay
{
    public static readonly StationId Station = StationId.Parse("FG0001");
    public static readonly LocalDate Day = new(2026, 3, 3);
    public static readonly ParameterCode So2 = ParameterCode.Parse("a21026");
    public static readonly ParameterCode Nox = ParameterCode.Parse("a21002");
    public static readonly ParameterCode O2 = ParameterCode.Parse("a19001");
    public static readonly ParameterCode Flow = ParameterCode.Parse("a00000");
    public static readonly Instant Start = ChinaTime.ToInstant(Day.AtMidnight());

    public OutletDay(int seed = 7)
    {
        var random = new Random(seed);
        for (int minute = 0; minute < 1440; minute++)
        {
            Instant period = Start + Duration.FromMinutes(minute);
            Instant received = period + Duration.FromMinutes(1) + Duration.FromMilliseconds(3000 + random.Next(5000));
            double drift = Math.Sin(minute / 1440.0 * 2 * Math.PI);
            Add(So2, period, received, 20 + 3 * drift + random.NextDouble() * 4 - 2);
            Add(Nox, period, received, 45 + 5 * drift + random.NextDouble() * 6 - 3);
            Add(O2, period, received, 8 + drift * 0.5 + random.NextDouble() * 0.6 - 0.3);
            Add(Flow, period, received, 120 + 10 * drift + random.NextDouble() * 8 - 4);
        }
    }

    public List<Observation> Values { get; } = [];

    public static Instant At(int hour, int minute = 0) => Start + Duration.FromHours(hour) + Duration.FromMinutes(minute);

    /// <summary>Replaces the values of <paramref name="parameter"/> with period start in [from, to).</summary>
    public OutletDay Set(ParameterCode parameter, Instant from, Instant to, Func<Observation, decimal> value)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            Observation o = Values[i];
            if (o.Parameter == parameter && o.PeriodStart >= from && o.PeriodStart < to)
            {
                Values[i] = o with { Value = value(o) };
            }
        }

        return this;
    }

    /// <summary>The value of <paramref name="parameter"/> at <paramref name="period"/>.</summary>
    public decimal ValueAt(ParameterCode parameter, Instant period) =>
        Values.Single(o => o.Parameter == parameter && o.PeriodStart == period).Value!.Value;

    /// <summary>Sets the receive time of every value of each minute period in [from, to).</summary>
    public OutletDay Receive(Instant from, Instant to, Func<Instant, Instant> receivedAt)
    {
        for (int i = 0; i < Values.Count; i++)
        {
            Observation o = Values[i];
            if (o.PeriodStart >= from && o.PeriodStart < to)
            {
                Values[i] = o with { ReceivedAt = receivedAt(o.PeriodStart) };
            }
        }

        return this;
    }

    public OutletSuspicion Detect(IReadOnlyList<EmissionLimit>? limits = null, IReadOnlyList<FrameDelivery>? frames = null, QualityRuleSet? rules = null) =>
        new FalsificationDetector(rules ?? QualityRules.Shipped.Value)
            .Detect(Station, StationType.FlueGasOutlet, Day, Values, limits ?? [], frames ?? [], Start + Duration.FromDays(1));

    private void Add(ParameterCode parameter, Instant period, Instant received, double value) =>
        Values.Add(new Observation
        {
            Station = Station, Parameter = parameter, Interval = ObservationInterval.Minute, PeriodStart = period,
            Value = Math.Round((decimal)value, 1), ReceivedAt = received,
        });
}
