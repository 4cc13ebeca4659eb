using EcoMonitor.Application.Security;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Access to write endpoints until the security work adds users and roles: one bootstrap administrator key,
/// sent as <c>Authorization: Bearer &lt;key&gt;</c>. Never put it in appsettings.json; use an environment
/// variable (<c>Security__BootstrapAdminKey</c>) or a secrets store.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Security";

    /// <summary>The bootstrap administrator key; when empty, every write is refused.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How repeated wrong API keys from one address (and from everywhere at once) slow further attempts (429 with Retry-After).</summary>
    public FailureBackoffOptions ApiKeyBackoff { get; set; } = new();
}
