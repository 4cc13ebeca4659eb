using System.ComponentModel.DataAnnotations;

namespace EcoMonitor.Application.Alarms;

/// <summary>Alarm runtime settings (section <c>Alarms</c>).</summary>
public sealed class AlarmOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Alarms";

    /// <summary>The rule file seeded at start-up (rules already in the store win). Empty: none.</summary>
    public string RulesFile { get; set; } = "config/alarm-rules.json";

    /// <summary>How often silence, AQI and deadlines are checked.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox is polled for due notifications (also woken at once by new alarms).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan NotificationPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First retry delay; doubled per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest delay between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts before a message is marked dead (kept and visible in the alarm's notifications).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Timeout of one delivery attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Raw frames frozen with an alarm's evidence (the newest of the episode).</summary>
    [Range(0, 1000)]
    public int EvidenceFrames { get; set; } = 20;

    /// <summary>
    /// SMTP passwords by channel id (<c>Alarms:SmtpPasswords:duty-mail</c>, e.g. the environment variable
    /// <c>Alarms__SmtpPasswords__duty-mail</c> or user secrets): secrets stay out of the rule file and the store.
    /// </summary>
    public Dictionary<string, string> SmtpPasswords { get; set; } = new(StringComparer.Ordinal);
}
