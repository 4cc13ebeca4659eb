using System.Net.Sockets;
using EcoMonitor.Application.Ingest;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>
/// Kestrel connection handler for HJ 212 over TCP: one <see cref="StationConnection"/> per data logger. The gateway
/// never dies because of one station: this outermost level treats cancellation, connection resets and disposal as
/// normal endings and logs anything else once with the remote endpoint, closing that connection only.
/// </summary>
internal sealed class Hj212ConnectionHandler : ConnectionHandler
{
    private readonly FrameProcessor _processor;
    private readonly IngestPipeline _pipeline;
    private readonly GatewayOptions _options;
    private readonly GatewayStats _stats;
    private readonly TimeProvider _time;
    private readonly ILogger<Hj212ConnectionHandler> _logger;
    private readonly ConnectionReports _reports;

    public Hj212ConnectionHandler(
        FrameProcessor processor,
        IngestPipeline pipeline,
        IOptions<GatewayOptions> options,
        GatewayStats stats,
        ConnectionReports reports,
        TimeProvider time,
        ILogger<Hj212ConnectionHandler> logger)
    {
        _processor = processor;
        _pipeline = pipeline;
        _options = options.Value;
        _stats = stats;
        _time = time;
        _logger = logger;
        _reports = reports;
    }

    /// <inheritdoc />
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        _stats.ConnectionOpened();
        GatewayLog.Connected(_logger, connection.RemoteEndPoint);
        StationConnection station = new(connection, _processor, _pipeline, _options, _stats, _time);
        try
        {
            await station.RunAsync();
            if (station.End != ConnectionEnd.Peer)
            {
                _reports.Closed(station.End, connection.RemoteEndPoint);
            }
        }
        catch (Exception exception) when (IsNormalEnding(exception))
        {
            // The station went away or the host is stopping.
        }
        catch (Exception exception)
        {
            GatewayLog.ConnectionFailed(_logger, exception, connection.RemoteEndPoint);
        }
        finally
        {
            _stats.ConnectionClosed();
            GatewayLog.Disconnected(_logger, connection.RemoteEndPoint, station.Frames);
        }
    }

    private static bool IsNormalEnding(Exception exception) =>
        exception is OperationCanceledException or ConnectionResetException or ConnectionAbortedException
            or ObjectDisposedException or SocketException or IOException;
}
