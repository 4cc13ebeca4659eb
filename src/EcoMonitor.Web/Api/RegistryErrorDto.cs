using EcoMonitor.Application.Registry;

namespace EcoMonitor.Web.Api;

/// <summary>Why one station entry was refused.</summary>
/// <param name="Index">Position of the entry in the request (0 for a single object).</param>
/// <param name="Mn">The entry's MN, if readable.</param>
/// <param name="Field">The field at fault.</param>
/// <param name="Reason">What is wrong, readable by an operator.</param>
public sealed record RegistryErrorDto(int Index, string? Mn, string Field, string Reason)
{
    /// <summary>Maps a registry error.</summary>
    public static RegistryErrorDto From(RegistryEntryError e) => new(e.Index, e.Key, e.Field, e.Reason);
}
