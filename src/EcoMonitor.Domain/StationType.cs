namespace EcoMonitor.Domain;

/// <summary>What a station monitors. Names follow HJ 212-2017 system codes (ST) where one exists.</summary>
public enum StationType
{
    /// <summary>Ambient air quality automatic station (环境空气质量监测, ST=22).</summary>
    AirQuality,
    /// <summary>Surface water quality automatic station (地表水质量监测, ST=21).</summary>
    SurfaceWater,
    /// <summary>Groundwater quality station (地下水质量监测, ST=23).</summary>
    Groundwater,
    /// <summary>Environmental or functional-zone noise station (声环境质量监测, ST=24).</summary>
    Noise,
    /// <summary>Radiation monitoring station (辐射环境监测).</summary>
    Radiation,
    /// <summary>Flue-gas pollution-source outlet (大气环境污染源, ST=31).</summary>
    FlueGasOutlet,
    /// <summary>Waste-water pollution-source outlet (地表水体环境污染源, ST=32).</summary>
    WasteWaterOutlet,
    /// <summary>VOCs monitoring (挥发性有机物, ST=27 or outlet VOCs).</summary>
    Vocs,
    /// <summary>Dust and particulate monitoring at construction sites (扬尘, ST=38).</summary>
    Dust,
}
