using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Application.Work;

/// <summary>
/// What staff do with set-aside work (docs/adr/0027): list it, and put a station-day back — recorded in the audit trail
/// (<c>work.retried</c>, before = the set-aside record) and handed to this node's worker of its kind, which works on the
/// whole day again from what the store holds. Thread-safe.
/// </summary>
public sealed class SetAsideWorkService(IPendingWorkStore store, IAuditTrail trail, IEnumerable<IPendingWork> queues)
{
    private readonly IPendingWork[] _queues = [.. queues];

    /// <summary>Set-aside work, earliest first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<SetAsideWork>> ListAsync(int limit, CancellationToken cancellationToken) => store.SetAsideAsync(limit, cancellationToken);

    /// <summary>How many station-days each kind has set aside.</summary>
    public Task<IReadOnlyDictionary<WorkKind, long>> CountAsync(CancellationToken cancellationToken) => store.CountSetAsideAsync(cancellationToken);

    /// <summary>Puts set-aside work <paramref name="id"/> back on behalf of <paramref name="actor"/>; null when there is none with that id.</summary>
    public async Task<RetriedWork?> RetryAsync(long id, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        RetriedWork? retried = await store.RetryAsync(id, cancellationToken);
        if (retried is null)
        {
            return null;
        }

        SetAsideWork item = retried.Item;
        await trail.RecordAsync(
            new AuditRecord(actor, "work.retried", "work", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Before = AuditJson.Serialize(new
                {
                    kind = StoreCodes.ToCode(item.Kind), station = item.Day.Station.Value, interval = StoreCodes.ToCode(item.Day.Interval),
                    day = item.Day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), attempts = item.Attempts, error = item.Error,
                    since = item.Since.ToString(),
                }),
            },
            cancellationToken);
        if (retried.Pending is { } pending)
        {
            // This node's worker takes it up at once; otherwise a sweep of any node does.
            Array.Find(_queues, q => q.Kind == item.Kind)?.Replay(pending);
        }

        return retried;
    }
}
