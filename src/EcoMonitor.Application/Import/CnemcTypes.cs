using System.Collections.Frozen;
using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>
/// The <c>type</c> column of the CNEMC wide layout. Measured types map to HJ 212-2017 codes (checked against
/// shared/standards/hj212-2017-codes.json); derived types are computed by the platform and are not observations.
/// </summary>
internal static class CnemcTypes
{
    /// <summary>Measured hourly types and their parameter (units: µg/m³; CO mg/m³).</summary>
    public static readonly FrozenDictionary<string, ParameterCode> Measured = new Dictionary<string, ParameterCode>(StringComparer.Ordinal)
    {
        ["PM2.5"] = ParameterCode.Parse("a34004"),
        ["PM10"] = ParameterCode.Parse("a34002"),
        ["SO2"] = ParameterCode.Parse("a21026"),
        ["NO2"] = ParameterCode.Parse("a21004"),
        ["O3"] = ParameterCode.Parse("a05024"),
        ["CO"] = ParameterCode.Parse("a21005"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Derived types the platform publishes (shared/data/README.md §1).</summary>
    public static readonly FrozenSet<string> Derived = new[]
    {
        "AQI", "PM2.5_24h", "PM10_24h", "SO2_24h", "NO2_24h", "O3_24h", "O3_8h", "O3_8h_24h", "CO_24h",
    }.ToFrozenSet(StringComparer.Ordinal);
}
