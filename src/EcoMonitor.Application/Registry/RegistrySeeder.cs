using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// At start-up, reads the registry file (<see cref="RegistryOptions.StationsFile"/>) and upserts its valid stations
/// through the <see cref="StationRegistry"/> (store first, then snapshot). Each rejected entry is logged once; a
/// broken entry never keeps the good ones out. A missing file is logged and seeds nothing: the store keeps what it
/// has. Added and changed stations are recorded in the audit trail as done by <c>system:registry-seed</c>. Call <see cref="StationRegistry.LoadAsync"/> before seeding so that stations only in the store stay visible.
/// </summary>
public sealed class RegistrySeeder
{
    private readonly StationRegistry _registry;
    private readonly RegionCatalog _regions;
    private readonly RegistryOptions _options;
    private readonly ILogger<RegistrySeeder> _logger;

    /// <summary>Creates the seeder.</summary>
    public RegistrySeeder(StationRegistry registry, RegionCatalog regions, IOptions<RegistryOptions> options, ILogger<RegistrySeeder> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(regions);
        _regions = regions;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _registry = registry;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Reads the file and upserts its stations; returns what was done.</summary>
    public async Task<RegistrySeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        string path = _options.StationsFile;
        if (!File.Exists(path))
        {
            ApplicationLog.RegistryFileMissing(_logger, path);
            return new RegistrySeedResult(0, 0, []);
        }

        StationRegistryParseResult parsed;
        await using (FileStream stream = File.OpenRead(path))
        {
            parsed = StationRegistryFile.Parse(stream, _regions);
        }

        foreach (RegistryEntryError error in parsed.Errors)
        {
            ApplicationLog.RegistryEntryRejected(_logger, path, error.Index, error.Key, error.Field, error.Reason);
        }

        int added = parsed.Stations.Count == 0 ? 0 : await _registry.UpsertAsync(parsed.Stations, Audit.AuditActors.RegistrySeed, $"registry file {path}", cancellationToken);
        ApplicationLog.RegistrySeeded(_logger, path, parsed.Stations.Count, added, parsed.Errors.Count);
        return new RegistrySeedResult(parsed.Stations.Count, added, parsed.Errors);
    }
}
