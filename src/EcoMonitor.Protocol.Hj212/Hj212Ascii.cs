namespace EcoMonitor.Protocol.Hj212;

/// <summary>ASCII number helpers over bytes (no culture, no allocation).</summary>
internal static class Hj212Ascii
{
    /// <summary>Parses 1..9 decimal digits; false on anything else (sign, space, empty, too long).</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        int result = 0;
        foreach (byte c in text)
        {
            int digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        value = result;
        return true;
    }

    /// <summary>Writes a non-negative number as decimal digits, at least <paramref name="minDigits"/> wide; returns bytes written.</summary>
    public static int WriteDigits(int value, int minDigits, Span<byte> destination)
    {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10)
        {
            digits++;
        }

        digits = Math.Max(digits, minDigits);
        for (int i = digits - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return digits;
    }
}
