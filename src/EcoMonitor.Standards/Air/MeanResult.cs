namespace EcoMonitor.Standards.Air;

/// <summary>
/// A mean over a window of hourly values with its data validity (GB 3095-2012 clause 7 Table 4).
/// </summary>
/// <param name="Count">Valid hourly values in the window.</param>
/// <param name="IsValid">True when <paramref name="Count"/> meets Table 4 for this statistic.</param>
/// <param name="Value">Arithmetic mean of the valid values, exact (not rounded); null without any value.</param>
public readonly record struct MeanResult(int Count, bool IsValid, decimal? Value);
