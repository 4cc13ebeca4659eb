using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Runs partition maintenance (<see cref="PostgresStore.RunPartitionMaintenanceAsync"/>) every
/// <see cref="PostgresStorageOptions.MaintenanceInterval"/> on every node; the advisory lock inside makes one node
/// do it while the others skip.
/// </summary>
internal sealed class PartitionMaintenanceService(
    PostgresStore store, IOptions<PostgresStorageOptions> options, TimeProvider timeProvider, ILogger<PartitionMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RunPartitionMaintenanceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                PostgresLog.MaintenanceFailed(logger, exception);
            }
        }
    }
}
