namespace EcoMonitor.Gateway;

/// <summary>Texts of <see cref="FrameRejection"/> (constant strings, no formatting per frame).</summary>
internal static class FrameRejectionText
{
    /// <summary>The archived reason.</summary>
    public static string Reason(this FrameRejection rejection) => rejection switch
    {
        FrameRejection.UnknownStation => nameof(FrameRejection.UnknownStation),
        FrameRejection.StationInactive => nameof(FrameRejection.StationInactive),
        FrameRejection.WrongPassword => nameof(FrameRejection.WrongPassword),
        FrameRejection.MissingDataTime => nameof(FrameRejection.MissingDataTime),
        FrameRejection.DataTimeOutOfRange => nameof(FrameRejection.DataTimeOutOfRange),
    };
}
