using System.Collections.Frozen;
using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The administrative division codes (行政区划代码, GB/T 2260) a station may be placed in: the list shipped with the
/// platform (<c>Registry/region-codes.json</c>, built by <c>tools/build_regions.py</c> from the 2019 boundaries of the
/// shared geo data: every province and prefecture, and the counties of the prefectures whose county boundaries it has),
/// plus codes an operator adds (<c>Registry:ExtraRegionCodes</c>, e.g. a district created since). A province or
/// prefecture code must be listed; a county code must be listed where its prefecture's counties are, and elsewhere needs
/// a listed prefecture. Immutable; thread-safe.
/// </summary>
public sealed class RegionCatalog
{
    private const string ResourceName = "EcoMonitor.Application.Registry.region-codes.json";
    private readonly FrozenDictionary<string, string> _names;
    private readonly FrozenSet<string> _countyLists;
    private readonly FrozenSet<string> _extra;

    private RegionCatalog(FrozenDictionary<string, string> names, FrozenSet<string> countyLists, FrozenSet<string> extra)
    {
        _names = names;
        _countyLists = countyLists;
        _extra = extra;
    }

    /// <summary>The list shipped with the platform.</summary>
    public static RegionCatalog Shipped { get; } = Load();

    /// <summary>Codes listed (for tests and figures).</summary>
    public int Count => _names.Count;

    /// <summary>This catalog with <paramref name="codes"/> accepted too.</summary>
    /// <exception cref="ArgumentException">A code is not six digits.</exception>
    public RegionCatalog With(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        string[] extra = [.. codes];
        foreach (string code in extra)
        {
            if (!RegionCode.TryParse(code, out _))
            {
                throw new ArgumentException($"'{code}' is not a 6-digit region code (Registry:ExtraRegionCodes).", nameof(codes));
            }
        }

        return new RegionCatalog(_names, _countyLists, [.. _extra, .. extra]);
    }

    /// <summary>The Chinese name of a listed code, or null.</summary>
    public string? NameOf(RegionCode code) => _names.GetValueOrDefault(code.Value);

    /// <summary>Null when a station may be placed in <paramref name="code"/>; else why not (operator-readable).</summary>
    public string? Problem(RegionCode code)
    {
        string value = code.Value;
        if (_names.ContainsKey(value) || _extra.Contains(value))
        {
            return null;
        }

        string prefecture = code.Prefecture.Value;
        bool isCounty = value != prefecture;
        if (isCounty && _names.ContainsKey(prefecture) && !_countyLists.Contains(prefecture))
        {
            return null;
        }

        string what = !_names.ContainsKey(code.Province.Value) ? $"province {code.Province.Value[..2]} does not exist"
            : isCounty && _names.TryGetValue(prefecture, out string? name) ? $"{prefecture} {name} has no county {value}"
            : $"there is no prefecture {prefecture}";
        return $"'{value}' is not an administrative division code of GB/T 2260 ({what}); a code created after 2019 is added with Registry:ExtraRegionCodes";
    }

    private static RegionCatalog Load()
    {
        using Stream stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded region list {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        JsonElement root = document.RootElement;
        var names = root.GetProperty("codes").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var countyLists = root.GetProperty("countyListsFor").EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.Ordinal);
        return new RegionCatalog(names, countyLists, FrozenSet<string>.Empty);
    }
}
