using EcoMonitor.Application.Access;
using Microsoft.Extensions.Time.Testing;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class TotpAuthenticatorTests
{
    // RFC 6238 Appendix B: the SHA-1 secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
    private const string RfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Fact]
    public void Codes_AreThoseOfRfc6238()
    {
        Assert.Equal("287082", TotpAuthenticator.CodeAt(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", TotpAuthenticator.CodeAt(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
    }

    [Fact]
    public void ACode_IsAccepted_OneStepEitherSide_AndOnlyOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var totp = new TotpAuthenticator(time);
        string secret = TotpAuthenticator.NewSecret();
        string code = TotpAuthenticator.CodeAt(secret, time.GetUtcNow());

        Assert.True(totp.TryVerify(secret, code, lastUsedStep: 0, out long step));
        Assert.False(totp.TryVerify(secret, code, lastUsedStep: step, out _));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(totp.TryVerify(secret, TotpAuthenticator.CodeAt(secret, time.GetUtcNow().AddSeconds(-30)), lastUsedStep: 0, out _));
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(totp.TryVerify(secret, code, lastUsedStep: 0, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12a456")]
    [InlineData("1234567")]
    public void Malformed_IsRefused(string code) =>
        Assert.False(new TotpAuthenticator(TimeProvider.System).TryVerify(TotpAuthenticator.NewSecret(), code, 0, out _));

    [Fact]
    public void EnrolmentLink_CarriesIssuerAccountAndSecret()
    {
        Uri link = TotpAuthenticator.EnrolmentLink("EcoMonitor 四川", "zhang.wei", RfcSecret);

        Assert.Equal("otpauth", link.Scheme);
        Assert.Contains($"secret={RfcSecret}", link.OriginalString, StringComparison.Ordinal);
        Assert.Contains("digits=6&period=30", link.OriginalString, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("EcoMonitor 四川") + ":zhang.wei", link.OriginalString, StringComparison.Ordinal);
    }
}
