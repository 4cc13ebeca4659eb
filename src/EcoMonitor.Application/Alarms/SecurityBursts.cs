using System.Collections.Concurrent;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Application.Alarms;

/// <summary>
/// Hears bursts of security failures (<see cref="ISecurityBurstListener"/>) and holds them for <see cref="AlarmWorker"/>,
/// which raises or updates the security alarms (<see cref="AlarmEngine.ProcessSecurityBurstsAsync"/>). Bounded: beyond
/// <see cref="Capacity"/> waiting bursts further ones are dropped (each burst is in the audit trail anyway, and an open
/// alarm of the subject already stands). Thread-safe.
/// </summary>
public sealed class SecurityBursts : ISecurityBurstListener
{
    /// <summary>Bursts held at most.</summary>
    public const int Capacity = 1000;

    private readonly ConcurrentQueue<SecurityBurst> _bursts = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when bursts are waiting.</summary>
    public Task Pending
    {
        get
        {
            lock (_gate)
            {
                return _signal.Task;
            }
        }
    }

    /// <inheritdoc />
    public void OnBurst(SecurityBurst burst)
    {
        ArgumentNullException.ThrowIfNull(burst);
        if (_bursts.Count >= Capacity)
        {
            return;
        }

        _bursts.Enqueue(burst);
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    /// <summary>Takes every waiting burst (and resets <see cref="Pending"/>).</summary>
    public IReadOnlyList<SecurityBurst> TakeAll()
    {
        lock (_gate)
        {
            if (_signal.Task.IsCompleted)
            {
                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        var taken = new List<SecurityBurst>();
        while (_bursts.TryDequeue(out SecurityBurst? burst))
        {
            taken.Add(burst);
        }

        return taken;
    }

    /// <summary>Puts bursts back (a failed pass retries them).</summary>
    public void Requeue(IEnumerable<SecurityBurst> bursts)
    {
        ArgumentNullException.ThrowIfNull(bursts);
        foreach (SecurityBurst burst in bursts)
        {
            OnBurst(burst);
        }
    }
}
