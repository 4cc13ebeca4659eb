using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// The syntax of CP (HJ 212-2017 §6.3.3: groups separated by <c>;</c>, fields by <c>,</c>, each <c>key=value</c>),
/// 64 bytes at a time: one vector compare per byte class gives a 64-bit mask, and fields are found and checked with
/// bit operations on the masks instead of a loop over their bytes.
/// </summary>
internal static class Hj212CpSyntax
{
    /// <summary>Bytes per mask window.</summary>
    public const int Window = 64;

    /// <summary>
    /// True when no field is empty and every field has a non-empty key followed by <c>=</c>; the same verdict as
    /// <see cref="FindBadField"/> returning -1, without a loop per field.
    /// </summary>
    /// <remarks>
    /// Stoppers are separators, <c>=</c> and the end of CP. Adding the field starts to the mask of non-stoppers
    /// carries each start to the first stopper after it (a start that is itself a stopper stays put), so the bits
    /// where carries land must all be <c>=</c>, and no start may sit on a <c>=</c> (empty key). The carry flows from
    /// one window to the next like an adder's.
    /// </remarks>
    public static bool IsWellFormed(ReadOnlySpan<byte> cp)
    {
        if (cp.IsEmpty)
        {
            return true;
        }

        ulong startsIn = 1;
        ulong carry = 0;
        ulong bad = 0;
        for (int offset = 0; offset < cp.Length; offset += Window)
        {
            Masks(cp, offset, out ulong separators, out ulong equalSigns, out _);
            int count = cp.Length - offset;
            ulong outside = count >= Window ? 0 : ulong.MaxValue << count;
            ulong stoppers = separators | equalSigns | outside;
            ulong starts = (separators << 1) | startsIn;
            startsIn = separators >> 63;

            ulong open = ~stoppers;
            ulong sum = open + starts;
            ulong landed = sum + carry;
            carry = (sum < open) | (landed < sum) ? 1UL : 0UL;
            bad |= (landed & stoppers & ~equalSigns) | (starts & equalSigns);
        }

        // Left over after the last window: a carry (the last field has no '=') or a start (CP ends with a separator).
        return (bad | carry | startsIn) == 0;
    }

    /// <summary>Offset of the first malformed field (empty field or group, no <c>=</c>, empty key), or -1.</summary>
    public static int FindBadField(ReadOnlySpan<byte> cp)
    {
        if (cp.IsEmpty)
        {
            return -1;
        }

        Hj212CpCursor cursor = new(cp);
        int start = 0;
        while (true)
        {
            int end = cursor.NextField(start, out int equals, out _);
            if (equals <= start)
            {
                return start;
            }

            if (end == cp.Length)
            {
                return -1;
            }

            start = end + 1;
            if (start == cp.Length)
            {
                return start;
            }
        }
    }

    /// <summary>
    /// Masks of <c>cp[offset..offset + 64]</c> (bit i is byte offset + i; bits past the end of CP are 0): the
    /// separators <c>;</c> and <c>,</c>, the <c>=</c> signs and the <c>-</c> signs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Masks(ReadOnlySpan<byte> cp, int offset, out ulong separators, out ulong equalSigns, out ulong dashes)
    {
        int remaining = cp.Length - offset;
        if (remaining >= Window)
        {
            Classify(cp.Slice(offset, Window), out separators, out equalSigns, out dashes);
        }
        else if (cp.Length >= Window)
        {
            // Near the end, classify the last 64 bytes and shift out those before offset: no copy, no read past the span.
            Classify(cp[^Window..], out separators, out equalSigns, out dashes);
            int shift = Window - remaining;
            separators >>= shift;
            equalSigns >>= shift;
            dashes >>= shift;
        }
        else
        {
            ClassifyShort(cp[offset..], out separators, out equalSigns, out dashes);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClassifyShort(ReadOnlySpan<byte> block, out ulong separators, out ulong equalSigns, out ulong dashes)
    {
        // Zero bytes are in no class, so padding leaves the masks' bits past the end at 0.
        Span<byte> padded = stackalloc byte[Window];
        block.CopyTo(padded);
        Classify(padded, out separators, out equalSigns, out dashes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify(ReadOnlySpan<byte> block, out ulong separators, out ulong equalSigns, out ulong dashes)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.Create(block);
            separators = (Vector512.Equals(v, Vector512.Create((byte)';')) | Vector512.Equals(v, Vector512.Create((byte)','))).ExtractMostSignificantBits();
            equalSigns = Vector512.Equals(v, Vector512.Create((byte)'=')).ExtractMostSignificantBits();
            dashes = Vector512.Equals(v, Vector512.Create((byte)'-')).ExtractMostSignificantBits();
            return;
        }

        var lo = Vector256.Create(block);
        var hi = Vector256.Create(block[(Window / 2)..]);
        separators = Join(Vector256.Equals(lo, Vector256.Create((byte)';')) | Vector256.Equals(lo, Vector256.Create((byte)',')),
            Vector256.Equals(hi, Vector256.Create((byte)';')) | Vector256.Equals(hi, Vector256.Create((byte)',')));
        equalSigns = Join(Vector256.Equals(lo, Vector256.Create((byte)'=')), Vector256.Equals(hi, Vector256.Create((byte)'=')));
        dashes = Join(Vector256.Equals(lo, Vector256.Create((byte)'-')), Vector256.Equals(hi, Vector256.Create((byte)'-')));
    }

    private static ulong Join(Vector256<byte> lo, Vector256<byte> hi) =>
        lo.ExtractMostSignificantBits() | ((ulong)hi.ExtractMostSignificantBits() << 32);
}
