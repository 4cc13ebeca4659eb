namespace EcoMonitor.Application.Alarms;

/// <summary>A save lost a race: the alarm changed since it was read, or a second open alarm of a subject and rule was refused.</summary>
public sealed class AlarmConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AlarmConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AlarmConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AlarmConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
