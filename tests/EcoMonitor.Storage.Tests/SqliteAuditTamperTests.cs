using System.Text;
using EcoMonitor.Application.Audit;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Tampering with the SQLite file behind the store's back — through SQL with the append-only triggers dropped, and by
/// editing the file's bytes — is always found by <see cref="AuditChainVerifier"/>, at the entry where it happened.
/// </summary>
[Trait("Area", "Quality")]
public sealed class SqliteAuditTamperTests
{
    private const int Entries = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Triggers_RefuseUpdateAndDelete()
    {
        await using TestStores stores = await CreateTrailAsync();
        await stores.CloseAsync();

        await using SqliteConnection connection = Open(stores);
        SqliteException update = Assert.Throws<SqliteException>(() => Execute(connection, "UPDATE audit_entry SET actor = 'x' WHERE sequence = 2;"));
        SqliteException delete = Assert.Throws<SqliteException>(() => Execute(connection, "DELETE FROM audit_entry WHERE sequence = 2;"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntactTrail_Verifies()
    {
        await using TestStores stores = await CreateTrailAsync();

        AuditVerification verification = await VerifyAsync(stores, null);

        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(Entries, verification.EntriesChecked);
        Assert.Null(verification.FirstBrokenSequence);
    }

    [Theory]
    [InlineData("after_json", "'{\"name\":\"forged\"}'")]
    [InlineData("actor", "'someone-else'")]
    [InlineData("recorded_at", "recorded_at + 1")]
    [InlineData("reason", "NULL")]
    [InlineData("subject_id", "'other'")]
    [InlineData("address", "'192.0.2.3'")]
    public async Task EditedEntry_IsFoundAtThatEntry(string column, string value)
    {
        await using TestStores stores = await CreateTrailAsync();

        await TamperAsync(stores, $"UPDATE audit_entry SET {column} = {value} WHERE sequence = 3;");

        await AssertBrokenAtAsync(stores, 3, "changed");
    }

    [Fact]
    public async Task RemovedAddress_IsFoundAtThatEntry()
    {
        await using TestStores stores = await CreateTrailAsync();

        await TamperAsync(stores, "UPDATE audit_entry SET address = NULL WHERE sequence = 4;");

        await AssertBrokenAtAsync(stores, 4, "changed");
    }

    [Fact]
    public async Task DeletedEntry_IsFoundWhereItWas()
    {
        await using TestStores stores = await CreateTrailAsync();

        await TamperAsync(stores, "DELETE FROM audit_entry WHERE sequence = 4;");

        await AssertBrokenAtAsync(stores, 4, "missing");
    }

    [Fact]
    public async Task DeletedEntryWithLaterOnesRenumbered_IsFound()
    {
        await using TestStores stores = await CreateTrailAsync();

        await TamperAsync(stores, """
            DELETE FROM audit_entry WHERE sequence = 2;
            UPDATE audit_entry SET sequence = sequence + 1000 WHERE sequence > 2;
            UPDATE audit_entry SET sequence = sequence - 1001 WHERE sequence > 1000;
            """);

        await AssertBrokenAtAsync(stores, 2, "does not follow");
    }

    [Fact]
    public async Task InsertedEntryWithAValidHash_IsFoundAtTheEntryAfterIt()
    {
        await using TestStores stores = await CreateTrailAsync();
        IReadOnlyList<AuditEntry> original = await stores.Audit.ReadAsync(0, 100, Ct);
        AuditRecord forged = new("bootstrap-admin", "station.updated", "station", "forged") { After = "{}" };
        Instant at = original[2].RecordedAt;
        string hash = AuditHash.Compute(4, at, forged, original[2].Hash);

        await TamperAsync(stores, $"""
            UPDATE audit_entry SET sequence = sequence + 1000 WHERE sequence > 3;
            UPDATE audit_entry SET sequence = sequence - 999 WHERE sequence > 1000;
            INSERT INTO audit_entry VALUES (4, {at.ToUnixTimeMilliseconds()}, 'bootstrap-admin', 'station.updated', 'station', 'forged',
                NULL, '{"{}"}', NULL, '{original[2].Hash}', '{hash}', NULL);
            """);

        await AssertBrokenAtAsync(stores, 5, "does not follow");
    }

    [Fact]
    public async Task InsertedEntryIntoAGapAtTheEnd_IsFound()
    {
        await using TestStores stores = await CreateTrailAsync();

        await TamperAsync(stores, $"INSERT INTO audit_entry VALUES (9, 0, 'x', 'y', 'z', 'w', NULL, NULL, NULL, '{AuditHash.Genesis}', '{AuditHash.Genesis}', NULL);");

        await AssertBrokenAtAsync(stores, Entries + 1, "missing");
    }

    [Fact]
    public async Task ReorderedEntries_AreFoundAtTheFirstMovedOne()
    {
        await using TestStores stores = await CreateTrailAsync();

        await TamperAsync(stores, """
            UPDATE audit_entry SET sequence = 100 WHERE sequence = 2;
            UPDATE audit_entry SET sequence = 2 WHERE sequence = 5;
            UPDATE audit_entry SET sequence = 5 WHERE sequence = 100;
            """);

        await AssertBrokenAtAsync(stores, 2, "does not follow");
    }

    [Fact]
    public async Task EntriesCutOffTheEnd_AreFoundWithAnAnchor()
    {
        await using TestStores stores = await CreateTrailAsync();
        AuditVerification before = await VerifyAsync(stores, null);
        var anchor = new AuditAnchor(before.HeadSequence, before.HeadHash);

        await TamperAsync(stores, $"DELETE FROM audit_entry WHERE sequence >= {Entries - 1};");

        AuditVerification withoutAnchor = await VerifyAsync(stores, null);
        AuditVerification withAnchor = await VerifyAsync(stores, anchor);
        Assert.True(withoutAnchor.IsIntact);
        Assert.False(withAnchor.IsIntact);
        Assert.Equal(Entries - 1, withAnchor.FirstBrokenSequence);
        Assert.Contains("removed from the end", withAnchor.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailRewrittenWithRecomputedHashes_IsFoundWithAnAnchor()
    {
        await using TestStores stores = await CreateTrailAsync();
        AuditVerification before = await VerifyAsync(stores, null);
        var anchor = new AuditAnchor(before.HeadSequence, before.HeadHash);
        IReadOnlyList<AuditEntry> entries = await stores.Audit.ReadAsync(0, 100, Ct);

        // An attacker who knows the algorithm edits entry 3 and recomputes every hash after it.
        var sql = new StringBuilder("DELETE FROM audit_entry WHERE sequence >= 3;");
        string previous = entries[1].Hash;
        foreach (AuditEntry entry in entries.Skip(2))
        {
            AuditEntry forged = entry with { PreviousHash = previous, Before = null, Reason = null, After = entry.Sequence == 3 ? "{\"name\":\"forged\"}" : entry.After };
            forged = forged with { Hash = AuditHash.Compute(forged) };
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO audit_entry VALUES ({forged.Sequence}, {forged.RecordedAt.ToUnixTimeMilliseconds()}, '{forged.Actor}', '{forged.Action}', '{forged.SubjectType}', '{forged.SubjectId}', NULL, '{forged.After}', NULL, '{forged.PreviousHash}', '{forged.Hash}', {(forged.Address is null ? "NULL" : $"'{forged.Address}'")});");
            previous = forged.Hash;
        }

        await TamperAsync(stores, sql.ToString());

        Assert.True((await VerifyAsync(stores, null)).IsIntact);
        AuditVerification withAnchor = await VerifyAsync(stores, anchor);
        Assert.False(withAnchor.IsIntact);
        Assert.Equal(Entries, withAnchor.FirstBrokenSequence);
        Assert.Contains("rewritten", withAnchor.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BytesEditedInTheDatabaseFile_AreFoundAtThatEntry()
    {
        await using TestStores stores = await CreateTrailAsync();
        await stores.CloseAsync();
        byte[] file = await File.ReadAllBytesAsync(stores.SqliteFile, Ct);
        byte[] marker = Encoding.UTF8.GetBytes(Marker(4));
        int at = file.AsSpan().IndexOf(marker);
        Assert.True(at >= 0, "the entry's text is in the file");
        Assert.Equal(-1, file.AsSpan(at + 1).IndexOf(marker));

        file[at + marker.Length - 1] ^= 0x01;   // value-0004 → value-0005: same length, no structure touched
        await File.WriteAllBytesAsync(stores.SqliteFile, file, Ct);
        await stores.ReopenAsync();

        await AssertBrokenAtAsync(stores, 4, "changed");
    }

    private static async Task<TestStores> CreateTrailAsync()
    {
        TestStores stores = await TestStores.CreateAsync(StoreProviders.Sqlite);
        for (int i = 1; i <= Entries; i++)
        {
            await stores.Audit.AppendAsync([new AuditRecord("bootstrap-admin", "station.updated", "station", "S" + i)
            {
                Before = "{\"name\":\"old\"}",
                After = $"{{\"name\":\"{Marker(i)}\"}}",
                Reason = "test",
                Address = i % 2 == 0 ? "192.0.2." + i : null,
            }], Ct);
        }

        return stores;
    }

    private static string Marker(int i) => $"value-{i:D4}";

    private static async Task TamperAsync(TestStores stores, string sql)
    {
        await stores.CloseAsync();
        await using (SqliteConnection connection = Open(stores))
        {
            Execute(connection, "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;");
            Execute(connection, sql);
        }

        await stores.ReopenAsync();
    }

    private static async Task AssertBrokenAtAsync(TestStores stores, long sequence, string problem)
    {
        AuditVerification verification = await VerifyAsync(stores, null);
        Assert.False(verification.IsIntact);
        Assert.Equal(sequence, verification.FirstBrokenSequence);
        Assert.Contains(problem, verification.Problem, StringComparison.Ordinal);
    }

    private static Task<AuditVerification> VerifyAsync(TestStores stores, AuditAnchor? anchor) =>
        new AuditChainVerifier(stores.Audit).VerifyAsync(anchor, Ct);

    private static SqliteConnection Open(TestStores stores)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stores.SqliteFile, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
