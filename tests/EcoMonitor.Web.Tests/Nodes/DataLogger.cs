using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using NodaTime;

namespace EcoMonitor.Web.Tests.Nodes;

/// <summary>
/// A station's data logger (数采仪) on one loopback port, sending continuously: hour frames (CN 2061, acknowledgement
/// asked), hour after hour from 2025-01-01 00:00, the next one <see cref="Pace"/> after the last was acknowledged with
/// 9014. It keeps every acknowledged frame. When its connection is lost, or no answer comes within
/// <see cref="ReplyTimeout"/>, it connects again after <see cref="ReconnectPause"/> and resends the frame it has no
/// acknowledgement for, with the same QN, as deployed loggers do; an answer other than its 9014 is kept as a refusal and
/// the frame sent again after the pause. Stopping lets the frame in flight be acknowledged first; disposing breaks off.
/// The lists are read from any thread (guarded by one lock); the sending runs on one task.
/// </summary>
internal sealed class DataLogger : IAsyncDisposable
{
    /// <summary>Time between an acknowledgement and the next frame.</summary>
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an answer may take (a loaded 2-core machine) before the connection is given up.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Time between a lost connection (or a refusal) and the next attempt.</summary>
    public static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(100);

    private static readonly LocalDateTime FirstHour = new(2025, 1, 1, 0, 0);

    private readonly int _port;
    private readonly Func<int, (string Code, string Value)[]> _valuesOfHour;
    private readonly List<Acknowledgement> _acknowledged = [];
    private readonly List<string> _refusals = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort;
    private readonly Task _sending;
    private int _connections;
    private int _resends;

    /// <summary>Starts sending the values <paramref name="valuesOfHour"/> gives for hour 0, 1, … as station <paramref name="mn"/>.</summary>
    public DataLogger(string mn, int port, Func<int, (string Code, string Value)[]> valuesOfHour, CancellationToken cancellationToken)
    {
        Mn = mn;
        _port = port;
        _valuesOfHour = valuesOfHour;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sending = Task.Run(SendAsync, CancellationToken.None);
    }

    /// <summary>The station's MN.</summary>
    public string Mn { get; }

    /// <summary>Connections opened so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Frames sent again (after a lost connection, a silence or a refusal) so far.</summary>
    public int Resends => Volatile.Read(ref _resends);

    /// <summary>The frames acknowledged so far, in order.</summary>
    public IReadOnlyList<Acknowledgement> Acknowledged
    {
        get
        {
            lock (_acknowledged)
            {
                return [.. _acknowledged];
            }
        }
    }

    /// <summary>The answers that were not the frame's 9014, as text.</summary>
    public IReadOnlyList<string> Refusals
    {
        get
        {
            lock (_acknowledged)
            {
                return [.. _refusals];
            }
        }
    }

    /// <summary>
    /// The frames acknowledged on connections opened after <paramref name="timestamp"/> (<see cref="Stopwatch.GetTimestamp"/>;
    /// 0: all of them). Throws what the sending failed with, if it did, so that a wait for acknowledgements ends with it.
    /// </summary>
    public int AcknowledgedSince(long timestamp)
    {
        if (_sending.Exception?.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return Acknowledged.Count(a => a.ConnectedAt > timestamp);
    }

    /// <summary>
    /// Sends no new frame, waits until the one in flight is acknowledged, and returns; throws what the sending failed with,
    /// or <see cref="TimeoutException"/> when the frame in flight is still unacknowledged after <paramref name="patience"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan patience)
    {
        await _stopping.CancelAsync();
        if (await Task.WhenAny(_sending, Task.Delay(patience, CancellationToken.None)) != _sending)
        {
            throw new TimeoutException($"{Mn}: the frame in flight was not acknowledged within {patience} of stopping ({Refusals.Count} refusals).");
        }

        await _sending;
    }

    /// <summary>
    /// Breaks off the sending (a frame in flight stays unacknowledged) and waits until it has ended. What it failed with is
    /// reported by <see cref="StopAsync"/>; a test that never got there has failed already.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await Task.WhenAny(_sending);
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task SendAsync()
    {
        CancellationToken abort = _abort.Token;
        FakeStation? connection = null;
        long connectedAt = 0;
        try
        {
            for (int hour = 0; !_stopping.IsCancellationRequested; hour++)
            {
                string qn = Frames.NextQn();
                string dataTime = FirstHour.PlusHours(hour).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
                (string Code, string Value)[] values = _valuesOfHour(hour);
                byte[] frame = Frames.Hour(Mn, qn, dataTime, values);
                for (int attempt = 1; ; attempt++)
                {
                    if (attempt > 1)
                    {
                        Interlocked.Increment(ref _resends);
                    }

                    if (connection is null)
                    {
                        connection = await ConnectAsync(abort);
                        connectedAt = Stopwatch.GetTimestamp();
                        Interlocked.Increment(ref _connections);
                    }

                    byte[]? reply = await ExchangeAsync(connection, frame, abort);
                    if (reply is null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                        await Task.Delay(ReconnectPause, abort);
                        continue;
                    }

                    (int command, string replyQn, int returnCode, string _) = Frames.Read(reply);
                    if (command == 9014 && replyQn == qn)
                    {
                        lock (_acknowledged)
                        {
                            _acknowledged.Add(new Acknowledgement(dataTime, qn, values, connectedAt, Stopwatch.GetTimestamp()));
                        }

                        break;
                    }

                    lock (_acknowledged)
                    {
                        _refusals.Add(string.Create(CultureInfo.InvariantCulture, $"{dataTime} QN {qn}: CN {command} QN {replyQn} QnRtn {returnCode}"));
                    }

                    await Task.Delay(ReconnectPause, abort);
                }

                await Task.Delay(Pace, abort);
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<FakeStation> ConnectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await FakeStation.ConnectAsync(_port, cancellationToken);
            }
            catch (SocketException)
            {
                await Task.Delay(ReconnectPause, cancellationToken);
            }
        }
    }

    /// <summary>Sends the frame and reads the answer; null when the connection is lost or silent.</summary>
    private static async Task<byte[]?> ExchangeAsync(FakeStation connection, byte[] frame, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync(frame, cancellationToken);
        }
        catch (IOException)
        {
            return null;
        }

        return await connection.ReadReplyAsync(ReplyTimeout, cancellationToken);
    }

    /// <summary>A frame acknowledged with 9014: its hour (DataTime), QN and values; when its connection opened and when the acknowledgement came (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public sealed record Acknowledgement(string DataTime, string Qn, (string Code, string Value)[] Values, long ConnectedAt, long AcknowledgedAt);
}
