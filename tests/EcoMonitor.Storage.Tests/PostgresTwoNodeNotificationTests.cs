using System.Collections.Concurrent;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Two nodes, each with the real alarm runtime and its notification dispatcher running, on one PostgreSQL database:
/// every queued notification is sent once, by one node (the dispatcher's pass runs under the cluster lock).
/// </summary>
[Trait("Area", "Postgres")]
[Trait("Area", "Alarms")]
public sealed class PostgresTwoNodeNotificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoDispatchers_SendEveryMessageOnce()
    {
        Assert.SkipWhen(PostgresTestServer.UnavailableReason is not null && !PostgresTestServer.IsCi, PostgresTestServer.UnavailableReason ?? "");
        PostgresTestServer server = await PostgresTestServer.GetAsync();
        string database = await server.CreateDatabaseAsync(Ct);
        string directory = Directory.CreateTempSubdirectory("ecomon-two-node-notify-").FullName;
        string rules = Path.Combine(directory, "alarm-rules.json");
        await File.WriteAllTextAsync(rules, """
            { "rules": [ { "id": "so2", "name": "SO2", "kind": "exceedance", "parameter": "a21026", "limit": 100, "channels": ["duty"] } ],
              "channels": [ { "id": "duty", "kind": "webhook", "url": "https://duty.example.org/hook" } ] }
            """, Ct);
        var sent = new ConcurrentBag<long>();
        ServiceProvider one = Node(database, rules, sent);
        ServiceProvider two = Node(database, rules, sent);
        try
        {
            await one.GetRequiredService<IStoreSchema>().MigrateAsync(Ct);
            List<IHostedService> started = [];
            foreach (ServiceProvider node in new[] { one, two })
            {
                foreach (IHostedService service in node.GetServices<IHostedService>())
                {
                    await service.StartAsync(Ct);
                    started.Add(service);
                }
            }

            const int Alarms = 12;
            Instant now = SystemClock.Instance.GetCurrentInstant();
            for (int i = 0; i < Alarms; i++)
            {
                Alarm alarm = new()
                {
                    RuleId = "so2", Kind = AlarmRuleKind.Exceedance, Subject = "OUT" + i, SubjectName = "排口" + i, Region = "510104",
                    Severity = AlarmSeverity.Critical, RaisedAt = now, FirstPeriod = now, LastPeriod = now, Hits = 1, Evidence = "{}",
                };
                OutboxMessage message = new() { ChannelId = "duty", DedupKey = "raised:duty", Event = "raised", Payload = "{}", CreatedAt = now, NextAttemptAt = now };
                await (i % 2 == 0 ? one : two).GetRequiredService<IAlarmStore>().SaveAsync(alarm, null, [message], Ct);
            }

            IAlarmStore store = one.GetRequiredService<IAlarmStore>();
            DateTime deadline = DateTime.UtcNow.AddSeconds(30);
            while (sent.Count < Alarms && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, Ct);
            }

            await Task.Delay(1000, Ct); // a duplicate send by the second node would arrive now
            foreach (IHostedService service in started)
            {
                await service.StopAsync(Ct);
            }

            Assert.Equal(Alarms, sent.Count);
            Assert.Equal(Alarms, sent.Distinct().Count());
            Assert.Empty(await store.DueNotificationsAsync(Instant.MaxValue, 100, Ct));
        }
        finally
        {
            await one.DisposeAsync();
            await two.DisposeAsync();
            await server.DropDatabaseAsync(database);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceProvider Node(string database, string rules, ConcurrentBag<long> sent)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Postgres:ConnectionString"] = database,
            ["Alarms:RulesFile"] = rules,
            ["Alarms:NotificationPollInterval"] = "00:00:00.050",
        }).Build());
        services.AddPostgresStorage();
        services.AddSingleton<StationRegistry>();
        services.AddAlarms();
        services.AddSingleton<INotificationSender>(new SlowSender(sent));
        return services.BuildServiceProvider();
    }

    /// <summary>Records what it sends; slow enough that an unlocked second dispatcher would read the same due messages.</summary>
    private sealed class SlowSender(ConcurrentBag<long> sent) : INotificationSender
    {
        public NotificationChannelKind Kind => NotificationChannelKind.Webhook;

        public async Task SendAsync(NotificationChannel channel, OutboxMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken);
            sent.Add(message.Id);
        }
    }
}
