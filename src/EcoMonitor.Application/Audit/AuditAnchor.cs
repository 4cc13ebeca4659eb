using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EcoMonitor.Application.Audit;

/// <summary>
/// A head of the trail recorded outside the database (<c>SEQUENCE:HASH</c>, as <c>ecomon audit verify</c> prints it).
/// The chain alone proves that nothing before the last entry was changed; an anchor kept elsewhere also proves that
/// nothing was cut off the end or the whole trail rewritten (docs/audit.md).
/// </summary>
/// <param name="Sequence">Sequence number of the anchored entry.</param>
/// <param name="Hash">Its hash, 64 lower-case hex digits.</param>
public readonly record struct AuditAnchor(long Sequence, string Hash)
{
    /// <summary>Parses <c>SEQUENCE:HASH</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AuditAnchor? anchor)
    {
        anchor = null;
        int colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out long sequence))
        {
            return false;
        }

        string hash = text[(colon + 1)..].Trim().ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            return false;
        }

        anchor = new AuditAnchor(sequence, hash);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Hash}");
}
