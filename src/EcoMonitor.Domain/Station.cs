namespace EcoMonitor.Domain;

/// <summary>
/// A monitoring point in the registry: identified by its HJ 212 MN, placed in a region, authenticated by its
/// password. Immutable; the registry replaces the whole record on change.
/// </summary>
public sealed record Station
{
    /// <summary>HJ 212 MN.</summary>
    public required StationId Id { get; init; }

    /// <summary>Display name (Chinese), e.g. 金泉两河.</summary>
    public required string Name { get; init; }

    /// <summary>What the station monitors.</summary>
    public required StationType Type { get; init; }

    /// <summary>County or city the station lies in.</summary>
    public required RegionCode Region { get; init; }

    /// <summary>Position, when known.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>国控/省控/市控/县控.</summary>
    public ControlLevel ControlLevel { get; init; } = ControlLevel.City;

    /// <summary>
    /// The networks the station counts for. Not set: the network of its <see cref="ControlLevel"/>
    /// (<see cref="NetworksOf(ControlLevel)"/>) — the registry file, the API and the stores always set it.
    /// </summary>
    public AssessmentNetworks Networks
    {
        get => _networks ?? NetworksOf(ControlLevel);
        init => _networks = value;
    }

    private readonly AssessmentNetworks? _networks;

    /// <summary>The enterprise (排污单位) that owns an outlet; null for ambient stations.</summary>
    public string? Enterprise { get; init; }

    /// <summary>
    /// HJ 212 access password (PW): plain as an operator gives it (registry file, API), hashed once the registry has
    /// stored it (<see cref="StationPassword"/>).
    /// </summary>
    public required StationPassword Password { get; init; }

    /// <summary>Encoding of non-ASCII text fields the logger sends.</summary>
    public TextEncoding Encoding { get; init; } = TextEncoding.Utf8;

    /// <summary>How this source labels its periods; HJ 212 loggers label the start.</summary>
    public PeriodLabel PeriodLabel { get; init; } = PeriodLabel.PeriodStart;

    /// <summary>Surface-water target class (水质目标, 1..5 for I..V); null when not a water station.</summary>
    public int? WaterTargetClass { get; init; }

    /// <summary>Water body of a surface-water section; null (not a section, or a river when not given).</summary>
    public WaterBodyType? WaterBody { get; init; }

    /// <summary>
    /// Basin (流域) of a surface-water section as the assessment names it, e.g. 长江流域; null when not given. Sections of
    /// one basin are rated together (地表水环境质量评价办法（试行）二(二)). At most <see cref="MaxWaterNameLength"/> characters.
    /// </summary>
    public string? Basin { get; init; }

    /// <summary>
    /// Name of the river, lake or reservoir a surface-water section samples, e.g. 红枫湖; null when not given. Sections of
    /// one water body are rated together (rivers) or given one trophic state (lakes and reservoirs). At most
    /// <see cref="MaxWaterNameLength"/> characters.
    /// </summary>
    public string? WaterBodyName { get; init; }

    /// <summary>Longest <see cref="Basin"/> or <see cref="WaterBodyName"/>, in characters.</summary>
    public const int MaxWaterNameLength = 32;

    /// <summary>
    /// True for a surface-water section that is a centralized drinking-water source (集中式生活饮用水地表水源地): it is
    /// also assessed against the GB 3838-2002 Table 2 supplementary items. False for every other station.
    /// </summary>
    public bool IsDrinkingWaterSource { get; init; }

    /// <summary>GB 3096-2008 acoustic functional zone (0, 1, 2, 3, 4a, 4b); null when not a noise station.</summary>
    public string? NoiseZone { get; init; }

    /// <summary>
    /// How often the station is expected to report an hour value, in hours: 1 (hourly, the default), or 2, 3, 4, 6, 8, 12
    /// or 24 (e.g. 4 for surface-water stations that measure every four hours). Periods are counted from 00:00 CST.
    /// Completeness and on-time figures expect one value per parameter per interval.
    /// </summary>
    public int ReportingIntervalHours { get; init; } = 1;

    /// <summary>
    /// The network a station of <paramref name="level"/> counts for when none is given: 国控 national assessment, 省控
    /// provincial, 市控 city, 县控 county (the default of stations registered before networks existed, migration 21).
    /// </summary>
    public static AssessmentNetworks NetworksOf(ControlLevel level) => level switch
    {
        ControlLevel.National => AssessmentNetworks.National,
        ControlLevel.Provincial => AssessmentNetworks.Provincial,
        ControlLevel.City => AssessmentNetworks.City,
        ControlLevel.County => AssessmentNetworks.County,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a defined value"),
    };

    /// <summary>
    /// Equal when every attribute is, <see cref="Networks"/> compared as the station counts (a station whose networks
    /// were not set equals the same station with the networks of its control level).
    /// </summary>
    public bool Equals(Station? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && Type == other.Type && Region == other.Region && Location == other.Location
        && ControlLevel == other.ControlLevel && Networks == other.Networks && Enterprise == other.Enterprise
        && Password == other.Password && Encoding == other.Encoding && PeriodLabel == other.PeriodLabel
        && WaterTargetClass == other.WaterTargetClass && WaterBody == other.WaterBody
        && Basin == other.Basin && WaterBodyName == other.WaterBodyName
        && IsDrinkingWaterSource == other.IsDrinkingWaterSource && NoiseZone == other.NoiseZone
        && ReportingIntervalHours == other.ReportingIntervalHours && IsActive == other.IsActive;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Type, Region, Networks, Password, IsActive);

    /// <summary>True when <paramref name="hours"/> is a valid <see cref="ReportingIntervalHours"/>: 1 to 24 and a divisor of 24.</summary>
    public static bool IsValidReportingInterval(int hours) => hours is >= 1 and <= 24 && 24 % hours == 0;

    /// <summary>Set to false to refuse the station's data without deleting it.</summary>
    public bool IsActive { get; init; } = true;
}
