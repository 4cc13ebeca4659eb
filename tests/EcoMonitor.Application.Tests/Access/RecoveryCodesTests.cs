using EcoMonitor.Application.Access;

namespace EcoMonitor.Application.Tests.Access;

[Trait("Area", "Security")]
public sealed class RecoveryCodesTests
{
    [Fact]
    public void TenCodes_StoredOnlyAsHashes_MatchAsTyped()
    {
        var codes = new RecoveryCodes(new AccountPasswords());

        (IReadOnlyList<string> shown, IReadOnlyList<string> hashes) = codes.Generate();

        Assert.Equal(RecoveryCodes.Count, shown.Count);
        Assert.Equal(RecoveryCodes.Count, shown.Distinct(StringComparer.Ordinal).Count());
        Assert.All(shown, c => Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", c));
        Assert.DoesNotContain(hashes, h => shown.Any(c => h.Contains(c[..5], StringComparison.Ordinal)));
        Assert.Equal(3, codes.Match(shown[3], hashes));
        Assert.Equal(7, codes.Match(shown[7].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal), hashes));
        Assert.Equal(-1, codes.Match("aaaaa-aaaaa", hashes));
        Assert.Equal(-1, codes.Match("", hashes));
    }
}
