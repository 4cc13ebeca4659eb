using System.Collections.Frozen;
using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// Reads and validates one entry of the station registry file (and of <c>POST /api/v1/stations</c>): every field
/// checked at the door — known names only, text lengths and characters, the region against the GB/T 2260 list
/// (<see cref="RegionCatalog"/>), a password a logger can send — with each problem reported per entry; values quoted
/// in a reason are cut to <see cref="QuotedLength"/> characters.
/// </summary>
public sealed class StationEntryReader
{
    /// <summary>Longest station name (characters).</summary>
    public const int MaxNameLength = 100;

    /// <summary>Longest enterprise name (characters).</summary>
    public const int MaxEnterpriseLength = 200;

    /// <summary>Characters of a refused value repeated in its reason.</summary>
    public const int QuotedLength = 40;

    private static readonly FrozenSet<string> KnownFields = new[]
    {
        "mn", "name", "type", "region", "longitude", "latitude", "controlLevel", "networks", "enterprise", "password",
        "encoding", "periodLabel", "waterTargetClass", "waterBody", "basin", "waterBodyName", "drinkingWaterSource", "noiseZone", "active", "reportingIntervalHours",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly int _index;
    private readonly JsonElement _item;
    private readonly RegionCatalog _regions;
    private readonly List<RegistryEntryError> _errors;
    private readonly int _errorsBefore;
    private string? _mn;

    private StationEntryReader(int index, JsonElement item, RegionCatalog regions, List<RegistryEntryError> errors)
    {
        _index = index;
        _item = item;
        _regions = regions;
        _errors = errors;
        _errorsBefore = errors.Count;
    }

    /// <summary>The station, or null after adding at least one error for this entry; regions are checked against <paramref name="regions"/>.</summary>
    public static Station? Read(int index, JsonElement item, RegionCatalog regions, List<RegistryEntryError> errors)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(errors);
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RegistryEntryError(index, null, string.Empty, "the entry must be a JSON object"));
            return null;
        }

        return new StationEntryReader(index, item, regions, errors).Read();
    }

    private Station? Read()
    {
        string? mn = RegistryJson.GetString(_item, "mn");
        _mn = mn is null ? null : Quote(mn);
        StationId id = default;
        if (mn is null || !StationId.TryParse(mn, out id))
        {
            Fail("mn", mn is null ? "missing; every station needs its HJ 212 MN" : $"'{_mn}' is not a valid MN (1-24 printable ASCII characters without spaces or ; = , &)");
        }

        foreach (JsonProperty property in _item.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
            {
                Fail(property.Name, "unknown field (check the spelling; field names are case-sensitive)");
            }
        }

        string? name = RequiredText("name", MaxNameLength);
        string? password = RequiredText("password", StationPassword.MaxLength);
        if (password is not null && StationPassword.Problem(password) is { } passwordProblem)
        {
            Fail("password", passwordProblem);
            password = null;
        }

        StationType? type = Lookup("type", StationFileNames.Types, required: true);
        RegionCode region = ReadRegion();
        GeoPoint? location = ReadLocation();
        ControlLevel? level = Lookup("controlLevel", StationFileNames.ControlLevels, required: false);
        AssessmentNetworks? networks = ReadNetworks();
        TextEncoding? encoding = Lookup("encoding", StationFileNames.Encodings, required: false);
        PeriodLabel? label = Lookup("periodLabel", StationFileNames.PeriodLabels, required: false);
        int? waterClass = ReadWaterClass(type);
        WaterBodyType? waterBody = ReadWaterBody(type);
        bool drinkingWaterSource = ReadDrinkingWaterSource(type);
        string? basin = ReadWaterName("basin", type);
        string? waterBodyName = ReadWaterName("waterBodyName", type);
        string? noiseZone = ReadNoiseZone(type);
        bool active = ReadActive();
        int reportingHours = ReadReportingInterval();
        string? enterprise = OptionalText("enterprise", MaxEnterpriseLength);

        if (_errors.Count != _errorsBefore)
        {
            return null;
        }

        return new Station
        {
            Id = id, Name = name!, Type = type!.Value, Region = region, Location = location,
            ControlLevel = level ?? ControlLevel.City, Networks = networks ?? Station.NetworksOf(level ?? ControlLevel.City), Enterprise = enterprise, Password = StationPassword.Plain(password!),
            Encoding = encoding ?? TextEncoding.Utf8, PeriodLabel = label ?? PeriodLabel.PeriodStart,
            WaterTargetClass = waterClass, WaterBody = waterBody, Basin = basin, WaterBodyName = waterBodyName, IsDrinkingWaterSource = drinkingWaterSource, NoiseZone = noiseZone, IsActive = active,
            ReportingIntervalHours = reportingHours,
        };
    }

    private void Fail(string field, string reason) =>
        _errors.Add(new RegistryEntryError(_index, _mn, field, reason));

    private string? RequiredText(string field, int maxLength)
    {
        string? value = RegistryJson.GetString(_item, field);
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "missing or empty");
            return null;
        }

        return CheckText(field, value, maxLength);
    }

    private string? OptionalText(string field, int maxLength)
    {
        if (!RegistryJson.Has(_item, field))
        {
            return null;
        }

        string? value = RegistryJson.GetString(_item, field);
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "must be a non-empty string when present");
            return null;
        }

        return CheckText(field, value, maxLength);
    }

    private string? CheckText(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            Fail(field, $"has {value.Length} characters; at most {maxLength}");
            return null;
        }

        if (value.Any(char.IsControl))
        {
            Fail(field, "holds control characters (line breaks, tabs …); write it on one line");
            return null;
        }

        return value;
    }

    private static string Quote(string value) => value.Length <= QuotedLength ? value : string.Concat(value.AsSpan(0, QuotedLength), "…");

    private T? Lookup<T>(string field, FrozenDictionary<string, T> names, bool required)
        where T : struct
    {
        if (!RegistryJson.Has(_item, field))
        {
            if (required)
            {
                Fail(field, $"missing; one of {StationFileNames.List(names)}");
            }

            return null;
        }

        string? text = RegistryJson.GetString(_item, field);
        if (text is not null && names.TryGetValue(text, out T value))
        {
            return value;
        }

        Fail(field, $"'{Display(field)}' is not one of {StationFileNames.List(names)}");
        return null;
    }

    private RegionCode ReadRegion()
    {
        string? text = RegistryJson.GetString(_item, "region");
        if (text is not null && RegionCode.TryParse(text, out RegionCode region))
        {
            if (_regions.Problem(region) is { } problem)
            {
                Fail("region", problem);
            }

            return region;
        }

        Fail("region", text is null
            ? "missing; the 6-digit administrative division code (行政区划代码) of the county or city"
            : $"'{Quote(text)}' is not a 6-digit administrative division code (行政区划代码, e.g. 510104)");
        return default;
    }

    private GeoPoint? ReadLocation()
    {
        bool hasLongitude = RegistryJson.Has(_item, "longitude");
        bool hasLatitude = RegistryJson.Has(_item, "latitude");
        if (!hasLongitude && !hasLatitude)
        {
            return null;
        }

        if (hasLongitude != hasLatitude)
        {
            Fail(hasLongitude ? "latitude" : "longitude", "longitude and latitude go together; give both or neither");
            return null;
        }

        JsonElement lon = _item.GetProperty("longitude");
        JsonElement lat = _item.GetProperty("latitude");
        if (lon.ValueKind != JsonValueKind.Number || lat.ValueKind != JsonValueKind.Number
            || !(lon.GetDouble() is >= -180 and <= 180) || !(lat.GetDouble() is >= -90 and <= 90))
        {
            Fail("longitude", "longitude and latitude must be numbers in decimal degrees (WGS-84), longitude -180..180, latitude -90..90");
            return null;
        }

        return new GeoPoint(lon.GetDouble(), lat.GetDouble());
    }

    private int ReadReportingInterval()
    {
        if (!RegistryJson.Has(_item, "reportingIntervalHours"))
        {
            return 1;
        }

        JsonElement value = _item.GetProperty("reportingIntervalHours");
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int hours) && Station.IsValidReportingInterval(hours))
        {
            return hours;
        }

        Fail("reportingIntervalHours", $"'{Display("reportingIntervalHours")}' is not a reporting interval; write a whole number of hours that divides a day: 1, 2, 3, 4, 6, 8, 12 or 24");
        return 1;
    }

    private int? ReadWaterClass(StationType? type)
    {
        if (!RegistryJson.Has(_item, "waterTargetClass"))
        {
            return null;
        }

        if (type is not (StationType.SurfaceWater or StationType.Groundwater))
        {
            Fail("waterTargetClass", "only surface-water and groundwater stations have a water target class (水质目标)");
            return null;
        }

        string text = Display("waterTargetClass");
        if (StationFileNames.WaterClasses.TryGetValue(text, out int waterClass))
        {
            return waterClass;
        }

        Fail("waterTargetClass", $"'{Quote(text)}' is not a water class; write I, II, III, IV, V or 1 to 5");
        return null;
    }

    private WaterBodyType? ReadWaterBody(StationType? type)
    {
        if (!RegistryJson.Has(_item, "waterBody"))
        {
            return null;
        }

        if (type is not StationType.SurfaceWater)
        {
            Fail("waterBody", "only surface-water sections have a water body (河流/湖泊/水库)");
            return null;
        }

        return Lookup("waterBody", StationFileNames.WaterBodies, required: false);
    }

    private string? ReadWaterName(string field, StationType? type)
    {
        if (!RegistryJson.Has(_item, field))
        {
            return null;
        }

        if (type is not StationType.SurfaceWater)
        {
            Fail(field, "only surface-water sections have a basin or a water body name (流域/河流/湖库名称)");
            return null;
        }

        return OptionalText(field, Station.MaxWaterNameLength);
    }

    private bool ReadDrinkingWaterSource(StationType? type)
    {
        if (!_item.TryGetProperty("drinkingWaterSource", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail("drinkingWaterSource", "must be true or false");
            return false;
        }

        if (value.GetBoolean() && type is not StationType.SurfaceWater)
        {
            Fail("drinkingWaterSource", "only surface-water sections can be drinking-water sources (集中式生活饮用水地表水源地, GB 3838-2002 Table 2)");
            return false;
        }

        return value.GetBoolean();
    }

    private string? ReadNoiseZone(StationType? type)
    {
        if (!RegistryJson.Has(_item, "noiseZone"))
        {
            return null;
        }

        if (type is not StationType.Noise)
        {
            Fail("noiseZone", "only noise stations have an acoustic functional zone (声环境功能区)");
            return null;
        }

        string text = Display("noiseZone");
        string zone = text.ToLowerInvariant();
        if (StationFileNames.NoiseZones.Contains(zone))
        {
            return zone;
        }

        Fail("noiseZone", $"'{Quote(text)}' is not a GB 3096-2008 zone; write 0, 1, 2, 3, 4a or 4b");
        return null;
    }

    /// <summary>The <c>networks</c> array of names (<see cref="AssessmentNetworkNames"/>); null when not given.</summary>
    private AssessmentNetworks? ReadNetworks()
    {
        if (!_item.TryGetProperty("networks", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail("networks", $"must be an array of network names: {AssessmentNetworkNames.Known}");
            return null;
        }

        AssessmentNetworks networks = AssessmentNetworks.None;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string? name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (name is null || !AssessmentNetworkNames.Names.TryGetValue(name, out AssessmentNetworks network))
            {
                Fail("networks", $"'{Quote(name ?? item.GetRawText())}' is not one of {AssessmentNetworkNames.Known}");
                return null;
            }

            networks |= network;
        }

        return networks;
    }

    private bool ReadActive()
    {
        if (!_item.TryGetProperty("active", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail("active", "must be true or false");
        return true;
    }

    /// <summary>The property's value as text for messages (numbers are shown as written).</summary>
    private string Display(string field)
    {
        JsonElement value = _item.GetProperty(field);
        return Quote(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
    }
}
