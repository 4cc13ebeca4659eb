using System.Text.Json;
using EcoMonitor.Application.Audit;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Decorates an <see cref="IAlarmStepRecorder"/>: after the step is stored, records it in the hash-chained audit trail
/// (subject type <c>alarm</c>, action <c>alarm.&lt;step&gt;</c>, the step's actor, the workflow state before and after,
/// the step's details as the reason). Silent updates (no timeline step) are not recorded. A failed audit record
/// propagates to the caller: the step is stored but the caller is not told it succeeded (docs/audit.md).
/// </summary>
public sealed class AuditingAlarmStepRecorder(IAlarmStepRecorder inner, IAlarmStore store, IAuditTrail trail) : IAlarmStepRecorder
{
    /// <summary>The audit actor of steps the engine takes (actor <c>system</c> in the alarm timeline).</summary>
    public const string EngineActor = "system:alarms";

    /// <inheritdoc />
    public async Task<Alarm> RecordAsync(Alarm alarm, AlarmStep? timelineStep, IReadOnlyList<OutboxMessage> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        Alarm? before = timelineStep is not null && alarm.Id != 0 ? await store.GetAsync(alarm.Id, cancellationToken) : null;
        Alarm saved = await inner.RecordAsync(alarm, timelineStep, notifications, cancellationToken);
        if (timelineStep is null)
        {
            return saved;
        }

        string actor = string.IsNullOrWhiteSpace(timelineStep.Actor) || timelineStep.Actor == "system" ? EngineActor : timelineStep.Actor;
        await trail.RecordAsync(
            new AuditRecord(actor, "alarm." + timelineStep.Action, "alarm", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Before = AuditJson.Serialize(before is null ? null : StateOf(before)),
                After = AuditJson.Serialize(StateOf(saved)),
                Reason = IsJsonObjectWithContent(timelineStep.Detail) ? timelineStep.Detail : null,
            },
            cancellationToken);
        return saved;
    }

    private static object StateOf(Alarm a) => new
    {
        a.RuleId,
        a.Subject,
        Parameter = a.Parameter?.Value,
        a.Severity,
        a.State,
        a.IsActive,
        a.AssignedUnit,
        Deadline = a.Deadline?.ToString(),
        a.EscalationLevel,
        a.Hits,
        a.Recurrences,
        Peak = a.Peak,
        ClearedAt = a.ClearedAt?.ToString(),
        ClosedAt = a.ClosedAt?.ToString(),
        a.Version,
    };

    private static bool IsJsonObjectWithContent(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(detail);
            return document.RootElement.ValueKind != JsonValueKind.Object || document.RootElement.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
