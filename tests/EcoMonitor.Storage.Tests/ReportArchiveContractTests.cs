using EcoMonitor.Application.Reports;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The report archive (<see cref="IReportArchive"/>, ADR 0038), checked against every engine.</summary>
[Trait("Area", "Reports")]
public sealed class ReportArchiveContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2020, 1, 3, 0, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task RevisedData_MakeVersion2_AndKeepVersion1_UnchangedDataAddNone(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        NewReport first = Report("510000", "data-a", [1, 2, 3]);

        (ArchivedReport v1, bool isNew1) = await stores.Reports.StoreAsync(first, Ct);
        (ArchivedReport again, bool isNewAgain) = await stores.Reports.StoreAsync(first with { Content = [9, 9], GeneratedAt = T0 + Duration.FromHours(1) }, Ct);
        (ArchivedReport v2, bool isNew2) = await stores.Reports.StoreAsync(Report("510000", "data-b", [4, 5]), Ct);
        await stores.ReopenAsync();

        Assert.True(isNew1);
        Assert.Equal(1, v1.Version);
        Assert.False(isNewAgain);
        Assert.Equal(v1, again);
        Assert.True(isNew2);
        Assert.Equal(2, v2.Version);
        Assert.Equal(first.ContentHash, v1.ContentHash);
        Assert.Equal([1, 2, 3], await stores.Reports.ReadContentAsync(v1.Id, Ct));
        Assert.Equal([4, 5], await stores.Reports.ReadContentAsync(v2.Id, Ct));
        Assert.Equal(v1, await stores.Reports.FindAsync(v1.Id, Ct));
        Assert.Equal([v2.Id, v1.Id], (await stores.Reports.ListAsync(new ReportQuery(), Ct)).Select(r => r.Id));
    }

    [Theory, StoreProviders]
    public async Task List_FiltersByRegionPrefixKindAndPeriod(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        (ArchivedReport sichuan, _) = await stores.Reports.StoreAsync(Report("510000", "a", [1]), Ct);
        (ArchivedReport chengdu, _) = await stores.Reports.StoreAsync(Report("510100", "b", [2]), Ct);
        (ArchivedReport jilin, _) = await stores.Reports.StoreAsync(Report("220000", "c", [3]), Ct);
        (ArchivedReport day, _) = await stores.Reports.StoreAsync(Report("510100", "d", [4]) with { Kind = ReportKind.DailyBulletin, Period = "2019-12-20" }, Ct);

        Assert.Equal([day.Id, chengdu.Id, sichuan.Id], (await stores.Reports.ListAsync(new ReportQuery("51"), Ct)).Select(r => r.Id));
        Assert.Equal([day.Id, chengdu.Id], (await stores.Reports.ListAsync(new ReportQuery("5101"), Ct)).Select(r => r.Id));
        Assert.Equal([jilin.Id], (await stores.Reports.ListAsync(new ReportQuery("22"), Ct)).Select(r => r.Id));
        Assert.Equal([day.Id], (await stores.Reports.ListAsync(new ReportQuery(Kind: ReportKind.DailyBulletin), Ct)).Select(r => r.Id));
        Assert.Equal([jilin.Id, chengdu.Id, sichuan.Id], (await stores.Reports.ListAsync(new ReportQuery(Period: "2019-12"), Ct)).Select(r => r.Id));
        Assert.Null(await stores.Reports.FindAsync(day.Id + 100, Ct));
        Assert.Null(await stores.Reports.ReadContentAsync(day.Id + 100, Ct));
    }

    private static NewReport Report(string region, string dataHash, byte[] content) =>
        new(ReportKind.MonthlyAir, region, "2019-12", ReportFormat.Pdf, dataHash, T0, "system:schedule", content);
}
