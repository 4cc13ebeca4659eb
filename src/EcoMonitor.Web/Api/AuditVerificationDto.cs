namespace EcoMonitor.Web.Api;

/// <summary>The result of verifying the audit trail's hash chain.</summary>
/// <param name="Intact">True when no entry was changed, deleted, inserted or reordered (and the anchor, if given, is present).</param>
/// <param name="EntriesChecked">Entries read.</param>
/// <param name="Head">The last entry as <c>SEQUENCE:HASH</c>: keep it outside the platform and pass it as <c>anchor</c> later.</param>
/// <param name="PrunedThrough">The last entry deleted by the retention (Audit:RetentionDays; the chain is checked from the one after it); null when none was.</param>
/// <param name="FirstBrokenSequence">The first entry where the chain breaks; null when intact.</param>
/// <param name="Problem">What is wrong there; null when intact.</param>
public sealed record AuditVerificationDto(bool Intact, long EntriesChecked, string Head, long? PrunedThrough, long? FirstBrokenSequence, string? Problem);
