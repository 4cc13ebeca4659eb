using System.Buffers.Text;
using System.Text;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using EcoMonitor.Protocol.Hj212;
using NodaTime;

namespace EcoMonitor.Gateway;

/// <summary>
/// Turns the CP of an HJ 212 data frame (CN 2011/2051/2061/2031) into observations: one per pollutant code, with
/// <c>-Rtd</c> or <c>-Avg</c> as the value and <c>-Min</c>, <c>-Max</c>, <c>-Cou</c>, <c>-ZsRtd</c>/<c>-ZsAvg</c>,
/// <c>-Flag</c> beside it (HJ 212-2017 6.3.3 and Table 5). HJ/T 212-2005 codes are mapped to HJ 212-2017 codes
/// through the parameter catalog; a code the catalog does not know is kept as sent and counted.
/// </summary>
internal static class FrameObservationMapper
{
    /// <summary>The interval kind a data command carries; false for commands that carry no observations.</summary>
    public static bool TryGetInterval(int commandCode, out ObservationInterval interval)
    {
        switch (commandCode)
        {
            case Hj212CommandCodes.RealTimeData: interval = ObservationInterval.RealTime; return true;
            case Hj212CommandCodes.MinuteData: interval = ObservationInterval.Minute; return true;
            case Hj212CommandCodes.HourData: interval = ObservationInterval.Hour; return true;
            case Hj212CommandCodes.DayData: interval = ObservationInterval.Day; return true;
            default: interval = default; return false;
        }
    }

    /// <summary>
    /// The period start of a data frame's <c>DataTime</c> (China Standard Time) under the station's labelling:
    /// hour and day values labelled by their end are moved back one period (ADR 0002).
    /// </summary>
    public static Instant PeriodStart(LocalDateTime dataTime, ObservationInterval interval, PeriodLabel label)
    {
        var labelled = ChinaTime.ToInstant(dataTime);
        if (label == PeriodLabel.PeriodStart)
        {
            return labelled;
        }

        return interval switch
        {
            ObservationInterval.Hour => labelled - Duration.FromHours(1),
            ObservationInterval.Day => labelled - Duration.FromDays(1),
            ObservationInterval.RealTime or ObservationInterval.Minute => labelled,
        };
    }

    /// <summary>
    /// Appends the frame's observations to <paramref name="into"/> and says what was unusual. Allocates only the
    /// observations: the per-code builders are reused by the calling thread's next frame, and a builder that sees the
    /// same code again keeps its code's text and resolved <see cref="ParameterCode"/> (stations send the same codes
    /// in every frame).
    /// </summary>
    public static MapResult Map(
        in Hj212Frame frame,
        Station station,
        ParameterCatalog catalog,
        ObservationInterval interval,
        Instant periodStart,
        Instant receivedAt,
        List<Observation> into)
    {
        List<Builder> builders = t_builders ??= [];
        int used = 0;
        int badValues = 0;
        foreach (Hj212CpField field in frame.EnumerateCp())
        {
            if (field.Code.IsEmpty || field.Field.IsEmpty)
            {
                continue;
            }

            Builder builder = Find(builders, used, field.Code) ?? Take(builders, used++, field.Code);
            if (!builder.Set(field.Field, field.Value))
            {
                badValues++;
            }
        }

        int unknown = 0;
        int badCodes = 0;
        bool isHj2005 = frame.Version == Hj212Version.Hj2005;

        // One array of the frame's size instead of the list growing 4, 8, 16 per frame.
        into.EnsureCapacity(into.Count + used);
        for (int i = 0; i < used; i++)
        {
            Builder b = builders[i];
            if (!b.HasNumber)
            {
                continue;
            }

            if (!b.TryResolve(isHj2005, catalog, out ParameterCode code, out bool isKnown))
            {
                badCodes++;
                continue;
            }

            if (!isKnown)
            {
                unknown++;
            }

            into.Add(new Observation
            {
                Station = station.Id,
                Parameter = code,
                Interval = interval,
                PeriodStart = periodStart,
                Value = b.Value,
                Min = b.Min,
                Max = b.Max,
                Total = b.Total,
                ConvertedValue = b.Converted,
                Flag = b.Flag,
                Source = ObservationSource.Hj212,
                ReceivedAt = receivedAt,
            });
        }

        return new MapResult(unknown, badValues + badCodes);
    }

    // Reused by the thread's next Map call (Map never awaits, so no other frame can use them meanwhile).
    [ThreadStatic]
    private static List<Builder>? t_builders;

    /// <summary>The builder at <paramref name="index"/>, reset for <paramref name="code"/> (keeping its text when the code is the same).</summary>
    private static Builder Take(List<Builder> builders, int index, ReadOnlySpan<byte> code)
    {
        if (index == builders.Count)
        {
            builders.Add(new Builder());
        }

        Builder builder = builders[index];
        builder.Reset(code);
        return builder;
    }

