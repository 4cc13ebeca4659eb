namespace EcoMonitor.Domain;

/// <summary>Who controls (and evaluates) a station: 国控 national, 省控 provincial, 市控 city, 县控 county.</summary>
public enum ControlLevel
{
    /// <summary>国控: national control station.</summary>
    National,
    /// <summary>省控: provincial control station.</summary>
    Provincial,
    /// <summary>市控: city control station.</summary>
    City,
    /// <summary>县控: county control station.</summary>
    County,
}
