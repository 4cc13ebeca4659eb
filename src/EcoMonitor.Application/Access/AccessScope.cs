using EcoMonitor.Domain;

namespace EcoMonitor.Application.Access;

/// <summary>
/// Which stations a caller sees (ADR 0036 §4): a jurisdiction (a province covers its cities and counties, a city its
/// counties, <see cref="RegionCode.Nation"/> every region) and, for an enterprise user, the enterprise whose outlets are
/// theirs. Every station-bound staff read and write is limited by the caller's scope; published data are not.
/// </summary>
public sealed record AccessScope
{
    /// <summary>The prefix no region code starts with: what <see cref="Nothing"/> filters region columns by.</summary>
    private const string NoRegion = "none";

    private readonly bool _isNothing;

    private AccessScope(RegionCode? jurisdiction, string? enterprise, bool isNothing)
    {
        Jurisdiction = jurisdiction;
        Enterprise = enterprise;
        _isNothing = isNothing;
    }

    /// <summary>Every station: the administrators, the emergency key, the platform's own workers, and published data.</summary>
    public static AccessScope Everything { get; } = new(null, null, isNothing: false);

    /// <summary>No station: a staff account whose roles read station data but which has no jurisdiction (deny by default).</summary>
    public static AccessScope Nothing { get; } = new(null, null, isNothing: true);

    /// <summary>The stations within <paramref name="jurisdiction"/>; for an enterprise user only those of <paramref name="enterprise"/>.</summary>
    public static AccessScope Of(RegionCode jurisdiction, string? enterprise) =>
        new(jurisdiction, string.IsNullOrWhiteSpace(enterprise) ? null : enterprise.Trim(), isNothing: false);

    /// <summary>The jurisdiction; null for <see cref="Everything"/> and <see cref="Nothing"/>.</summary>
    public RegionCode? Jurisdiction { get; }

    /// <summary>The enterprise of an enterprise user; null otherwise.</summary>
    public string? Enterprise { get; }

    /// <summary>True when nothing is left out (no jurisdiction and no enterprise, or the whole country and no enterprise).</summary>
    public bool IsEverything => !_isNothing && Enterprise is null && (Jurisdiction is null || Jurisdiction.Value.Prefix.Length == 0);

    /// <summary>
    /// The leading digits every region code in scope starts with, for a store's <c>LIKE prefix%</c>; null when the scope
    /// does not limit regions. <see cref="Nothing"/> gives a prefix no code has.
    /// </summary>
    public string? RegionPrefix =>
        _isNothing ? NoRegion
        : Jurisdiction is { } jurisdiction && jurisdiction.Prefix.Length > 0 ? jurisdiction.Prefix
        : null;

    /// <summary>True when <paramref name="station"/> is in scope.</summary>
    public bool Covers(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return Covers(station.Region, station.Enterprise);
    }

    /// <summary>True when a station-bound item of <paramref name="region"/> and <paramref name="enterprise"/> is in scope.</summary>
    public bool Covers(RegionCode region, string? enterprise) =>
        !_isNothing
        && (Jurisdiction is not { } jurisdiction || jurisdiction.Contains(region))
        && (Enterprise is null || string.Equals(enterprise?.Trim(), Enterprise, StringComparison.Ordinal));

    /// <summary>
    /// True when an item recorded with <paramref name="region"/> as text (an alarm's region: a station's or a city's code,
    /// or none) and <paramref name="enterprise"/> is in scope; an item of no region is only in <see cref="Everything"/>.
    /// </summary>
    public bool Covers(string? region, string? enterprise) =>
        IsEverything || (RegionCode.TryParse(region, out RegionCode code) && Covers(code, enterprise));

    /// <summary>The stations of <paramref name="stations"/> in scope, in their order.</summary>
    public IReadOnlyList<Station> Filter(IReadOnlyList<Station> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        return IsEverything ? stations : [.. stations.Where(Covers)];
    }

    /// <inheritdoc />
    public override string ToString() =>
        _isNothing ? "nothing" : Jurisdiction is null ? "everything" : Enterprise is null ? $"{Jurisdiction}" : $"{Jurisdiction}/{Enterprise}";
}
