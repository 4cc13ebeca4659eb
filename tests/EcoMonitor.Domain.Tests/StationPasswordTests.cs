using System.Text;

namespace EcoMonitor.Domain.Tests;

[Trait("Area", "Security")]
public sealed class StationPasswordTests
{
    [Theory]
    [InlineData("123456")]
    [InlineData("9BN7nLyJ")]
    [InlineData("a!b#c$d%e")]
    public void Plain_PasswordsALoggerCanSend_AreAccepted(string text) => Assert.Null(StationPassword.Problem(text));

    [Theory]
    [InlineData("12345", "6 to 9")]
    [InlineData("1234567890", "6 to 9")]
    [InlineData("a;b&&c", "; = , &")]
    [InlineData("abc=def", "; = , &")]
    [InlineData("abc def", "without spaces")]
    [InlineData("密码密码密码", "printable ASCII")]
    public void Plain_PasswordsNoLoggerCanSend_AreRefusedWithAReason(string text, string reason)
    {
        Assert.Contains(reason, StationPassword.Problem(text), StringComparison.Ordinal);
        DomainValidationException refused = Assert.Throws<DomainValidationException>(() => StationPassword.Plain(text));
        Assert.Equal("station_password.invalid", refused.Code);
    }

    [Fact]
    public void Hash_KeepsNoPlainText_AndMatchesOnlyThePassword()
    {
        StationPassword hashed = StationPassword.Plain("9BN7nLyJ").Hash(StationPassword.MinIterations);

        Assert.True(hashed.IsHashed);
        Assert.StartsWith("pbkdf2-sha256$1000$", hashed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("9BN7nLyJ", hashed.Text, StringComparison.Ordinal);
        Assert.True(hashed.Matches("9BN7nLyJ"u8));
        Assert.False(hashed.Matches("9BN7nLyj"u8));
        Assert.False(hashed.Matches(""u8));
        Assert.True(hashed.Matches(StationPassword.Plain("9BN7nLyJ")));
        Assert.NotEqual(hashed, StationPassword.Plain("9BN7nLyJ").Hash(StationPassword.MinIterations));
    }

    [Fact]
    public void FromStored_ReadsTheHashedForm_AndTakesAnythingElseAsAPasswordStoredInClear()
    {
        StationPassword hashed = StationPassword.Plain("123456").Hash(StationPassword.MinIterations);

        var read = StationPassword.FromStored(hashed.Text);
        var legacy = StationPassword.FromStored("a;b&&c");

        Assert.Equal(hashed, read);
        Assert.True(read.Matches(Encoding.ASCII.GetBytes("123456")));
        Assert.False(legacy.IsHashed);
        Assert.True(legacy.Matches("a;b&&c"u8));
        Assert.Equal("pbkdf2-sha256", read.ToString());
        Assert.Equal("(plain)", legacy.ToString());
    }
}
