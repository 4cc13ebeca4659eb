using EcoMonitor.Application.Configuration;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// <see cref="IConfigurationChanges"/> on PostgreSQL: LISTEN on the channels of <see cref="ConfigurationChannels"/> on an
/// unpooled connection of its own (ADR 0028).
/// </summary>
internal sealed class PostgresConfigurationChanges(PostgresDatabase db, IStoreHealth health, ILogger<PostgresConfigurationChanges> logger) : IConfigurationChanges
{
    /// <summary>The <c>application_name</c> of the listening connection (seen in <c>pg_stat_activity</c>).</summary>
    public const string ListenerApplicationName = "ecomonitor-configuration-listener";

    private static readonly TimeSpan FirstListenRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastListenRetry = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    /// <remarks>
    /// LISTENs on every <see cref="ConfigurationChannels"/> channel on a connection of its own, outside the pool (a pooled
    /// connection would carry the LISTEN to its next user), with a keep-alive every 10 s so that a lost server or network
    /// is noticed while idle. After each LISTEN every topic is reported (catch-up); then each notification's topic,
    /// coalesced per wake-up. A failure — the connection, or <paramref name="changed"/> — is logged (the database being
    /// away as one warning per outage, <see cref="StoreOutageLog"/>), then listening starts again after 1 s, doubling up
    /// to 30 s while it keeps failing.
    /// </remarks>
    public async Task ListenAsync(Func<ConfigurationTopic, CancellationToken, Task> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        TimeSpan retry = FirstListenRetry;
        var outage = new StoreOutageLog(health, logger, "configuration listener");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString());
                var pending = new HashSet<ConfigurationTopic>();
                connection.Notification += (_, notification) =>
                {
                    // Raised inside Wait/Execute on this flow, never concurrently with the loop below.
                    if (ConfigurationChannels.TryGetTopic(notification.Channel, out ConfigurationTopic topic))
                    {
                        pending.Add(topic);
                    }
                };
                await connection.OpenAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(ConfigurationChannels.ListenStatement, connection))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                PostgresLog.ConfigurationListening(logger, ConfigurationChannels.Names);
                outage.Succeeded();

                // Catch-up: whatever was committed while nobody listened is read again in full.
                pending.Clear();
                foreach ((_, ConfigurationTopic topic) in ConfigurationChannels.All)
                {
                    await changed(topic, cancellationToken);
                }

                retry = FirstListenRetry;
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                    ConfigurationTopic[] topics = [.. pending.Order()];
                    pending.Clear();
                    foreach (ConfigurationTopic topic in topics)
                    {
                        await changed(topic, cancellationToken);
                    }
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The database away: one warning for the outage; anything else with its stack.
                if (!outage.TryLogUnavailable(exception))
                {
                    PostgresLog.ConfigurationListenerFailed(logger, exception, retry);
                }

                await Task.Delay(retry, db.TimeProvider, cancellationToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastListenRetry.Ticks));
            }
        }
    }

    private string ListenerConnectionString() => new NpgsqlConnectionStringBuilder(db.Options.ConnectionString)
    {
        Pooling = false,
        KeepAlive = 10,
        ApplicationName = ListenerApplicationName,
    }.ConnectionString;
}
