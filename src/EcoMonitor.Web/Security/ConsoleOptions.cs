using System.ComponentModel.DataAnnotations;
using EcoMonitor.Application.Security;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The staff console's sign-in until the security work adds users and roles: one administrator account. Put the
/// password in an environment variable (<c>Console__AdminPassword</c>) or a secrets store, never in appsettings.json;
/// without one, every sign-in is refused.
/// </summary>
public sealed class ConsoleOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Console";

    /// <summary>The administrator's user name.</summary>
    [Required]
    public string AdminUser { get; set; } = "admin";

    /// <summary>The administrator's password; when empty, sign-in is refused.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>A station whose last frame is older than this is shown offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How repeated sign-in failures of one user name or one address slow further attempts (429 with Retry-After).</summary>
    public FailureBackoffOptions SignInBackoff { get; set; } = new();

    /// <summary>How long a console session lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
