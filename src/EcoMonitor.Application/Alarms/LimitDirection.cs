namespace EcoMonitor.Application.Alarms;

/// <summary>Which side of the limit is bad.</summary>
public enum LimitDirection
{
    /// <summary>Exceeded when the value is greater than the limit (limits are inclusive: equal is compliant).</summary>
    Above,

    /// <summary>Exceeded when the value is less than the limit (e.g. dissolved oxygen, GB 3838 lower bound).</summary>
    Below,
}
