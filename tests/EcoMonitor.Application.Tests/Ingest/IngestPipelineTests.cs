using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Application.Tests.Ingest;

[Trait("Area", "Spine")]
public sealed class IngestPipelineTests
{
    private static readonly Interval Always = new(null, null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitAsync_ReceiptCompleted_DataReadableFromAnotherStoreInstance()
    {
        await using var host = new IngestTestHost();
        await host.StartAsync();
        IObservationStore second = host.OpenSecondObservationStore();
        StationId station = Some.StationId();
        IngestItem item = Some.DataItem(station);

        IngestReceipt receipt = await host.Pipeline.SubmitAsync(item, Ct);

        Assert.Equal(new IngestReceipt(RawFrameOutcome.Accepted, new AppendResult(3, 0, 0)), receipt);
        Assert.Equal(item.Observations.OrderBy(o => o.Parameter.Value, StringComparer.Ordinal),
            await second.QueryAsync(IngestTestHost.AllHours(station), Ct));
    }

    [Fact]
    public async Task SubmitAsync_ResentPacket_IsDuplicateAndNotAppendedAgain()
    {
        await using var host = new IngestTestHost();
        await host.StartAsync();
        StationId station = Some.StationId();
        IngestItem original = Some.DataItem(station);
        IngestItem resentWithOtherValues = original with
        {
            Observations = [.. original.Observations.Select(o => o with { Value = 99m })],
        };

        IngestReceipt first = await host.Pipeline.SubmitAsync(original, Ct);
        IngestReceipt second = await host.Pipeline.SubmitAsync(resentWithOtherValues, Ct);

        Assert.False(first.IsDuplicate);
        Assert.True(second.IsDuplicate);
        Assert.Equal(default, second.Appended);
        Assert.All(await host.Observations.QueryAsync(IngestTestHost.AllHours(station), Ct), o => Assert.Equal(35.5m, o.Value));
        IReadOnlyList<RawFrame> frames = await host.Frames.QueryAsync(station.Value, Always, 10, Ct);
        Assert.Equal(2, frames.Count);
        Assert.Single(frames, f => f.Outcome == RawFrameOutcome.Duplicate);
    }

    [Fact]
    public async Task SubmitAsync_SamePacketTwiceInOneBatch_SecondIsDuplicate()
    {
        await using var host = new IngestTestHost();
        await host.Schema.MigrateAsync(Ct);
        StationId station = Some.StationId();
        IngestItem item = Some.DataItem(station);
        Task<IngestReceipt> first = host.Pipeline.SubmitAsync(item, Ct);
        Task<IngestReceipt> second = host.Pipeline.SubmitAsync(item, Ct);

        await host.StartAsync();

        Assert.Equal(new IngestReceipt(RawFrameOutcome.Accepted, new AppendResult(3, 0, 0)), await first);
        Assert.Equal(new IngestReceipt(RawFrameOutcome.Duplicate, default), await second);
    }

    [Fact]
    public async Task SubmitAsync_RejectedFrame_IsArchivedAndCountedByReason()
    {
        await using var host = new IngestTestHost();
        await host.StartAsync();
        StationId station = Some.StationId();

        IngestReceipt rejected = await host.Pipeline.SubmitAsync(Some.RejectedItem(station, "CrcMismatch"), Ct);
        await host.Pipeline.SubmitAsync(Some.RejectedItem(null, "MissingHeader"), Ct);
        await host.Pipeline.SubmitAsync(Some.RejectedItem(station, "CrcMismatch"), Ct);
        await host.Pipeline.SubmitAsync(Some.DataItem(station), Ct);

        Assert.Equal(RawFrameOutcome.Rejected, rejected.Outcome);
        Assert.Equal(3, (await host.Frames.CountByOutcomeAsync(Ct))[RawFrameOutcome.Rejected]);
        IngestStatistics stats = host.Counters.Snapshot();
        Assert.Equal(3, stats.FramesByOutcome[RawFrameOutcome.Rejected]);
        Assert.Equal(1, stats.FramesByOutcome[RawFrameOutcome.Accepted]);
        Assert.Equal(2, stats.RejectionsByReason["CrcMismatch"]);
        Assert.Equal(1, stats.RejectionsByReason["MissingHeader"]);
        Assert.Equal(3, stats.ObservationsInserted);
        Assert.NotNull(stats.LastCommitAt);
    }

    [Fact]
    public async Task SubmitAsync_PipelineFull_WaitsUntilTheWriterTakesItems()
    {
        await using var host = new IngestTestHost(capacity: 2);
        await host.Schema.MigrateAsync(Ct);
        StationId station = Some.StationId();
        Task<IngestReceipt>[] receipts = [.. Enumerable.Range(0, 3).Select(h => host.Pipeline.SubmitAsync(Some.DataItem(station, h), Ct))];

        Assert.Equal(2, host.Pipeline.QueuedCount);
        Assert.False(receipts[2].IsCompleted);

        await host.StartAsync();
        foreach (Task<IngestReceipt> receipt in receipts)
        {
            Assert.Equal(3, (await receipt).Appended.Inserted);
        }

        Assert.Equal(9, (await host.Observations.QueryAsync(IngestTestHost.AllHours(station), Ct)).Count);
    }

    [Fact]
    public async Task SubmitAsync_StoreLockedByAnotherWriter_FaultsReceiptAndLaterBatchesAreStored()
    {
        await using var host = new IngestTestHost(busyTimeoutSeconds: 1);
        await host.StartAsync();
        StationId lost = Some.StationId();
        StationId stored = Some.StationId();

        await using (var locker = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync(Ct);
            await using SqliteTransaction transaction = locker.BeginTransaction(deferred: false);

            await Assert.ThrowsAsync<SqliteException>(async () => await host.Pipeline.SubmitAsync(Some.DataItem(lost), Ct));
        }

        IngestReceipt later = await host.Pipeline.SubmitAsync(Some.DataItem(stored), Ct);

        Assert.Equal(3, later.Appended.Inserted);
        Assert.Empty(await host.Observations.QueryAsync(IngestTestHost.AllHours(lost), Ct));
        Assert.Empty(await host.Frames.QueryAsync(lost.Value, Always, 10, Ct));
        Assert.Equal(3, (await host.Observations.QueryAsync(IngestTestHost.AllHours(stored), Ct)).Count);
        IngestStatistics stats = host.Counters.Snapshot();
        Assert.Equal(1, stats.BatchesFailed);
        Assert.Equal(1, stats.BatchesCommitted);
    }

    [Fact]
    public async Task StopAsync_StoresEverythingAlreadyAcceptedThenRefusesMore()
    {
        await using var host = new IngestTestHost();
        await host.Schema.MigrateAsync(Ct);
        StationId station = Some.StationId();
        Task<IngestReceipt>[] receipts = [.. Enumerable.Range(0, 20).Select(h => host.Pipeline.SubmitAsync(Some.DataItem(station, h), Ct))];

        await host.StartAsync();
        await host.StopAsync();

        foreach (Task<IngestReceipt> receipt in receipts)
        {
            Assert.Equal(3, (await receipt).Appended.Inserted);
        }

        Assert.Equal(60, (await host.Observations.QueryAsync(IngestTestHost.AllHours(station), Ct)).Count);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await host.Pipeline.SubmitAsync(Some.DataItem(station, 21), Ct));
    }
}
