using System.Collections.ObjectModel;

namespace EcoMonitor.Protocol.Hj212;

/// <summary>One <c>;</c>-separated group of CP: its <c>,</c>-separated fields in transmitted order.</summary>
public sealed class Hj212CpGroup
{
    /// <summary>Creates an empty group.</summary>
    public Hj212CpGroup()
    {
    }

    /// <summary>Creates a group holding <paramref name="fields"/> in order.</summary>
    public Hj212CpGroup(IEnumerable<Hj212TextField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (Hj212TextField field in fields)
        {
            Fields.Add(field);
        }
    }

    /// <summary>The fields in order; a group written to a frame must have at least one.</summary>
    public Collection<Hj212TextField> Fields { get; } = [];

    /// <summary>The value of the first field named <paramref name="key"/> (ordinal), or null.</summary>
    public string? Get(string key)
    {
        foreach (Hj212TextField field in Fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }

        return null;
    }
}
