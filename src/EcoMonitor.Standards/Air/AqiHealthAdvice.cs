namespace EcoMonitor.Standards.Air;

/// <summary>
/// HJ 633-2012 clause 4.3 Table 2, the columns 对健康影响情况 (health implications) and 建议采取的措施 (suggested
/// measures), one row per AQI level, as the national and local release platforms publish them beside the AQI.
/// Not in the cited JSON: transcribed from two independent public copies of Table 2 that agree word for word
/// (an exam page reproducing the table and a county monitoring station's daily release); the standard's own
/// spelling 锻练 in level 4 is kept. Confidence: confirmed by two public copies, not by the official PDF.
/// </summary>
public static class AqiHealthAdvice
{
    private static readonly (string Effect, string Advice)[] Rows =
    [
        ("空气质量令人满意，基本无空气污染", "各类人群可正常活动"),
        ("空气质量可接受，但某些污染物可能对极少数异常敏感人群健康有较弱影响", "极少数异常敏感人群应减少户外活动"),
        ("易感人群症状有轻度加剧，健康人群出现刺激症状", "儿童、老年人及心脏病、呼吸系统疾病患者应减少长时间、高强度的户外锻炼"),
        ("进一步加剧易感人群症状，可能对健康人群心脏、呼吸系统有影响", "儿童、老年人及心脏病、呼吸系统疾病患者避免长时间、高强度的户外锻练，一般人群适量减少户外运动"),
        ("心脏病和肺病患者症状显著加剧，运动耐受力降低，健康人群普遍出现症状", "儿童、老年人和心脏病、肺病患者应停留在室内，停止户外运动，一般人群减少户外运动"),
        ("健康人群运动耐受力降低，有明显强烈症状，提前出现某些疾病", "儿童、老年人和病人应当留在室内，避免体力消耗，一般人群应避免户外活动"),
    ];

    /// <summary>对健康影响情况 for an AQI level 1..6.</summary>
    public static string HealthEffect(int level) => Row(level).Effect;

    /// <summary>建议采取的措施 for an AQI level 1..6.</summary>
    public static string Advice(int level) => Row(level).Advice;

    private static (string Effect, string Advice) Row(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Rows.Length);
        return Rows[level - 1];
    }
}
