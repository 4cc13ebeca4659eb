namespace EcoMonitor.Quality;

/// <summary>Stable ids of the automatic rules (stored with each finding; used in configuration and the API).</summary>
public static class QualityRuleIds
{
    /// <summary>HJ 212-2017 Table 9 flag F, M, D, C, T or B: the instrument was not measuring normally.</summary>
    public const string FlagInvalid = "flag.invalid";

    /// <summary>HJ 212 flag S: a manually set value — kept, marked.</summary>
    public const string FlagManual = "flag.manual";

    /// <summary>A flag HJ 212-2017 Table 9 does not define.</summary>
    public const string FlagUnknown = "flag.unknown";

    /// <summary>Outside the plausible physical range of the parameter.</summary>
    public const string PhysicalRange = "range.physical";

    /// <summary>A negative value of a parameter that cannot be negative.</summary>
    public const string Negative = "value.negative";

    /// <summary>The same value for too many consecutive periods.</summary>
    public const string FlatLine = "series.flatline";

    /// <summary>An isolated jump (or dip) against both neighbouring periods.</summary>
    public const string Spike = "series.spike";

    /// <summary>A change from the previous period larger than the parameter can change.</summary>
    public const string RateOfChange = "series.rate";

    /// <summary>PM2.5 greater than PM10 of the same period.</summary>
    public const string Pm25AbovePm10 = "cross.pm25-above-pm10";

    /// <summary>NO2 greater than NOx of the same period.</summary>
    public const string No2AboveNox = "cross.no2-above-nox";

    /// <summary>pH outside 0–14.</summary>
    public const string PhRange = "cross.ph-range";

    /// <summary>Dissolved oxygen far above saturation at the measured water temperature.</summary>
    public const string DoSupersaturation = "cross.do-supersaturation";

    /// <summary>The same period twice with different values in one delivery.</summary>
    public const string DuplicateTime = "time.duplicate";

    /// <summary>Arrived after a later period of the same series (back-filled, 补传, or a logger clock jump).</summary>
    public const string OutOfOrder = "time.out-of-order";

    /// <summary>An hour or day value whose period start is not on an hour / a CST midnight.</summary>
    public const string Misaligned = "time.misaligned";

    /// <summary>A period that ends after the value was received (the logger's clock is ahead).</summary>
    public const string Future = "time.future";

    /// <summary>Every rule id, in report order.</summary>
    public static readonly string[] All =
    [
        FlagInvalid, FlagManual, FlagUnknown, PhysicalRange, Negative, FlatLine, Spike, RateOfChange, Pm25AbovePm10,
        No2AboveNox, PhRange, DoSupersaturation, DuplicateTime, OutOfOrder, Misaligned, Future,
    ];
}
