namespace EcoMonitor.Protocol.Hj212;

/// <summary>Outcome of <see cref="Hj212Parser.Parse(ReadOnlySpan{byte})"/>: the frame (possibly partial) and the error with its byte position.</summary>
public readonly ref struct Hj212ParseResult
{
    internal Hj212ParseResult(Hj212Frame frame, Hj212Error error, int position)
    {
        Frame = frame;
        Error = error;
        Position = position;
    }

    /// <summary>True when the frame is well formed and its CRC matches.</summary>
    public bool IsSuccess => Error == Hj212Error.None;

    /// <summary>The first error found, or <see cref="Hj212Error.None"/>.</summary>
    public Hj212Error Error { get; }

    /// <summary>Byte offset in the frame where the error was found (0 on success).</summary>
    public int Position { get; }

    /// <summary>The decoded fields; on failure those read before the error (all of them on <see cref="Hj212Error.CrcMismatch"/> when the rest is well formed).</summary>
    public Hj212Frame Frame { get; }
}
