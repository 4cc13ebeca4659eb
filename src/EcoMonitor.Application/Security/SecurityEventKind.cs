namespace EcoMonitor.Application.Security;

/// <summary>What happened, in a security event (docs/audit.md "What is recorded today"). Each kind has a stable audit action code (<see cref="SecurityEventCodes"/>).</summary>
public enum SecurityEventKind
{
    /// <summary>An HJ 212 frame named a known station (MN) with a wrong password (PW). Subject: the MN.</summary>
    StationPasswordRejected,

    /// <summary>A console sign-in was refused (unknown user or wrong password). Subject: the user name given.</summary>
    SignInFailed,

    /// <summary>A console sign-in succeeded. Subject: the user name.</summary>
    SignInSucceeded,

    /// <summary>A sign-in was held back because of earlier failures for the same user or address. Subject: the user name given.</summary>
    SignInThrottled,

    /// <summary>A console user signed out. Subject: the user name.</summary>
    SignedOut,

    /// <summary>A request carried an API key that is not valid. Subject: <c>api-key</c>.</summary>
    ApiKeyRejected,

    /// <summary>A signed-in person or key was refused an operation its permissions do not include (403). Subject: the user name.</summary>
    PermissionDenied,

    /// <summary>A request was authenticated with the emergency bootstrap key (ADR 0036 §6: audited on every use). Subject: <c>bootstrap-admin</c>.</summary>
    EmergencyKeyUsed,
}
