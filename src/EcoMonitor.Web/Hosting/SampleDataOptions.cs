namespace EcoMonitor.Web.Hosting;

/// <summary>Sample history imported on first start (section <c>Samples</c>) so that a new installation shows real data.</summary>
public sealed class SampleDataOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Samples";

    /// <summary>
    /// A CNEMC wide-layout CSV (optionally gzipped) imported once, when its first value is not yet in the store;
    /// empty to import nothing. Relative to the current directory.
    /// </summary>
    public string? HistoryFile { get; set; }

    /// <summary>
    /// A long-layout observation CSV (docs/import.md, labelled by period start) imported once in the same way; the
    /// sample holds the 20 sample sections' values of the 2026-02-04 CNEMC surface-water release.
    /// </summary>
    public string? ObservationsFile { get; set; }

    /// <summary>
    /// Outlets' discharge-permit limits seeded at start-up (<see cref="Application.Alarms.PermitLimitFile"/>): an outlet
    /// that has limits in the store keeps them (so a change through the API survives a restart). The sample holds the
    /// limits of the constructed demonstration outlet (samples/README.md). Empty: none. Relative to the current directory.
    /// </summary>
    public string? PermitLimitsFile { get; set; }

    /// <summary>
    /// A long-layout observation CSV imported once like <see cref="ObservationsFile"/>, after the permit limits are seeded
    /// and the alarm rules loaded, so that its values go through the alarms as any import does. The sample holds the
    /// constructed demonstration outlet's day of hourly values (not real data, samples/README.md).
    /// </summary>
    public string? DemonstrationFile { get; set; }
}
