using System.Diagnostics;
using System.Threading.Channels;
using EcoMonitor.Application.Configuration;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Runs <see cref="IConfigurationChanges.ListenAsync"/> in the background and keeps what it reports, in order, for a test
/// to wait on with a deadline. Stops listening when disposed.
/// </summary>
internal sealed class ReportedTopics : IAsyncDisposable
{
    private readonly Channel<ConfigurationTopic> _reported = Channel.CreateUnbounded<ConfigurationTopic>();
    private readonly CancellationTokenSource _stop;
    private readonly Task _listening;

    public ReportedTopics(IConfigurationChanges changes, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _listening = changes.ListenAsync((topic, _) => _reported.Writer.WriteAsync(topic, CancellationToken.None).AsTask(), _stop.Token);
    }

    /// <summary>The listening task (faults only on a bug: failures are retried by the store).</summary>
    public Task Listening => _listening;

    /// <summary>
    /// Reads reported topics until <paramref name="expected"/> has been seen (in any order, others in between allowed)
    /// and returns everything read; fails after <paramref name="deadline"/>.
    /// </summary>
    public async Task<List<ConfigurationTopic>> WaitForAsync(TimeSpan deadline, params ConfigurationTopic[] expected)
    {
        var missing = expected.ToList();
        var read = new List<ConfigurationTopic>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(deadline);
        var clock = Stopwatch.StartNew();
        try
        {
            while (missing.Count > 0)
            {
                ConfigurationTopic topic = await _reported.Reader.ReadAsync(timeout.Token);
                read.Add(topic);
                missing.Remove(topic);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            Assert.Fail($"Not reported within {clock.Elapsed}: {string.Join(", ", missing)}; reported: {string.Join(", ", read)}; listening: {_listening.Status}");
        }

        return read;
    }

    /// <summary>Whatever has been reported and not read yet.</summary>
    public List<ConfigurationTopic> Drain()
    {
        var read = new List<ConfigurationTopic>();
        while (_reported.Reader.TryRead(out ConfigurationTopic topic))
        {
            read.Add(topic);
        }

        return read;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _listening;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }
}
