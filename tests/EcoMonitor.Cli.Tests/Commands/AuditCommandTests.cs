using System.Globalization;
using System.Text.Json;
using EcoMonitor.Application.Audit;
using EcoMonitor.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace EcoMonitor.Cli.Tests.Commands;

/// <summary><c>ecomon audit verify</c> on a real SQLite store, intact and tampered with.</summary>
[Trait("Area", "Quality")]
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ecomon-audit-").FullName;

    private string Database => Path.Combine(_directory, "store.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Intact_ExitsZero_PrintsTheHead()
    {
        await SeedAsync(3);
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        int exit = await AuditCommand.VerifyAsync(Database, null, json: false, output, Ct);

        Assert.Equal(0, exit);
        Assert.StartsWith("audit trail intact: 3 entries; head 3:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedEntry_ExitsTwo_NamesTheEntry()
    {
        await SeedAsync(5);
        await using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET reason = 'nothing happened' WHERE sequence = 2;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        int exit = await AuditCommand.VerifyAsync(Database, null, json: true, output, Ct);

        Assert.Equal(2, exit);
        using var document = JsonDocument.Parse(output.ToString());
        Assert.False(document.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(2, document.RootElement.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task BadAnchor_OrMissingStore_ExitsOne()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(1, await AuditCommand.VerifyAsync(Database, null, json: false, output, Ct));
        Assert.Equal(1, await AuditCommand.VerifyAsync(Database, "x:y", json: false, output, Ct));
        Assert.Contains("no store", output.ToString(), StringComparison.Ordinal);
    }

    private async Task SeedAsync(int entries)
    {
        using CliStore store = await CliStore.OpenAsync(Database, Ct);
        for (int i = 0; i < entries; i++)
        {
            await store.Audit.AppendAsync([new AuditRecord("tester", "config.changed", "config", "Quality:Rules") { Reason = "entry " + i }], Ct);
        }
    }
}
