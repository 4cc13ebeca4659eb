using System.Text.Json;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Registry;

/// <summary>
/// The station registry file operators edit (<c>config/stations.json</c>; format in docs/registry.md): one JSON
/// object with a <c>stations</c> array. Parsing is forgiving per entry: a broken entry is reported with its index,
/// MN and field and the other entries are kept. Stateless and thread-safe.
/// </summary>
public static partial class StationRegistryFile
{
    /// <summary>
    /// Reads a registry file, checking regions against <paramref name="regions"/>. Duplicated MNs reject every entry
    /// carrying that MN (the file is ambiguous about which password and region are meant). A document that is not JSON
    /// gives no stations and one error with index -1.
    /// </summary>
    public static StationRegistryParseResult Parse(Stream stream, RegionCatalog regions)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(regions);
        var errors = new List<RegistryEntryError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, RegistryJson.DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(new RegistryEntryError(-1, null, string.Empty, $"the file is not valid JSON: {ex.Message}"));
            return new StationRegistryParseResult([], errors);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("stations", out JsonElement list)
                || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new RegistryEntryError(-1, null, "stations", "the document must be an object with a 'stations' array"));
                return new StationRegistryParseResult([], errors);
            }

            return Read(list.EnumerateArray(), regions, errors);
        }
    }

    /// <summary>
    /// Reads registry entries (a file's <c>stations</c> array, or the body of <c>POST /api/v1/stations</c>) by the same
    /// rules: each entry validated (<see cref="StationEntryReader"/>), duplicated MNs rejecting every entry that carries them.
    /// </summary>
    public static StationRegistryParseResult Read(IEnumerable<JsonElement> entries, RegionCatalog regions) => Read(entries, regions, []);

    private static StationRegistryParseResult Read(IEnumerable<JsonElement> entries, RegionCatalog regions, List<RegistryEntryError> errors)
    {
        var parsed = new List<(int Index, Station Station)>();
        int index = 0;
        foreach (JsonElement item in entries)
        {
            Station? station = StationEntryReader.Read(index, item, regions, errors);
            if (station is not null)
            {
                parsed.Add((index, station));
            }

            index++;
        }

        return new StationRegistryParseResult(RejectDuplicates(parsed, errors), errors);
    }

    private static List<Station> RejectDuplicates(List<(int Index, Station Station)> parsed, List<RegistryEntryError> errors)
    {
        var byMn = parsed.ToLookup(p => p.Station.Id);
        var stations = new List<Station>(parsed.Count);
        foreach ((int index, Station station) in parsed)
        {
            var same = byMn[station.Id];
            if (same.Count() == 1)
            {
                stations.Add(station);
                continue;
            }

            string others = string.Join(", ", same.Select(p => p.Index).Where(i => i != index));
            errors.Add(new RegistryEntryError(index, station.Id.Value, "mn", $"the MN is also used by entry {others}; none of these entries is loaded until the duplicates are removed"));
        }

        errors.Sort((a, b) => a.Index.CompareTo(b.Index));
        return stations;
    }

    /// <summary>
    /// Writes stations as read from a registry file (plain passwords) in the registry format, ordered by MN; the output
    /// parses back to the same stations. Stations from the store hold only password hashes and cannot be written.
    /// </summary>
    public static void Write(Stream stream, IEnumerable<Station> stations)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(stations);
        using var writer = new Utf8JsonWriter(stream, RegistryJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray("stations");
        foreach (Station station in stations.OrderBy(s => s.Id.Value, StringComparer.Ordinal))
        {
            WriteStation(writer, station);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStation(Utf8JsonWriter writer, Station station)
    {
        writer.WriteStartObject();
        writer.WriteString("mn", station.Id.Value);
        writer.WriteString("name", station.Name);
        writer.WriteString("type", StationFileNames.Of(station.Type));
        writer.WriteString("region", station.Region.Value);
        if (station.Location is GeoPoint location)
        {
            writer.WriteNumber("longitude", location.Longitude);
            writer.WriteNumber("latitude", location.Latitude);
        }

        writer.WriteString("controlLevel", StationFileNames.Of(station.ControlLevel));
        writer.WriteStartArray("networks");
        foreach (string network in AssessmentNetworkNames.ListOf(station.Networks))
        {
            writer.WriteStringValue(network);
        }

        writer.WriteEndArray();
        if (station.Enterprise is not null)
        {
            writer.WriteString("enterprise", station.Enterprise);
        }

        writer.WriteString("password", station.Password.IsHashed
            ? throw new InvalidOperationException($"Station {station.Id} holds only its password's hash; a registry file needs the password itself.")
            : station.Password.Text);
        writer.WriteString("encoding", StationFileNames.Of(station.Encoding));
        writer.WriteString("periodLabel", StationFileNames.Of(station.PeriodLabel));
        if (station.WaterTargetClass is int waterClass)
        {
            writer.WriteString("waterTargetClass", StationFileNames.RomanClasses[waterClass - 1]);
        }

        if (station.WaterBody is { } waterBody)
        {
            writer.WriteString("waterBody", StationFileNames.Of(waterBody));
        }

        if (station.Basin is not null)
        {
            writer.WriteString("basin", station.Basin);
        }

        if (station.WaterBodyName is not null)
        {
            writer.WriteString("waterBodyName", station.WaterBodyName);
        }

        if (station.IsDrinkingWaterSource)
        {
            writer.WriteBoolean("drinkingWaterSource", true);
        }

        if (station.NoiseZone is not null)
        {
            writer.WriteString("noiseZone", station.NoiseZone);
        }

        if (station.ReportingIntervalHours != 1)
        {
            writer.WriteNumber("reportingIntervalHours", station.ReportingIntervalHours);
        }

        writer.WriteBoolean("active", station.IsActive);
        writer.WriteEndObject();
    }
}
