namespace EcoMonitor.Application.Alarms;

/// <summary>States of an <see cref="OutboxMessage"/> (stored codes).</summary>
public static class OutboxStatus
{
    /// <summary>Waiting to be sent or retried.</summary>
    public const string Pending = "pending";

    /// <summary>Delivered.</summary>
    public const string Delivered = "delivered";

    /// <summary>Given up after the maximum attempts; kept for the record.</summary>
    public const string Dead = "dead";
}
