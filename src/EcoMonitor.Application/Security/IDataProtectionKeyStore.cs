namespace EcoMonitor.Application.Security;

/// <summary>
/// The data-protection key ring shared by every node (part of the store contract), so that a cookie protected by one
/// node is read by all. Synchronous, because ASP.NET Core's key repository (<c>IXmlRepository</c>) is: the key ring is
/// read at start and about once a day, and written when a key is created (every 90 days) or revoked. Elements are
/// only added, never changed or deleted. Thread-safe.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored element, oldest first.</summary>
    IReadOnlyList<StoredDataProtectionKey> ListDataProtectionKeys();

    /// <summary>Adds an element (its id must be new).</summary>
    void AddDataProtectionKey(StoredDataProtectionKey key);
}
