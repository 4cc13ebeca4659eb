using System.Buffers;

namespace EcoMonitor.Cli.Hj212;

/// <summary>Reads byte lines split on LF (the LF is not returned; a CR before it is kept). Does not own the stream.</summary>
internal sealed class LineReader(Stream input)
{
    private readonly byte[] _buffer = new byte[65536];
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private int _start;
    private int _end;

    /// <summary>The next line, or false at the end of input. The span is valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        _line.ResetWrittenCount();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = input.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    line = _line.WrittenSpan;
                    return _line.WrittenCount > 0;
                }
            }

            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
            int newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _line.Write(pending[..newline]);
                _start += newline + 1;
                line = _line.WrittenSpan;
                return true;
            }

            _line.Write(pending);
            _start = _end;
        }
    }
}
