using EcoMonitor.Standards.Air;

namespace EcoMonitor.Standards.Tests.Air;

/// <summary>HJ 633-2012 clause 4.3 Table 2: health implications and suggested measures per level.</summary>
[Trait("Area", "Standards")]
public sealed class AqiHealthAdviceTests
{
    [Theory]
    [InlineData(50, "各类人群可正常活动")]
    [InlineData(51, "极少数异常敏感人群应减少户外活动")]
    [InlineData(150, "儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼")]
    [InlineData(301, "儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动")]
    public void Advice_FollowsTheLevelOfTheAqi(int aqi, string advice) =>
        Assert.Equal(advice, AqiHealthAdvice.Advice(AqiCategories.For(aqi).Level));

    [Fact]
    public void HealthEffect_Level5_IsTable2Row5() =>
        Assert.Equal("心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状", AqiHealthAdvice.HealthEffect(5));

    [Fact]
    public void EveryLevel_HasDistinctTexts()
    {
        string[] advice = [.. Enumerable.Range(1, 6).Select(AqiHealthAdvice.Advice)];
        Assert.Equal(6, advice.Distinct(StringComparer.Ordinal).Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => AqiHealthAdvice.Advice(7));
    }
}
