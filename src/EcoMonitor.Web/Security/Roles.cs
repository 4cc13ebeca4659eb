namespace EcoMonitor.Web.Security;

/// <summary>The emergency key's role claim and the signed-in policy; endpoints require permissions (<see cref="EndpointAccessExtensions"/>).</summary>
internal static class Roles
{
    /// <summary>
    /// The role claim of the emergency bootstrap key (<see cref="SecurityOptions.BootstrapAdminKey"/>, off by default):
    /// every permission (<see cref="StaffPermissions"/>, ADR 0036 §6). No person's session carries it.
    /// </summary>
    public const string Administrator = "administrator";

    /// <summary>
    /// Authorization policy of "who am I" and of a person's own password and authenticator: any authenticated staff
    /// principal (a console session, also one that must first set its password, or the bearer key).
    /// </summary>
    public const string ConsolePolicy = "console";
}
