using EcoMonitor.Standards.Water;

namespace EcoMonitor.Web.Api;

/// <summary>An item worse than class III at some sections of a basin or river.</summary>
/// <param name="Item">The item (pH, DO, CODMn, NH3N, TP …).</param>
/// <param name="Sections">Sections at which it is worse than class III.</param>
/// <param name="Rate">Section exceedance rate (断面超标率), %, 1 decimal.</param>
/// <param name="MaxMultiple">Largest exceedance multiple (C − S_III) / S_III among them, 2 decimals; null for pH and DO.</param>
public sealed record ItemExceedanceDto(string Item, int Sections, decimal Rate, decimal? MaxMultiple)
{
    /// <summary>Maps one exceeding item.</summary>
    public static ItemExceedanceDto From(ItemExceedance e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Item.ToString(), e.Sections, e.Rate, e.MaxMultiple);
    }
}
