using EcoMonitor.Application.Storage;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// <see cref="IClusterLock"/>: two store instances on one database stand for two nodes. Checked against every engine.
/// </summary>
[Trait("Area", "Spine")]
public sealed class ClusterLockContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task TryAcquireAsync_HeldByAnotherNode_ReturnsNullUntilReleased(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IClusterLock first = stores.ClusterLock;
        IClusterLock second = stores.OpenSecond<IClusterLock>();

        IAsyncDisposable? held = await first.TryAcquireAsync("work.a", Ct);
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync("work.a", Ct));
        IAsyncDisposable? other = await second.TryAcquireAsync("work.b", Ct);
        Assert.NotNull(other);

        await held.DisposeAsync();
        await other.DisposeAsync();
        IAsyncDisposable? taken = await second.TryAcquireAsync("work.a", Ct);
        Assert.NotNull(taken);
        await taken.DisposeAsync();
    }

    [Theory, StoreProviders]
    public async Task AcquireAsync_WaitsForTheHolder_SoWorkNeverOverlaps(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IClusterLock[] nodes = [stores.ClusterLock, stores.OpenSecond<IClusterLock>()];
        int inside = 0;
        int maxInside = 0;
        int runs = 0;

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using (await nodes[i % 2].AcquireAsync("work.serial", Ct))
            {
                int now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Delay(20, Ct);
                Interlocked.Increment(ref runs);
                Interlocked.Decrement(ref inside);
            }
        }, Ct)));

        Assert.Equal(6, runs);
        Assert.Equal(1, maxInside);
    }

    [Theory, StoreProviders]
    public async Task AcquireAsync_Cancelled_StopsWaiting(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await using IAsyncDisposable held = await stores.ClusterLock.AcquireAsync("work.c", Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => stores.OpenSecond<IClusterLock>().AcquireAsync("work.c", timeout.Token));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
