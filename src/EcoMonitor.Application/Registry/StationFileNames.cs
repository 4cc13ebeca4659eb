using System.Collections.Frozen;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>The readable strings the registry file uses for enum values, both ways.</summary>
internal static class StationFileNames
{
    /// <summary>Surface-water classes as written (GB 3838-2002 classes I to V).</summary>
    public static readonly string[] RomanClasses = ["I", "II", "III", "IV", "V"];

    /// <summary>GB 3096-2008 acoustic functional zones.</summary>
    public static readonly FrozenSet<string> NoiseZones =
        new[] { "0", "1", "2", "3", "4a", "4b" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, StationType> Types = new Dictionary<string, StationType>(StringComparer.OrdinalIgnoreCase)
    {
        ["airQuality"] = StationType.AirQuality,
        ["surfaceWater"] = StationType.SurfaceWater,
        ["groundwater"] = StationType.Groundwater,
        ["noise"] = StationType.Noise,
        ["radiation"] = StationType.Radiation,
        ["flueGasOutlet"] = StationType.FlueGasOutlet,
        ["wasteWaterOutlet"] = StationType.WasteWaterOutlet,
        ["vocs"] = StationType.Vocs,
        ["dust"] = StationType.Dust,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, ControlLevel> ControlLevels = new Dictionary<string, ControlLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["national"] = ControlLevel.National,
        ["provincial"] = ControlLevel.Provincial,
        ["city"] = ControlLevel.City,
        ["county"] = ControlLevel.County,
        ["国控"] = ControlLevel.National,
        ["省控"] = ControlLevel.Provincial,
        ["市控"] = ControlLevel.City,
        ["县控"] = ControlLevel.County,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, TextEncoding> Encodings = new Dictionary<string, TextEncoding>(StringComparer.OrdinalIgnoreCase)
    {
        ["utf-8"] = TextEncoding.Utf8,
        ["utf8"] = TextEncoding.Utf8,
        ["gbk"] = TextEncoding.Gbk,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, PeriodLabel> PeriodLabels = new Dictionary<string, PeriodLabel>(StringComparer.OrdinalIgnoreCase)
    {
        ["periodStart"] = PeriodLabel.PeriodStart,
        ["periodEnd"] = PeriodLabel.PeriodEnd,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, WaterBodyType> WaterBodies = new Dictionary<string, WaterBodyType>(StringComparer.OrdinalIgnoreCase)
    {
        ["river"] = WaterBodyType.River,
        ["lake"] = WaterBodyType.Lake,
        ["reservoir"] = WaterBodyType.Reservoir,
        ["河流"] = WaterBodyType.River,
        ["湖泊"] = WaterBodyType.Lake,
        ["水库"] = WaterBodyType.Reservoir,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Water classes: Roman (ASCII or the Unicode numerals Ⅰ–Ⅴ the CNEMC pages use) or 1 to 5.</summary>
    public static readonly FrozenDictionary<string, int> WaterClasses = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["I"] = 1, ["II"] = 2, ["III"] = 3, ["IV"] = 4, ["V"] = 5,
        ["Ⅰ"] = 1, ["Ⅱ"] = 2, ["Ⅲ"] = 3, ["Ⅳ"] = 4, ["Ⅴ"] = 5,
        ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4, ["5"] = 5,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string Of(StationType type) => type switch
    {
        StationType.AirQuality => "airQuality",
        StationType.SurfaceWater => "surfaceWater",
        StationType.Groundwater => "groundwater",
        StationType.Noise => "noise",
        StationType.Radiation => "radiation",
        StationType.FlueGasOutlet => "flueGasOutlet",
        StationType.WasteWaterOutlet => "wasteWaterOutlet",
        StationType.Vocs => "vocs",
        StationType.Dust => "dust",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a defined value"),
    };

    public static string Of(WaterBodyType body) => body switch
    {
        WaterBodyType.River => "river",
        WaterBodyType.Lake => "lake",
        WaterBodyType.Reservoir => "reservoir",
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, "not a defined value"),
    };

    public static string Of(ControlLevel level) => level switch
    {
        ControlLevel.National => "national",
        ControlLevel.Provincial => "provincial",
        ControlLevel.City => "city",
        ControlLevel.County => "county",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a defined value"),
    };

    public static string Of(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf8 => "utf-8",
        TextEncoding.Gbk => "gbk",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "not a defined value"),
    };

    public static string Of(PeriodLabel label) => label switch
    {
        PeriodLabel.PeriodStart => "periodStart",
        PeriodLabel.PeriodEnd => "periodEnd",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a defined value"),
    };

    public static string List<T>(FrozenDictionary<string, T> names) =>
        string.Join(", ", names.Keys.Where(k => k.All(char.IsAscii)).Order(StringComparer.Ordinal));
}
