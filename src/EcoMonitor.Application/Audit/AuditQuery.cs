using NodaTime;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// A filter over the audit trail, newest first: by subject type (and id), actor, action (exact, or a prefix such as
/// <c>account.</c>) and the time the entry was recorded. Every filter left null matches all; the filters combine with AND.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>Only entries of this subject type; null for all.</summary>
    public string? SubjectType { get; init; }

    /// <summary>Only entries of this subject id (with <see cref="SubjectType"/>); null for all.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Only entries of exactly this actor (a user name such as <c>li.na</c>, <c>system:registry-seed</c>); null for all.</summary>
    public string? Actor { get; init; }

    /// <summary>
    /// Only entries of this action: exact (<c>account.created</c>), or, when it ends in <c>.</c>, every action that starts
    /// with it (<c>account.</c>, <c>security.</c>), compared ordinally; null for all.
    /// </summary>
    public string? Action { get; init; }

    /// <summary>Only entries recorded at or after this instant (inclusive); null for no lower bound.</summary>
    public Instant? From { get; init; }

    /// <summary>Only entries recorded before this instant (exclusive); null for no upper bound.</summary>
    public Instant? To { get; init; }

    /// <summary>Only entries with a sequence number below this one (paging backwards); null for the newest.</summary>
    public long? BeforeSequence { get; init; }

    /// <summary>Upper bound on entries returned.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Whether <see cref="Action"/> is a prefix (it ends in <c>.</c>) rather than one exact action.</summary>
    public bool IsActionPrefix => Action is not null && Action.EndsWith('.');

    /// <summary>
    /// For a prefix <see cref="Action"/>, the smallest string (ordinal) above every action that starts with it: the prefix
    /// with its final <c>.</c> replaced by <c>/</c>, the next character. Stores filter with
    /// <c>action &gt;= Action AND action &lt; ActionPrefixEnd</c> so that an index on the action serves the range.
    /// </summary>
    public string? ActionPrefixEnd => IsActionPrefix ? string.Concat(Action.AsSpan(0, Action!.Length - 1), "/") : null;
}
