namespace EcoMonitor.Standards.Air;

/// <summary>The O3 daily maximum 8-h mean of one day with its validity (HJ 663-2013 clause 3 / 6, GB 3095-2012 Table 4).</summary>
/// <param name="WindowCount">Valid 8-h windows (each with ≥ 6 hourly values).</param>
/// <param name="IsValid">At least 14 valid windows, or fewer but a maximum above the limit.</param>
/// <param name="Value">Maximum of the valid windows' means, exact; null without a valid window.</param>
public readonly record struct DailyMaxEightHourResult(int WindowCount, bool IsValid, decimal? Value);
