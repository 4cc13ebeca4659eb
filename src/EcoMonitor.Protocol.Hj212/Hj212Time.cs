using NodaTime;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>HJ 212 time stamps: <c>yyyyMMddHHmmss</c> or with milliseconds <c>yyyyMMddHHmmssfff</c> (HJ 212-2017 §6.3.2, QN and DataTime).</summary>
internal static class Hj212Time
{
    public static bool TryParse(ReadOnlySpan<byte> text, out LocalDateTime value)
    {
        value = default;
        if (text.Length != 14 && text.Length != 17)
        {
            return false;
        }

        if (!Hj212Ascii.TryParseDigits(text[..4], out int year)
            || !Hj212Ascii.TryParseDigits(text.Slice(4, 2), out int month)
            || !Hj212Ascii.TryParseDigits(text.Slice(6, 2), out int day)
            || !Hj212Ascii.TryParseDigits(text.Slice(8, 2), out int hour)
            || !Hj212Ascii.TryParseDigits(text.Slice(10, 2), out int minute)
            || !Hj212Ascii.TryParseDigits(text.Slice(12, 2), out int second))
        {
            return false;
        }

        int millisecond = 0;
        if (text.Length == 17 && !Hj212Ascii.TryParseDigits(text.Slice(14, 3), out millisecond))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59
            || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        value = new LocalDateTime(year, month, day, hour, minute, second, millisecond);
        return true;
    }
}
