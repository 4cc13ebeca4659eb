namespace EcoMonitor.Domain;

/// <summary>
/// The kind of water body a surface-water section samples. Lakes and reservoirs (湖库) are evaluated with their own
/// TP limits (GB 3838-2002 Table 1 item 9); TN is reported separately for every section (地表水环境质量评价办法（试行）).
/// </summary>
public enum WaterBodyType
{
    /// <summary>A river or canal section (河流断面).</summary>
    River,

    /// <summary>A lake point (湖泊点位).</summary>
    Lake,

    /// <summary>A reservoir point (水库点位), evaluated as a lake.</summary>
    Reservoir,
}
