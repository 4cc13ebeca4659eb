using System.Runtime.CompilerServices;
using System.Text.Json;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Import;
using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Import;

/// <summary>Every import that stored anything is in the audit trail, with its revisions before and after, also one that broke off.</summary>
[Trait("Area", "Security")]
public sealed class ObservationImporterAuditTests : IAsyncLifetime
{
    private SqliteAuditedStore _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // No workers in this process, as in the CLI.
    private ObservationImporter Importer => new(
        ObservationWriter.WithoutWorkers(_host.Get<IObservationStore>(), _host.Get<IIngestStore>()), _host.Get<IObservationStore>(), _host.Get<IAuditTrail>());

    public async ValueTask InitializeAsync() => _host = await SqliteAuditedStore.CreateAsync(Ct);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Revisions_AreListedWithTheValueBefore_AndAnImportThatChangesNothingNewIsStillRecorded()
    {
        StationId station = Some.StationId();
        await Importer.ImportAsync(Items(Some.Observation(station, hour: 1, value: 52m), Some.Observation(station, hour: 2, value: 7m)), new("zhang", "a.csv"), null, Ct);

        ImportReport report = await Importer.ImportAsync(
            Items(Some.Observation(station, hour: 1, value: 999m), Some.Observation(station, hour: 2, value: 7m)), new("li", "b.csv"), null, Ct);

        Assert.Equal(new AppendResult(0, 1, 1), report.Stored);
        AuditEntry entry = (await ImportsAsync())[^1];
        Assert.Equal(("li", "b.csv"), (entry.Actor, entry.SubjectId));
        using var after = JsonDocument.Parse(entry.After!);
        JsonElement revision = Assert.Single(after.RootElement.GetProperty("revisions").EnumerateArray());
        Assert.Equal((52m, 999m, 2), (revision.GetProperty("valueBefore").GetDecimal(), revision.GetProperty("value").GetDecimal(), revision.GetProperty("revision").GetInt32()));
        Assert.Equal((0, 1, 1, 0), (after.RootElement.GetProperty("inserted").GetInt32(), after.RootElement.GetProperty("unchanged").GetInt32(),
            after.RootElement.GetProperty("revised").GetInt32(), after.RootElement.GetProperty("revisionsNotListed").GetInt32()));
    }

    [Fact]
    public async Task AnImportThatBreaksOffAfterABatch_IsRecordedWithWhatItCommitted_AsIncomplete()
    {
        StationId station = Some.StationId();

        await Assert.ThrowsAsync<IOException>(() => Importer.ImportAsync(BreakingAfter(station, ObservationImporter.BatchSize + 10, Ct), new("zhang", "broken.csv"), null, Ct));

        AuditEntry entry = Assert.Single(await ImportsAsync());
        using var after = JsonDocument.Parse(entry.After!);
        Assert.False(after.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(ObservationImporter.BatchSize, after.RootElement.GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task AnImportThatStoresNothing_IsNotRecorded()
    {
        ImportReport report = await Importer.ImportAsync(ErrorsOnly(), new("zhang", "empty.csv"), null, Ct);

        Assert.Equal(1, report.ErrorCount);
        Assert.Empty(await ImportsAsync());
    }

    private async Task<IReadOnlyList<AuditEntry>> ImportsAsync() =>
        [.. (await _host.AuditAsync(Ct)).Where(e => e.Action == ObservationImporter.Action)];

    private static async IAsyncEnumerable<ImportItem> Items(params Observation[] observations)
    {
        foreach (Observation observation in observations)
        {
            yield return ImportItem.Of(observation);
        }

        await Task.CompletedTask;
    }

    private static async IAsyncEnumerable<ImportItem> ErrorsOnly()
    {
        yield return ImportItem.Of(new ImportRowError(2, "value", "'abc' is not a number"));
        await Task.CompletedTask;
    }

    /// <summary>Hourly values, then the read fails (a broken connection, a truncated file).</summary>
    private static async IAsyncEnumerable<ImportItem> BreakingAfter(StationId station, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ImportItem.Of(Some.Observation(station, hour: i));
        }

        await Task.CompletedTask;
        throw new IOException("the connection was reset");
    }
}
