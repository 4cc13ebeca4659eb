namespace EcoMonitor.Standards.Air;

/// <summary>How an IAQI was obtained from a concentration (HJ 633-2012 clause 4.2 and Table 1 notes).</summary>
public enum IaqiStatus
{
    /// <summary>No concentration, or a negative one: no IAQI.</summary>
    Missing,

    /// <summary>Interpolated within the row (clause 4.2, eq. 1), rounded up to an integer.</summary>
    Computed,

    /// <summary>
    /// Above the row's last breakpoint (500): the table defines nothing (open point, <c>unconfirmed</c>);
    /// the IAQI is capped at 500, as the national platform publishes it (see docs/standards.md).
    /// </summary>
    AboveTable,

    /// <summary>
    /// The row does not apply: SO2 1-h above 800 µg/m³ (Table 1 note 2) or O3 8-h above 800 µg/m³ (note 3).
    /// The caller substitutes the 24-h SO2 or the 1-h O3 sub-index.
    /// </summary>
    NotApplicable,
}
