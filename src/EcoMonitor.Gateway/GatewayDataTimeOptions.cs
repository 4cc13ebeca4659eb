using System.ComponentModel.DataAnnotations;
using EcoMonitor.Application.Ingest;
using NodaTime;

namespace EcoMonitor.Gateway;

/// <summary>
/// The window of believable <c>DataTime</c> values of data frames (section <c>Gateway:DataTime</c>). A data frame —
/// or a sub-packet taking its message's DataTime — outside it is refused at the door as <c>DataTimeOutOfRange</c>
/// (ADR 0004): archived as rejected, counted, logged, answered 9011 QnRtn 2 when it asked for an answer, and never stored.
/// </summary>
public sealed class GatewayDataTimeOptions
{
    /// <summary>The earliest DataTime accepted (inclusive). Default 2000-01-01 00:00 China Standard Time.</summary>
    public DateTimeOffset Earliest { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>How far ahead of the frame's receive time a DataTime may lie (inclusive): a logger's clock may run fast, not a year.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "366.00:00:00")]
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The window these settings describe (the same check the imports make, docs/adr/0004).</summary>
    public DataTimeWindow ToWindow() => new(Instant.FromDateTimeOffset(Earliest), Duration.FromTimeSpan(MaxAhead));
}
