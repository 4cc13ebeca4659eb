namespace EcoMonitor.Application.Evaluation;

/// <summary>What an evaluation result is about.</summary>
public enum EvaluationScope
{
    /// <summary>One monitoring station, identified by its MN.</summary>
    Station,

    /// <summary>A city (prefecture-level region, 6-digit code ending in 00), evaluated from its stations per HJ 663-2013.</summary>
    City,

    /// <summary>A county-level region (6-digit code not ending in 00), evaluated from its stations like a city.</summary>
    County,
}
