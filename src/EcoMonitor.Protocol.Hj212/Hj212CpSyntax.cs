using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Finds the fields of CP (HJ 212-2017 §6.3.3: groups separated by <c>;</c>, fields by <c>,</c>, each <c>key=value</c>).
/// Works 32 bytes at a time: one vector compare per separator class gives bit masks, and a field is cut with a few bit
/// operations instead of a loop over its bytes.
/// </summary>
internal static class Hj212CpSyntax
{
    private const int Window = 32;

    /// <summary>
    /// From <paramref name="start"/>, returns the index of the next <c>;</c> or <c>,</c> (or <c>cp.Length</c>), the index of the
    /// field's first <c>=</c> (-1 if none) and of the first <c>-</c> before that <c>=</c> (-1 if none).
    /// </summary>
    public static int NextField(ReadOnlySpan<byte> cp, int start, out int equals, out int dash)
    {
        equals = -1;
        dash = -1;
        for (int offset = start; offset < cp.Length; offset += Window)
        {
            Masks(cp, offset, out uint separators, out uint equalSigns, out uint dashes);
            uint before = separators == 0 ? uint.MaxValue : (1u << BitOperations.TrailingZeroCount(separators)) - 1;
            if (equals < 0)
            {
                uint e = equalSigns & before;
                uint d = dashes & before;
                if (e != 0)
                {
                    int at = BitOperations.TrailingZeroCount(e);
                    equals = offset + at;
                    d &= (1u << at) - 1;
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

        return cp.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masks(ReadOnlySpan<byte> cp, int offset, out uint separators, out uint equalSigns, out uint dashes)
    {
        int remaining = cp.Length - offset;
        if (cp.Length < Window)
        {
            SmallMasks(cp[offset..], out separators, out equalSigns, out dashes);
            return;
        }

        // Near the end, load the last window and shift out the bytes before offset: no copy, no read past the span.
        int shift = remaining >= Window ? 0 : Window - remaining;
        var v = Vector256.Create(cp.Slice(offset - shift, Window));
        separators = (Vector256.Equals(v, Vector256.Create((byte)';')) | Vector256.Equals(v, Vector256.Create((byte)','))).ExtractMostSignificantBits() >> shift;
        equalSigns = Vector256.Equals(v, Vector256.Create((byte)'=')).ExtractMostSignificantBits() >> shift;
        dashes = Vector256.Equals(v, Vector256.Create((byte)'-')).ExtractMostSignificantBits() >> shift;
    }

    private static void SmallMasks(ReadOnlySpan<byte> block, out uint separators, out uint equalSigns, out uint dashes)
    {
        separators = 0;
        equalSigns = 0;
        dashes = 0;
        for (int i = 0; i < block.Length; i++)
        {
            uint bit = 1u << i;
            switch (block[i])
            {
                case (byte)';' or (byte)',':
                    separators |= bit;
                    break;
                case (byte)'=':
                    equalSigns |= bit;
                    break;
                case (byte)'-':
                    dashes |= bit;
                    break;
            }
        }
    }
}
