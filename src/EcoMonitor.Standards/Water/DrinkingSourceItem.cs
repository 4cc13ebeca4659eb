namespace EcoMonitor.Standards.Water;

/// <summary>The supplementary items of GB 3838-2002 Table 2 for centralized drinking-water sources (集中式生活饮用水地表水源地).</summary>
public enum DrinkingSourceItem
{
    /// <summary>硫酸盐, as SO4²⁻.</summary>
    Sulfate,

    /// <summary>氯化物, as Cl⁻.</summary>
    Chloride,

    /// <summary>硝酸盐, as N.</summary>
    Nitrate,

    /// <summary>铁.</summary>
    Fe,

    /// <summary>锰.</summary>
    Mn,
}
