namespace EcoMonitor.Cli.Commands;

/// <summary>Default paths of the shipped files, relative to the repository root (run <c>ecomon</c> from there).</summary>
internal static class CliPaths
{
    public const string Database = "data/ecomonitor.db";
    public const string StationsFile = "samples/network/stations.json";
    public const string ParametersFile = "config/parameters.json";
    public const string QualityRulesFile = "config/quality-rules.json";
    public const string SampleHistory = "samples/history/cnemc-2019-12-18_31.csv.gz";
}
