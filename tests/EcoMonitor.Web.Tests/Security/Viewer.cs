using EcoMonitor.Application.Access;
using EcoMonitor.Domain;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>A signed-in person of <see cref="JurisdictionLeakTests"/> and the scope they should see.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Cookie">The session cookie as a <c>Cookie</c> header value.</param>
/// <param name="Permissions">The permissions of the roles.</param>
/// <param name="Jurisdiction">The region code of the jurisdiction.</param>
/// <param name="Enterprise">An enterprise user's enterprise.</param>
internal sealed record Viewer(string Name, string Cookie, PermissionSet Permissions, string Jurisdiction, string? Enterprise)
{
    /// <summary>The scope in words, for messages.</summary>
    public string Scope => Enterprise is null ? Jurisdiction : $"{Jurisdiction} and {Enterprise}";

    /// <summary>True when a station of <paramref name="region"/> (of <paramref name="enterprise"/>) lies in the scope.</summary>
    public bool Sees(string region, string? enterprise) =>
        RegionCode.TryParse(region, out RegionCode code) && RegionCode.Parse(Jurisdiction).Contains(code)
        && (Enterprise is null || string.Equals(enterprise, Enterprise, StringComparison.Ordinal));

    /// <summary>True when <paramref name="station"/> lies in the scope.</summary>
    public bool Sees(LeakStation station) => Sees(station.Region, station.Enterprise);
}
