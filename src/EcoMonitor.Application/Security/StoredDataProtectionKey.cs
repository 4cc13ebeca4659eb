using NodaTime;

namespace EcoMonitor.Application.Security;

/// <summary>One element of the ASP.NET Core data-protection key ring (a key or a revocation) as kept in the store.</summary>
/// <param name="Id">Unique name of the element (its friendly name with a random suffix).</param>
/// <param name="Xml">The element's XML as the key manager wrote it (the key material encrypted when key encryption is configured).</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record StoredDataProtectionKey(string Id, string Xml, Instant CreatedAt);
