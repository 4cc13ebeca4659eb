using System.ComponentModel.DataAnnotations;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Web.Security;

/// <summary>The staff console: its sessions, its sign-in back-off and what it shows offline (people sign in with their accounts, ADR 0036).</summary>
public sealed class ConsoleOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Console";

    /// <summary>A station whose last frame is older than this is shown offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How repeated sign-in failures of one user name or one address slow further attempts (429 with Retry-After).</summary>
    public FailureBackoffOptions SignInBackoff { get; set; } = new();

    /// <summary>
    /// The absolute lifetime of a console session: after this it ends whatever its activity, and the user signs in again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A console session without a request for this long ends (sliding: every request renews it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often each node deletes the ended sessions from the store.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan SessionSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The console cookie is marked <c>Secure</c> (sent over HTTPS only) outside the Development environment. True lets
    /// it go over plain HTTP as well: only for a test deployment without TLS (a warning is logged at start); in
    /// production put TLS in front (docs/deploy.md "Hardening").
    /// </summary>
    public bool AllowInsecureCookie { get; set; }
}
