using EcoMonitor.Application.Access;
using EcoMonitor.Application.Security;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Security alarms (<see cref="AlarmRuleKind.Security"/>): a burst of credential failures raises an alarm of its
/// subject — the station (MN) whose password was tried, <c>user:&lt;name&gt;</c>, <c>api-key</c>, or
/// <c>address:&lt;ip&gt;</c> for one address trying many — through the same workflow, timeline, audit trail and
/// notifications as any alarm; a further burst while it is open updates it (recurs when it had cleared); it clears
/// when the rule's <see cref="AlarmRule.SilentMinutes"/> pass without one.
/// </summary>
public sealed partial class AlarmEngine
{
    /// <summary>Raises or updates the security alarms of <paramref name="bursts"/> under every enabled security rule that covers their subject.</summary>
    public async Task ProcessSecurityBurstsAsync(IReadOnlyList<SecurityBurst> bursts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bursts);
        AlarmRuleSnapshot snapshot = _rules.Current;
        foreach (SecurityBurst burst in bursts)
        {
            Station? station = !burst.IsByAddress && burst.Kind == SecurityEventKind.StationPasswordRejected
                && StationId.TryParse(burst.Key, out StationId id) && _registry.TryGet(id, out Station known) ? known : null;
            foreach (AlarmRule rule in snapshot.Index.TimerRules)
            {
                if (rule.Kind == AlarmRuleKind.Security && (station is null ? IsUnscoped(rule) : rule.Covers(station)))
                {
                    await RaiseSecurityAsync(rule, burst, station, snapshot, cancellationToken);
                }
            }
        }
    }

    private async Task RaiseSecurityAsync(AlarmRule rule, SecurityBurst burst, Station? station, AlarmRuleSnapshot snapshot, CancellationToken cancellationToken)
    {
        string subject = SecuritySubject(burst);
        Instant now = Now(_timeProvider);
        var detail = new SecurityBurstDetail(
            SecurityEventCodes.Action(burst.Kind), burst.IsByAddress ? "address" : "subject", burst.Key, burst.Failures,
            AlarmTime.Format(burst.FirstAt), AlarmTime.Format(burst.LastAt), burst.Others);
        Alarm? open = await _alarms.FindOpenAsync(subject, rule.Id, cancellationToken);
        if (open is null)
        {
            string evidence = Evidence(rule, null, null, [], [], TextEncoding.Utf8, detail);
            Alarm alarm = NewAlarm(rule, subject, station?.Name ?? burst.Key, station?.Region.Value ?? string.Empty, station?.Enterprise, null, now, evidence) with
            {
                FirstPeriod = burst.FirstAt, LastPeriod = burst.LastAt, Peak = burst.Failures, Hits = 1,
            };
            await RaiseAsync(alarm, rule, snapshot, now, detail, cancellationToken);
            return;
        }

        bool recurs = !open.IsActive;
        Alarm updated = open with
        {
            LastPeriod = Max(open.LastPeriod, burst.LastAt),
            Peak = Math.Max(open.Peak ?? 0m, burst.Failures),
            Hits = open.Hits + 1,
            IsActive = true,
            ClearedAt = null,
            Recurrences = recurs ? open.Recurrences + 1 : open.Recurrences,
        };
        await SaveAsync(
            updated,
            Step(updated, recurs ? "recurred" : "burst", now, detail),
            recurs ? NotificationPlanner.Plan(updated, rule, $"recurred-{updated.Recurrences}", snapshot, now) : [],
            cancellationToken);
    }

    /// <summary>Clears the rule's active security alarms whose last burst is older than its quiet period.</summary>
    private async Task ClearQuietSecurityAsync(AlarmRule rule, Instant now, CancellationToken cancellationToken)
    {
        IReadOnlyList<Alarm> open = await _alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, IsOpen = true, RuleId = rule.Id, Limit = int.MaxValue }, cancellationToken);
        foreach (Alarm alarm in open)
        {
            if (alarm.IsActive && now - alarm.LastPeriod >= Duration.FromMinutes(rule.SilentMinutes))
            {
                await ClearAsync(alarm, now, new SecurityQuiet(rule.SilentMinutes, AlarmTime.Format(alarm.LastPeriod)), cancellationToken);
            }
        }
    }

    private static bool IsUnscoped(AlarmRule rule) => rule.Station is null && rule.StationType is null && rule.Region is null;

    private static string SecuritySubject(SecurityBurst burst) =>
        burst.IsByAddress ? "address:" + burst.Key
        : burst.Kind switch
        {
            SecurityEventKind.StationPasswordRejected => burst.Key,
            SecurityEventKind.ApiKeyRejected => "api-key",
            _ => "user:" + burst.Key,
        };
}
