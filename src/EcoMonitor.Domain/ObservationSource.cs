namespace EcoMonitor.Domain;

/// <summary>How an observation reached the platform.</summary>
public enum ObservationSource
{
    /// <summary>Received from a data logger over HJ 212.</summary>
    Hj212,
    /// <summary>Imported from a CSV or JSON file (laboratory or manual data, history).</summary>
    Import,
    /// <summary>Posted through the HTTP API.</summary>
    Api,
}
