namespace EcoMonitor.Web.Security;

/// <summary>Role and policy names.</summary>
internal static class Roles
{
    /// <summary>May change the registry and write observations.</summary>
    public const string Administrator = "administrator";

    /// <summary>Authorization policy required by every write endpoint.</summary>
    public const string WritePolicy = "write";

    /// <summary>Authorization policy of the staff console's pages and read endpoints (cookie or bearer key, administrator).</summary>
    public const string ConsolePolicy = "console";
}
