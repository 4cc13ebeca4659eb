namespace EcoMonitor.Application.Security;

/// <summary>The audit action codes of security events (docs/audit.md); stable, used in queries and reports.</summary>
public static class SecurityEventCodes
{
    /// <summary>The audit actor of an event whose claimed identity was not proven (a failure).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Audit action of a burst of failures.</summary>
    public const string Burst = "security.burst";

    /// <summary>The audit subject type of an event of <paramref name="kind"/>: <c>station</c> (MN), <c>user</c> or <c>api-key</c>.</summary>
    public static string SubjectType(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.StationPasswordRejected => "station",
        SecurityEventKind.ApiKeyRejected => "api-key",
        SecurityEventKind.SignInFailed or SecurityEventKind.SignInSucceeded or SecurityEventKind.SignInThrottled or SecurityEventKind.SignedOut
            or SecurityEventKind.PermissionDenied or SecurityEventKind.EmergencyKeyUsed => "user",
    };

    /// <summary>
    /// True for the kinds that are failed or refused attempts at a credential: they count towards a burst (a refused
    /// attempt while backing off is evidence of guessing too) and are recorded as done by <see cref="Anonymous"/>.
    /// </summary>
    public static bool IsFailure(SecurityEventKind kind) =>
        kind is SecurityEventKind.StationPasswordRejected or SecurityEventKind.SignInFailed or SecurityEventKind.SignInThrottled
            or SecurityEventKind.ApiKeyRejected;

    /// <summary>The audit action of one event of <paramref name="kind"/>.</summary>
    public static string Action(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.StationPasswordRejected => "security.station-password-rejected",
        SecurityEventKind.SignInFailed => "security.sign-in-failed",
        SecurityEventKind.SignInSucceeded => "security.signed-in",
        SecurityEventKind.SignInThrottled => "security.sign-in-throttled",
        SecurityEventKind.SignedOut => "security.signed-out",
        SecurityEventKind.ApiKeyRejected => "security.api-key-rejected",
        SecurityEventKind.PermissionDenied => "security.permission-denied",
        SecurityEventKind.EmergencyKeyUsed => "security.emergency-key-used",
    };

    /// <summary>The audit action summarising further events of <paramref name="kind"/> of one subject and address within one aggregation window.</summary>
    public static string Repeated(SecurityEventKind kind) => Action(kind) + ".repeated";
}
