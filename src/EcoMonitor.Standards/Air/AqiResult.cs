namespace EcoMonitor.Standards.Air;

/// <summary>
/// An AQI report of one hour or one day (HJ 633-2012 clauses 4.2–4.4): the AQI (maximum IAQI), the sub-indices, the
/// primary pollutants (only when AQI &gt; 50; ties all listed) and the exceeding pollutants (IAQI &gt; 100).
/// A value type: computing it never allocates.
/// </summary>
public readonly struct AqiResult
{
    private readonly SubIndexValues _iaqi;

    internal AqiResult(SubIndexValues iaqi)
    {
        _iaqi = iaqi;
        int aqi = -1;
        for (int i = 0; i < SubIndexValues.SubIndexCount; i++)
        {
            aqi = Math.Max(aqi, iaqi[i]);
        }

        AqiPollutants primary = AqiPollutants.None;
        AqiPollutants exceeding = AqiPollutants.None;
        for (int i = 0; i < SubIndexValues.SubIndexCount; i++)
        {
            // HJ 633-2012 clause 4.4: primary pollutant only when AQI > 50; exceeding means IAQI > 100.
            if (aqi > 50 && iaqi[i] == aqi)
            {
                primary |= (AqiPollutants)(1 << i);
            }

            if (iaqi[i] > 100)
            {
                exceeding |= (AqiPollutants)(1 << i);
            }
        }

        Aqi = aqi >= 0 ? aqi : null;
        Primary = primary;
        Exceeding = exceeding;
    }

    /// <summary>The AQI = max of the sub-indices (clause 4.2 eq. 2); null when no sub-index exists.</summary>
    public int? Aqi { get; }

    /// <summary>Pollutants whose IAQI equals the AQI, when AQI &gt; 50 (clause 4.4); otherwise none.</summary>
    public AqiPollutants Primary { get; }

    /// <summary>Pollutants whose IAQI exceeds 100 (clause 4.4).</summary>
    public AqiPollutants Exceeding { get; }

    /// <summary>The AQI level, category and colour (clause 4.3 Table 2), or null without an AQI.</summary>
    public AqiCategory? Category => Aqi is { } aqi ? AqiCategories.For(aqi) : null;

    /// <summary>One sub-index (IAQI), or null when it was not computed.</summary>
    public int? GetIaqi(AqiSubIndex subIndex)
    {
        int value = _iaqi[(int)subIndex];
        return value >= 0 ? value : null;
    }
}
