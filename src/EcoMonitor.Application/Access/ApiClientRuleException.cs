namespace EcoMonitor.Application.Access;

/// <summary>An API client cannot be issued as asked (a permission a client may not hold, an expiry too far …); <see cref="Problems"/> says why.</summary>
public sealed class ApiClientRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiClientRuleException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems)) => Problems = problems;

    /// <summary>Creates the exception.</summary>
    public ApiClientRuleException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiClientRuleException()
        : this("the API client breaks a rule")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiClientRuleException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Every rule broken.</summary>
    public IReadOnlyList<string> Problems { get; }
}
