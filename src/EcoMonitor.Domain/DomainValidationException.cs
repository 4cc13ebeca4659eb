namespace EcoMonitor.Domain;

/// <summary>A value does not satisfy a domain rule (bad MN, bad region code, window not on the hour…).</summary>
public sealed class DomainValidationException : EcoMonitorDomainException
{
    /// <summary>Creates the exception.</summary>
    public DomainValidationException(string code, string message)
        : base(code, message)
    {
    }
}
