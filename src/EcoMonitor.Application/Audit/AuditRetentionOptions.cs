namespace EcoMonitor.Application.Audit;

/// <summary>How long the audit trail keeps its entries (section <c>Audit</c>; docs/audit.md "Retention").</summary>
public sealed class AuditRetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Audit";

    /// <summary>The shortest retention allowed: 网络安全法 §21 asks network logs to be kept at least six months (checked by 等保 2.0 assessments).</summary>
    public const int MinimumDays = 180;

    /// <summary>Days an entry is kept; null (the default) keeps the whole trail. At least <see cref="MinimumDays"/>.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Entries deleted per transaction (each deletion is one <c>audit.pruned</c> entry); 1–1,000,000, default 50,000.</summary>
    public int BatchSize { get; set; } = 50_000;
}
