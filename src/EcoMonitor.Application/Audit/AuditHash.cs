using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// The hash chain of the audit trail. An entry's hash is SHA-256 over its canonical form: the UTF-8 bytes of
/// <c>ecomonitor-audit-v1</c>, the sequence number, the recording time in Unix milliseconds, actor, action, subject
/// type, subject id, before, after, reason and the previous entry's hash, each written as
/// <c>&lt;length in UTF-8 bytes&gt;:&lt;text&gt;;</c> (a null field as <c>-1:;</c>) so that no two different entries have
/// the same form. An entry that records the actor's network address is hashed in the second form: <c>ecomonitor-audit-v2</c>
/// and the same fields with the address after the reason; an entry without one keeps the first form, so that entries
/// written before addresses were recorded still verify. Every engine computes the hash here, so a trail moved between
/// engines still verifies.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version1 = "ecomonitor-audit-v1";
    private const string Version2 = "ecomonitor-audit-v2";

    /// <summary>The hash of an entry with these fields, 64 lower-case hex digits.</summary>
    public static string Compute(long sequence, Instant recordedAt, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Compute(sequence, recordedAt, record.Actor, record.Action, record.SubjectType, record.SubjectId,
            record.Before, record.After, record.Reason, record.Address, previousHash);
    }

    /// <summary>The hash <paramref name="entry"/> should have given its stored fields (ignores its stored <see cref="AuditEntry.Hash"/>).</summary>
    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Compute(entry.Sequence, entry.RecordedAt, entry.Actor, entry.Action, entry.SubjectType, entry.SubjectId,
            entry.Before, entry.After, entry.Reason, entry.Address, entry.PreviousHash);
    }

    private static string Compute(
        long sequence, Instant recordedAt, string actor, string action, string subjectType, string subjectId,
        string? before, string? after, string? reason, string? address, string previousHash)
    {
        var canonical = new StringBuilder(256);
        Append(canonical, address is null ? Version1 : Version2);
        Append(canonical, sequence.ToString(CultureInfo.InvariantCulture));
        Append(canonical, recordedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(canonical, actor);
        Append(canonical, action);
        Append(canonical, subjectType);
        Append(canonical, subjectId);
        Append(canonical, before);
        Append(canonical, after);
        Append(canonical, reason);
        if (address is not null)
        {
            Append(canonical, address);
        }

        Append(canonical, previousHash);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(hash);
    }

    private static void Append(StringBuilder canonical, string? field)
    {
        int length = field is null ? -1 : Encoding.UTF8.GetByteCount(field);
        canonical.Append(length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
    }
}
