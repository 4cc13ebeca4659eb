namespace EcoMonitor.Application.Alarms;

/// <summary>The rule file as written: notification channels and rules.</summary>
public sealed class AlarmConfigurationDocument
{
    /// <summary>Notification channels rules refer to by id.</summary>
    public IReadOnlyList<NotificationChannelDocument>? Channels { get; set; }

    /// <summary>The rules.</summary>
    public IReadOnlyList<AlarmRuleDocument>? Rules { get; set; }
}
