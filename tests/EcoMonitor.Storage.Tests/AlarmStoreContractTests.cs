using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The <see cref="IAlarmStore"/>, <see cref="IAlarmRuleStore"/> and <see cref="IPermitLimitStore"/> parts of the store contract, checked against every engine.</summary>
[Trait("Area", "Alarms")]
public sealed class AlarmStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 0, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Alarm NewAlarm(string subject = "OUT001", string rule = "so2", string region = "510104") => new()
    {
        RuleId = rule, Kind = AlarmRuleKind.Exceedance, Subject = subject, SubjectName = "某电厂1号排口", Region = region,
        Enterprise = "某电厂", Parameter = ParameterCode.Parse("a21026"), Severity = AlarmSeverity.Warning, RaisedAt = T0,
        FirstPeriod = T0 - Duration.FromHours(3), LastPeriod = T0 - Duration.FromHours(1), Limit = 35m, Peak = 120.5m, Hits = 3,
        Evidence = """{"rule":{"id":"so2"},"values":[120.5]}""",
    };

    private static AlarmStep Step(string action, AlarmState state, int minutes = 0) =>
        new(0, T0 + Duration.FromMinutes(minutes), "system", action, state, "{}");

    [Theory, StoreProviders]
    public async Task SaveAsync_NewAlarm_AssignsIdAndRoundTripsEveryField(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm alarm = NewAlarm() with { ClearedAt = T0, AssignedUnit = "局", Deadline = T0 + Duration.FromDays(1), IsActive = false, Recurrences = 2 };

        Alarm saved = await stores.Alarms.SaveAsync(alarm, Step("raised", AlarmState.Open), [], Ct);

        Assert.True(saved.Id > 0);
        Assert.Equal(1, saved.Version);
        Assert.Equal(saved, await stores.Alarms.GetAsync(saved.Id, Ct));
        Assert.Equal(saved, await stores.Alarms.FindOpenAsync("OUT001", "so2", Ct));
    }

    [Theory, StoreProviders]
    public async Task SaveAsync_SecondOpenAlarmOfSubjectAndRule_IsRefused_ButAfterClosingANewOneIsAllowed(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm first = await stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [], Ct);

        await Assert.ThrowsAsync<AlarmConflictException>(() => stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [], Ct));
        await stores.Alarms.SaveAsync(first with { State = AlarmState.Closed, ClosedAt = T0 }, Step("dismissed", AlarmState.Closed), [], Ct);
        Alarm second = await stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [], Ct);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Null(await stores.Alarms.FindOpenAsync("OUT001", "other", Ct));
        Assert.Equal(second.Id, (await stores.Alarms.FindOpenAsync("OUT001", "so2", Ct))!.Id);
    }

    [Theory, StoreProviders]
    public async Task SaveAsync_StaleVersion_IsRefusedAndChangesNothing(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm saved = await stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [], Ct);
        Alarm acknowledged = await stores.Alarms.SaveAsync(saved with { State = AlarmState.Acknowledged }, Step("acknowledged", AlarmState.Acknowledged, 1), [], Ct);

        await Assert.ThrowsAsync<AlarmConflictException>(() => stores.Alarms.SaveAsync(saved with { State = AlarmState.Closed }, Step("dismissed", AlarmState.Closed, 2), [], Ct));

        Assert.Equal(acknowledged, await stores.Alarms.GetAsync(saved.Id, Ct));
        Assert.Equal(["raised", "acknowledged"], (await stores.Alarms.TimelineAsync(saved.Id, Ct)).Select(s => s.Action));
    }

    [Theory, StoreProviders]
    public async Task SaveAsync_Evidence_IsFrozen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm saved = await stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [], Ct);

        await Assert.ThrowsAnyAsync<Exception>(() => stores.Alarms.SaveAsync(saved with { Evidence = "{}" }, null, [], Ct));

        Assert.Equal(saved.Evidence, (await stores.Alarms.GetAsync(saved.Id, Ct))!.Evidence);
    }

    [Theory, StoreProviders]
    public async Task TimelineAsync_StepsInOrderWithSequenceWhoWhenWhat(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm alarm = await stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [], Ct);
        alarm = await stores.Alarms.SaveAsync(alarm with { State = AlarmState.Acknowledged }, new AlarmStep(0, T0 + Duration.FromMinutes(5), "zhang", "acknowledged", AlarmState.Acknowledged, """{"comment":"收到"}"""), [], Ct);
        await stores.Alarms.SaveAsync(alarm with { Hits = 4 }, null, [], Ct);

        IReadOnlyList<AlarmStep> timeline = await stores.Alarms.TimelineAsync(alarm.Id, Ct);

        Assert.Equal([1, 2], timeline.Select(s => s.Sequence));
        Assert.Equal(new AlarmStep(alarm.Id, T0 + Duration.FromMinutes(5), "zhang", "acknowledged", AlarmState.Acknowledged, """{"comment":"收到"}""") { Sequence = 2 }, timeline[1]);
        Assert.All(timeline, s => Assert.Equal(alarm.Id, s.AlarmId));
    }

    [Theory, StoreProviders]
    [Trait("Area", "Security")]
    public async Task QueryAsync_KeepsToTheScope_ItsJurisdictionAndEnterprise_WhateverElseIsAsked(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm jinjiang = await stores.Alarms.SaveAsync(NewAlarm("OUT001", "so2", "510104") with { Enterprise = "甲企业" }, null, [], Ct);
        Alarm jinjiangOther = await stores.Alarms.SaveAsync(NewAlarm("OUT003", "so2", "510104") with { Enterprise = "乙企业" }, null, [], Ct);
        Alarm jinniu = await stores.Alarms.SaveAsync(NewAlarm("OUT002", "so2", "510106"), null, [], Ct);
        Alarm chengdu = await stores.Alarms.SaveAsync(NewAlarm("510100", "pm25-city", "510100"), null, [], Ct);
        Alarm account = await stores.Alarms.SaveAsync(NewAlarm("user:zhang", "sign-in", ""), null, [], Ct);

        async Task<long[]> SeenAsync(AccessScope scope, string? regionPrefix = null) =>
            [.. (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = scope, RegionPrefix = regionPrefix }, Ct)).Select(a => a.Id).Order()];

        Assert.Equal([jinjiang.Id, jinjiangOther.Id], await SeenAsync(AccessScope.Of(RegionCode.Parse("510104"), null)));
        Assert.Equal([jinjiang.Id, jinjiangOther.Id], await SeenAsync(AccessScope.Of(RegionCode.Parse("510104"), null), regionPrefix: "51"));
        Assert.Empty(await SeenAsync(AccessScope.Of(RegionCode.Parse("510104"), null), regionPrefix: "510106"));
        Assert.Equal([jinjiang.Id], await SeenAsync(AccessScope.Of(RegionCode.Parse("510104"), "甲企业")));
        Assert.Equal([jinjiang.Id, jinjiangOther.Id, jinniu.Id, chengdu.Id], await SeenAsync(AccessScope.Of(RegionCode.Parse("510100"), null)));
        Assert.Equal([jinjiang.Id, jinjiangOther.Id, jinniu.Id, chengdu.Id], await SeenAsync(AccessScope.Of(RegionCode.Parse("510000"), null)));
        Assert.Empty(await SeenAsync(AccessScope.Of(RegionCode.Parse("320000"), null)));
        Assert.Empty(await SeenAsync(AccessScope.Nothing));
        Assert.Equal([jinjiang.Id, jinjiangOther.Id, jinniu.Id, chengdu.Id, account.Id], await SeenAsync(AccessScope.Of(RegionCode.Nation, null)));
        Assert.Equal([jinjiang.Id, jinjiangOther.Id, jinniu.Id, chengdu.Id, account.Id], await SeenAsync(AccessScope.Everything));
    }

    [Theory, StoreProviders]
    public async Task QueryAsync_FiltersByStateRegionEnterpriseRuleSeverityAndTime(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Alarm a = await stores.Alarms.SaveAsync(NewAlarm("OUT001", "so2", "510104"), null, [], Ct);
        Alarm b = await stores.Alarms.SaveAsync(NewAlarm("OUT002", "so2", "320102") with { Severity = AlarmSeverity.Critical, RaisedAt = T0 + Duration.FromHours(1), Enterprise = "某化工" }, null, [], Ct);
        Alarm c = await stores.Alarms.SaveAsync(NewAlarm("OUT001", "nox", "510104") with { State = AlarmState.Closed, RaisedAt = T0 + Duration.FromHours(2) }, null, [], Ct);

        Assert.Equal([c.Id, b.Id, a.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything }, Ct)).Select(x => x.Id));
        Assert.Equal([b.Id, a.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, IsOpen = true }, Ct)).Select(x => x.Id));
        Assert.Equal([c.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, States = [AlarmState.Closed] }, Ct)).Select(x => x.Id));
        Assert.Equal([c.Id, a.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, RegionPrefix = "5101" }, Ct)).Select(x => x.Id));
        Assert.Equal([b.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, Enterprise = "某化工" }, Ct)).Select(x => x.Id));
        Assert.Equal([c.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, RuleId = "nox" }, Ct)).Select(x => x.Id));
        Assert.Equal([b.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, MinSeverity = AlarmSeverity.Serious }, Ct)).Select(x => x.Id));
        Assert.Equal([b.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, From = T0 + Duration.FromMinutes(1), To = T0 + Duration.FromHours(2) }, Ct)).Select(x => x.Id));
        Assert.Equal([c.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, Limit = 1 }, Ct)).Select(x => x.Id));
        Assert.Equal([a.Id], (await stores.Alarms.QueryAsync(new AlarmQuery { Scope = AccessScope.Everything, Subject = "OUT001", IsOpen = true }, Ct)).Select(x => x.Id));
    }

    [Theory, StoreProviders]
    public async Task Outbox_QueuedWithTheAlarm_DeduplicatedDueInOrder_AndUpdated(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        OutboxMessage raised = Message("raised", "hook", T0);
        OutboxMessage later = Message("raised", "mail", T0 + Duration.FromHours(8));
        Alarm alarm = await stores.Alarms.SaveAsync(NewAlarm(), Step("raised", AlarmState.Open), [raised, later], Ct);
        await stores.Alarms.SaveAsync(alarm with { Hits = 5 }, null, [Message("raised", "hook", T0)], Ct);

        IReadOnlyList<OutboxMessage> due = await stores.Alarms.DueNotificationsAsync(T0 + Duration.FromMinutes(1), 10, Ct);

        OutboxMessage only = Assert.Single(due);
        Assert.Equal(alarm.Id, only.AlarmId);
        Assert.Equal("hook", only.ChannelId);
        Assert.Equal(raised.Payload, only.Payload);
        OutboxMessage delivered = only with { Status = OutboxStatus.Delivered, Attempts = 2, LastError = "HTTP 500", DeliveredAt = T0 + Duration.FromMinutes(2) };
        await stores.Alarms.UpdateNotificationAsync(delivered, Ct);
        Assert.Empty(await stores.Alarms.DueNotificationsAsync(T0 + Duration.FromMinutes(3), 10, Ct));
        IReadOnlyList<OutboxMessage> all = await stores.Alarms.NotificationsAsync(alarm.Id, Ct);
        Assert.Equal(2, all.Count);
        Assert.Equal(delivered, all[0]);
        Assert.Equal(OutboxStatus.Pending, all[1].Status);
    }

    [Theory, StoreProviders]
    public async Task Rules_UpsertListDelete(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        await stores.AlarmRules.UpsertRulesAsync([new StoredAlarmRule("b", """{"id":"b"}""", T0), new StoredAlarmRule("a", """{"id":"a"}""", T0)], Ct);
        await stores.AlarmRules.UpsertRulesAsync([new StoredAlarmRule("b", """{"id":"b","name":"x"}""", T0 + Duration.FromMinutes(1))], Ct);

        Assert.Equal(
            [new StoredAlarmRule("a", """{"id":"a"}""", T0), new StoredAlarmRule("b", """{"id":"b","name":"x"}""", T0 + Duration.FromMinutes(1))],
            await stores.AlarmRules.ListRulesAsync(Ct));
        Assert.True(await stores.AlarmRules.DeleteRuleAsync("a", Ct));
        Assert.False(await stores.AlarmRules.DeleteRuleAsync("a", Ct));
        Assert.Single(await stores.AlarmRules.ListRulesAsync(Ct));
    }

    [Theory, StoreProviders]
    public async Task PermitLimits_ReplacedPerStation(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        var one = StationId.Parse("OUT001");
        var two = StationId.Parse("OUT002");
        PermitLimit so2 = new(one, ParameterCode.Parse("a21026"), 35m, "91510100MA000001");
        PermitLimit nox = new(one, ParameterCode.Parse("a21002"), 50.5m, "91510100MA000001");
        await stores.PermitLimits.ReplacePermitLimitsAsync(one, [so2, nox], Ct);
        await stores.PermitLimits.ReplacePermitLimitsAsync(two, [new PermitLimit(two, ParameterCode.Parse("a21026"), 100m, "")], Ct);

        await stores.PermitLimits.ReplacePermitLimitsAsync(one, [so2 with { Limit = 30m }], Ct);

        Assert.Equal(
            [so2 with { Limit = 30m }, new PermitLimit(two, ParameterCode.Parse("a21026"), 100m, "")],
            await stores.PermitLimits.ListPermitLimitsAsync(Ct));
    }

    private static OutboxMessage Message(string evt, string channel, Instant due) => new()
    {
        ChannelId = channel, DedupKey = $"{evt}:{channel}", Event = evt, Payload = """{"subject":"OUT001"}""", CreatedAt = T0, NextAttemptAt = due,
    };
}
