using System.Net.Sockets;
using EcoMonitor.Protocol.Hj212;

namespace EcoMonitor.Cli.Bench;

/// <summary>Reads the platform's CRLF-terminated replies from one socket and decodes their command and QnRtn. Not thread-safe.</summary>
internal sealed class ReplyReader(Socket socket)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _count;

    /// <summary>The next reply's command code and QnRtn (0 when absent); null when the server closed the connection.</summary>
    public async Task<(int Command, int ReturnCode)?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int end = _buffer.AsSpan(0, _count).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                (int, int) reply = Decode(_buffer.AsSpan(0, end + 2));
                _buffer.AsSpan(end + 2, _count - end - 2).CopyTo(_buffer);
                _count -= end + 2;
                return reply;
            }

            if (_count == _buffer.Length)
            {
                _count = 0;
            }

            int read = await socket.ReceiveAsync(_buffer.AsMemory(_count), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            _count += read;
        }
    }

    private static (int Command, int ReturnCode) Decode(ReadOnlySpan<byte> reply)
    {
        Hj212ParseResult parsed = Hj212Parser.Parse(reply);
        if (!parsed.IsSuccess)
        {
            return (-1, -1);
        }

        int code = 0;
        foreach (Hj212CpField field in parsed.Frame.EnumerateCp())
        {
            if (field.Key.SequenceEqual("QnRtn"u8) && System.Buffers.Text.Utf8Parser.TryParse(field.Value, out int value, out _))
            {
                code = value;
            }
        }

        return (parsed.Frame.CommandCode, code);
    }
}
