namespace EcoMonitor.Protocol.Hj212;

/// <summary>Lookup tables for <see cref="Hj212Crc"/>, derived once from the bitwise appendix A step.</summary>
internal static class Hj212CrcTables
{
    /// <summary><c>Full[x]</c>: the 16-bit register after the eight rounds of appendix A started from <c>x</c> (0..255).</summary>
    public static readonly ushort[] Full = BuildFull();

    /// <summary>16 tables of 256 bytes: table k (0-based) maps x to the high byte after applying <c>H</c> k+1 times.</summary>
    public static readonly byte[] Powers = BuildPowers(Full);

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
