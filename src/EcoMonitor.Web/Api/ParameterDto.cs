using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api;

/// <summary>A monitored parameter of the catalog.</summary>
/// <param name="Code">HJ 212-2017 code.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Unit">Unit, empty when dimensionless.</param>
/// <param name="Decimals">Decimals shown.</param>
/// <param name="Medium">air, water, noise, meteorology….</param>
/// <param name="Hj2005Code">The HJ/T 212-2005 code mapped to it, if any.</param>
public sealed record ParameterDto(string Code, string NameZh, string NameEn, string Unit, int Decimals, string Medium, string? Hj2005Code)
{
    /// <summary>Maps a catalog entry.</summary>
    public static ParameterDto From(Parameter p) => new(p.Code.Value, p.NameZh, p.NameEn, p.Unit, p.Decimals, p.Medium, p.Hj2005Code);
}
