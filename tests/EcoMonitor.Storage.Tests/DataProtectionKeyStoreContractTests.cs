using EcoMonitor.Application.Security;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The shared data-protection key ring (<see cref="IDataProtectionKeyStore"/>), checked against every engine.</summary>
[Trait("Area", "Security")]
public sealed class DataProtectionKeyStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 1, 0);

    [Theory, StoreProviders]
    public async Task Add_IsListedOldestFirst_ByEveryNode_AlsoAfterAReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IDataProtectionKeyStore other = stores.OpenSecond<IDataProtectionKeyStore>();
        StoredDataProtectionKey first = new("key-b-1", """<key id="b" version="1"><encryptedSecret>…</encryptedSecret></key>""", T0);
        StoredDataProtectionKey second = new("key-a-2", """<key id="a" version="1">密钥</key>""", T0 + Duration.FromDays(90));
        StoredDataProtectionKey revocation = new("revocation-c", "<revocation version=\"1\"/>", T0 + Duration.FromDays(91));

        Assert.Empty(stores.DataProtectionKeys.ListDataProtectionKeys());
        stores.DataProtectionKeys.AddDataProtectionKey(second);
        other.AddDataProtectionKey(first);
        stores.DataProtectionKeys.AddDataProtectionKey(revocation);

        Assert.Equal([first, second, revocation], other.ListDataProtectionKeys());
        await stores.ReopenAsync();
        Assert.Equal([first, second, revocation], stores.DataProtectionKeys.ListDataProtectionKeys());
    }
}
