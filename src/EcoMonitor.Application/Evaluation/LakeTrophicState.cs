using EcoMonitor.Domain;
using EcoMonitor.Standards.Water;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// A lake or reservoir over a period (地表水环境质量评价办法（试行）附, <see cref="TrophicLevelIndex"/>): the mean over its
/// sections of each trophic item, the trophic level index TLI(Σ) and the trophic state when all five items were measured,
/// and the class of the sections' mean of each item (lake limits).
/// </summary>
/// <param name="Name">The lake or reservoir as registered (a section without a registered name stands for itself).</param>
/// <param name="Body">Lake or Reservoir, from its sections.</param>
/// <param name="Sections">Sections with a class in the period.</param>
/// <param name="Chlorophyll">Chlorophyll a, mg/m³ (µg/L); null when not measured.</param>
/// <param name="Tp">Total phosphorus, mg/L.</param>
/// <param name="Tn">Total nitrogen, mg/L.</param>
/// <param name="Transparency">Transparency SD, m.</param>
/// <param name="CodMn">Permanganate index, mg/L.</param>
/// <param name="Tli">TLI(Σ), 1 decimal (GB/T 8170, our choice); null when an item is missing or not positive.</param>
/// <param name="State">The trophic state of <paramref name="Tli"/> as rounded (贫营养 … 重度富营养); null without it.</param>
/// <param name="MissingItems">The trophic items without a positive mean (chla, TP, TN, SD, CODMn).</param>
/// <param name="Class">Class of the sections' mean of each GB 3838-2002 item (single-factor method, lake limits).</param>
/// <param name="TnClass">Class of TN, reported separately for lakes (一(一)1); null when not measured.</param>
public sealed record LakeTrophicState(
    string Name,
    WaterBodyType Body,
    int Sections,
    decimal? Chlorophyll,
    decimal? Tp,
    decimal? Tn,
    decimal? Transparency,
    decimal? CodMn,
    decimal? Tli,
    string? State,
    IReadOnlyList<string> MissingItems,
    WaterClass Class,
    WaterClass? TnClass);
