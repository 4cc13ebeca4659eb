using EcoMonitor.Application.Access;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class AccountPasswordsTests
{
    private readonly AccountPasswords _passwords = new();

    [Fact]
    public void Hash_IsSaltedIdentityV3_AndVerifies()
    {
        string first = _passwords.Hash("Sichuan-2026");
        string second = _passwords.Hash("Sichuan-2026");

        Assert.NotEqual(first, second);
        Assert.Equal(0x01, Convert.FromBase64String(first)[0]);
        Assert.Equal(PasswordCheck.Right, _passwords.Verify(first, "Sichuan-2026"));
        Assert.Equal(PasswordCheck.Wrong, _passwords.Verify(first, "sichuan-2026"));
        Assert.Equal(PasswordCheck.Wrong, _passwords.Verify("not base64 at all", "Sichuan-2026"));
    }

    [Fact]
    public void History_CatchesAReusedPassword()
    {
        string[] history = [_passwords.Hash("Old-pass-1"), _passwords.Hash("Old-pass-2"), _passwords.Hash("Old-pass-3")];

        Assert.True(_passwords.WasUsedBefore("Old-pass-2", history));
        Assert.False(_passwords.WasUsedBefore("New-pass-4", history));
    }
}
