using System.Diagnostics;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Configuration;
using EcoMonitor.Domain;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Testing;
using Npgsql;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// <see cref="IConfigurationChanges"/>: two store instances on one database stand for two nodes; what one writes, the
/// other is told about (PostgreSQL LISTEN/NOTIFY, sent on commit), and a lost listening connection is caught up by
/// reporting every topic again. SQLite (one node) reports nothing.
/// </summary>
[Trait("Area", "Nodes")]
public sealed class ConfigurationChangesContractTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly ConfigurationTopic[] Everything = [ConfigurationTopic.Stations, ConfigurationTopic.AlarmRules, ConfigurationTopic.PermitLimits];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sqlite_ReportsNothing_AndStopsWhenCancelled()
    {
        await using TestStores stores = await TestStores.CreateAsync(StoreProviders.Sqlite);
        var changes = stores.OpenSecond<IConfigurationChanges>();
        ReportedTopics reported = new(changes, Ct);
        await stores.Stations.UpsertAsync([Some.Station()], Ct);

        await reported.DisposeAsync();

        Assert.Empty(reported.Drain());
        Assert.True(reported.Listening.IsCanceled);
    }

    [Fact]
    [Trait("Area", "Postgres")]
    public async Task Postgres_WritesOfAnotherNode_AreReportedByTopic()
    {
        await using TestStores stores = await CreatePostgresAsync();
        await using ReportedTopics reported = new(stores.OpenSecond<IConfigurationChanges>(), Ct);
        await reported.WaitForAsync(Deadline, Everything);

        var clock = Stopwatch.StartNew();
        await stores.Stations.UpsertAsync([Some.Station()], Ct);
        await reported.WaitForAsync(Deadline, ConfigurationTopic.Stations);
        TestContext.Current.TestOutputHelper?.WriteLine($"station write reported to the other store after {clock.Elapsed.TotalMilliseconds:F0} ms");

        await stores.AlarmRules.UpsertRulesAsync([new StoredAlarmRule("so2", "{}", Some.Hour0)], Ct);
        await reported.WaitForAsync(Deadline, ConfigurationTopic.AlarmRules);

        StationId outlet = Some.StationId();
        await stores.PermitLimits.ReplacePermitLimitsAsync(outlet, [new PermitLimit(outlet, Some.Parameter("a21026"), 35m, "P-1")], Ct);
        await reported.WaitForAsync(Deadline, ConfigurationTopic.PermitLimits);

        Assert.True(await stores.AlarmRules.DeleteRuleAsync("so2", Ct));
        await reported.WaitForAsync(Deadline, ConfigurationTopic.AlarmRules);
    }

    [Fact]
    [Trait("Area", "Postgres")]
    public async Task Postgres_RolledBackWrite_IsNotReported()
    {
        await using TestStores stores = await CreatePostgresAsync();
        await using ReportedTopics reported = new(stores.OpenSecond<IConfigurationChanges>(), Ct);
        await reported.WaitForAsync(Deadline, Everything);

        await using (var connection = new NpgsqlConnection(stores.PostgresConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(Ct);
            await using var insert = new NpgsqlCommand("INSERT INTO alarm_rule (id, document, updated_at) VALUES ('x', '{}', now());", connection, transaction);
            await insert.ExecuteNonQueryAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        // Notifications arrive in commit order: once the later committed write is reported, the rolled-back one would have been.
        StationId outlet = Some.StationId();
        await stores.PermitLimits.ReplacePermitLimitsAsync(outlet, [], Ct);
        List<ConfigurationTopic> read = await reported.WaitForAsync(Deadline, ConfigurationTopic.PermitLimits);

        Assert.DoesNotContain(ConfigurationTopic.AlarmRules, read);
    }

    [Fact]
    [Trait("Area", "Postgres")]
    public async Task Postgres_Notification_NamesTheTopic_AndCarriesNoSecret()
    {
        await using TestStores stores = await CreatePostgresAsync();
        await using var connection = new NpgsqlConnection(stores.PostgresConnectionString);
        var heard = new List<(string Channel, string Payload)>();
        connection.Notification += (_, e) => heard.Add((e.Channel, e.Payload));
        await connection.OpenAsync(Ct);
        await using (var listen = new NpgsqlCommand("LISTEN ecomonitor_stations;", connection))
        {
            await listen.ExecuteNonQueryAsync(Ct);
        }

        Station station = Some.Station() with { Password = Some.HashedPassword };
        await stores.Stations.UpsertAsync([station], Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Deadline);
        await connection.WaitAsync(timeout.Token);

        (string channel, string payload) = Assert.Single(heard);
        Assert.Equal("ecomonitor_stations", channel);
        Assert.Equal("", payload);
    }

    [Fact]
    [Trait("Area", "Postgres")]
    public async Task Postgres_ListeningConnectionLost_ReconnectsAndReportsEveryTopic()
    {
        await using TestStores stores = await CreatePostgresAsync();
        await using ReportedTopics reported = new(stores.OpenSecond<IConfigurationChanges>(), Ct);
        await reported.WaitForAsync(Deadline, Everything);

        // The listener's session ends (a failover, a network cut, an administrator); a write lands while nobody listens.
        await using (var admin = new NpgsqlConnection(stores.PostgresConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database();", admin);
            kill.Parameters.AddWithValue(PostgresConfigurationChanges.ListenerApplicationName);
            Assert.Equal(1L, await kill.ExecuteScalarAsync(Ct));
        }

        await stores.Stations.UpsertAsync([Some.Station()], Ct);

        // Caught up: every topic is reported again once listening again, and later writes are heard.
        var clock = Stopwatch.StartNew();
        await reported.WaitForAsync(Deadline, Everything);
        TestContext.Current.TestOutputHelper?.WriteLine($"caught up {clock.Elapsed.TotalMilliseconds:F0} ms after the listener's session was ended");
        StationId outlet = Some.StationId();
        await stores.PermitLimits.ReplacePermitLimitsAsync(outlet, [], Ct);
        await reported.WaitForAsync(Deadline, ConfigurationTopic.PermitLimits);
    }

    private static async Task<TestStores> CreatePostgresAsync()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        return await TestStores.CreateAsync(StoreProviders.Postgres);
    }
}
