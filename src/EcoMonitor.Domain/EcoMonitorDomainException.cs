namespace EcoMonitor.Domain;

/// <summary>Root of the exceptions a domain rule throws when it is broken; <see cref="Code"/> is stable for clients.</summary>
public abstract class EcoMonitorDomainException : Exception
{
    /// <summary>Creates the exception with a stable machine-readable code.</summary>
    protected EcoMonitorDomainException(string code, string message)
        : base(message) => Code = code;

    /// <summary>A stable, dotted, lower-case code such as <c>station_id.invalid</c>.</summary>
    public string Code { get; }
}
