namespace EcoMonitor.Standards.Air;

/// <summary>
/// A city's concentration for a period, HJ 663-2013 clause 4 (<c>city_value</c>, recalled): the arithmetic mean of the
/// concentrations of all the city's assessment points for that period. The city's AQI is then computed from these
/// means as for a station (HJ 633-2012), never by averaging station AQI values.
/// </summary>
public static class CityConcentration
{
    /// <summary>Exact mean of the stations' values that exist (null = station without a valid value); null for none.</summary>
    public static decimal? Mean(IEnumerable<decimal?> stationValues)
    {
        ArgumentNullException.ThrowIfNull(stationValues);
        decimal sum = 0m;
        int count = 0;
        foreach (decimal? value in stationValues)
        {
            if (value is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count > 0 ? sum / count : null;
    }
}
