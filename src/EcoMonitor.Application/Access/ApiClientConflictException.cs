namespace EcoMonitor.Application.Access;

/// <summary>The store refused an API client: its name (or, by a one-in-2⁶² chance, its id) belongs to another.</summary>
public sealed class ApiClientConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiClientConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiClientConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ApiClientConflictException(string message)
        : base(message)
    {
    }
}
