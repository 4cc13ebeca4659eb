namespace EcoMonitor.Web.Security;

/// <summary>Role claim and policy names of today's two staff principals; endpoints require permissions (<see cref="EndpointAccessExtensions"/>).</summary>
internal static class Roles
{
    /// <summary>
    /// The role claim of the bootstrap key and the console's configured administrator: every permission
    /// (<see cref="StaffPermissions"/>), until named accounts replace them (ADR 0036).
    /// </summary>
    public const string Administrator = "administrator";

    /// <summary>Authorization policy of the staff console's pages and of "who am I" (cookie or bearer key; today the administrator role, any staff account once accounts exist — ADR 0036 phase 1b).</summary>
    public const string ConsolePolicy = "console";
}
