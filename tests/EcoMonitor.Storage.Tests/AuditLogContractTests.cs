using EcoMonitor.Application.Audit;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The <see cref="IAuditLog"/> part of the store contract, checked against every engine.</summary>
[Trait("Area", "Quality")]
public sealed class AuditLogContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task AppendAsync_NumbersFromOne_ChainsHashes_AndReadsBackExactly(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        IReadOnlyList<AuditEntry> first = await stores.Audit.AppendAsync([Record("a"), Record("b")], Ct);
        IReadOnlyList<AuditEntry> second = await stores.Audit.AppendAsync([Record("c") with { Before = null, After = null, Reason = null }], Ct);

        Assert.Equal([1L, 2L], first.Select(e => e.Sequence));
        Assert.Equal(3, second[0].Sequence);
        Assert.Equal(AuditHash.Genesis, first[0].PreviousHash);
        Assert.Equal(first[0].Hash, first[1].PreviousHash);
        Assert.Equal(first[1].Hash, second[0].PreviousHash);
        Assert.All(first.Concat(second), e => Assert.Equal(AuditHash.Compute(e), e.Hash));
        Assert.Equal([.. first, .. second], await stores.Audit.ReadAsync(0, 100, Ct));
    }

    [Theory, StoreProviders]
    public async Task Address_IsStoredAndHashed_AndEntriesWithAndWithoutOneChain(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        IReadOnlyList<AuditEntry> written = await stores.Audit.AppendAsync(
            [Record("a"), Record("b") with { Address = "2001:db8::7" }, Record("c") with { Address = "192.0.2.1" }], Ct);

        IReadOnlyList<AuditEntry> read = await stores.Audit.ReadAsync(0, 10, Ct);
        Assert.Equal(written, read);
        Assert.Equal([null, "2001:db8::7", "192.0.2.1"], read.Select(e => e.Address));
        Assert.NotEqual(AuditHash.Compute(read[1] with { Address = null }), read[1].Hash);
        Assert.NotEqual(AuditHash.Compute(read[2] with { Address = "192.0.2.2" }), read[2].Hash);
        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Theory, StoreProviders]
    public async Task Entries_SurviveReopen_AndTheChainContinues(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IReadOnlyList<AuditEntry> before = await stores.Audit.AppendAsync([Record("a")], Ct);

        await stores.ReopenAsync();
        IReadOnlyList<AuditEntry> after = await stores.Audit.AppendAsync([Record("b")], Ct);

        Assert.Equal(before[0].Hash, after[0].PreviousHash);
        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2, verification.HeadSequence);
    }

    [Theory, StoreProviders]
    public async Task ReadAsync_PagesInSequenceOrder(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.Audit.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Record("s" + i))], Ct);

        IReadOnlyList<AuditEntry> page = await stores.Audit.ReadAsync(2, 2, Ct);

        Assert.Equal([3L, 4L], page.Select(e => e.Sequence));
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_FiltersBySubject_NewestFirst_PagesBackwards(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.Audit.AppendAsync([Record("A"), Record("B"), Record("A"), Record("A")], Ct);

        IReadOnlyList<AuditEntry> ofA = await stores.Audit.QueryAsync(new AuditQuery { SubjectType = "station", SubjectId = "A" }, Ct);
        IReadOnlyList<AuditEntry> older = await stores.Audit.QueryAsync(new AuditQuery { SubjectType = "station", SubjectId = "A", BeforeSequence = 3, Limit = 5 }, Ct);
        IReadOnlyList<AuditEntry> newest = await stores.Audit.QueryAsync(new AuditQuery { Limit = 1 }, Ct);

        Assert.Equal([4L, 3L, 1L], ofA.Select(e => e.Sequence));
        Assert.Equal([1L], older.Select(e => e.Sequence));
        Assert.Equal([4L], newest.Select(e => e.Sequence));
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_FiltersByActorAndAction_ExactOrPrefix_WithOthersAndPaging(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.Audit.AppendAsync(
        [
            new AuditRecord("account:1", "account.created", "account", "7"),
            new AuditRecord("account:10", "account.disabled", "account", "7"),
            new AuditRecord("account:1", "accounts.exported", "account", "7"),
            new AuditRecord("account:1", "account", "account", "8"),
            new AuditRecord("account:1", "security.sign-in-failed", "account", "8"),
            new AuditRecord("account:1", "account.roles-changed", "account", "8"),
        ], Ct);

        async Task<string> SequencesAsync(AuditQuery query) => string.Join(",", (await stores.Audit.QueryAsync(query, Ct)).Select(e => e.Sequence));

        Assert.Equal("6,5,4,3,1", await SequencesAsync(new AuditQuery { Actor = "account:1" }));
        Assert.Equal("2", await SequencesAsync(new AuditQuery { Actor = "account:10" }));
        Assert.Equal("", await SequencesAsync(new AuditQuery { Actor = "ACCOUNT:1" }));
        Assert.Equal("6,2,1", await SequencesAsync(new AuditQuery { Action = "account." }));
        Assert.Equal("4", await SequencesAsync(new AuditQuery { Action = "account" }));
        Assert.Equal("2", await SequencesAsync(new AuditQuery { Action = "account.disabled" }));
        Assert.Equal("5", await SequencesAsync(new AuditQuery { Action = "security." }));
        Assert.Equal("6,1", await SequencesAsync(new AuditQuery { Actor = "account:1", Action = "account." }));
        Assert.Equal("1", await SequencesAsync(new AuditQuery { Action = "account.", BeforeSequence = 2 }));
        Assert.Equal("6", await SequencesAsync(new AuditQuery { Action = "account.", SubjectType = "account", SubjectId = "8" }));
        Assert.Equal("6,2", await SequencesAsync(new AuditQuery { Action = "account.", Limit = 2 }));
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_FiltersByRecordedTime_FromInclusive_ToExclusive(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IReadOnlyList<AuditEntry> written = await stores.Audit.AppendAsync([Record("a"), Record("b")], Ct);
        Instant at = written[0].RecordedAt;
        var tick = Duration.FromMilliseconds(1);

        async Task<string> SequencesAsync(AuditQuery query) => string.Join(",", (await stores.Audit.QueryAsync(query, Ct)).Select(e => e.Sequence));

        Assert.Equal("2,1", await SequencesAsync(new AuditQuery { From = at }));
        Assert.Equal("", await SequencesAsync(new AuditQuery { From = at + tick }));
        Assert.Equal("", await SequencesAsync(new AuditQuery { To = at }));
        Assert.Equal("2,1", await SequencesAsync(new AuditQuery { To = at + tick }));
        Assert.Equal("1", await SequencesAsync(new AuditQuery { From = at, To = at + tick, BeforeSequence = 2 }));
        Assert.Equal("", await SequencesAsync(new AuditQuery { From = at - Duration.FromDays(1), To = at - Duration.FromHours(1) }));
    }

    [Theory, StoreProviders]
    public async Task ConcurrentAppends_FormOneUnbrokenChain(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => stores.Audit.AppendAsync([Record("c" + i), Record("d" + i)], Ct)));

        AuditVerification verification = await new AuditChainVerifier(stores.Audit).VerifyAsync(null, Ct);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(40, verification.EntriesChecked);
    }

    internal static AuditRecord Record(string subjectId) => new("tester", "station.updated", "station", subjectId)
    {
        Before = """{"name":"旧名"}""",
        After = """{"name":"新名"}""",
        Reason = "renamed",
    };
}
