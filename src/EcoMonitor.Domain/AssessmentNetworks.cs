namespace EcoMonitor.Domain;

/// <summary>
/// The monitoring networks a station counts for (docs/adr/0037-assessment-networks.md). A set: a station may count in
/// several (a 国控 station the province also counts for its county is <see cref="National"/> and
/// <see cref="Provincial"/>). Only the four assessment networks ever enter an official figure of a city or county;
/// <see cref="Background"/>, <see cref="Sensor"/> and <see cref="Research"/> never do (HJ 663-2013 clause 4 averages
/// the assessment points of a city, 城市点; background and regional points are judged apart).
/// </summary>
[Flags]
public enum AssessmentNetworks
{
    /// <summary>In no network: the station's values are kept and evaluated per station only.</summary>
    None = 0,

    /// <summary>国家考核 (国控): the national network's assessment points; the official city figures use them.</summary>
    National = 1,

    /// <summary>省控: the provincial assessment network; the official county figures and provincial rankings use them.</summary>
    Provincial = 2,

    /// <summary>市控: the city's own assessment network.</summary>
    City = 4,

    /// <summary>县控: the county's own assessment network.</summary>
    County = 8,

    /// <summary>对照点 / 背景点: background or reference sites; never in an official figure.</summary>
    Background = 16,

    /// <summary>微站 / 传感器: micro-stations and sensors; never in an official figure.</summary>
    Sensor = 32,

    /// <summary>科研: research stations; never in an official figure.</summary>
    Research = 64,
}
