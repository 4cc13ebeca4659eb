namespace EcoMonitor.Application.Storage;

/// <summary>
/// The tables <c>ecomon migrate</c> copies from one store to another, in copy order, and the neutral row layout of
/// each (CLR values every engine maps: <see cref="DateTime"/> in UTC for instants, <see cref="DateOnly"/> for days,
/// <see cref="decimal"/> for concentrations, the engines' shared text codes for enums). Series are not a table here:
/// observation rows carry station, parameter and interval, and the target finds or creates its own series.
/// </summary>
public static class TransferTables
{
    /// <summary>id, name, type, region, longitude, latitude, control_level, enterprise, password, encoding, period_label, water_target_class, noise_zone, is_active, water_body, drinking_water_source.</summary>
    public const string Stations = "station";

    /// <summary>station_id, parameter, interval, period_start, revision, value, min, max, total, converted, flag, source, received_at (current revisions).</summary>
    public const string Observations = "observation";

    /// <summary>As <see cref="Observations"/>, for the earlier revisions.</summary>
    public const string History = "observation_history";

    /// <summary>received_at, peer, station_id, command_code, request_number, bytes, outcome, reason (the target assigns ids in source id order).</summary>
    public const string Frames = "raw_frame";

    /// <summary>station_id, request_number, packet_number, committed_at.</summary>
    public const string Packets = "packet";

    /// <summary>scope, code, hour_start, so2, no2, pm10, pm25, co, o3, aqi, primary_pollutants, exceeding_pollutants.</summary>
    public const string AqiHours = "aqi_hour";

    /// <summary>scope, code, day, so2, no2, pm10, pm25, co, o3_max_1h, o3_max_8h, is_valid, aqi, primary_pollutants, exceeding_pollutants.</summary>
    public const string AqiDays = "aqi_day";

    /// <summary>station_id, day, means (the store's JSON text of <see cref="WaterItemMean"/>s), water_class.</summary>
    public const string WaterDays = "water_day";

    /// <summary>Every table, in copy order.</summary>
    public static IReadOnlyList<string> All { get; } = [Stations, Observations, History, Frames, Packets, AqiHours, AqiDays, WaterDays];
}
