using EcoMonitor.Application.Work;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Api;

/// <summary>A station-day a background worker failed on repeatedly and set aside (docs/adr/0027).</summary>
/// <param name="Id">What <c>POST /api/v1/work/set-aside/{id}/retry</c> names.</param>
/// <param name="Kind">The worker: evaluation, quality or alarms.</param>
/// <param name="Station">The station's MN.</param>
/// <param name="Interval">The interval kind of the values.</param>
/// <param name="Day">The China Standard Time day (yyyy-MM-dd).</param>
/// <param name="Error">The last error: its type and message.</param>
/// <param name="Attempts">Failed attempts.</param>
/// <param name="Since">When it was set aside (ISO 8601, +08:00).</param>
/// <param name="LastFailedAt">When the last attempt failed.</param>
public sealed record SetAsideWorkDto(
    long Id, WorkKind Kind, string Station, ObservationInterval Interval, string Day, string Error, int Attempts, string Since, string LastFailedAt)
{
    internal static SetAsideWorkDto From(SetAsideWork w) => new(
        w.Id, w.Kind, w.Day.Station.Value, w.Day.Interval, ApiTime.FormatDate(w.Day.Day), w.Error, w.Attempts, ApiTime.Format(w.Since), ApiTime.Format(w.FailedAt));
}
