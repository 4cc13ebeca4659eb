namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// The HJ 212 CRC-16, HJ 212-2017 appendix A: start with 0xFFFF; for each byte <c>crc = (crc &gt;&gt; 8) ^ byte</c>, then
/// eight times shift right and XOR 0xA001 when the bit shifted out was 1. Note that this is not Modbus CRC-16
/// (which XORs the byte into the low byte). Pure and thread-safe.
/// </summary>
/// <remarks>
/// After <c>(crc &gt;&gt; 8) ^ byte</c> the register fits in one byte, so only its high byte carries state from one
/// step to the next: <c>h' = H[h ^ b]</c> with <c>H[x] = high byte of eight rounds of x</c>. H is linear over GF(2),
/// which lets us consume 16 bytes per dependent lookup (slicing-by-16, one 256-byte table per power of H).
/// </remarks>
public static class Hj212Crc
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

        ReadOnlySpan<byte> tables = Hj212CrcTables.Powers;
        int h = 0xFF;
        int last = data.Length - 1;
        int i = 0;
        while (last - i >= 16)
        {
            ReadOnlySpan<byte> b = data.Slice(i, 16);
            h = tables[(15 << 8) + (h ^ b[0])]
                ^ tables[(14 << 8) + b[1]] ^ tables[(13 << 8) + b[2]] ^ tables[(12 << 8) + b[3]]
                ^ tables[(11 << 8) + b[4]] ^ tables[(10 << 8) + b[5]] ^ tables[(9 << 8) + b[6]]
                ^ tables[(8 << 8) + b[7]] ^ tables[(7 << 8) + b[8]] ^ tables[(6 << 8) + b[9]]
                ^ tables[(5 << 8) + b[10]] ^ tables[(4 << 8) + b[11]] ^ tables[(3 << 8) + b[12]]
                ^ tables[(2 << 8) + b[13]] ^ tables[(1 << 8) + b[14]] ^ tables[b[15]];
            i += 16;
        }

        while (i < last)
        {
            h = tables[h ^ data[i]];
            i++;
        }

        return Hj212CrcTables.Full[h ^ data[last]];
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
