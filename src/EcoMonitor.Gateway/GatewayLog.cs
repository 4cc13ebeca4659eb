using System.Net;
using EcoMonitor.Protocol.Hj212;
using NodaTime;

namespace EcoMonitor.Gateway;

/// <summary>Source-generated log messages of the gateway.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = GatewayEventIds.Listening, Level = LogLevel.Information,
        Message = "HJ 212 gateway on TCP port {Port}: file-handle limit {FileHandleLimit} ({FileHandleSource}), {Reserved} reserved for HTTP, the database and files; at most {MaxConnections} station connections, {MaxConnectionsPerAddress} per source address")]
    public static partial void Listening(ILogger logger, int port, int fileHandleLimit, string fileHandleSource, int reserved, int maxConnections, int maxConnectionsPerAddress);

    [LoggerMessage(EventId = GatewayEventIds.ConnectionLimitLowered, Level = LogLevel.Warning,
        Message = "Gateway:MaxConnections {Configured} does not fit the file-handle limit {FileHandleLimit} less {Reserved} reserved; using {MaxConnections}. Raise LimitNOFILE (docs/deploy.md)")]
    public static partial void ConnectionLimitLowered(ILogger logger, int configured, int fileHandleLimit, int reserved, int maxConnections);

    [LoggerMessage(EventId = GatewayEventIds.ConnectionsRefused, Level = LogLevel.Warning,
        Message = "Refused {Count} station connection(s): {Limit} of {Maximum} reached; the latest from {RemoteEndPoint} (reported at most every {Seconds} s)")]
    public static partial void ConnectionsRefused(ILogger logger, long count, string limit, int maximum, EndPoint? remoteEndPoint, double seconds);

    [LoggerMessage(EventId = GatewayEventIds.Connected, Level = LogLevel.Debug, Message = "Station connection from {RemoteEndPoint}")]
    public static partial void Connected(ILogger logger, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = GatewayEventIds.Disconnected, Level = LogLevel.Debug, Message = "Station connection from {RemoteEndPoint} closed after {Frames} frames")]
    public static partial void Disconnected(ILogger logger, EndPoint? remoteEndPoint, long frames);

    [LoggerMessage(EventId = GatewayEventIds.FrameRejected, Level = LogLevel.Warning, Message = "Rejected frame from {RemoteEndPoint} (MN {Mn}): {Reason} at byte {Position}")]
    public static partial void FrameRejected(ILogger logger, EndPoint? remoteEndPoint, string? mn, string reason, int position);

    [LoggerMessage(EventId = GatewayEventIds.FrameUndecodable, Level = LogLevel.Warning, Message = "Rejected frame from {RemoteEndPoint} (MN {Mn}): {Error} at byte {Position}")]
    public static partial void FrameUndecodable(ILogger logger, EndPoint? remoteEndPoint, string? mn, Hj212Error error, int position);

    [LoggerMessage(EventId = GatewayEventIds.StationRejected, Level = LogLevel.Warning, Message = "Refused station MN {Mn} from {RemoteEndPoint}: {Reason}")]
    public static partial void StationRejected(ILogger logger, EndPoint? remoteEndPoint, string? mn, string reason);

    [LoggerMessage(EventId = GatewayEventIds.ConnectionFailed, Level = LogLevel.Error, Message = "Station connection from {RemoteEndPoint} failed and was closed")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = GatewayEventIds.ClosedByGateway, Level = LogLevel.Information,
        Message = "Closed {Count} station connection(s) for {Reason}; the latest from {RemoteEndPoint} (reported at most every {Seconds} s)")]
    public static partial void ClosedByGateway(ILogger logger, long count, ConnectionEnd reason, EndPoint? remoteEndPoint, double seconds);

    [LoggerMessage(EventId = GatewayEventIds.AckWithheld, Level = LogLevel.Error, Message = "Not acknowledging frame QN {Qn} from {RemoteEndPoint}: it could not be stored durably")]
    public static partial void AckWithheld(ILogger logger, Exception exception, string? qn, EndPoint? remoteEndPoint);

    [LoggerMessage(EventId = GatewayEventIds.IncompleteMessage, Level = LogLevel.Warning, Message = "Message QN {Qn} of MN {Mn} is incomplete: {Received} of {Expected} sub-packets arrived before the timeout")]
    public static partial void IncompleteMessage(ILogger logger, string mn, string qn, int received, int expected);

    [LoggerMessage(EventId = GatewayEventIds.DataTimeOutOfRange, Level = LogLevel.Warning,
        Message = "Refused frame QN {Qn} of MN {Mn} from {RemoteEndPoint}: DataTime {DataTime} is outside the accepted window (Gateway:DataTime)")]
    public static partial void DataTimeOutOfRange(ILogger logger, EndPoint? remoteEndPoint, string? mn, string? qn, LocalDateTime dataTime);

    [LoggerMessage(EventId = GatewayEventIds.RejectedFramesSampled, Level = LogLevel.Warning,
        Message = "Rejected frames from {Source}: {Received} within {Seconds} s, {Archived} archived ({FramesPerWindow} in full, then one in {SampleOneIn}), {LeftOut} counted but not archived")]
    public static partial void RejectedFramesSampled(
        ILogger logger, string source, long received, double seconds, long archived, int framesPerWindow, int sampleOneIn, long leftOut);

    [LoggerMessage(EventId = GatewayEventIds.RawFrame, Level = LogLevel.Trace, Message = "Frame from {RemoteEndPoint}: {Text}")]
    public static partial void RawFrame(ILogger logger, EndPoint? remoteEndPoint, EscapedFrame text);

    [LoggerMessage(EventId = GatewayEventIds.RegistryRefreshed, Level = LogLevel.Debug,
        Message = "Read the station registry again for a frame of an unknown MN: {Stations} stations in {ElapsedMs} ms")]
    public static partial void RegistryRefreshed(ILogger logger, int stations, double elapsedMs);

    [LoggerMessage(EventId = GatewayEventIds.RegistryRefreshFailed, Level = LogLevel.Warning,
        Message = "Reading the station registry again for a frame of an unknown MN failed; such frames are refused as unknown")]
    public static partial void RegistryRefreshFailed(ILogger logger, Exception exception);
}
