using System.Globalization;
using System.Text;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The text that holds the values of one stream (station × interval) in one row: entries separated by <c>;</c>, each
/// <c>parameter,period,revision,value,min,max,total,converted,flag,source,received</c> — period in microseconds after
/// the row's base instant (0 in <c>observation</c>, where the row is one period; ≤ 0 in <c>observation_latest</c>,
/// whose base is the newest period), received in microseconds after the value's period start, decimals as PostgreSQL
/// prints <c>numeric</c> (scale kept), an empty field for a missing one, source as its store code. Parameter codes and
/// flags are ASCII letters, digits and '_', so neither separator can occur in a field. The same text is written by
/// migration 11 from SQL and read back by the <c>observation_value</c> view; docs/adr/0026-packed-observation-rows.md.
/// </summary>
internal static class PackedValues
{
    public const char EntrySeparator = ';';
    public const char FieldSeparator = ',';

    /// <summary>Microseconds since the Unix epoch (PostgreSQL keeps instants to the microsecond).</summary>
    public static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;

    private static Instant FromMicros(long micros) => Instant.FromUnixTimeTicks(micros * 10);

    /// <summary>The text of <paramref name="values"/> (in the order given) relative to <paramref name="baseInstant"/>.</summary>
    public static string Encode(IReadOnlyList<StoredValue> values, Instant baseInstant)
    {
        var text = new StringBuilder(values.Count * 40);
        long baseMicros = Micros(baseInstant);
        Span<char> buffer = stackalloc char[40];
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(EntrySeparator);
            }

