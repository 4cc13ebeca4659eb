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
}
