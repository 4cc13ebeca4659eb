namespace EcoMonitor.Standards.Air;

/// <summary>Ambient air functional zone classes of GB 3095-2012 clause 4.1 (<c>zones</c>, recalled).</summary>
public enum AirQualityClass
{
    /// <summary>Class 1 limits: nature reserves, scenic areas, areas needing special protection.</summary>
    Class1 = 1,

    /// <summary>Class 2 limits: residential, commercial, traffic, cultural, industrial and rural areas.</summary>
    Class2 = 2,
}
