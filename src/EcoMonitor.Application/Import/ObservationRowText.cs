namespace EcoMonitor.Application.Import;

/// <summary>The fields of one long-format row as text, before checking (CSV cells or JSON values).</summary>
internal readonly record struct ObservationRowText(
    string? Station,
    string? Parameter,
    string? Interval,
    string? Period,
    bool PeriodIsEnd,
    string? Value,
    string? Flag,
    string? Min,
    string? Max);
