namespace EcoMonitor.Standards.Water;

/// <summary>An item worse than class III at some sections of a river, basin or region over a period.</summary>
/// <param name="Item">The item.</param>
/// <param name="Sections">Sections at which the item is worse than class III.</param>
/// <param name="Rate">Section exceedance rate (断面超标率): <paramref name="Sections"/> / all sections × 100 %, 1 decimal
/// (GB/T 8170).</param>
/// <param name="MaxMultiple">The largest exceedance multiple (C − S_III) / S_III among those sections; null for pH and
/// DO, which have none (二(四)).</param>
public sealed record ItemExceedance(SurfaceWaterItem Item, int Sections, decimal Rate, decimal? MaxMultiple);
