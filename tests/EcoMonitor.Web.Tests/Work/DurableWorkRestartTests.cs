using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EcoMonitor.Application.Storage;
using EcoMonitor.Cli;
using EcoMonitor.Cli.Commands;
using EcoMonitor.Domain;
using EcoMonitor.Web.Tests.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EcoMonitor.Web.Tests.Work;

/// <summary>
/// Pending evaluation, quality and alarm work is kept in the store with the values (docs/adr/0027): values committed
/// while no server ran (an <c>ecomon import</c> into a stopped server's SQLite store), or acknowledged by a node killed
/// (SIGKILL) before its workers' pass (a real server process on PostgreSQL), are evaluated, checked and alarmed on by
/// the next server to start.
/// </summary>
[Trait("Area", "Security")]
public sealed class DurableWorkRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ValuesCommittedWhileNoServerRan_AreEvaluatedCheckedAndAlarmed_WhenItStarts()
    {
        await using WorkHost host = await WorkHost.CreateAsync("Sqlite");
        await host.StoreDirectlyAsync(WorkHost.DayOfPm25());

        host.Start();

        await AssertEvaluatedCheckedAndAlarmedAsync(host.GetJsonAsync);
        Assert.Equal(0L, await WaitForPendingRowsAsync(host.Database, 0));
    }

    [Fact]
    [Trait("Area", "Foundation")]
    public async Task EcomonImport_IntoTheDatabaseOfARunningPlatform_IsEvaluatedCheckedAndAlarmed()
    {
        // The platform sweeps for work other processes left every second, once it has been pending a second.
        await using WorkHost host = await WorkHost.CreateAsync("Sqlite", new Dictionary<string, string?>
        {
            ["Work:SweepInterval"] = "00:00:01",
            ["Work:SweepGrace"] = "00:00:01",
        });
        host.Start();
        Assert.Equal(JsonValueKind.Array, (await host.GetJsonAsync($"/api/v1/alarms?station={WorkHost.Mn}")).ValueKind);
        string file = Path.Combine(Path.GetTempPath(), $"ecomon-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, WorkHost.DayOfPm25Csv(), Ct);
        try
        {
            var output = new StringWriter();
            int exit = await ImportCommand.RunAsync(
                new FileInfo(file), "csv", PeriodLabel.PeriodStart, host.Database, RepoFiles.Path("config/parameters.json"), output, Ct);
            Assert.True(exit == 0, output.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        await AssertEvaluatedCheckedAndAlarmedAsync(host.GetJsonAsync);
        Assert.Equal(0L, await WaitForPendingRowsAsync(host.Database, 0));
    }

    [Fact]
    [Trait("Area", "Postgres")]
    public async Task ValuesAcknowledgedByANodeKilledBeforeItsWorkersRan_AreDoneByTheNextNode()
    {
        await using WorkHost host = await WorkHost.CreateAsync("Postgres");
        IReadOnlyDictionary<string, string> settings = host.NodeSettings();
        using CliStore store = await CliStore.OpenAsync(host.Database, Ct);
        IClusterLock locks = store.Get<IClusterLock>();
        // The workers of the first node wait for these (another node's passes, as far as they know) while it ingests.
        List<IAsyncDisposable> held = [];
        foreach (string name in new[] { "evaluation.recompute", "quality.check", "alarms.engine" })
        {
            held.Add(await locks.AcquireAsync(name, Ct));
        }

        ServerNode first = await ServerNode.StartAsync(settings, Ct);
        try
        {
            using HttpResponseMessage imported = await SendAsync(first, HttpMethod.Post, "/api/v1/observations/import", WorkHost.DayOfPm25Csv());
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }
        finally
        {
            // kill -9: the values are acknowledged, no worker of this node has worked on them.
            await first.DisposeAsync();
        }

        // The station-day is pending in the store, committed with the values.
        Assert.Equal(1L, await CountPendingAsync(host.Database));
        foreach (IAsyncDisposable hold in held)
        {
            await hold.DisposeAsync();
        }

        await using ServerNode second = await ServerNode.StartAsync(settings, Ct);
        await AssertEvaluatedCheckedAndAlarmedAsync(path => GetJsonAsync(second, path));
        Assert.Equal(0L, await WaitForPendingRowsAsync(host.Database, 0));
    }

    /// <summary>Checked: the negative value has its finding; evaluated: the day's AQI without it; alarmed: the 200 over the rule's 150.</summary>
    private static async Task AssertEvaluatedCheckedAndAlarmedAsync(Func<string, Task<JsonElement>> get)
    {
        JsonElement[] findings = (await WaitForAsync(get, $"/api/v1/stations/{WorkHost.Mn}/quality?from=2026-03-02&to=2026-03-03",
            q => WorkHost.HasFinding([.. q.GetProperty("findings").EnumerateArray()], "value.negative", "2026-03-02T05:00:00+08:00")))
            .GetProperty("findings").EnumerateArray().ToArray();
        Assert.True(WorkHost.HasFinding(findings, "value.negative", "2026-03-02T05:00:00+08:00"), "the -50 at 05:00 has no value.negative finding");

        // The daily mean of the 23 valid hours, the invalid -50 left out: (996 - 35 - 40 + 200) / 23 = 48.7.
        JsonElement day = await WaitForAsync(get, $"/api/v1/stations/{WorkHost.Mn}/aqi?interval=day&from=2026-03-02&to=2026-03-03", d => d.GetArrayLength() == 1);
        Assert.Equal(49m, Assert.Single(day.EnumerateArray()).GetProperty("pm25").GetDecimal());

        JsonElement alarms = await WaitForAsync(get, $"/api/v1/alarms?station={WorkHost.Mn}", a => a.GetArrayLength() > 0);
        JsonElement alarm = Assert.Single(alarms.EnumerateArray());
        Assert.Equal(("pm25-high", 200m), (alarm.GetProperty("ruleId").GetString(), alarm.GetProperty("peak").GetDecimal()));
    }

    private static async Task<JsonElement> WaitForAsync(Func<string, Task<JsonElement>> get, string path, Func<JsonElement, bool> isDone)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            JsonElement result = await get(path);
            if (isDone(result) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(ServerNode node, string path)
    {
        using HttpResponseMessage response = await SendAsync(node, HttpMethod.Get, path, null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiFactory.Json, Ct);
    }

    private static async Task<HttpResponseMessage> SendAsync(ServerNode node, HttpMethod method, string path, string? csv)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        if (csv is not null)
        {
            request.Content = new StringContent(csv, Encoding.UTF8, "text/csv");
        }

        return await node.Client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task WorkReplayedAfterASecondRestart_AddsNoSecondAlarmStep()
    {
        await using WorkHost host = await WorkHost.CreateAsync("Sqlite");
        await host.StoreDirectlyAsync(WorkHost.DayOfPm25());
        host.Start();
        JsonElement raised = Assert.Single((await host.WaitForAsync($"/api/v1/alarms?station={WorkHost.Mn}", a => a.GetArrayLength() > 0)).EnumerateArray());
        await WaitForPendingRowsAsync(host.Database, 0);

        // A crash before the completions were written leaves the day pending: it is worked on again at the next start.
        await host.StopAsync();
        await using WorkHost again = await WorkHost.CreateAsync("Sqlite", new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = host.Database });
        await using (var connection = new SqliteConnection($"Data Source={host.Database}"))
        {
            await connection.OpenAsync(Ct);
            await using SqliteCommand pending = connection.CreateCommand();
            pending.CommandText = "INSERT INTO work_pending (station_id, interval, day, version, changed_at) VALUES ('1431A', 'hour', $day, 1, 0);";
            pending.Parameters.AddWithValue("$day", WorkHost.Day.ToUnixTimeMilliseconds());
            await pending.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();
        again.Start();
        Assert.Equal(0L, await WaitForPendingRowsAsync(again.Database, 0));

        long id = raised.GetProperty("id").GetInt64();
        JsonElement timeline = await again.GetJsonAsync($"/api/v1/alarms/{id}/timeline");
        Assert.Equal(["raised"], timeline.EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.Single((await again.GetJsonAsync($"/api/v1/alarms?station={WorkHost.Mn}")).EnumerateArray());
    }

    /// <summary>Waits until the store holds <paramref name="expected"/> pending rows (at most 60 s); returns the last count.</summary>
    private static async Task<long> WaitForPendingRowsAsync(string database, long expected)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            long count = await CountPendingAsync(database);
            if (count == expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(100, Ct);
        }
    }

    private static async Task<long> CountPendingAsync(string database)
    {
        const string Sql = "SELECT count(*) FROM work_pending;";
        if (database.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(Sql, connection);
            return (long)(await command.ExecuteScalarAsync(Ct))!;
        }

        await using (var sqlite = new SqliteConnection($"Data Source={database};Mode=ReadOnly"))
        {
            await sqlite.OpenAsync(Ct);
            await using SqliteCommand command = sqlite.CreateCommand();
            command.CommandText = Sql;
            long count = (long)(await command.ExecuteScalarAsync(Ct))!;
            return count;
        }
    }
}
