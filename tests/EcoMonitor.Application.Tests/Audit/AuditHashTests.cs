using System.Security.Cryptography;
using System.Text;
using EcoMonitor.Application.Audit;
using NodaTime;

namespace EcoMonitor.Application.Tests.Audit;

[Trait("Area", "Security")]
public sealed class AuditHashTests
{
    private static readonly Instant At = Instant.FromUnixTimeMilliseconds(1_765_000_000_123);

    [Fact]
    public void EntryWithoutAddress_KeepsTheFirstForm_SoOldTrailsStillVerify()
    {
        AuditRecord record = new("admin", "station.changed", "station", "1001A") { After = "{}", Reason = "r" };

        string hash = AuditHash.Compute(7, At, record, AuditHash.Genesis);

        Assert.Equal(Sha256("19:ecomonitor-audit-v1;1:7;13:1765000000123;5:admin;15:station.changed;7:station;5:1001A;-1:;2:{};1:r;64:" + AuditHash.Genesis + ";"), hash);
    }

    [Fact]
    public void EntryWithAddress_IsHashedInTheSecondForm_WithTheAddressAfterTheReason()
    {
        AuditRecord record = new("admin", "station.changed", "station", "1001A") { After = "{}", Reason = "r", Address = "192.0.2.9" };

        string hash = AuditHash.Compute(7, At, record, AuditHash.Genesis);

        Assert.Equal(Sha256("19:ecomonitor-audit-v2;1:7;13:1765000000123;5:admin;15:station.changed;7:station;5:1001A;-1:;2:{};1:r;9:192.0.2.9;64:" + AuditHash.Genesis + ";"), hash);
    }

    private static string Sha256(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
