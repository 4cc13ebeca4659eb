using EcoMonitor.Domain;

namespace EcoMonitor.Application.Import;

/// <summary>One result of an import reader: an observation, or an error for a row or cell. Exactly one is set.</summary>
public readonly record struct ImportItem
{
    private ImportItem(Observation? observation, ImportRowError? error)
    {
        Observation = observation;
        Error = error;
    }

    /// <summary>The observation read, or null for an error.</summary>
    public Observation? Observation { get; }

    /// <summary>The error, or null for an observation.</summary>
    public ImportRowError? Error { get; }

    /// <summary>True when this item is an error.</summary>
    public bool IsError => Error is not null;

    /// <summary>An observation item.</summary>
    public static ImportItem Of(Observation observation) => new(observation ?? throw new ArgumentNullException(nameof(observation)), null);

    /// <summary>An error item.</summary>
    public static ImportItem Of(ImportRowError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
