using EcoMonitor.Domain;
using EcoMonitor.Standards.Air;

namespace EcoMonitor.Application.Evaluation;

/// <summary>
/// The six HJ 633-2012 pollutants as HJ 212-2017 parameter codes (CO in mg/m³, the others µg/m³), and the names used
/// in stored pollutant lists.
/// </summary>
internal static class AirParameters
{
    /// <summary>Codes indexed by <see cref="AirPollutant"/>: SO2 a21026, NO2 a21004, PM10 a34002, PM2.5 a34004, CO a21005, O3 a05024.</summary>
    public static readonly ParameterCode[] Codes =
    [
        ParameterCode.Parse("a21026"), ParameterCode.Parse("a21004"), ParameterCode.Parse("a34002"),
        ParameterCode.Parse("a34004"), ParameterCode.Parse("a21005"), ParameterCode.Parse("a05024"),
    ];

    private static readonly string[] SubIndexNames = ["SO2", "NO2", "PM10", "PM2.5", "CO", "O3", "O3_8h"];

    /// <summary>The pollutant of an HJ 212 code, when it is one of the six.</summary>
    public static bool TryGet(ParameterCode code, out AirPollutant pollutant)
    {
        int index = Array.IndexOf(Codes, code);
        pollutant = (AirPollutant)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Comma-separated names of the flagged sub-indices in HJ 633 order, e.g. "PM2.5,O3_8h"; empty for none.</summary>
    public static string Names(AqiPollutants pollutants)
    {
        if (pollutants == AqiPollutants.None)
        {
            return "";
        }

        List<string> names = [];
        for (int i = 0; i < SubIndexNames.Length; i++)
        {
            if (((int)pollutants & (1 << i)) != 0)
            {
                names.Add(SubIndexNames[i]);
            }
        }

        return string.Join(',', names);
    }
}
