using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcoMonitor.Testing;

/// <summary>
/// A tiny SMTP receiver on a loopback port (RFC 5321's minimum: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, no
/// TLS, no auth) that keeps every message it accepts. Test infrastructure at the process edge, like
/// <see cref="FakeStation"/>: the product's real SMTP client talks to it over a real socket.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <summary>Starts listening on 127.0.0.1 at a free port.</summary>
    public SmtpSink()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>Messages received: envelope recipients and the DATA text (headers and body, dot-unstuffed).</summary>
    public ConcurrentQueue<(string From, IReadOnlyList<string> To, string Data)> Messages { get; } = new();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (SocketException)
        {
            // Stopped while accepting.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                using StreamReader reader = new(stream, new UTF8Encoding(false), leaveOpen: true);
                await using StreamWriter writer = new(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 sink.local ESMTP test sink");
                string from = string.Empty;
                List<string> to = [];
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    string verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync("250-sink.local\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 sink.local");
                            break;
                        case "MAIL":
                            from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                            to = [];
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            StringBuilder data = new();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            Messages.Enqueue((from, to, data.ToString()));
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (IOException)
            {
                // The client went away.
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
    }
}
