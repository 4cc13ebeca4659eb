using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// The HJ 212 CRC-16, HJ 212-2017 appendix A: start with 0xFFFF; for each byte <c>crc = (crc &gt;&gt; 8) ^ byte</c>, then
/// eight times shift right and XOR 0xA001 when the bit shifted out was 1. Note that this is not Modbus CRC-16
/// (which XORs the byte into the low byte). Pure and thread-safe.
/// </summary>
/// <remarks>
/// After <c>(crc &gt;&gt; 8) ^ byte</c> the register fits in one byte, so only its high byte carries state from one
/// step to the next: <c>h' = H[h ^ b]</c> with <c>H[x] = high byte of eight rounds of x</c>. H is linear over GF(2),
/// so a 32-byte chunk changes the state by <c>H^32(h) ^ XOR_k H^(32-k)(b_k)</c>, which is computed bit-sliced with
/// vector compares; the tail uses slicing-by-16 (one 256-byte table per power of H). On CPUs with GFNI and AVX-512
/// the per-byte map is a GF(2) 8x8 matrix applied by one instruction to 64 bytes at once (see <c>HighByteGfni</c>).
/// </remarks>
public static partial class Hj212Crc
{
    /// <summary>CRC of an empty data segment (the initial register).</summary>
    public const ushort Initial = 0xFFFF;

    /// <summary>Computes the CRC of <paramref name="data"/> (the data segment's bytes).</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return Initial;
        }

        ReadOnlySpan<byte> body = data[..^1];
        int h = Gfni.V512.IsSupported && body.Length >= GfniMinimumBytes ? HighByteGfni(body) : HighByteWithTables(body, 0xFF);
        return Hj212CrcTables.Full[h ^ data[^1]];
    }

    /// <summary><see cref="Compute"/> without the GFNI path (the path of CPUs without GFNI and AVX-512), for tests.</summary>
    internal static ushort ComputeWithTables(ReadOnlySpan<byte> data) =>
        data.IsEmpty ? Initial : Hj212CrcTables.Full[HighByteWithTables(data[..^1], 0xFF) ^ data[^1]];

    /// <summary>The register's high byte <paramref name="h"/> after feeding <paramref name="bytes"/>: 32-byte bit-sliced vector steps, slicing-by-16 tables, then single bytes.</summary>
    private static int HighByteWithTables(ReadOnlySpan<byte> bytes, int h)
    {
        // Table indices are always (k << 8) + a byte value, inside the 16 x 256 table: no bounds checks needed.
        ref byte t = ref MemoryMarshal.GetArrayDataReference(Hj212CrcTables.Powers);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; bytes.Length - i >= 32; i += 32)
            {
                h = Hj212CrcTables.Power32[h] ^ Contribution32(Vector256.Create(bytes.Slice(i, 32)));
            }
        }

        for (; bytes.Length - i >= 16; i += 16)
        {
            ulong lo = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i, 8));
            ulong hi = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(i + 8, 8));
            h = Unsafe.Add(ref t, 0xF00 + (h ^ (int)(lo & 0xFF)))
                ^ Unsafe.Add(ref t, 0xE00 + (int)((lo >> 8) & 0xFF)) ^ Unsafe.Add(ref t, 0xD00 + (int)((lo >> 16) & 0xFF))
                ^ Unsafe.Add(ref t, 0xC00 + (int)((lo >> 24) & 0xFF)) ^ Unsafe.Add(ref t, 0xB00 + (int)((lo >> 32) & 0xFF))
                ^ Unsafe.Add(ref t, 0xA00 + (int)((lo >> 40) & 0xFF)) ^ Unsafe.Add(ref t, 0x900 + (int)((lo >> 48) & 0xFF))
                ^ Unsafe.Add(ref t, 0x800 + (int)(lo >> 56))
                ^ Unsafe.Add(ref t, 0x700 + (int)(hi & 0xFF)) ^ Unsafe.Add(ref t, 0x600 + (int)((hi >> 8) & 0xFF))
                ^ Unsafe.Add(ref t, 0x500 + (int)((hi >> 16) & 0xFF)) ^ Unsafe.Add(ref t, 0x400 + (int)((hi >> 24) & 0xFF))
                ^ Unsafe.Add(ref t, 0x300 + (int)((hi >> 32) & 0xFF)) ^ Unsafe.Add(ref t, 0x200 + (int)((hi >> 40) & 0xFF))
                ^ Unsafe.Add(ref t, 0x100 + (int)((hi >> 48) & 0xFF)) ^ Unsafe.Add(ref t, (int)(hi >> 56));
        }

        for (; i < bytes.Length; i++)
        {
            h = Unsafe.Add(ref t, h ^ bytes[i]);
        }

        return h;
    }

    /// <summary>
    /// <c>H^32(b0) ^ H^31(b1) ^ … ^ H^1(b31)</c>, bit-sliced: for each bit position j, the bytes that have bit j set
    /// select <c>H^(32-k)(1 &lt;&lt; j)</c> from a 32-byte table, and the selections are XORed together, then folded to one byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Contribution32(Vector256<byte> chunk)
    {
        ReadOnlySpan<Vector256<byte>> tables = Hj212CrcTables.BitSlices;
        Vector256<byte> acc = Vector256<byte>.Zero;
        for (int j = 0; j < 8; j++)
        {
            var bit = Vector256.Create((byte)(1 << j));
            acc ^= Vector256.Equals(chunk & bit, bit) & tables[j];
        }

        Vector128<ulong> half = (acc.GetLower() ^ acc.GetUpper()).AsUInt64();
        ulong folded = half.ToScalar() ^ half.GetElement(1);
        folded ^= folded >> 32;
        folded ^= folded >> 16;
        folded ^= folded >> 8;
        return (int)(folded & 0xFF);
    }

    /// <summary>The appendix A algorithm bit by bit; the reference the table-driven <see cref="Compute"/> is tested against.</summary>
    internal static ushort ComputeBitwise(ReadOnlySpan<byte> data)
    {
        int crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc = (crc >> 8) ^ b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }

    /// <summary>Writes <paramref name="crc"/> as 4 upper-case hex digits.</summary>
    internal static void WriteHex(ushort crc, Span<byte> destination)
    {
        ReadOnlySpan<byte> digits = "0123456789ABCDEF"u8;
        destination[0] = digits[(crc >> 12) & 0xF];
        destination[1] = digits[(crc >> 8) & 0xF];
        destination[2] = digits[(crc >> 4) & 0xF];
        destination[3] = digits[crc & 0xF];
    }

    /// <summary>Reads 4 hex digits, upper- or lower-case.</summary>
    internal static bool TryParseHex(ReadOnlySpan<byte> text, out ushort crc)
    {
        crc = 0;
        if (text.Length != 4)
        {
            return false;
        }

        int value = 0;
        foreach (byte c in text)
        {
            int digit = HexValue(c);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        crc = (ushort)value;
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
