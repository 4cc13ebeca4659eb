using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Frames an older version archived with the password in clear are masked by the store after the upgrade, in pages,
/// remembering how far it got; frames stored after the upgrade are not looked at.
/// </summary>
[Trait("Area", "Security")]
public sealed class FramePasswordMaskingContractTests
{
    private static readonly Interval Always = new(null, null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task FramesStoredBeforeTheUpgrade_AreMaskedInPages_AndLaterOnesAreNotLookedAt(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        StationId station = Some.StationId();
        await CommitAsync(stores, station, "PW=123456;", "PW=654321;", "NewPW=abcdefg;");
        await UndoMigrationAsync(stores, provider);
        await stores.ReopenAsync();
        // After the upgrade: a frame the store must leave as it is (the gateway masks what it stores now).
        await CommitAsync(stores, station, "PW=999999;");

        Assert.Equal(2, await stores.Frames.MaskStoredPasswordsAsync(2, Ct));
        await stores.ReopenAsync();
        Assert.Equal(1, await stores.Frames.MaskStoredPasswordsAsync(2, Ct));
        Assert.Equal(0, await stores.Frames.MaskStoredPasswordsAsync(2, Ct));

        string[] texts = [.. (await stores.Frames.QueryAsync(station.Value, Always, 10, Ct)).OrderBy(f => f.Id).Select(f => Encoding.ASCII.GetString(f.Bytes.Span))];
        Assert.Contains("PW=******;MN=", texts[0], StringComparison.Ordinal);
        Assert.Contains("PW=******;MN=", texts[1], StringComparison.Ordinal);
        Assert.Contains("NewPW=*******;", texts[2], StringComparison.Ordinal);
        Assert.Contains("PW=999999;", texts[3], StringComparison.Ordinal);
        Assert.All(texts, t => Assert.EndsWith("\r\n", t, StringComparison.Ordinal));
    }

    [Theory, StoreProviders]
    public async Task AFreshStore_HasNothingToMask(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await CommitAsync(stores, Some.StationId(), "PW=123456;");

        Assert.Equal(0, await stores.Frames.MaskStoredPasswordsAsync(100, Ct));
    }

    private static async Task CommitAsync(TestStores stores, StationId station, params string[] passwords)
    {
        var batch = new IngestBatch();
        batch.Frames.AddRange(passwords.Select((pw, i) => Some.Frame(station, receivedAt: Some.Hour(i)) with
        {
            Bytes = Encoding.ASCII.GetBytes($"##0101QN=20260301000000001;ST=22;CN=2061;{(pw.StartsWith("NewPW", StringComparison.Ordinal) ? "PW=******;" : pw)}MN={station.Value};Flag=4;CP=&&{(pw.StartsWith("NewPW", StringComparison.Ordinal) ? pw : string.Empty)}&&ABCD\r\n"),
        }));
        await stores.Ingest.CommitAsync(batch, Ct);
    }

    /// <summary>The schema as a version before the masking left it: its frames are then the ones stored "before".</summary>
    private static async Task UndoMigrationAsync(TestStores stores, string provider)
    {
        const string Sql = "DROP TABLE frame_password_mask; DELETE FROM schema_version WHERE version = {0};";
        if (provider == StoreProviders.Sqlite)
        {
            await using var connection = new SqliteConnection($"Data Source={stores.SqliteFile};Pooling=False");
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, 16);
            await command.ExecuteNonQueryAsync(Ct);
        }
        else
        {
            await using var connection = new NpgsqlConnection(stores.PostgresConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, 15), connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
