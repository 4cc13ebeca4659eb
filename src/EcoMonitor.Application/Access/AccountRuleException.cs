namespace EcoMonitor.Application.Access;

/// <summary>An account change breaks a rule (password policy, role separation, a missing jurisdiction …); <see cref="Problems"/> says which, for the person making it.</summary>
public sealed class AccountRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccountRuleException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems)) => Problems = problems;

    /// <summary>Creates the exception.</summary>
    public AccountRuleException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccountRuleException()
        : this("the account change breaks a rule")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccountRuleException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Every rule broken.</summary>
    public IReadOnlyList<string> Problems { get; }
}
