namespace EcoMonitor.Standards.Water;

/// <summary>Water quality classes I–V and worse than V (劣V); the numbers are the classes' order.</summary>
public enum WaterClass
{
    /// <summary>Class I.</summary>
    I = 1,

    /// <summary>Class II.</summary>
    II = 2,

    /// <summary>Class III.</summary>
    III = 3,

    /// <summary>Class IV.</summary>
    IV = 4,

    /// <summary>Class V.</summary>
    V = 5,

    /// <summary>Worse than class V (劣V).</summary>
    WorseThanV = 6,
}
