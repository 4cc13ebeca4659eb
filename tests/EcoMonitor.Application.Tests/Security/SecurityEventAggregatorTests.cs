using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Security;
using NodaTime;

namespace EcoMonitor.Application.Tests.Security;

[Trait("Area", "Security")]
public sealed class SecurityEventAggregatorTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 0, 0);

    [Fact]
    public void FirstEvent_IsRecordedAtOnce_TheRestOfTheWindowAsOneRepeatedRecord()
    {
        SecurityEventAggregator aggregator = new(new SecurityEventOptions { BurstThreshold = 1000 });
        var records = new List<AuditRecord>();
        var bursts = new List<SecurityBurst>();

        for (int i = 0; i < 500; i++)
        {
            aggregator.Add(new SecurityEvent(SecurityEventKind.StationPasswordRejected, "1001A", "192.0.2.7", T0 + Duration.FromMilliseconds(i), "WrongPassword"), records, bursts);
        }

        AuditRecord first = Assert.Single(records);
        Assert.Equal(("anonymous", "security.station-password-rejected", "station", "1001A", "192.0.2.7", "WrongPassword"),
            (first.Actor, first.Action, first.SubjectType, first.SubjectId, first.Address, first.Reason));

        aggregator.Flush(T0 + Duration.FromSeconds(59), records);
        Assert.Single(records);
        aggregator.Flush(T0 + Duration.FromSeconds(60), records);

        AuditRecord repeated = records[1];
        Assert.Equal("security.station-password-rejected.repeated", repeated.Action);
        Assert.Contains("\"repeats\":499", repeated.After, StringComparison.Ordinal);
        Assert.Equal(0, aggregator.OpenWindows);
        Assert.Empty(bursts);
    }

    [Fact]
    public void ABlankSubject_IsRecordedUnderAName_NotRefused()
    {
        SecurityEventAggregator aggregator = new(new SecurityEventOptions());
        var records = new List<AuditRecord>();

        aggregator.Add(new SecurityEvent(SecurityEventKind.SignInFailed, " ", "192.0.2.7", T0), records, []);
        aggregator.Add(new SecurityEvent(SecurityEventKind.SignInFailed, "", "192.0.2.8", T0), records, []);

        Assert.Equal([SecurityEventAggregator.BlankSubject, SecurityEventAggregator.BlankSubject], records.Select(r => r.SubjectId));
    }

    [Fact]
    public void SuccessfulSignIn_IsRecordedAsTheUser_FailuresAsAnonymous()
    {
        SecurityEventAggregator aggregator = new(new SecurityEventOptions());
        var records = new List<AuditRecord>();

        aggregator.Add(new SecurityEvent(SecurityEventKind.SignInFailed, "admin", "192.0.2.1", T0), records, []);
        aggregator.Add(new SecurityEvent(SecurityEventKind.SignInSucceeded, "admin", "192.0.2.1", T0), records, []);

        Assert.Equal([("anonymous", "security.sign-in-failed"), ("admin", "security.signed-in")], records.Select(r => (r.Actor, r.Action)));
        Assert.All(records, r => Assert.Equal(("user", "admin"), (r.SubjectType, r.SubjectId)));
    }

    [Fact]
    public void Burst_IsFoundOncePerWindow_BySubjectAcrossAddresses_AndByAddressAcrossSubjects()
    {
        SecurityEventAggregator aggregator = new(new SecurityEventOptions { BurstThreshold = 20 });
        var bursts = new List<SecurityBurst>();

        for (int i = 0; i < 45; i++)
        {
            // One MN tried from many addresses; one address trying many MNs.
            aggregator.Add(new SecurityEvent(SecurityEventKind.StationPasswordRejected, "1001A", "192.0.2." + i, T0 + Duration.FromSeconds(i)), [], bursts);
            aggregator.Add(new SecurityEvent(SecurityEventKind.StationPasswordRejected, "M" + i, "198.51.100.1", T0 + Duration.FromSeconds(i)), [], bursts);
        }

        Assert.Equal(2, bursts.Count);
        SecurityBurst bySubject = Assert.Single(bursts, b => !b.IsByAddress);
        SecurityBurst byAddress = Assert.Single(bursts, b => b.IsByAddress);
        Assert.Equal(("1001A", 20), (bySubject.Key, bySubject.Failures));
        Assert.Equal(("198.51.100.1", 20), (byAddress.Key, byAddress.Failures));
        Assert.Equal(10, bySubject.Others.Count);

        for (int i = 0; i < 20; i++)
        {
            aggregator.Add(new SecurityEvent(SecurityEventKind.StationPasswordRejected, "1001A", "192.0.2.200", T0 + Duration.FromMinutes(6) + Duration.FromSeconds(i)), [], bursts);
        }

        // A new window: the MN again, and now also the one address it came from.
        Assert.Equal([(false, "1001A"), (true, "192.0.2.200")], bursts.Skip(2).Select(b => (b.IsByAddress, b.Key)));
    }

    [Fact]
    public void Successes_NeverMakeABurst()
    {
        SecurityEventAggregator aggregator = new(new SecurityEventOptions { BurstThreshold = 2 });
        var bursts = new List<SecurityBurst>();

        for (int i = 0; i < 10; i++)
        {
            aggregator.Add(new SecurityEvent(SecurityEventKind.SignInSucceeded, "admin", "192.0.2.1", T0), [], bursts);
            aggregator.Add(new SecurityEvent(SecurityEventKind.SignedOut, "admin", "192.0.2.1", T0), [], bursts);
        }

        Assert.Empty(bursts);
    }

    [Fact]
    public void BeyondMaxTrackedKeys_EventsFoldIntoOneWindowPerKind()
    {
        SecurityEventAggregator aggregator = new(new SecurityEventOptions { MaxTrackedKeys = 16, BurstThreshold = 1000 });
        var records = new List<AuditRecord>();

        for (int i = 0; i < 100; i++)
        {
            aggregator.Add(new SecurityEvent(SecurityEventKind.ApiKeyRejected, "api-key", "192.0.2." + i, T0), records, []);
        }

        Assert.Equal(17, records.Count);
        Assert.Equal("*", records[^1].SubjectId);
        Assert.Equal(17, aggregator.OpenWindows);
    }
}
