namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// Thrown inside a write transaction when another transaction (another node) inserted a key between this
/// statement's snapshot and its insert; the whole transaction is retried and then sees that row.
/// </summary>
internal sealed class ConflictRetryException : Exception
{
    public ConflictRetryException()
        : base("A concurrent transaction inserted a key of this batch; retrying.")
    {
    }

    public ConflictRetryException(string message)
        : base(message)
    {
    }

    public ConflictRetryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
