namespace EcoMonitor.Standards.Soil;

/// <summary>Land use of GB 15618-2018 Table 1.</summary>
public enum SoilLandUse
{
    /// <summary>水田 paddy field.</summary>
    Paddy,

    /// <summary>其他 other agricultural land (upland, vegetable, …).</summary>
    Other,

    /// <summary>果园 orchard (only Cu has its own row; other items use <see cref="Other"/>).</summary>
    Orchard,
}
