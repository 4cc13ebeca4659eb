using EcoMonitor.Application.Evaluation;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Web.Api;

/// <summary>A lake's or reservoir's trophic state for a period (地表水环境质量评价办法（试行）附, TLI).</summary>
/// <param name="Name">The lake or reservoir as registered (a section without a name stands for itself).</param>
/// <param name="Body">Lake or Reservoir.</param>
/// <param name="Sections">Sections with a class in the period.</param>
/// <param name="Chlorophyll">Chlorophyll a (w01016), mg/m³ = µg/L: mean over the sections of their period means; null when not measured.</param>
/// <param name="Tp">Total phosphorus (w21011), mg/L.</param>
/// <param name="Tn">Total nitrogen (w21001), mg/L.</param>
/// <param name="Transparency">Transparency SD (w01004), m.</param>
/// <param name="CodMn">Permanganate index (w01019), mg/L.</param>
/// <param name="Tli">TLI(Σ), 1 decimal; null when an item is missing.</param>
/// <param name="State">贫营养, 中营养, 轻度富营养, 中度富营养 or 重度富营养; null without a TLI.</param>
/// <param name="MissingItems">Trophic items not measured (chla, TP, TN, SD, CODMn).</param>
/// <param name="ClassName">Class of the sections' mean of each item (lake limits), I … 劣V.</param>
/// <param name="Quality">Its quality word.</param>
/// <param name="TnClassName">Class of TN, reported separately for lakes; null when not measured.</param>
public sealed record LakeTrophicDto(
    string Name, WaterBodyType Body, int Sections, decimal? Chlorophyll, decimal? Tp, decimal? Tn, decimal? Transparency, decimal? CodMn,
    decimal? Tli, string? State, string[] MissingItems, string ClassName, string Quality, string? TnClassName)
{
    /// <summary>Maps one lake.</summary>
    public static LakeTrophicDto From(LakeTrophicState l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.Name, l.Body, l.Sections, Round(l.Chlorophyll), Round(l.Tp), Round(l.Tn), Round(l.Transparency), Round(l.CodMn),
            l.Tli, l.State, [.. l.MissingItems], WaterClassNames.Name(l.Class), WaterClassNames.Quality(l.Class),
            l.TnClass is { } tn ? WaterClassNames.Name(tn) : null);
    }

    private static decimal? Round(decimal? value) => value is { } v ? Standards.Rounding.GbT8170.Round(v, 4) : null;
}
