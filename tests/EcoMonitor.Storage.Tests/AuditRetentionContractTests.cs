using System.Data.Common;
using EcoMonitor.Application.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// The pruning part of the <see cref="IAuditLog"/> contract (docs/audit.md "Retention"), on every engine: the oldest
/// entries go, the pruning is itself an entry, the chain verifies from the checkpoint, the triggers let a delete
/// through only up to the checkpoint, and a checkpoint written behind the store's back is found.
/// </summary>
[Trait("Area", "Quality")]
public sealed class AuditRetentionContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Prune_DeletesTheOlderEntries_RecordsItselfInTheChain_AndTheChainVerifiesFromTheCheckpoint(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        (IReadOnlyList<AuditEntry> old, IReadOnlyList<AuditEntry> young) = await OldAndYoungAsync(stores, 4, 2);

        AuditCheckpoint? checkpoint = await stores.Audit.PruneAsync(young[0].RecordedAt, 1000, Ct);

        Assert.NotNull(checkpoint);
        Assert.Equal(new AuditCheckpoint(4, old[3].Hash, 7, 4, checkpoint.PrunedAt), checkpoint);
        Assert.Equal(checkpoint, await stores.Audit.ReadCheckpointAsync(Ct));
        IReadOnlyList<AuditEntry> left = await stores.Audit.ReadAsync(0, 100, Ct);
        Assert.Equal([5L, 6L, 7L], left.Select(e => e.Sequence));
        Assert.Equal(young, left.Take(2));
        AuditEntry pruning = left[2];
        Assert.Equal((AuditPruning.Actor, AuditPruning.Action, AuditPruning.SubjectType), (pruning.Actor, pruning.Action, pruning.SubjectType));
        Assert.Null(AuditPruning.Confirms(checkpoint, pruning));
        Assert.Contains($"\"throughHash\":\"{old[3].Hash}\"", pruning.After, StringComparison.Ordinal);

        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal((3L, 7L, 4L), (verification.EntriesChecked, verification.HeadSequence, (long?)verification.PrunedThrough));
        Assert.Null(await stores.Audit.PruneAsync(young[0].RecordedAt, 1000, Ct));

        IReadOnlyList<AuditEntry> next = await stores.Audit.AppendAsync([AuditLogContractTests.Record("after")], Ct);
        Assert.Equal((8L, pruning.Hash), (next[0].Sequence, next[0].PreviousHash));
    }

    [Theory, StoreProviders]
    public async Task Prune_InBatches_EachBatchIsOneEntryAndOneCheckpoint_AnchorsBeforeThePruningStillCount(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        (IReadOnlyList<AuditEntry> old, IReadOnlyList<AuditEntry> young) = await OldAndYoungAsync(stores, 5, 1);
        var anchorInside = new AuditAnchor(2, old[1].Hash);
        var anchorAtEnd = new AuditAnchor(3, old[2].Hash);

        AuditCheckpoint? first = await stores.Audit.PruneAsync(young[0].RecordedAt, 3, Ct);
        AuditCheckpoint? second = await stores.Audit.PruneAsync(young[0].RecordedAt, 3, Ct);

        Assert.Equal((3L, 3L, 7L), (first!.ThroughSequence, first.Pruned, first.EntrySequence));
        // The second batch stops before the young entry 6: entries 6 (young) and 7 (the first pruning's record) stay.
        Assert.Equal((5L, 2L, 8L), (second!.ThroughSequence, second.Pruned, second.EntrySequence));
        Assert.Equal([6L, 7L, 8L], (await stores.Audit.ReadAsync(0, 100, Ct)).Select(e => e.Sequence));
        var verifier = new AuditChainVerifier(stores.Audit);
        Assert.True((await verifier.VerifyAsync(anchorInside, Ct)).IsIntact);
        AuditVerification wrongHash = await verifier.VerifyAsync(new AuditAnchor(5, old[0].Hash), Ct);
        Assert.False(wrongHash.IsIntact);
        Assert.Contains("was pruned with hash", wrongHash.Problem, StringComparison.Ordinal);
        Assert.True((await verifier.VerifyAsync(anchorAtEnd, Ct)).IsIntact);
    }

    [Theory, StoreProviders]
    public async Task Triggers_RefuseDeletingPastTheCheckpoint_AndChangingIt(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        (_, IReadOnlyList<AuditEntry> young) = await OldAndYoungAsync(stores, 2, 2);
        Assert.NotNull(await stores.Audit.PruneAsync(young[0].RecordedAt, 1000, Ct));

        foreach (string sql in new[]
        {
            "DELETE FROM audit_entry WHERE sequence = 3;", "UPDATE audit_entry SET actor = 'x' WHERE sequence = 4;",
            "DELETE FROM audit_checkpoint;", "UPDATE audit_checkpoint SET through_sequence = 4;",
        })
        {
            DbException refused = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(stores, provider, sql));
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        Assert.True((await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct)).IsIntact);
    }

    [Theory, StoreProviders]
    public async Task ACheckpointWrittenWithoutAPruning_IsFoundByTheVerifier(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IReadOnlyList<AuditEntry> written = await stores.Audit.AppendAsync(
            [.. Enumerable.Range(0, 5).Select(i => AuditLogContractTests.Record("s" + i))], Ct);

        // Someone with database access writes a checkpoint naming entry 5 as its pruning's record, then deletes 1–2.
        string at = provider == StoreProviders.Sqlite ? "0" : "now()";
        await ExecuteAsync(stores, provider, $"INSERT INTO audit_checkpoint VALUES (2, '{written[1].Hash}', 5, 2, {at}); DELETE FROM audit_entry WHERE sequence <= 2;");

        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(5, verification.FirstBrokenSequence);
        Assert.Contains("written without a pruning", verification.Problem, StringComparison.Ordinal);
    }

    [Theory, StoreProviders]
    public async Task TheRetentionJob_PrunesWhatIsOlderThanTheRetention_InBatches_AndNothingWhenUnset(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.Audit.AppendAsync([.. Enumerable.Range(0, 5).Select(i => AuditLogContractTests.Record("s" + i))], Ct);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(AuditRetentionOptions.MinimumDays + 1));
        AuditRetentionJob Job(int? days) => new(
            stores.Audit, Options.Create(new AuditRetentionOptions { RetentionDays = days, BatchSize = 2 }), later, NullLogger<AuditRetentionJob>.Instance);

        await Job(null).RunAsync(Ct);
        Assert.Null(await stores.Audit.ReadCheckpointAsync(Ct));
        await Job(AuditRetentionOptions.MinimumDays + 2).RunAsync(Ct);
        Assert.Null(await stores.Audit.ReadCheckpointAsync(Ct));

        await Job(AuditRetentionOptions.MinimumDays).RunAsync(Ct);

        // Batches of 2 until one is not full: 1–2 (record 6), 3–4 (record 7), 5–6 (record 8), 7–8 (record 9), 9 (record
        // 10) — by the fake clock each batch's own record is old too; only the last one is left.
        AuditCheckpoint? checkpoint = await stores.Audit.ReadCheckpointAsync(Ct);
        IReadOnlyList<AuditEntry> left = await stores.Audit.ReadAsync(0, 100, Ct);
        Assert.Equal([10L], left.Select(e => e.Sequence));
        Assert.Equal((9L, 10L), (checkpoint!.ThroughSequence, checkpoint.EntrySequence));
        Assert.Equal(checkpoint.ThroughSequence + 1, left[0].Sequence);
        Assert.All(left, e => Assert.Equal(AuditPruning.Action, e.Action));
        Assert.True((await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct)).IsIntact);
    }

    /// <summary><paramref name="oldCount"/> entries, then — once the clock has moved on — <paramref name="youngCount"/> recorded later.</summary>
    private static async Task<(IReadOnlyList<AuditEntry> Old, IReadOnlyList<AuditEntry> Young)> OldAndYoungAsync(TestStores stores, int oldCount, int youngCount)
    {
        IReadOnlyList<AuditEntry> old = await stores.Audit.AppendAsync([.. Enumerable.Range(0, oldCount).Select(i => AuditLogContractTests.Record("old" + i))], Ct);
        Instant last = old[^1].RecordedAt;
        Assert.True(SpinWait.SpinUntil(() => SystemClock.Instance.GetCurrentInstant() > last + Duration.FromMilliseconds(2), TimeSpan.FromSeconds(5)));
        IReadOnlyList<AuditEntry> young = await stores.Audit.AppendAsync([.. Enumerable.Range(0, youngCount).Select(i => AuditLogContractTests.Record("young" + i))], Ct);
        Assert.True(young[0].RecordedAt > last);
        return (old, young);
    }

    /// <summary>Runs <paramref name="sql"/> on the database behind the store's back.</summary>
    private static async Task ExecuteAsync(TestStores stores, string provider, string sql)
    {
        await using DbConnection connection = provider == StoreProviders.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stores.SqliteFile, Pooling = false }.ToString())
            : new NpgsqlConnection(stores.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
