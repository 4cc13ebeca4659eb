using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The day (00:00–24:00 CST) of a surface-water section: the daily mean of each GB 3838-2002 item it measured and the
/// section class (地表水环境质量评价办法（试行）, single-factor method) of those means for the station's water body.
/// Derived data: a recomputation replaces the record of the same station and day.
/// </summary>
public sealed record WaterDayRecord
{
    /// <summary>The section.</summary>
    public required StationId Station { get; init; }

    /// <summary>The day in China Standard Time.</summary>
    public required LocalDate Day { get; init; }

    /// <summary>Daily means of the items with at least one valid value, ordered by parameter code.</summary>
    public required IReadOnlyList<WaterItemMean> Means { get; init; }

    /// <summary>Section class 1..6 (I..V, 6 = 劣V); null when no evaluated item has a value.</summary>
    public int? Class { get; init; }
}
