using EcoMonitor.Testing;

namespace EcoMonitor.Quality.Tests;

/// <summary>The shipped rule configuration, config/quality-rules.json.</summary>
internal static class QualityRules
{
    public static readonly Lazy<QualityRuleSet> Shipped = new(() =>
    {
        using FileStream stream = RepoFiles.Open("config/quality-rules.json");
        return QualityRuleSetFile.Parse(stream);
    });

    public static QualityChecker Checker() => new(Shipped.Value);
}
