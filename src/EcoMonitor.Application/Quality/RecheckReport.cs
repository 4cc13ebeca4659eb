namespace EcoMonitor.Application.Quality;

/// <summary>What a <see cref="QualityRecheck"/> changed. Filled by one run; not thread-safe.</summary>
public sealed class RecheckReport
{
    /// <summary>Station-days rechecked.</summary>
    public int StationDays { get; set; }

    /// <summary>Station-day-interval ranges whose findings changed (one audit entry each).</summary>
    public int RangesChanged { get; set; }

    /// <summary>Findings that are new under the current rules.</summary>
    public int FindingsAdded { get; set; }

    /// <summary>Findings the current rules no longer make.</summary>
    public int FindingsRemoved { get; set; }

    /// <summary>Outlet-days whose falsification score or signs changed (one audit entry each).</summary>
    public int OutletDaysRescored { get; set; }
}
