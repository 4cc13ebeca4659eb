namespace EcoMonitor.Gateway;

/// <summary>Log event ids of the gateway (1000–1999).</summary>
internal static class GatewayEventIds
{
    public const int Connected = 1001;
    public const int Disconnected = 1002;
    public const int FrameRejected = 1003;
    public const int ConnectionFailed = 1004;
    public const int ClosedByGateway = 1005;
    public const int AckWithheld = 1006;
    public const int Listening = 1007;
    public const int IncompleteMessage = 1008;
    public const int RawFrame = 1009;
    public const int StationRejected = 1010;
    public const int FrameUndecodable = 1011;
    public const int ConnectionLimitLowered = 1012;
    public const int ConnectionsRefused = 1013;
    public const int DataTimeOutOfRange = 1014;
    public const int RejectedFramesSampled = 1015;
    public const int RegistryRefreshed = 1016;
    public const int RegistryRefreshFailed = 1017;
}
