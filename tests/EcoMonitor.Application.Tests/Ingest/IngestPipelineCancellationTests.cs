using EcoMonitor.Application.Ingest;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Tests.Ingest;

/// <summary>What cancelling a submission does: it stops the wait for room in the queue, never an item already queued.</summary>
[Trait("Area", "Foundation")]
public sealed class IngestPipelineCancellationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitAsync_CancelledAfterQueued_ItemIsStoredAndReceiptCompletes()
    {
        await using var host = new IngestTestHost();
        await host.Schema.MigrateAsync(Ct);
        StationId station = Some.StationId();
        using var cancellation = new CancellationTokenSource();

        Task<IngestReceipt> receipt = host.Pipeline.SubmitAsync(Some.DataItem(station), cancellation.Token);
        await cancellation.CancelAsync();
        Assert.False(receipt.IsCompleted);
        await host.StartAsync();

        Assert.Equal(new IngestReceipt(RawFrameOutcome.Accepted, new AppendResult(3, 0, 0)), await receipt);
        Assert.Equal(3, (await host.Observations.QueryAsync(IngestTestHost.AllHours(station), Ct)).Count);
    }

    [Fact]
    public async Task SubmitAsync_QueueFullAndCancelled_IsCancelledAndItemNeverStored()
    {
        await using var host = new IngestTestHost(capacity: 1);
        await host.Schema.MigrateAsync(Ct);
        StationId station = Some.StationId();
        using var cancellation = new CancellationTokenSource();
        Task<IngestReceipt> queued = host.Pipeline.SubmitAsync(Some.DataItem(station, 0), Ct);

        Task<IngestReceipt> waiting = host.Pipeline.SubmitAsync(Some.DataItem(station, 1), cancellation.Token);
        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await host.StartAsync();
        Assert.Equal(3, (await queued).Appended.Inserted);
        Assert.Equal(3, (await host.Observations.QueryAsync(IngestTestHost.AllHours(station), Ct)).Count);
    }
}
