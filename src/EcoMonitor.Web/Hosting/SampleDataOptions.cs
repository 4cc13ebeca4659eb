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
}