            Observation o = values[i].Observation;
            long period = Micros(o.PeriodStart);
            text.Append(o.Parameter.Value).Append(FieldSeparator);
            AppendInteger(text, period - baseMicros, buffer);
            text.Append(FieldSeparator);
            AppendInteger(text, values[i].Revision, buffer);
            AppendDecimal(text, o.Value, buffer);
            AppendDecimal(text, o.Min, buffer);
            AppendDecimal(text, o.Max, buffer);
            AppendDecimal(text, o.Total, buffer);
            AppendDecimal(text, o.ConvertedValue, buffer);
            text.Append(FieldSeparator).Append(o.Flag.Value).Append(FieldSeparator);
            AppendInteger(text, StoreCodes.ToCode(o.Source), buffer);
            text.Append(FieldSeparator);
            AppendInteger(text, Micros(o.ReceivedAt) - period, buffer);
        }

        return text.ToString();
    }

    /// <summary>Adds the values of one row of <paramref name="stream"/> to <paramref name="into"/> (in stored order).</summary>
    /// <param name="text">The row's text.</param>
    /// <param name="stream">Whose values they are.</param>
    /// <param name="baseInstant">The row's base instant.</param>
    /// <param name="into">Where the values go.</param>
    /// <param name="codes">
    /// Parameter codes met so far by position in a row, shared by the rows of one read: rows of a stream mostly hold the
    /// same parameters in the same order, and a code met again is not parsed (nor allocated) again.
    /// </param>
    /// <remarks>One pass over the characters: each field is parsed where it is met (no splitting first).</remarks>
    public static void Decode(string text, StreamKey stream, Instant baseInstant, List<StoredValue> into, List<ParameterCode> codes)
    {
        ReadOnlySpan<char> row = text;
        long baseMicros = Micros(baseInstant);
        int at = 0;
        for (int position = 0; at < row.Length; position++)
        {
            int start = at;
            ParameterCode code = Code(Field(row, ref at), codes, position, row, start);
            long period = baseMicros + Integer(row, ref at, start);
            int revision = (int)Integer(row, ref at, start);
            decimal? value = Decimal(row, ref at, start);
            decimal? min = Decimal(row, ref at, start);
            decimal? max = Decimal(row, ref at, start);
            decimal? total = Decimal(row, ref at, start);
            decimal? converted = Decimal(row, ref at, start);
            ReadOnlySpan<char> flag = Field(row, ref at);
            long source = Integer(row, ref at, start);
            long received = period + Integer(row, ref at, start);
            DataFlag dataFlag = DataFlag.Normal;
            if ((flag is not "N" && !DataFlag.TryParse(flag, out dataFlag)) || (at < row.Length && row[at] != EntrySeparator))
            {
                throw Corrupt(row, start);
            }

            at++;
            into.Add(new StoredValue(new Observation
            {
                Station = stream.Station,
                Parameter = code,
                Interval = stream.Interval,
                PeriodStart = FromMicros(period),
                Value = value,
                Min = min,
                Max = max,
                Total = total,
                ConvertedValue = converted,
                Flag = dataFlag,
                Source = StoreCodes.ToSource(source),
                ReceivedAt = FromMicros(received),
            }, revision));
        }
    }

    /// <summary>The characters up to the next separator; a field separator after them is passed, an entry separator not.</summary>
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> row, ref int at)
    {
        int start = at;
        while (at < row.Length && row[at] != FieldSeparator && row[at] != EntrySeparator)
        {
            at++;
        }

        ReadOnlySpan<char> field = row[start..at];
        if (at < row.Length && row[at] == FieldSeparator)
        {
            at++;
        }

        return field;
    }

    /// <summary>The parameter code of a field: the one met at this position before when equal, else parsed.</summary>
    private static ParameterCode Code(ReadOnlySpan<char> field, List<ParameterCode> codes, int position, ReadOnlySpan<char> row, int entry)
    {
        if (position < codes.Count && field.SequenceEqual(codes[position].Value))
        {
            return codes[position];
        }

        if (!ParameterCode.TryParse(field, out ParameterCode code))
        {
            throw Corrupt(row, entry);
        }

        if (position < codes.Count)
        {
            codes[position] = code;
        }
        else if (position == codes.Count)
        {
            codes.Add(code);
        }

        return code;
    }

    /// <summary>An optional '-' and 1 to 18 digits, read where they stand.</summary>
    private static long Integer(ReadOnlySpan<char> row, ref int at, int entry)
    {
        bool negative = at < row.Length && row[at] == '-';
        int first = negative ? ++at : at;
        long value = 0;
        while (at < row.Length && (uint)(row[at] - '0') <= 9)
        {
            value = (value * 10) + (row[at] - '0');
            at++;
        }

        if (at == first || at - first > 18 || (at < row.Length && row[at] != FieldSeparator && row[at] != EntrySeparator))
        {
            throw Corrupt(row, entry);
        }

        if (at < row.Length && row[at] == FieldSeparator)
        {
            at++;
        }

        return negative ? -value : value;
    }

    /// <summary>
    /// A plain decimal (optional '-', digits, optional '.'), null when empty: up to 19 digits read directly into the
    /// mantissa, longer ones by <c>decimal.TryParse</c>.
    /// </summary>
    private static decimal? Decimal(ReadOnlySpan<char> row, ref int at, int entry)
    {
        int start = at;
        bool negative = at < row.Length && row[at] == '-';
        if (negative)
        {
            at++;
        }

        ulong mantissa = 0;
        int digits = 0;
        int scale = 0;
        bool point = false;
        bool slow = false;
        for (; at < row.Length && row[at] != FieldSeparator && row[at] != EntrySeparator; at++)
        {
            char c = row[at];
            if (c == '.' && !point)
            {
                point = true;
                continue;
            }

            uint digit = (uint)(c - '0');
            if (digit > 9 || ++digits > 19)
            {
                slow = true;
                continue;
            }

            mantissa = (mantissa * 10) + digit;
            scale += point ? 1 : 0;
        }

        ReadOnlySpan<char> field = row[start..at];
        if (at < row.Length && row[at] == FieldSeparator)
        {
            at++;
        }

        if (field.IsEmpty)
        {
            return null;
        }

        if (slow || digits == 0 || scale > 28)
        {
            return decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal parsed)
                ? parsed
                : throw Corrupt(row, entry);
        }

        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
    }

    private static void AppendInteger(StringBuilder text, long value, Span<char> buffer)
    {
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        text.Append(buffer[..written]);
    }

    /// <summary>
    /// A separator, then the decimal with its scale (as PostgreSQL prints <c>numeric</c>; no sign on a zero), nothing when
    /// null. Mantissas of up to 64 bits are written digit by digit, larger ones by <c>decimal.TryFormat</c>.
    /// </summary>
    private static void AppendDecimal(StringBuilder text, decimal? value, Span<char> buffer)
    {
        text.Append(FieldSeparator);
        if (value is not { } d)
        {
            return;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        if (bits[2] != 0)
        {
            d.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
            text.Append(buffer[..written]);
            return;
        }

        ulong mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        bool negative = bits[3] < 0 && mantissa != 0;
        int scale = (bits[3] >> 16) & 0xFF;
        int at = buffer.Length;
        for (int digits = 1; ; digits++)
        {
            buffer[--at] = (char)('0' + (int)(mantissa % 10));
            mantissa /= 10;
            if (digits == scale)
            {
                buffer[--at] = '.';
            }

            if (mantissa == 0 && digits > scale)
            {
                break;
            }
        }

        if (negative)
        {
            buffer[--at] = '-';
        }

        text.Append(buffer[at..]);
    }

    private static InvalidDataException Corrupt(ReadOnlySpan<char> row, int entry)
    {
        ReadOnlySpan<char> rest = row[entry..];
        int end = rest.IndexOf(EntrySeparator);
        return new InvalidDataException($"A packed observation entry in the store is malformed: '{(end < 0 ? rest : rest[..end])}'.");
    }
}
