using System.Numerics;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Walks the fields of a CP keeping the <see cref="Hj212CpSyntax.Masks"/> of one 64-byte window, so a field costs a
/// few bit operations and a new window is classified only when a field runs past the current one.
/// </summary>
internal ref struct Hj212CpCursor
{
    private readonly ReadOnlySpan<byte> _cp;
    private int _windowStart;
    private int _windowEnd;
    private ulong _separators;
    private ulong _equalSigns;
    private ulong _dashes;

    public Hj212CpCursor(ReadOnlySpan<byte> cp) => _cp = cp;

    /// <summary>
    /// From <paramref name="start"/>, returns the index of the next <c>;</c> or <c>,</c> (or the CP length), the index of the
    /// field's first <c>=</c> (-1 if none) and of the first <c>-</c> before that <c>=</c> (-1 if none).
    /// </summary>
    public int NextField(int start, out int equals, out int dash)
    {
        equals = -1;
        dash = -1;
        for (int offset = start; offset < _cp.Length; offset = _windowEnd)
        {
            if (offset < _windowStart || offset >= _windowEnd)
            {
                Hj212CpSyntax.Masks(_cp, offset, out _separators, out _equalSigns, out _dashes);
                _windowStart = offset;
                _windowEnd = offset + Hj212CpSyntax.Window;
            }

            int shift = offset - _windowStart;
            ulong separators = _separators >> shift;
            if (equals < 0)
            {
                // Only signs before the field's separator count: (s - 1) & ~s keeps the bits below the lowest set bit (all when s is 0).
                ulong before = (separators - 1) & ~separators;
                ulong e = (_equalSigns >> shift) & before;
                ulong d = (_dashes >> shift) & before;
                if (e != 0)
                {
                    equals = offset + BitOperations.TrailingZeroCount(e);
                    d &= (e - 1) & ~e;
                }

                if (dash < 0 && d != 0)
                {
                    dash = offset + BitOperations.TrailingZeroCount(d);
                }
            }

            if (separators != 0)
            {
                return offset + BitOperations.TrailingZeroCount(separators);
            }
        }

        return _cp.Length;
    }
}
