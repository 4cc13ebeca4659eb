using EcoMonitor.Application.Alarms;

namespace EcoMonitor.Application.Tests.Alarms;

[Trait("Area", "Alarms")]
public sealed class AlarmRuleReaderTests
{
    [Fact]
    public void ShippedRuleFile_ReadsWithoutErrors()
    {
        using FileStream stream = File.OpenRead(RepoFiles.Path("config/alarm-rules.json"));

        AlarmConfiguration configuration = AlarmRuleReader.ReadFile(stream);

        Assert.Empty(configuration.Errors);
        Assert.Contains(configuration.Rules, r => r.Kind == AlarmRuleKind.Exceedance && r.LimitSource == LimitSource.Permit);
        Assert.Contains(configuration.Rules, r => r.Kind == AlarmRuleKind.Aqi);
        Assert.Contains(configuration.Rules, r => r.Kind == AlarmRuleKind.Silence);
    }

    [Fact]
    public void BadRule_IsReportedWithItsIdAndFieldAndLeftOut()
    {
        string json = """
            { "rules": [
              { "id": "ok", "name": "ok", "kind": "exceedance", "parameter": "a21026", "limit": 100 },
              { "id": "bad", "name": "bad", "kind": "exceedance", "parameter": "a21026", "interval": "fortnight" },
              { "id": "ok", "name": "dup", "kind": "silence", "channels": ["nowhere"] }
            ] }
            """;

        AlarmConfiguration configuration = AlarmRuleReader.ReadFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(2, configuration.Rules.Count);
        Assert.Contains(configuration.Errors, e => e.Contains("'bad' interval: 'fortnight' is not one of realTime, minute, hour, day", StringComparison.Ordinal));
        Assert.Contains(configuration.Errors, e => e.Contains("rule id 'ok' is used 2 times", StringComparison.Ordinal));
        Assert.Contains(configuration.Errors, e => e.Contains("channel 'nowhere' is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public void Document_RoundTripsARule()
    {
        List<string> errors = [];
        AlarmRule rule = AlarmSome.Exceedance(consecutive: 3) with { WindowPeriods = 6, MinCount = 4, Severity = AlarmSeverity.Serious };

        AlarmRule? back = AlarmRuleReader.Read(AlarmRuleDocument.From(rule), "rule", errors);

        Assert.Empty(errors);
        Assert.Equal(rule with { FaultFlags = back!.FaultFlags, Channels = back.Channels }, back);
    }

    [Fact]
    public void QuietHours_OverMidnight_DelayNonCriticalToTheEnd()
    {
        List<string> errors = [];
        NotificationChannel channel = NotificationChannel.TryRead(
            new NotificationChannelDocument { Id = "ops", Kind = "webhook", Url = "http://127.0.0.1/x", QuietHours = "22:00-07:00" }, "c", errors)!;
        var night = EcoMonitor.Domain.ChinaTime.ToInstant(new NodaTime.LocalDateTime(2026, 3, 1, 23, 30));

        Assert.Empty(errors);
        Assert.Equal(EcoMonitor.Domain.ChinaTime.ToInstant(new NodaTime.LocalDateTime(2026, 3, 2, 7, 0)), channel.SendAt(night, AlarmSeverity.Warning));
        Assert.Equal(night, channel.SendAt(night, AlarmSeverity.Critical));
        var noon = EcoMonitor.Domain.ChinaTime.ToInstant(new NodaTime.LocalDateTime(2026, 3, 2, 12, 0));
        Assert.Equal(noon, channel.SendAt(noon, AlarmSeverity.Notice));
    }
}
