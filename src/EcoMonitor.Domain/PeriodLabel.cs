namespace EcoMonitor.Domain;

/// <summary>
/// Which end of its period a data source writes as the period's time. The store always keeps the period start;
/// importers convert (ADR 0002). HJ 212 loggers label the start (DataTime 08:00 of 2061 hour data covers
/// 08:00–09:00); CNEMC releases label the end (hour 8 covers 07:00–08:00).
/// </summary>
public enum PeriodLabel
{
    /// <summary>The time written is the period's start (inclusive).</summary>
    PeriodStart,
    /// <summary>The time written is the period's end (exclusive).</summary>
    PeriodEnd,
}
