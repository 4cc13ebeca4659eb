
namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The durable alarm rules (seeded from <c>config/alarm-rules.json</c>, managed through the API). Rules are kept as
/// their JSON document (<see cref="AlarmRuleDocument"/>), so the store needs no change when a rule gains a field.
/// Part of the store contract; thread-safe.
/// </summary>
public interface IAlarmRuleStore
{
    /// <summary>Every rule document by id (ordinal).</summary>
    Task<IReadOnlyList<StoredAlarmRule>> ListRulesAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces rules by id in one transaction.</summary>
    Task UpsertRulesAsync(IReadOnlyList<StoredAlarmRule> rules, CancellationToken cancellationToken);

    /// <summary>Deletes a rule; false when there was none.</summary>
    Task<bool> DeleteRuleAsync(string id, CancellationToken cancellationToken);
}
