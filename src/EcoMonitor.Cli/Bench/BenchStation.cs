using EcoMonitor.Domain;

namespace EcoMonitor.Cli.Bench;

/// <summary>A registered station the benchmark logs in as: its MN, its password and its HJ 212 system code (ST).</summary>
internal sealed record BenchStation(StationId Id, string Password, string SystemCode)
{
    /// <summary>
    /// The stations of a registry the benchmark can speak for: active air-quality (ST 22) and surface-water (ST 21)
    /// stations, the system codes of HJ 212-2017 table 5 that the sample network uses.
    /// </summary>
    public static List<BenchStation> From(IEnumerable<Station> stations)
    {
        List<BenchStation> result = [];
        foreach (Station station in stations)
        {
            string? systemCode = station.Type switch
            {
                StationType.AirQuality => "22",
                StationType.SurfaceWater => "21",
                _ => null,
            };
            if (station.IsActive && systemCode is not null)
            {
                result.Add(new BenchStation(station.Id, station.Password.Text, systemCode));
            }
        }

        return result;
    }
}
