namespace EcoMonitor.Standards.Water;

/// <summary>
/// Basic items of GB 3838-2002 Table 1 with numeric limits (water temperature has none and is left out), in
/// <c>ecomon eval</c> spelling: the enum name is the JSON <c>ref_key</c>.
/// </summary>
public enum SurfaceWaterItem
{
    /// <summary>pH (dimensionless), range 6–9.</summary>
    pH,

    /// <summary>Dissolved oxygen, mg/L, a "not less than" item.</summary>
    DO,

    /// <summary>Permanganate index.</summary>
    CODMn,

    /// <summary>Chemical oxygen demand.</summary>
    COD,

    /// <summary>Five-day biochemical oxygen demand.</summary>
    BOD5,

    /// <summary>Ammonia nitrogen.</summary>
    NH3N,

    /// <summary>Total phosphorus (river or lake limits).</summary>
    TP,

    /// <summary>Total nitrogen (lakes and reservoirs).</summary>
    TN,

    /// <summary>Copper.</summary>
    Cu,

    /// <summary>Zinc.</summary>
    Zn,

    /// <summary>Fluoride.</summary>
    F,

    /// <summary>Selenium.</summary>
    Se,

    /// <summary>Arsenic.</summary>
    As,

    /// <summary>Mercury.</summary>
    Hg,

    /// <summary>Cadmium.</summary>
    Cd,

    /// <summary>Hexavalent chromium.</summary>
    Cr6,

    /// <summary>Lead.</summary>
    Pb,

    /// <summary>Cyanide.</summary>
    CN,

    /// <summary>Volatile phenol.</summary>
    VPhenol,

    /// <summary>Petroleum.</summary>
    Oil,

    /// <summary>Anionic surfactant.</summary>
    LAS,

    /// <summary>Sulfide.</summary>
    Sulfide,

    /// <summary>Fecal coliform, count/L.</summary>
    FecalColi,
}
