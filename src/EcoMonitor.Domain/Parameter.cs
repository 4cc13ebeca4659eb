namespace EcoMonitor.Domain;

/// <summary>A monitored parameter (监测因子) with its unit and display precision.</summary>
public sealed record Parameter
{
    /// <summary>HJ 212-2017 code, canonical id.</summary>
    public required ParameterCode Code { get; init; }

    /// <summary>Chinese name, e.g. 细颗粒物.</summary>
    public required string NameZh { get; init; }

    /// <summary>English name, e.g. PM2.5.</summary>
    public required string NameEn { get; init; }

    /// <summary>Unit as written in the standard, e.g. µg/m³, mg/m³, mg/L, dB(A); empty for dimensionless.</summary>
    public required string Unit { get; init; }

    /// <summary>Decimals shown and reported.</summary>
    public int Decimals { get; init; }

    /// <summary>Medium: air, water, noise, meteorology, outlet, other.</summary>
    public required string Medium { get; init; }

    /// <summary>The HJ/T 212-2005 code mapped to this parameter, if any (e.g. <c>011</c> for COD w01018).</summary>
    public string? Hj2005Code { get; init; }
}
