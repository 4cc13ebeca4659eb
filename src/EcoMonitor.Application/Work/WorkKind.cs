namespace EcoMonitor.Application.Work;

/// <summary>
/// The background consumers of committed observations, each with its own progress over the pending station-days
/// (<see cref="IPendingWorkStore"/>; stored codes <c>evaluation</c>, <c>quality</c>, <c>alarms</c>).
/// </summary>
public enum WorkKind
{
    /// <summary>AQI, water classes and their city and county days (<c>EvaluationWorker</c>).</summary>
    Evaluation,

    /// <summary>Automatic quality checks and falsification scores (<c>QualityWorker</c>).</summary>
    Quality,

    /// <summary>Series alarm rules (<c>AlarmWorker</c>).</summary>
    Alarms,
}
