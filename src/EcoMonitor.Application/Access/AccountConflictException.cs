namespace EcoMonitor.Application.Access;

/// <summary>
/// The store refused an account: its name (without regard to case) or external subject belongs to another, or its roles
/// hold two of the separated administrators (三员分立, a store constraint besides <see cref="RoleAssignment"/>).
/// </summary>
public sealed class AccountConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccountConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccountConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccountConflictException(string message)
        : base(message)
    {
    }
}
