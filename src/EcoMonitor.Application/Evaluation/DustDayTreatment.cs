namespace EcoMonitor.Application.Evaluation;

/// <summary>Whether days marked as affected by dust and sand (<see cref="DustDay"/>) count in period statistics and rankings.</summary>
public enum DustDayTreatment
{
    /// <summary>Every day counts (the default, as measured).</summary>
    Included,

    /// <summary>Marked days are left out of the period (扣沙), as the national monthly report's variant.</summary>
    Excluded,
}
