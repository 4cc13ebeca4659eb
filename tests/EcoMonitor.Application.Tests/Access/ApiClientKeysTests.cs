using EcoMonitor.Application.Access;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class ApiClientKeysTests
{
    [Fact]
    public void ANewKey_HasItsShape_ParsesBack_AndMatchesOnlyItsOwnHash()
    {
        string id = ApiClientKeys.NewId();
        string secret = ApiClientKeys.NewSecret();
        string key = ApiClientKeys.Format(id, secret);

        Assert.Matches("^ecm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.True(ApiClientKeys.TryParse(key, out string parsedId, out string parsedSecret));
        Assert.Equal((id, secret), (parsedId, parsedSecret));
        Assert.True(ApiClientKeys.Matches(secret, ApiClientKeys.Hash(secret)));
        Assert.False(ApiClientKeys.Matches(ApiClientKeys.NewSecret(), ApiClientKeys.Hash(secret)));
        Assert.False(ApiClientKeys.Matches(secret, "not-a-hash"));
        Assert.NotEqual(id, ApiClientKeys.NewId());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ecm_")]
    [InlineData("ecm_abcdefghij01_short")]
    [InlineData("ECM_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ecm_ABCDEFGHIJ01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ecm_abcdefghij01-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ecm_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("ecm_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void AKeyOfAnotherShape_DoesNotParse(string key) =>
        Assert.False(ApiClientKeys.TryParse(key, out _, out _));
}
