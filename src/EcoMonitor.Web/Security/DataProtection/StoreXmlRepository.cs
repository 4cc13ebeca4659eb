using System.Xml.Linq;
using EcoMonitor.Application.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;
using NodaTime;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// The data-protection key ring in the platform's store (<see cref="IDataProtectionKeyStore"/>), shared by every node
/// on it. Elements are only added; each gets a unique id (its friendly name and a random suffix), so that two nodes
/// storing at once never collide. Thread-safe (the store is).
/// </summary>
internal sealed class StoreXmlRepository(IDataProtectionKeyStore keys, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. keys.ListDataProtectionKeys().Select(k => XElement.Parse(k.Xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        string id = (string.IsNullOrWhiteSpace(friendlyName) ? "element" : friendlyName) + "-" + Guid.NewGuid().ToString("N");
        keys.AddDataProtectionKey(new StoredDataProtectionKey(id, element.ToString(SaveOptions.DisableFormatting), Instant.FromDateTimeOffset(time.GetUtcNow())));
    }
}
