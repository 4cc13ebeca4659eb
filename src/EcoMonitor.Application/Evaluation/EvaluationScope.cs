namespace EcoMonitor.Application.Evaluation;

/// <summary>What an evaluation result is about.</summary>
public enum EvaluationScope
{
    /// <summary>One monitoring station, identified by its MN.</summary>
    Station,

    /// <summary>
    /// A city (prefecture-level region, 6-digit code ending in 00): its official figures, evaluated per HJ 663-2013 from
    /// the stations of its official network (ADR 0037: the national assessment network).
    /// </summary>
    City,

    /// <summary>
    /// A county-level region (6-digit code not ending in 00): its official figures, evaluated like a city's from the
    /// stations of its official network (ADR 0037: the provincial assessment network).
    /// </summary>
    County,

    /// <summary>A city evaluated from the stations of one network only; code <c>510100:provincial</c> (<see cref="EvaluationSubject.InNetwork"/>).</summary>
    CityNetwork,

    /// <summary>A county evaluated from the stations of one network only; code <c>510104:county</c>.</summary>
    CountyNetwork,
}
