using System.Runtime.Intrinsics;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>Lookup tables for <see cref="Hj212Crc"/>, derived once from the bitwise appendix A step.</summary>
internal static class Hj212CrcTables
{
    /// <summary><c>Full[x]</c>: the 16-bit register after the eight rounds of appendix A started from <c>x</c> (0..255).</summary>
    public static readonly ushort[] Full = BuildFull();

    /// <summary>16 tables of 256 bytes: table k (0-based) maps x to the high byte after applying <c>H</c> k+1 times.</summary>
    public static readonly byte[] Powers = BuildPowers(Full);

    /// <summary><c>Power32[x]</c>: x after applying <c>H</c> 32 times (one 32-byte chunk).</summary>
    public static readonly byte[] Power32 = BuildPower(Powers, 32);

    /// <summary>For bit j (0..7): a 32-byte vector whose byte k is <c>H^(32-k)(1 &lt;&lt; j)</c>.</summary>
    public static readonly Vector256<byte>[] BitSlices = BuildBitSlices(Powers);

    /// <summary>The <c>GF2P8AFFINEQB</c> matrix of <c>H^64</c> in every 8-byte lane (one 64-byte block step).</summary>
    public static readonly Vector512<byte> GfniStep64 = Vector512.Create(AffineMatrix(Powers, 64)).AsByte();

    /// <summary>In 8-byte lane q (0..7) the matrix of <c>H^(8(7-q))</c>: moves lane group q on to the last group.</summary>
    public static readonly Vector512<byte> GfniAlign = Vector512.Create(
        AffineMatrix(Powers, 56), AffineMatrix(Powers, 48), AffineMatrix(Powers, 40), AffineMatrix(Powers, 32),
        AffineMatrix(Powers, 24), AffineMatrix(Powers, 16), AffineMatrix(Powers, 8), AffineMatrix(Powers, 0)).AsByte();

    /// <summary>
    /// The 8x8 bit matrix of <c>H^times</c> as <c>GF2P8AFFINEQB</c> reads it: output bit i is the parity of the input
    /// ANDed with byte 7-i of the matrix, so byte 7-i holds, in bit j, bit i of <c>H^times(1 &lt;&lt; j)</c>.
    /// </summary>
    private static ulong AffineMatrix(byte[] powers, int times)
    {
        ulong matrix = 0;
        for (int j = 0; j < 8; j++)
        {
            int image = 1 << j;
            for (int n = 0; n < times; n++)
            {
                image = powers[image];
            }

            for (int i = 0; i < 8; i++)
            {
                matrix |= (ulong)((image >> i) & 1) << ((8 * (7 - i)) + j);
            }
        }

        return matrix;
    }

    private static byte[] BuildPower(byte[] powers, int times)
    {
        byte[] table = new byte[256];
        for (int x = 0; x < 256; x++)
        {
            int v = x;
            for (int n = 0; n < times; n++)
            {
                v = powers[v];
            }

            table[x] = (byte)v;
        }

        return table;
    }

    private static Vector256<byte>[] BuildBitSlices(byte[] powers)
    {
        var slices = new Vector256<byte>[8];
        byte[] lane = new byte[32];
        for (int j = 0; j < 8; j++)
        {
            for (int k = 0; k < 32; k++)
            {
                int v = 1 << j;
                for (int n = 0; n < 32 - k; n++)
                {
                    v = powers[v];
                }

                lane[k] = (byte)v;
            }

            slices[j] = Vector256.Create(lane);
        }

        return slices;
    }

    private static ushort[] BuildFull()
    {
        ushort[] table = new ushort[256];
        for (int x = 0; x < 256; x++)
        {
            int crc = x;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }

            table[x] = (ushort)crc;
        }

        return table;
    }

    private static byte[] BuildPowers(ushort[] full)
    {
        byte[] powers = new byte[16 * 256];
        for (int x = 0; x < 256; x++)
        {
            powers[x] = (byte)(full[x] >> 8);
        }

        for (int k = 1; k < 16; k++)
        {
            for (int x = 0; x < 256; x++)
            {
                powers[(k << 8) + x] = powers[powers[((k - 1) << 8) + x]];
            }
        }

        return powers;
    }
}
