namespace EcoMonitor.Application.Registry;

/// <summary>
/// Why one entry of a registry file (stations.json or parameters.json) was rejected. The other entries are kept.
/// </summary>
/// <param name="Index">0-based position of the entry in the file's list; -1 for a problem with the whole document.</param>
/// <param name="Key">The entry's MN (stations) or code (parameters) when it could be read, else null.</param>
/// <param name="Field">The JSON property at fault, e.g. <c>region</c>; empty when the entry as a whole is wrong.</param>
/// <param name="Reason">A sentence an operator can act on, in English.</param>
public sealed record RegistryEntryError(int Index, string? Key, string Field, string Reason)
{
    /// <summary>One line for logs and the command line, e.g. <c>entry 3 (1431A), region: '51010' is not …</c>.</summary>
    public override string ToString()
    {
        string where = Index < 0 ? "document" : Key is null ? $"entry {Index}" : $"entry {Index} ({Key})";
        return Field.Length == 0 ? $"{where}: {Reason}" : $"{where}, {Field}: {Reason}";
    }
}
