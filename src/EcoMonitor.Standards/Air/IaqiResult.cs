namespace EcoMonitor.Standards.Air;

/// <summary>An individual air quality index and how it was obtained; a value type so the hot path never allocates.</summary>
/// <param name="Value">The IAQI (integer, rounded up per HJ 633-2012 clause 4.2), or 0 when <see cref="HasValue"/> is false.</param>
/// <param name="Status">How the value was obtained.</param>
public readonly record struct IaqiResult(int Value, IaqiStatus Status)
{
    /// <summary>True when an IAQI exists (<see cref="IaqiStatus.Computed"/> or <see cref="IaqiStatus.AboveTable"/>).</summary>
    public bool HasValue => Status is IaqiStatus.Computed or IaqiStatus.AboveTable;

    /// <summary>The IAQI or null.</summary>
    public int? AsNullable => HasValue ? Value : null;
}
