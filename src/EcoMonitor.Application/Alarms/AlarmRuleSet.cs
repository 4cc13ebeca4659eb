using System.Text.Json;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The live alarm configuration: rules (durable in <see cref="IAlarmRuleStore"/>, seeded from the rule file),
/// notification channels (from the rule file) and permit limits (<see cref="IPermitLimitStore"/>). Readers get an
/// immutable snapshot (<see cref="Current"/>, swapped atomically); writers are serialised by a semaphore and write the
/// store before the snapshot changes.
/// </summary>
public sealed class AlarmRuleSet : IDisposable
{
    private readonly IAlarmRuleStore _rules;
    private readonly IPermitLimitStore _permits;
    private readonly AlarmOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AlarmRuleSet> _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IReadOnlyDictionary<string, NotificationChannel> _channels = new Dictionary<string, NotificationChannel>();
    private volatile AlarmRuleSnapshot _current = AlarmRuleSnapshot.Empty;

    /// <summary>Creates the set (empty until <see cref="LoadAsync"/>).</summary>
    public AlarmRuleSet(IAlarmRuleStore rules, IPermitLimitStore permits, IOptions<AlarmOptions> options, TimeProvider timeProvider, ILogger<AlarmRuleSet> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = rules;
        _permits = permits;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The current snapshot.</summary>
    public AlarmRuleSnapshot Current => _current;

    /// <summary>Seeds rules from the rule file that the store does not have yet, reads channels, loads everything.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            int seeded = 0;
            string path = _options.RulesFile;
            if (!string.IsNullOrWhiteSpace(path))
            {
                if (File.Exists(path))
                {
                    AlarmConfiguration file;
                    await using (FileStream stream = File.OpenRead(path))
                    {
                        file = AlarmRuleReader.ReadFile(stream);
                    }

                    foreach (string problem in file.Errors)
                    {
                        ApplicationLog.AlarmRuleFileProblem(_logger, path, problem);
                    }

                    _channels = file.Channels.ToDictionary(c => c.Id, StringComparer.Ordinal);
                    var known = (await _rules.ListRulesAsync(cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                    StoredAlarmRule[] fresh = file.Rules.Where(r => !known.Contains(r.Id)).Select(ToStored).ToArray();
                    await _rules.UpsertRulesAsync(fresh, cancellationToken);
                    seeded = fresh.Length;
                }
                else
                {
                    ApplicationLog.AlarmRuleFileProblem(_logger, path, "file not found; no rules seeded");
                }
            }

            await ReloadAsync(cancellationToken);
            ApplicationLog.AlarmRulesLoaded(_logger, _current.Index.Rules.Count, _channels.Count, _current.PermitCount, seeded, path);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Validates and stores a rule (insert or replace by id); returns the problems, empty when stored.</summary>
    public async Task<IReadOnlyList<string>> UpsertAsync(AlarmRuleDocument document, CancellationToken cancellationToken)
    {
        List<string> errors = [];
        AlarmRule? rule = AlarmRuleReader.Read(document, "rule", errors);
        if (rule is not null)
        {
            foreach (string channel in rule.Channels.Where(c => !_channels.ContainsKey(c)))
            {
                errors.Add($"rule '{rule.Id}' channels: '{channel}' is not a configured channel ({string.Join(", ", _channels.Keys)})");
            }
        }

        if (errors.Count > 0 || rule is null)
        {
            return errors;
        }

        await WriteAsync(() => _rules.UpsertRulesAsync([ToStored(rule)], cancellationToken), cancellationToken);
        return [];
    }

    /// <summary>Deletes a rule; false when there was none. Open alarms of the rule stay (their evidence holds the rule).</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        bool deleted = false;
        await WriteAsync(async () => deleted = await _rules.DeleteRuleAsync(id, cancellationToken), cancellationToken);
        return deleted;
    }

    /// <summary>Replaces the permit limits of a station.</summary>
    public Task ReplacePermitLimitsAsync(StationId station, IReadOnlyList<PermitLimit> limits, CancellationToken cancellationToken) =>
        WriteAsync(() => _permits.ReplacePermitLimitsAsync(station, limits, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _writeGate.Dispose();

    private async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await write();
            await ReloadAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        List<AlarmRule> rules = [];
        foreach (StoredAlarmRule stored in await _rules.ListRulesAsync(cancellationToken))
        {
            List<string> errors = [];
            AlarmRuleDocument? document = JsonSerializer.Deserialize<AlarmRuleDocument>(stored.Json, AlarmRuleReader.Json);
            if (document is not null && AlarmRuleReader.Read(document, "stored rule", errors) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                ApplicationLog.AlarmRuleFileProblem(_logger, "store", string.Join("; ", errors));
            }
        }

        IReadOnlyList<PermitLimit> permits = await _permits.ListPermitLimitsAsync(cancellationToken);
        _current = new AlarmRuleSnapshot(rules, _channels, permits);
    }

    private StoredAlarmRule ToStored(AlarmRule rule) =>
        new(rule.Id, JsonSerializer.Serialize(AlarmRuleDocument.From(rule), AlarmRuleReader.Json), Instant.FromDateTimeOffset(_timeProvider.GetUtcNow()));
}
