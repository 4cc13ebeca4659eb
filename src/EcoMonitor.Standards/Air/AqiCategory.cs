namespace EcoMonitor.Standards.Air;

/// <summary>
/// One row of HJ 633-2012 clause 4.3 Table 2 with its colour from Appendix A (<c>hj633-2012-aqi.json</c>
/// <c>categories</c>, confidence: confirmed).
/// </summary>
/// <param name="Level">AQI level 1..6.</param>
/// <param name="MinAqi">Lowest AQI of the level (inclusive).</param>
/// <param name="MaxAqi">Highest AQI of the level (inclusive); null for level 6 (above 300).</param>
/// <param name="LevelName">Chinese level name, e.g. 一级.</param>
/// <param name="Name">Category, e.g. 优, 轻度污染.</param>
/// <param name="ColourName">Chinese colour name, e.g. 绿色.</param>
/// <param name="Red">RGB red.</param>
/// <param name="Green">RGB green.</param>
/// <param name="Blue">RGB blue.</param>
public sealed record AqiCategory(
    int Level, int MinAqi, int? MaxAqi, string LevelName, string Name, string ColourName, byte Red, byte Green, byte Blue);
