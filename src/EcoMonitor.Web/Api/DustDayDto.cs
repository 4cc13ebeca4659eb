using EcoMonitor.Application.Evaluation;

namespace EcoMonitor.Web.Api;

/// <summary>A city's day marked as affected by dust and sand (沙尘天气影响); who marked it is in the audit trail.</summary>
/// <param name="City">The city's region code.</param>
/// <param name="Day">The day (yyyy-MM-dd, CST).</param>
/// <param name="Note">Why it was marked.</param>
/// <param name="MarkedAt">When it was marked or last changed (ISO 8601, +08:00).</param>
public sealed record DustDayDto(string City, string Day, string Note, string MarkedAt)
{
    /// <summary>Maps one mark.</summary>
    public static DustDayDto From(DustDay d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.City.Value, ApiTime.FormatDate(d.Day), d.Note, ApiTime.Format(d.MarkedAt));
    }
}