    private static bool TryResolve(string text, bool isHj2005, ParameterCatalog catalog, out ParameterCode code, out bool isKnown)
    {
        if (isHj2005 && catalog.TryMapHj2005(text, out code))
        {
            isKnown = true;
            return true;
        }

        if (!ParameterCode.TryParse(text, out code))
        {
            isKnown = false;
            return false;
        }

        isKnown = catalog.Contains(code) || (!isHj2005 && catalog.TryMapHj2005(text, out code));
        return true;
    }

    private static Builder? Find(List<Builder> builders, int used, ReadOnlySpan<byte> code)
    {
        for (int i = 0; i < used; i++)
        {
            if (builders[i].Matches(code))
            {
                return builders[i];
            }
        }

        return null;
    }

    /// <summary>Counts of codes not in the catalog and of fields that could not be read.</summary>
    internal readonly record struct MapResult(int UnknownParameters, int BadFields);

    private sealed class Builder
    {
        // The resolution of Code, remembered for the catalog and HJ 212 version it was made with.
        private ParameterCatalog? _resolvedWith;
        private bool _resolvedAsHj2005;
        private bool _isResolved;
        private ParameterCode _resolved;
        private bool _isKnown;

        public string Code { get; private set; } = string.Empty;
        public decimal? Value { get; private set; }
        public decimal? Min { get; private set; }
        public decimal? Max { get; private set; }
        public decimal? Total { get; private set; }
        public decimal? Converted { get; private set; }
        public DataFlag Flag { get; private set; } = DataFlag.Normal;
        public bool HasNumber => Value.HasValue || Min.HasValue || Max.HasValue || Total.HasValue || Converted.HasValue;

        /// <summary>Clears the values; keeps the code's text and resolution when <paramref name="code"/> is the same code.</summary>
        public void Reset(ReadOnlySpan<byte> code)
        {
            if (!Matches(code))
            {
                Code = Encoding.ASCII.GetString(code);
                _resolvedWith = null;
            }

            Value = null;
            Min = null;
            Max = null;
            Total = null;
            Converted = null;
            Flag = DataFlag.Normal;
        }

        /// <summary>The parameter code of <see cref="Code"/>; false when the text is not a code.</summary>
        public bool TryResolve(bool isHj2005, ParameterCatalog catalog, out ParameterCode code, out bool isKnown)
        {
            if (!ReferenceEquals(_resolvedWith, catalog) || _resolvedAsHj2005 != isHj2005)
            {
                _isResolved = FrameObservationMapper.TryResolve(Code, isHj2005, catalog, out _resolved, out _isKnown);
                _resolvedWith = catalog;
                _resolvedAsHj2005 = isHj2005;
            }

            code = _resolved;
            isKnown = _isKnown;
            return _isResolved;
        }

        public bool Matches(ReadOnlySpan<byte> code)
        {
            if (code.Length != Code.Length)
            {
                return false;
            }

            for (int i = 0; i < code.Length; i++)
            {
                if (code[i] != Code[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Records one field; false when a numeric field or the flag could not be read.</summary>
        public bool Set(ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
        {
            if (field.SequenceEqual("Flag"u8))
            {
                // A flag has at most 4 characters; decoding on the stack spares a string for the common "N".
                Span<char> text = stackalloc char[4];
                if (value.Length > text.Length
                    || !DataFlag.TryParse(text[..Encoding.Latin1.GetChars(value, text)], out DataFlag flag))
                {
                    return false;
                }

                Flag = flag;
                return true;
            }

            NumberField target = Classify(field);
            if (target == NumberField.None)
            {
                return true;
            }

            if (!Utf8Parser.TryParse(value, out decimal number, out int consumed) || consumed != value.Length)
            {
                return false;
            }

            switch (target)
            {
                case NumberField.Value: Value = number; break;
                case NumberField.Min: Min = number; break;
                case NumberField.Max: Max = number; break;
                case NumberField.Total: Total = number; break;
                case NumberField.Converted: Converted = number; break;
                case NumberField.None: break;
            }

            return true;
        }

        private static NumberField Classify(ReadOnlySpan<byte> field)
        {
            if (field.SequenceEqual("Rtd"u8) || field.SequenceEqual("Avg"u8))
            {
                return NumberField.Value;
            }

            if (field.SequenceEqual("Min"u8))
            {
                return NumberField.Min;
            }

            if (field.SequenceEqual("Max"u8))
            {
                return NumberField.Max;
            }

            if (field.SequenceEqual("Cou"u8))
            {
                return NumberField.Total;
            }

            return field.SequenceEqual("ZsRtd"u8) || field.SequenceEqual("ZsAvg"u8) ? NumberField.Converted : NumberField.None;
        }
    }

    private enum NumberField
    {
        None,
        Value,
        Min,
        Max,
        Total,
        Converted,
    }
}
