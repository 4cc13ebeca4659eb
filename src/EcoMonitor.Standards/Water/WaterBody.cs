namespace EcoMonitor.Standards.Water;

/// <summary>Kind of surface water, which selects the TP limits (GB 3838-2002 Table 1 item 8) and TN handling.</summary>
public enum WaterBody
{
    /// <summary>River (河流).</summary>
    River,

    /// <summary>Lake or reservoir (湖泊、水库).</summary>
    Lake,
}
