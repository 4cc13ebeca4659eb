namespace EcoMonitor.Standards.Air;

/// <summary>The six basic items of GB 3095-2012 Table 1 evaluated by HJ 663-2013.</summary>
public enum AirPollutant
{
    /// <summary>Sulphur dioxide, µg/m³.</summary>
    So2,

    /// <summary>Nitrogen dioxide, µg/m³.</summary>
    No2,

    /// <summary>Particles ≤ 10 µm, µg/m³.</summary>
    Pm10,

    /// <summary>Particles ≤ 2.5 µm, µg/m³.</summary>
    Pm25,

    /// <summary>Carbon monoxide, mg/m³.</summary>
    Co,

    /// <summary>Ozone, µg/m³.</summary>
    O3,
}
