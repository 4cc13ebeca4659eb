using System.Text.Json;
using EcoMonitor.Application.Audit;
using EcoMonitor.Domain;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The live alarm configuration: rules (durable in <see cref="IAlarmRuleStore"/>, seeded from the rule file),
/// notification channels (from the rule file) and permit limits (<see cref="IPermitLimitStore"/>). Readers get an
/// immutable snapshot (<see cref="Current"/>, swapped atomically); writers are serialised by a semaphore and write the
/// store before the snapshot changes. Every change of a rule or of an outlet's permit limits — and every rule seeded from
/// the file — is recorded in the audit trail (before and after) right after the store write.
/// </summary>
public sealed class AlarmRuleSet : IDisposable
{
    private readonly IAlarmRuleStore _rules;
    private readonly IPermitLimitStore _permits;
    private readonly IAuditTrail _audit;
    private readonly AlarmOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AlarmRuleSet> _logger;
    private const string SubjectType = "alarm-rule";
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IReadOnlyDictionary<string, NotificationChannel> _channels = new Dictionary<string, NotificationChannel>();
    private volatile AlarmRuleSnapshot _current = AlarmRuleSnapshot.Empty;

    /// <summary>Creates the set (empty until <see cref="LoadAsync"/>).</summary>
    public AlarmRuleSet(
        IAlarmRuleStore rules, IPermitLimitStore permits, IAuditTrail audit, IOptions<AlarmOptions> options, TimeProvider timeProvider, ILogger<AlarmRuleSet> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = rules;
        _permits = permits;
        _audit = audit;
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
                    await _audit.RecordAsync(
                        [.. fresh.Select(r => new AuditRecord(AuditActors.RuleSeed, "alarm-rule.seeded", SubjectType, r.Id) { After = r.Json, Reason = path })],
                        cancellationToken);
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

    /// <summary>
    /// Validates and stores a rule (insert or replace by id) as done by <paramref name="actor"/>; returns the problems,
    /// empty when stored.
    /// </summary>
    public async Task<IReadOnlyList<string>> UpsertAsync(AlarmRuleDocument document, string actor, CancellationToken cancellationToken)
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

        StoredAlarmRule stored = ToStored(rule);
        await WriteAsync(
            async () =>
            {
                string? before = _current.RulesById.TryGetValue(rule.Id, out AlarmRule? old) ? Json(old) : null;
                await _rules.UpsertRulesAsync([stored], cancellationToken);
                string after = Json(rule);
                return before == after ? null : new AuditRecord(actor, before is null ? "alarm-rule.created" : "alarm-rule.changed", SubjectType, rule.Id) { Before = before, After = after };
            },
            cancellationToken);
        return [];
    }

    /// <summary>Deletes a rule as done by <paramref name="actor"/>; false when there was none. Open alarms of the rule stay (their evidence holds the rule).</summary>
    public async Task<bool> DeleteAsync(string id, string actor, CancellationToken cancellationToken)
    {
        bool deleted = false;
        await WriteAsync(
            async () =>
            {
                string? before = _current.RulesById.TryGetValue(id, out AlarmRule? old) ? Json(old) : null;
                deleted = await _rules.DeleteRuleAsync(id, cancellationToken);
                return deleted ? new AuditRecord(actor, "alarm-rule.deleted", SubjectType, id) { Before = before } : null;
            },
            cancellationToken);
        return deleted;
    }

    /// <summary>Replaces the permit limits of a station as done by <paramref name="actor"/>.</summary>
    public Task ReplacePermitLimitsAsync(StationId station, IReadOnlyList<PermitLimit> limits, string actor, CancellationToken cancellationToken) =>
        WriteAsync(
            async () =>
            {
                string? before = PermitJson(_current.PermitsOfStation(station));
                await _permits.ReplacePermitLimitsAsync(station, limits, cancellationToken);
                string? after = PermitJson(limits);
                return before == after ? null : new AuditRecord(actor, "permit-limits.changed", "station", station.Value) { Before = before, After = after };
            },
            cancellationToken);

    /// <summary>
    /// Reads the rules and permit limits again from the store and publishes them (the channels stay those of the rule
    /// file): what another node or the CLI wrote becomes this node's snapshot. Serialised with this node's writes.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await ReloadAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writeGate.Dispose();

    /// <summary>Runs a store write (which returns its audit record, null when nothing changed), reloads, then records the change.</summary>
    private async Task WriteAsync(Func<Task<AuditRecord?>> write, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            AuditRecord? change = await write();
            await ReloadAsync(cancellationToken);
            if (change is not null)
            {
                await _audit.RecordAsync(change, cancellationToken);
            }
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

    private static string Json(AlarmRule rule) => JsonSerializer.Serialize(AlarmRuleDocument.From(rule), AlarmRuleReader.Json);

    private static string? PermitJson(IReadOnlyList<PermitLimit> limits) =>
        limits.Count == 0 ? null : AuditJson.Serialize(limits.OrderBy(l => l.Parameter.Value, StringComparer.Ordinal)
            .Select(l => new { parameter = l.Parameter.Value, limit = l.Limit, permitNumber = l.PermitNumber }).ToArray());

    private StoredAlarmRule ToStored(AlarmRule rule) =>
        new(rule.Id, JsonSerializer.Serialize(AlarmRuleDocument.From(rule), AlarmRuleReader.Json), Instant.FromDateTimeOffset(_timeProvider.GetUtcNow()));
}
