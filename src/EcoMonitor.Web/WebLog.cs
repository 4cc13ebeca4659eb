namespace EcoMonitor.Web;

/// <summary>Source-generated log messages of the host (event ids 5000–5999).</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Rejected a write with a wrong API key from {RemoteAddress}")]
    public static partial void WrongApiKey(ILogger logger, string? remoteAddress);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "No Security:BootstrapAdminKey is configured: every write endpoint answers 401 until one is set")]
    public static partial void NoAdminKey(ILogger logger);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "HTTP API: the store could not be reached on {Method} {Path}; answered 503 with Retry-After ({ErrorType}: {Error})")]
    public static partial void StoreUnavailable(ILogger logger, string method, string path, string errorType, string error);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Readiness: the store could not be reached; answering 503 until it can ({ErrorType}: {Error})")]
    public static partial void StoreNotReady(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Readiness: the store answers again; ready")]
    public static partial void StoreReadyAgain(ILogger logger);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Readiness: the store's ping failed with an error that does not mean the store is away; answering 503")]
    public static partial void ReadinessCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Readiness: the work pending at start (imports' evaluation, quality checks, alarms) is done; ready")]
    public static partial void StartupWorkDone(ILogger logger);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Permit limit file {Path}: {Problem}; that entry is left out")]
    public static partial void PermitLimitRefused(ILogger logger, string path, string problem);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Permit limit file {Path}: limits of {Outlets} outlets seeded (outlets with limits in the store keep theirs)")]
    public static partial void PermitLimitsSeeded(ILogger logger, string path, int outlets);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Sample history file {Path} does not exist; nothing imported")]
    public static partial void SampleHistoryMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Imported sample history {Path}: {Inserted} observations stored, {Errors} rows refused")]
    public static partial void SampleHistoryImported(ILogger logger, string path, int inserted, int errors);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Parameter catalog {Path}: entry {Index} ({Code}) refused: {Reason}")]
    public static partial void ParameterRejected(ILogger logger, string path, int index, string? code, string reason);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Refused a console sign-in as {User} from {RemoteAddress} ({Refused} refused since start)")]
    public static partial void ConsoleLoginRefused(ILogger logger, string? user, string? remoteAddress, long refused);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Refused a sign-in through the identity provider as {Subject} from {RemoteAddress}: {Reason}")]
    public static partial void ExternalSignInRefused(ILogger logger, string subject, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Sign-in through the identity provider {Authority} (local passwords allowed: {LocalPasswords}, provider's MFA trusted: {TrustProviderMfa})")]
    public static partial void ExternalSignInConfigured(ILogger logger, string authority, bool localPasswords, bool trustProviderMfa);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Error, Message = "The identity provider {Authority} cannot be reached: no sign-in through it can start")]
    public static partial void IdentityProviderUnreachable(ILogger logger, string? authority, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Console sign-in as {User} from {RemoteAddress}")]
    public static partial void ConsoleLoginSucceeded(ILogger logger, string user, string? remoteAddress);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Console session of {User} ended ({Reason})")]
    public static partial void ConsoleSessionEnded(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Debug, Message = "Deleted {Count} ended console sessions")]
    public static partial void ConsoleSessionsSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Console:AllowInsecureCookie is set in the {Environment} environment: the console cookie also goes over plain HTTP, where anyone on the network can read it. Only for a test deployment without TLS")]
    public static partial void InsecureConsoleCookie(ILogger logger, string environment);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Warning, Message = "Console sign-in of {User} over plain HTTP from {RemoteAddress}: browsers keep the Secure cookie only over HTTPS. Put TLS in front (ForwardedHeaders) or, for a test deployment, set Console:AllowInsecureCookie")]
    public static partial void ConsoleSignInOverHttp(ILogger logger, string? user, string? remoteAddress);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Warning, Message = "The data-protection keys (which protect the console cookies) are stored unencrypted in the {Environment} environment: set DataProtection:CertificatePath or DataProtection:KeyEncryptionKey (docs/deploy.md, Hardening)")]
    public static partial void DataProtectionKeysUnencrypted(ILogger logger, string environment);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Warning, Message = "First run: no system administrator exists. Open /console/setup.html and give this one-time set-up token, good until {Until}, to create the system, security and audit administrators: {Token}  (a later start prints a new one; docs/security.md \"First run\")")]
    public static partial void SetUpTokenIssued(ILogger logger, string token, string until);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Warning, Message = "Console:AdminPassword is set but no longer used: people sign in with their own accounts (docs/security.md \"First run\"). Remove it from the configuration")]
    public static partial void ConsoleAdminPasswordIgnored(ILogger logger);

    [LoggerMessage(EventId = 5309, Level = LogLevel.Warning, Message = "The emergency bootstrap key (Security:BootstrapAdminKey) is configured: whoever holds it has every permission. Keep it off except in an emergency (docs/security.md \"Emergency key\")")]
    public static partial void BootstrapKeyConfigured(ILogger logger);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Refused an API client key from {RemoteAddress}: unknown, wrong, revoked or expired")]
    public static partial void WrongClientKey(ILogger logger, string? remoteAddress);
}
