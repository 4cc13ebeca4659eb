using System.Collections.Frozen;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// Names of the <see cref="AssessmentNetworks"/> in the registry file, the API and the stores: English names (the
/// stored and written form) and the Chinese names operators use, as <see cref="StationFileNames"/> does for control
/// levels. Thread-safe (immutable tables).
/// </summary>
public static class AssessmentNetworkNames
{
    /// <summary>Every single network, in the order names are written.</summary>
    public static readonly AssessmentNetworks[] All =
    [
        AssessmentNetworks.National, AssessmentNetworks.Provincial, AssessmentNetworks.City, AssessmentNetworks.County,
        AssessmentNetworks.Background, AssessmentNetworks.Sensor, AssessmentNetworks.Research,
    ];

    /// <summary>Accepted names (case-insensitive) of each single network.</summary>
    public static readonly FrozenDictionary<string, AssessmentNetworks> Names = new Dictionary<string, AssessmentNetworks>(StringComparer.OrdinalIgnoreCase)
    {
        ["national"] = AssessmentNetworks.National,
        ["provincial"] = AssessmentNetworks.Provincial,
        ["city"] = AssessmentNetworks.City,
        ["county"] = AssessmentNetworks.County,
        ["background"] = AssessmentNetworks.Background,
        ["sensor"] = AssessmentNetworks.Sensor,
        ["research"] = AssessmentNetworks.Research,
        ["国控"] = AssessmentNetworks.National,
        ["国家考核"] = AssessmentNetworks.National,
        ["省控"] = AssessmentNetworks.Provincial,
        ["市控"] = AssessmentNetworks.City,
        ["县控"] = AssessmentNetworks.County,
        ["对照点"] = AssessmentNetworks.Background,
        ["背景点"] = AssessmentNetworks.Background,
        ["微站"] = AssessmentNetworks.Sensor,
        ["传感器"] = AssessmentNetworks.Sensor,
        ["科研"] = AssessmentNetworks.Research,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The English name of one network (<c>national</c> … <c>research</c>).</summary>
    public static string Of(AssessmentNetworks network) => network switch
    {
        AssessmentNetworks.National => "national",
        AssessmentNetworks.Provincial => "provincial",
        AssessmentNetworks.City => "city",
        AssessmentNetworks.County => "county",
        AssessmentNetworks.Background => "background",
        AssessmentNetworks.Sensor => "sensor",
        AssessmentNetworks.Research => "research",
        _ => throw new ArgumentOutOfRangeException(nameof(network), network, "not a single network"),
    };

    /// <summary>The English names of the networks in <paramref name="networks"/>, in <see cref="All"/> order (empty for none).</summary>
    public static string[] ListOf(AssessmentNetworks networks) => [.. All.Where(n => networks.HasFlag(n)).Select(Of)];

    /// <summary>The accepted English names, for messages.</summary>
    public static string Known => string.Join(", ", All.Select(Of));
}
