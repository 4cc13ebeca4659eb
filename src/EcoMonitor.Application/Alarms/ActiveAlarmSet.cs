using System.Collections.Concurrent;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// The (subject, rule) pairs whose alarm is open and active, so a normal value is evaluated only when it may clear
/// one. Thread-safe (a concurrent dictionary); maintained by the engine, loaded from the store at start.
/// </summary>
public sealed class ActiveAlarmSet
{
    private readonly ConcurrentDictionary<(string Subject, string RuleId), byte> _active = new();

    /// <summary>Number of active alarms.</summary>
    public int Count => _active.Count;

    /// <summary>True when the pair has an active alarm.</summary>
    public bool Contains(string subject, string ruleId) => _active.ContainsKey((subject, ruleId));

    /// <summary>Records the pair's alarm as active or not.</summary>
    public void Set(string subject, string ruleId, bool isActive)
    {
        if (isActive)
        {
            _active[(subject, ruleId)] = 0;
        }
        else
        {
            _active.TryRemove((subject, ruleId), out _);
        }
    }

    /// <summary>Replaces the whole set.</summary>
    public void Reset(IEnumerable<(string Subject, string RuleId)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _active.Clear();
        foreach ((string subject, string ruleId) in pairs)
        {
            _active[(subject, ruleId)] = 0;
        }
    }
}
