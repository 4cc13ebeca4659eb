namespace EcoMonitor.Application.Alarms;

/// <summary>Wakes the notification dispatcher when new messages are queued (instead of waiting for its next poll). Thread-safe.</summary>
public sealed class NotificationWakeup
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Signals the dispatcher.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    /// <summary>Waits until woken or <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            signal = _signal.Task;
        }

        try
        {
            await signal.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The poll interval passed: look at the outbox anyway.
        }

        lock (_gate)
        {
            if (_signal.Task.IsCompleted)
            {
                _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
