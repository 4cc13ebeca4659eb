using System.Collections.Frozen;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The GB 3838-2002 Table 1 items and the Table 2 supplementary items of drinking-water sources as HJ 212-2017
/// parameter codes (config/parameters.json), and the water body of a section as the standard evaluates it (lakes and
/// reservoirs alike).
/// </summary>
public static class WaterParameters
{
    /// <summary>Item of each code.</summary>
    public static readonly FrozenDictionary<ParameterCode, SurfaceWaterItem> Items = new Dictionary<string, SurfaceWaterItem>
    {
        ["w01001"] = SurfaceWaterItem.pH, ["w01009"] = SurfaceWaterItem.DO, ["w01019"] = SurfaceWaterItem.CODMn,
        ["w01018"] = SurfaceWaterItem.COD, ["w01017"] = SurfaceWaterItem.BOD5, ["w21003"] = SurfaceWaterItem.NH3N,
        ["w21011"] = SurfaceWaterItem.TP, ["w21001"] = SurfaceWaterItem.TN, ["w20122"] = SurfaceWaterItem.Cu,
        ["w20123"] = SurfaceWaterItem.Zn, ["w21017"] = SurfaceWaterItem.F, ["w20128"] = SurfaceWaterItem.Se,
        ["w20119"] = SurfaceWaterItem.As, ["w20111"] = SurfaceWaterItem.Hg, ["w20115"] = SurfaceWaterItem.Cd,
        ["w20117"] = SurfaceWaterItem.Cr6, ["w20120"] = SurfaceWaterItem.Pb, ["w21016"] = SurfaceWaterItem.CN,
        ["w23002"] = SurfaceWaterItem.VPhenol, ["w22001"] = SurfaceWaterItem.Oil, ["w19002"] = SurfaceWaterItem.LAS,
        ["w21019"] = SurfaceWaterItem.Sulfide, ["w02003"] = SurfaceWaterItem.FecalColi,
    }.ToFrozenDictionary(p => ParameterCode.Parse(p.Key), p => p.Value);

    /// <summary>The codes, ordered.</summary>
    public static readonly ParameterCode[] Codes = [.. Items.Keys.OrderBy(c => c.Value, StringComparer.Ordinal)];

    /// <summary>
    /// Table 2 item of each code: w21038 sulfate, w21022 chloride, w21007 nitrate (GB 3838 gives it as N), w20125 total
    /// Fe, w20124 total Mn (HJ 212-2017 "total" codes, config/parameters.json).
    /// </summary>
    public static readonly FrozenDictionary<ParameterCode, DrinkingSourceItem> SupplementaryItems = new Dictionary<string, DrinkingSourceItem>
    {
        ["w21038"] = DrinkingSourceItem.Sulfate, ["w21022"] = DrinkingSourceItem.Chloride, ["w21007"] = DrinkingSourceItem.Nitrate,
        ["w20125"] = DrinkingSourceItem.Fe, ["w20124"] = DrinkingSourceItem.Mn,
    }.ToFrozenDictionary(p => ParameterCode.Parse(p.Key), p => p.Value);

    /// <summary>
    /// Chlorophyll a (叶绿素a, µg/L = mg/m³), an item of the lake trophic level index (地表水环境质量评价办法 附). Code w01016
    /// from one public data-logger code table, not the HJ 212-2017 text (config/parameters.json marks it unconfirmed).
    /// </summary>
    public static readonly ParameterCode Chlorophyll = ParameterCode.Parse("w01016");

    /// <summary>
    /// Transparency (透明度, SD, m), an item of the lake trophic level index. Code w01004 from the same single source as
    /// <see cref="Chlorophyll"/> (unconfirmed).
    /// </summary>
    public static readonly ParameterCode Transparency = ParameterCode.Parse("w01004");

    /// <summary>Table 1 and Table 2 codes and the two trophic-only items, ordered: what a section's day averages.</summary>
    public static readonly ParameterCode[] AllCodes = [.. Items.Keys.Concat(SupplementaryItems.Keys).Append(Chlorophyll).Append(Transparency)
        .OrderBy(c => c.Value, StringComparer.Ordinal)];

    /// <summary>True for a Table 1 or Table 2 code or a trophic-only item (chlorophyll a, transparency).</summary>
    public static bool IsWaterItem(ParameterCode parameter) =>
        Items.ContainsKey(parameter) || SupplementaryItems.ContainsKey(parameter) || parameter == Chlorophyll || parameter == Transparency;

    /// <summary>How GB 3838-2002 evaluates a section's water body: a lake or reservoir as a lake, anything else as a river.</summary>
    public static WaterBody BodyOf(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return station.WaterBody is WaterBodyType.Lake or WaterBodyType.Reservoir ? WaterBody.Lake : WaterBody.River;
    }

    /// <summary>The items of <paramref name="means"/> as the standard's sample.</summary>
    public static Dictionary<SurfaceWaterItem, decimal> Sample(IEnumerable<(ParameterCode Parameter, decimal Value)> means)
    {
        ArgumentNullException.ThrowIfNull(means);
        Dictionary<SurfaceWaterItem, decimal> sample = [];
        foreach ((ParameterCode parameter, decimal value) in means)
        {
            if (Items.TryGetValue(parameter, out SurfaceWaterItem item))
            {
                sample[item] = value;
            }
        }

        return sample;
    }
}
