using EcoMonitor.Application.Quality;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The <see cref="IQualityStore"/> part of the store contract, checked against every engine.</summary>
[Trait("Area", "Quality")]
public sealed class QualityStoreContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task ReplaceFindings_RoundTrips_AndReplacesOnlyTheRange(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        QualityFinding early = Finding(station, 1, QualityRuleIds.FlatLine, QualitySeverity.Suspect);
        QualityFinding late = Finding(station, 5, QualityRuleIds.FlagInvalid, QualitySeverity.Invalid);
        await stores.Quality.ReplaceFindingsAsync([new FindingsReplacement(station, ObservationInterval.Hour, Hours(0, 10), [early, late])], Ct);

        QualityFinding recheck = Finding(station, 5, QualityRuleIds.PhysicalRange, QualitySeverity.Invalid);
        await stores.Quality.ReplaceFindingsAsync([new FindingsReplacement(station, ObservationInterval.Hour, Hours(4, 10), [recheck])], Ct);

        Assert.Equal([early, recheck], await stores.Quality.QueryFindingsAsync(station, ObservationInterval.Hour, Hours(0, 24), QualitySeverity.Marked, Ct));
        Assert.Equal([recheck], await stores.Quality.QueryFindingsAsync(station, ObservationInterval.Hour, Hours(0, 24), QualitySeverity.Invalid, Ct));
        Assert.Empty(await stores.Quality.QueryFindingsAsync(station, ObservationInterval.Day, Hours(0, 24), QualitySeverity.Marked, Ct));
    }

    [Theory, StoreProviders]
    public async Task ReplaceFindings_OutsideTheRange_IsRefused(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            stores.Quality.ReplaceFindingsAsync([new FindingsReplacement(station, ObservationInterval.Hour, Hours(0, 2), [Finding(station, 3, QualityRuleIds.Spike, QualitySeverity.Suspect)])], Ct));
    }

    [Theory, StoreProviders]
    public async Task Exclusions_RoundTrip_ReplacePerDay_OmitEmptyDays(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        var day = new LocalDate(2026, 3, 1);
        await stores.Quality.SaveExclusionsAsync([new EvaluationExclusions(station, day, new Dictionary<string, int> { ["flag.invalid"] = 4 })], Ct);
        await stores.Quality.SaveExclusionsAsync(
        [
            new EvaluationExclusions(station, day, new Dictionary<string, int> { ["flag.invalid"] = 1, ["range.physical"] = 2 }),
            new EvaluationExclusions(station, day.PlusDays(1), new Dictionary<string, int>()),
        ], Ct);

        await stores.ReopenAsync();
        IReadOnlyList<EvaluationExclusions> read = await stores.Quality.QueryExclusionsAsync(station, day, day.PlusDays(3), Ct);

        EvaluationExclusions only = Assert.Single(read);
        Assert.Equal(day, only.Day);
        Assert.Equal(3, only.Total);
        Assert.Equal(2, only.ExcludedByRule["range.physical"]);
    }

    private static Interval Hours(int from, int to) => new(Some.Hour(from), Some.Hour(to));

    private static QualityFinding Finding(StationId station, int hour, string rule, QualitySeverity severity) => new()
    {
        Station = station, Parameter = Some.Parameter(), Interval = ObservationInterval.Hour, PeriodStart = Some.Hour(hour),
        Rule = rule, Severity = severity, Reason = "reason 中文 " + rule,
    };
}
