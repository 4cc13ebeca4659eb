namespace EcoMonitor.Application.Quality;

/// <summary>The reason codes a reviewer chooses from (the comment says the rest).</summary>
public static class ReviewReasons
{
    /// <summary>Every accepted code: maintenance (运维), calibration (校准), fault (故障), external-event (外部事件, e.g. fireworks, dust storm, fire), power-outage (停电), communication (通讯), confirmed (确认有效), other.</summary>
    public static readonly string[] All = ["maintenance", "calibration", "fault", "external-event", "power-outage", "communication", "confirmed", "other"];
}
