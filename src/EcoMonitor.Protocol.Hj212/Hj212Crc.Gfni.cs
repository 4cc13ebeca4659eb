using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoMonitor.Protocol.Hj212;

/// <content>The CRC path for CPUs with GFNI and AVX-512 (e.g. Intel Ice Lake and later, AMD Zen 4 and later).</content>
public static partial class Hj212Crc
{
    /// <summary>Below this many bytes the table path is as fast (its setup is smaller).</summary>
    private const int GfniMinimumBytes = 128;

    /// <summary>
    /// The high byte after <paramref name="bytes"/> (at least 1 byte), started from 0xFF. With <c>M</c> the 8x8 bit
    /// matrix of <c>H</c>, byte k of n contributes <c>M^(n-k)(b_k)</c>, so 64 bytes are kept as 64 lanes: each new
    /// 64-byte block is XORed onto the lanes after they were moved on by <c>M^64</c> (one <c>GF2P8AFFINEQB</c>).
    /// The first block is the head (1..64 bytes) right-aligned on zeros, which leave a zero state unchanged; at the
    /// end lane k still owes <c>M^(64-k)</c>: per 8-byte lane group one more affine step, then 8 table lookups.
    /// </summary>
    private static int HighByteGfni(ReadOnlySpan<byte> bytes)
    {
        int head = ((bytes.Length - 1) & 63) + 1;
        Span<byte> first = stackalloc byte[64];
        bytes[..head].CopyTo(first[(64 - head)..]);
        first[64 - head] ^= 0xFF;

        var lanes = Vector512.Create((ReadOnlySpan<byte>)first);
        Vector512<byte> step = Hj212CrcTables.GfniStep64;
        for (int i = head; i < bytes.Length; i += 64)
        {
            lanes = Gfni.V512.GaloisFieldAffineTransform(lanes, step, 0) ^ Vector512.Create(bytes.Slice(i, 64));
        }

        Vector512<ulong> aligned = Gfni.V512.GaloisFieldAffineTransform(lanes, Hj212CrcTables.GfniAlign, 0).AsUInt64();
        Vector256<ulong> quarter = aligned.GetLower() ^ aligned.GetUpper();
        Vector128<ulong> eighth = quarter.GetLower() ^ quarter.GetUpper();
        ulong c = eighth.ToScalar() ^ eighth.GetElement(1);

        // Byte j of c owes H^(8-j): table 7-j of Powers. Indices stay inside the 16 x 256 table.
        ReadOnlySpan<byte> t = Hj212CrcTables.Powers;
        return t[0x700 + (int)(c & 0xFF)] ^ t[0x600 + (int)((c >> 8) & 0xFF)]
            ^ t[0x500 + (int)((c >> 16) & 0xFF)] ^ t[0x400 + (int)((c >> 24) & 0xFF)]
            ^ t[0x300 + (int)((c >> 32) & 0xFF)] ^ t[0x200 + (int)((c >> 40) & 0xFF)]
            ^ t[0x100 + (int)((c >> 48) & 0xFF)] ^ t[(int)(c >> 56)];
    }
}
