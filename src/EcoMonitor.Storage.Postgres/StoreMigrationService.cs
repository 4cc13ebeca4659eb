using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;

namespace EcoMonitor.Storage.Postgres;

/// <summary>Applies pending schema migrations when the host starts, before later hosted services (the ingest writer) run.</summary>
internal sealed class StoreMigrationService(IStoreSchema schema) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schema.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
