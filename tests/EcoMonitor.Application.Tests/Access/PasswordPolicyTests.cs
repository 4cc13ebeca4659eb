using EcoMonitor.Application.Access;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(Options.Create(new PasswordPolicyOptions()));

    [Theory]
    [InlineData("Sichuan-2026")]
    [InlineData("chengdu#2026")]
    [InlineData("监测Center9")]
    [InlineData("ABCdef!!")]
    public void Accepts_EightCharacters_OfThreeKinds(string password) => Assert.Empty(Policy.Problems(password, "zhang.wei"));

    [Theory]
    [InlineData("Ab1!", "at least 8 characters (this one has 4)")]
    [InlineData("abcdefgh12", "at least 3 of the four kinds")]
    [InlineData("ZHANGWEI-2026", "must not contain the account name")]
    public void Refuses_WithTheRuleBroken(string password, string reason) =>
        Assert.Contains(Policy.Problems(password, "zhangwei"), p => p.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void CountsCharacters_NotUtf16Units_AndRefusesHugeInput()
    {
        Assert.Contains(Policy.Problems("环境监测Ab1", "x"), p => p.StartsWith("at least 8 characters (this one has 7)", StringComparison.Ordinal));
        Assert.Contains(Policy.Problems(new string('a', 200) + new string('B', 57) + "1", "x"), p => p == "at most 256 characters");
    }

    [Theory]
    [InlineData("abc", 1)]
    [InlineData("abcD", 2)]
    [InlineData("abcD1", 3)]
    [InlineData("abcD1 ", 4)]
    [InlineData("监测", 1)]
    public void CharacterClasses_AreLowerUpperDigitOther(string password, int classes) =>
        Assert.Equal(classes, PasswordPolicy.CharacterClasses(password));
}
