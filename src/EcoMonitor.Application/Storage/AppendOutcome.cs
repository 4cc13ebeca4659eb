namespace EcoMonitor.Application.Storage;

/// <summary>What appending one observation did.</summary>
public enum AppendOutcome
{
    /// <summary>A new key: stored as revision 1.</summary>
    Inserted,
    /// <summary>The key exists with the same payload: nothing changed.</summary>
    Unchanged,
    /// <summary>The key exists with a different payload: the new one is the current revision, the old one is history.</summary>
    Revised,
}
