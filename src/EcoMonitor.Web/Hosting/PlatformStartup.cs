using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Import;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Brings the platform up before any port opens: migrates the store, loads the registry, seeds it from the
/// registry file, and imports the sample files (CNEMC air history, surface-water values) when configured and not yet imported (its station-days are queued for
/// evaluation, which the evaluation worker does once the host runs). Registered before the
/// web server, so stations never connect to a half-started platform.
/// </summary>
internal sealed class PlatformStartup(
    IStoreSchema schema,
    StationRegistry registry,
    RegistrySeeder seeder,
    ParameterCatalog catalog,
    IObservationStore observations,
    ObservationImporter importer,
    IOptions<SampleDataOptions> samples,
    TimeProvider time,
    ILogger<PlatformStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await schema.MigrateAsync(cancellationToken);
        await registry.LoadAsync(cancellationToken);
        await seeder.SeedAsync(cancellationToken);
        await ImportOnceAsync(samples.Value.HistoryFile, PeriodLabel.PeriodEnd, options => new CnemcWideCsvReader(options).ReadAsync, cancellationToken);
        await ImportOnceAsync(samples.Value.ObservationsFile, PeriodLabel.PeriodStart, options => new ObservationCsvReader(options).ReadAsync, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportOnceAsync(
        string? path, PeriodLabel label, Func<ImportOptions, Func<TextReader, CancellationToken, IAsyncEnumerable<ImportItem>>> reader,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        if (!File.Exists(path))
        {
            WebLog.SampleHistoryMissing(logger, path);
            return;
        }

        ImportOptions options = new()
        {
            ReceivedAt = time.GetUtcNow().ToInstant(),
            Source = ObservationSource.Import,
            PeriodLabel = label,
            Catalog = catalog,
            IsKnownStation = id => registry.TryGet(id, out _),
        };
        Func<TextReader, CancellationToken, IAsyncEnumerable<ImportItem>> read = reader(options);
        if (await IsImportedAsync(read(ImportText.OpenFile(path), cancellationToken), cancellationToken))
        {
            return;
        }

        ImportReport report = await importer.ImportAsync(read(ImportText.OpenFile(path), cancellationToken), new ImportOrigin(AuditActors.Samples, Path.GetFileName(path)), null, cancellationToken);
        WebLog.SampleHistoryImported(logger, path, report.Stored.Inserted, report.ErrorCount);
    }

    private async Task<bool> IsImportedAsync(IAsyncEnumerable<ImportItem> items, CancellationToken cancellationToken)
    {
        await foreach (ImportItem item in items.WithCancellation(cancellationToken))
        {
            if (item.Observation is { } first)
            {
                IReadOnlyList<ObservationRevision> history = await observations.HistoryAsync(ObservationKey.Of(first), cancellationToken);
                return history.Count > 0;
            }
        }

        return true;
    }
}
