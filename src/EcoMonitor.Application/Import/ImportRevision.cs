using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>
/// One stored value an import changed, as its audit entry lists it: the key, the revision it became, and the value and
/// flag before and after (the period start in China Standard Time) (the whole earlier revision stays in the value's history).
/// </summary>
public sealed record ImportRevision(
    string Station, string Parameter, ObservationInterval Interval, DateTimeOffset PeriodStart, int Revision,
    decimal? ValueBefore, DataFlag FlagBefore, decimal? Value, DataFlag Flag);
