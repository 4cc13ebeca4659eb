using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcoMonitor.Testing;

/// <summary>
/// A tiny SMTP receiver on a loopback port (RFC 5321's minimum: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, no
/// TLS) that keeps every message it accepts. Given a user and password it requires SMTP AUTH (RFC 4954) with PLAIN
/// (RFC 4616, initial response or after a 334) or LOGIN, and refuses MAIL before it with 530. Test infrastructure at the
/// process edge, like <see cref="FakeStation"/>: the product's real SMTP client talks to it over a real socket.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly string? _user;
    private readonly string? _password;

    /// <summary>Starts listening on 127.0.0.1 at a free port; with <paramref name="user"/> and <paramref name="password"/> it requires authentication.</summary>
    public SmtpSink(string? user = null, string? password = null)
    {
        _user = user;
        _password = password;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>Authentication attempts: the mechanism, the user name given and whether it was accepted.</summary>
    public ConcurrentQueue<(string Mechanism, string User, bool IsAccepted)> Logins { get; } = new();

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
                bool isAuthenticated = _user is null;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    string verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync(_user is null
                                ? "250-sink.local\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
                                : "250-sink.local\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 SMTPUTF8\r\n");
                            break;
                        case "AUTH":
                            isAuthenticated = await AuthenticateAsync(line, reader, writer);
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 sink.local");
                            break;
                        case "MAIL" when !isAuthenticated:
                            await writer.WriteLineAsync("530 5.7.0 Authentication required");
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

    private async Task<bool> AuthenticateAsync(string line, StreamReader reader, StreamWriter writer)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string mechanism = parts.Length > 1 ? parts[1].ToUpperInvariant() : string.Empty;
        string user;
        string password;
        if (mechanism == "PLAIN")
        {
            string? response = parts.Length > 2 ? parts[2] : await ChallengeAsync(string.Empty, reader, writer);
            string[] fields = Decode(response).Split('\0');
            (user, password) = fields.Length == 3 ? (fields[1], fields[2]) : (string.Empty, string.Empty);
        }
        else if (mechanism == "LOGIN")
        {
            user = Decode(parts.Length > 2 ? parts[2] : await ChallengeAsync("VXNlcm5hbWU6", reader, writer));
            password = Decode(await ChallengeAsync("UGFzc3dvcmQ6", reader, writer));
        }
        else
        {
            await writer.WriteLineAsync("504 5.5.4 Unrecognized authentication type");
            return false;
        }

        bool isAccepted = _user is not null && user == _user && password == _password;
        Logins.Enqueue((mechanism, user, isAccepted));
        await writer.WriteLineAsync(isAccepted ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        return isAccepted;
    }

    private async Task<string?> ChallengeAsync(string challenge, StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 " + challenge);
        return await reader.ReadLineAsync(_stop.Token);
    }

    private static string Decode(string? base64)
    {
        try
        {
            return base64 is null ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
