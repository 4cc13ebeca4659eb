namespace EcoMonitor.Protocol.Hj212;

/// <summary>
/// Protocol version, from the version bits V5..V0 of Flag (HJ 212-2017 §6.3.2, table 3 note on Flag: bits
/// <c>V5 V4 V3 V2 V1 V0 D A</c>). A frame without Flag is HJ/T 212-2005.
/// </summary>
public enum Hj212Version
{
    /// <summary>HJ/T 212-2005: no Flag field, or version bits 000000.</summary>
    Hj2005 = 0,

    /// <summary>HJ 212-2017: version bits 000001 (Flag 4..7).</summary>
    Hj2017 = 1,

    /// <summary>HJ 212-2025 (in force since 2026-01-01): version bits 000010 (Flag 8..11).</summary>
    Hj2025 = 2,
}
