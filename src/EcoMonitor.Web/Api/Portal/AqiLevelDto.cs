using EcoMonitor.Standards.Air;

namespace EcoMonitor.Web.Api.Portal;

/// <summary>One row of HJ 633-2012 Table 2 with its Appendix A colour, health implications and suggested measures.</summary>
/// <param name="Level">AQI level 1..6.</param>
/// <param name="MinAqi">Lowest AQI of the level (inclusive).</param>
/// <param name="MaxAqi">Highest AQI (inclusive); null for level 6.</param>
/// <param name="LevelName">e.g. 一级.</param>
/// <param name="Category">e.g. 优.</param>
/// <param name="ColourName">e.g. 绿色.</param>
/// <param name="Colour">CSS colour, e.g. #00e400 (Appendix A RGB).</param>
/// <param name="HealthEffect">对健康影响情况.</param>
/// <param name="Advice">建议采取的措施.</param>
/// <param name="English">The same row in English: a translation by EcoMonitor, the Chinese text is authoritative.</param>
public sealed record AqiLevelDto(
    int Level, int MinAqi, int? MaxAqi, string LevelName, string Category, string ColourName, string Colour, string HealthEffect, string Advice,
    AqiLevelEnglishDto English)
{
    /// <summary>Maps one row of the table.</summary>
    public static AqiLevelDto From(AqiCategory c) => new(
        c.Level, c.MinAqi, c.MaxAqi, c.LevelName, c.Name, c.ColourName,
        $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}", AqiHealthAdvice.HealthEffect(c.Level), AqiHealthAdvice.Advice(c.Level),
        new AqiLevelEnglishDto(AqiTableEnglish.LevelName(c.Level), AqiTableEnglish.Category(c.Level),
            AqiTableEnglish.HealthEffect(c.Level), AqiTableEnglish.Advice(c.Level), AqiTableEnglish.Note));
}
