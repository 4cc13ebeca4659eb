using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Import;

/// <summary>How the import readers interpret and check rows. Immutable once built; one instance may serve many reads.</summary>
public sealed class ImportOptions
{
    /// <summary>Stamped on every observation as <see cref="Observation.ReceivedAt"/> (take it from the host's clock).</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Stamped on every observation: <see cref="ObservationSource.Import"/> for files, Api for HTTP posts.</summary>
    public ObservationSource Source { get; init; } = ObservationSource.Import;

    /// <summary>
    /// How the long formats (<see cref="ObservationCsvReader"/>, <see cref="ObservationJsonReader"/>) label periods
    /// in their <c>period_start</c> column: the start (default) or the end, which the readers convert to the start.
    /// A <c>period_end</c> column always means the end. The CNEMC reader ignores this: that layout labels the end.
    /// </summary>
    public PeriodLabel PeriodLabel { get; init; } = PeriodLabel.PeriodStart;

    /// <summary>Length of a minute-data period, used to convert end-labelled minute rows (HJ 212 minute data is usually 1, 5 or 10 minutes).</summary>
    public Duration MinutePeriod { get; init; } = Duration.FromMinutes(1);

    /// <summary>
    /// The parameter catalog: when set, a parameter must be in it, and HJ/T 212-2005 codes are mapped to
    /// HJ 212-2017 codes. When null any syntactically valid code is accepted and nothing is mapped.
    /// </summary>
    public ParameterCatalog? Catalog { get; init; }

    /// <summary>The period times a row may have (relative to <see cref="ReceivedAt"/>); a row outside is refused with the reason.</summary>
    public DataTimeWindow TimeWindow { get; init; } = DataTimeWindow.Default;

    /// <summary>When set, a station for which it returns false is a row error (e.g. <c>registry.TryGet(id, out _)</c>).</summary>
    public Func<StationId, bool>? IsKnownStation { get; init; }
}
