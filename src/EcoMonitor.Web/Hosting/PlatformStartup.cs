using EcoMonitor.Application.Alarms;
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
/// registry file, loads the alarm rules (seeding them from the rule file) and seeds the sample permit limits, then
/// imports the sample files (CNEMC air history, surface-water values, the demonstration outlet) when configured and not
/// yet imported. The rules and limits come first so that the imports' values go through the alarms as any commit does
/// (docs/alarms.md); their station-days are queued for evaluation, quality checks and alarms, which the workers do once
/// the host runs — readiness waits for that work (docs/adr/0035). Registered before the web server, so stations never
/// connect to a half-started platform.
/// </summary>
internal sealed class PlatformStartup(
    IStoreSchema schema,
    StationRegistry registry,
    RegistrySeeder seeder,
    ParameterCatalog catalog,
    AlarmRuleSet alarmRules,
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
        await alarmRules.LoadAsync(cancellationToken);
        await SeedPermitLimitsAsync(samples.Value.PermitLimitsFile, cancellationToken);
        await ImportOnceAsync(samples.Value.HistoryFile, PeriodLabel.PeriodEnd, options => new CnemcWideCsvReader(options).ReadAsync, cancellationToken);
        await ImportOnceAsync(samples.Value.ObservationsFile, PeriodLabel.PeriodStart, options => new ObservationCsvReader(options).ReadAsync, cancellationToken);
        await ImportOnceAsync(samples.Value.DemonstrationFile, PeriodLabel.PeriodStart, options => new ObservationCsvReader(options).ReadAsync, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Seeds the limits of each registered outlet that has none in the store yet (audited as the samples' change).</summary>
    private async Task SeedPermitLimitsAsync(string? path, CancellationToken cancellationToken)
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

        List<string> errors = [];
        IReadOnlyList<PermitLimit> limits = PermitLimitFile.Parse(await File.ReadAllBytesAsync(path, cancellationToken), errors);
        int seeded = 0;
        foreach (IGrouping<StationId, PermitLimit> outlet in limits.GroupBy(l => l.Station))
        {
            if (!registry.TryGet(outlet.Key, out _))
            {
                errors.Add($"{outlet.Key}: not a registered station");
            }
            else if (alarmRules.Current.PermitsOfStation(outlet.Key).Count == 0)
            {
                await alarmRules.ReplacePermitLimitsAsync(outlet.Key, [.. outlet], AuditActors.Samples, cancellationToken);
                seeded++;
            }
        }

        foreach (string error in errors)
        {
            WebLog.PermitLimitRefused(logger, path, error);
        }

        WebLog.PermitLimitsSeeded(logger, path, seeded);
    }

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
