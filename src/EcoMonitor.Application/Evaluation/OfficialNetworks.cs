using EcoMonitor.Domain;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// Which network's stations make a city's or county's official figures (ADR 0037, docs/standards.md "Assessment
/// networks"): a city's are its national assessment stations (国控城市点: HJ 663-2013 clause 4 averages a city's
/// assessment points, and 城市环境空气质量排名技术规定 ranks cities on the national network's), a county's its
/// provincial assessment stations (the province ranks its counties on its own network). A region without any station
/// of that network in the registry takes the next network of <see cref="CityOrder"/> or <see cref="CountyOrder"/> that
/// it has; a region with none of them has no official figure. Background, sensor and research stations never count.
/// Pure and thread-safe.
/// </summary>
public static class OfficialNetworks
{
    /// <summary>A city's networks, official first: national, then provincial, then the city's own.</summary>
    public static readonly AssessmentNetworks[] CityOrder = [AssessmentNetworks.National, AssessmentNetworks.Provincial, AssessmentNetworks.City];

    /// <summary>
    /// A county's networks, official first: provincial, then national, then the county's own, then the city's (the
    /// 市控 stations of a city's urban district, 区, are what such a district has).
    /// </summary>
    public static readonly AssessmentNetworks[] CountyOrder =
        [AssessmentNetworks.Provincial, AssessmentNetworks.National, AssessmentNetworks.County, AssessmentNetworks.City];

    /// <summary>
    /// The network whose stations among <paramref name="members"/> (the region's air-quality stations) make the official
    /// figures of a region of <paramref name="scope"/> (<see cref="EvaluationScope.City"/> or <see cref="EvaluationScope.County"/>);
    /// null when the region has no station of any network of its order.
    /// </summary>
    public static AssessmentNetworks? Of(EvaluationScope scope, IReadOnlyCollection<Station> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        AssessmentNetworks[] order = scope switch
        {
            EvaluationScope.City => CityOrder,
            EvaluationScope.County => CountyOrder,
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "only a city or county has official figures"),
        };
        foreach (AssessmentNetworks network in order)
        {
            if (members.Any(s => s.Networks.HasFlag(network)))
            {
                return network;
            }
        }

        return null;
    }
}
