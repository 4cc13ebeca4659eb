using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Cli.Bench;

/// <summary>
/// Guesses one station's password from one loopback address over several connections for a fixed time, each
/// connection keeping a window of wrong passwords in flight (1: send, wait for the refusal, send the next), and reports
/// how many guesses were answered and when; then, optionally, sends the right password from the same address and times its answer.
/// </summary>
internal sealed class PasswordBench(PasswordBenchOptions options, BenchStation station, TimeProvider time)
{
    private const int PasswordError = 3;
    private int _sequence;

    /// <summary>Runs the guessing against <paramref name="endPoint"/>; every connection is closed when it returns.</summary>
    public async Task<PasswordBenchResult> RunAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        using var guessing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guessing.CancelAfter(options.Duration);
        List<TimeSpan>[] answered = await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => GuessAsync(endPoint, elapsed, guessing.Token, cancellationToken)));
        TimeSpan[] times = [.. answered.SelectMany(a => a).Order()];
        (TimeSpan Wait, int Command)? right = options.ThenRight ? await RightAsync(endPoint, cancellationToken) : null;
        return new PasswordBenchResult(station.Id.Value, options.Duration, times, right?.Wait, right?.Command);
    }

    private async Task<List<TimeSpan>> GuessAsync(IPEndPoint endPoint, Stopwatch elapsed, CancellationToken guessing, CancellationToken cancellationToken)
    {
        List<TimeSpan> answeredAt = [];
        using Socket socket = await ConnectAsync(endPoint, cancellationToken);
        using SemaphoreSlim window = new(options.Window, options.Window);
        Task sending = SendGuessesAsync(socket, window, guessing);
        ReplyReader replies = new(socket);
        try
        {
            while (await replies.ReadAsync(guessing) is { } reply)
            {
                if (reply is (9011, PasswordError))
                {
                    answeredAt.Add(elapsed.Elapsed);
                }

                window.Release();
            }
        }
        catch (OperationCanceledException) when (guessing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The time is up; guesses in flight are not counted.
        }
        catch (SocketException)
        {
            // The server closed the connection (e.g. it idled out while waiting its turn).
        }

        try
        {
            await sending;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException)
        {
            // Ended with the time or the connection.
        }

        return answeredAt;
    }

    /// <summary>Sends wrong passwords, at most <see cref="PasswordBenchOptions.Window"/> unanswered at a time.</summary>
    private async Task SendGuessesAsync(Socket socket, SemaphoreSlim window, CancellationToken guessing)
    {
        while (!guessing.IsCancellationRequested)
        {
            await window.WaitAsync(guessing);
            int n = Interlocked.Increment(ref _sequence);
            await socket.SendAsync(Frame(station with { Password = string.Create(CultureInfo.InvariantCulture, $"guess{n:D6}") }, n), SocketFlags.None, guessing);
        }
    }

    private async Task<(TimeSpan Wait, int Command)> RightAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        using Socket socket = await ConnectAsync(endPoint, cancellationToken);
        ReplyReader replies = new(socket);
        var waited = Stopwatch.StartNew();
        await socket.SendAsync(Frame(station, Interlocked.Increment(ref _sequence)), SocketFlags.None, cancellationToken);
        (int Command, int ReturnCode)? reply = await replies.ReadAsync(cancellationToken);
        return (waited.Elapsed, reply?.Command ?? 0);
    }

    private async Task<Socket> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        Socket socket = new(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse(options.Source), 0));
            await socket.ConnectAsync(endPoint, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private byte[] Frame(BenchStation sender, int n)
    {
        LocalDateTime now = ChinaTime.ToLocal(Instant.FromDateTimeOffset(time.GetUtcNow()));
        string qn = now.PlusMilliseconds(n).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        return BenchFrame.Create(sender, qn, now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }
}
