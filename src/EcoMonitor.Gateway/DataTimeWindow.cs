using EcoMonitor.Domain;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Gateway;

/// <summary>
/// The DataTime values a data frame may carry (<see cref="GatewayDataTimeOptions"/>): from
/// <see cref="GatewayDataTimeOptions.Earliest"/> to <see cref="GatewayDataTimeOptions.MaxAhead"/> past the frame's
/// receive time, both inclusive. The DataTime is China Standard Time (HJ 212 local time). Immutable; thread-safe.
/// </summary>
internal sealed class DataTimeWindow(IOptions<GatewayOptions> options)
{
    private readonly Instant _earliest = Instant.FromDateTimeOffset(options.Value.DataTime.Earliest);
    private readonly Duration _maxAhead = Duration.FromTimeSpan(options.Value.DataTime.MaxAhead);

    /// <summary>True when <paramref name="dataTime"/> can be true of a frame received at <paramref name="receivedAt"/>.</summary>
    public bool Contains(LocalDateTime dataTime, Instant receivedAt)
    {
        var at = ChinaTime.ToInstant(dataTime);
        return at >= _earliest && at <= receivedAt + _maxAhead;
    }
}
