using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// Guessing station passwords against the platform process (backoff: 5 free failures, then 0.2 s doubling to 1 s): one
/// address is slowed however many connections it opens, a right guess waits like a wrong one, and the right station
/// at its own address is not slowed at all.
/// </summary>
[Trait("Area", "Security")]
[Collection(HardenedGateway.Name)]
public sealed class GatewayPasswordGuessingTests(HardenedGateway gateway)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneAddressGuessingAnMn_IsSlowed_WhileTheStationAtItsOwnAddressIsAcceptedAtFullSpeed()
    {
        const string Mn = "1444A";
        long delayedBefore = (await gateway.GatewayStatsAsync()).GetProperty("passwordChecksDelayed").GetInt64();
        await using FakeStation station = await FakeStation.ConnectFromAsync("127.0.31.1", gateway.Server.GatewayPort, Token);
        Assert.Equal(9014, (await SendAsync(station, Mn, SampleNetwork.PasswordOf(Mn), hour: 0)).Command);
        await using FakeStation attacker = await FakeStation.ConnectFromAsync("127.0.30.1", gateway.Server.GatewayPort, Token);

        Task<TimeSpan[]> guessing = GuessAsync(attacker, Mn, attempts: 15);
        await Task.Delay(TimeSpan.FromSeconds(2), Token);
        var stationTime = Stopwatch.StartNew();
        int acknowledged = 0;
        for (int hour = 1; hour <= 10; hour++)
        {
            acknowledged += (await SendAsync(station, Mn, SampleNetwork.PasswordOf(Mn), hour)).Command == 9014 ? 1 : 0;
        }

        stationTime.Stop();
        TimeSpan[] answeredAt = await guessing;
        var rightGuess = Stopwatch.StartNew();
        (int command, _, _, _) = await SendAsync(attacker, Mn, SampleNetwork.PasswordOf(Mn), hour: 11);
        rightGuess.Stop();

        Assert.Equal(10, acknowledged);
        Assert.True(stationTime.Elapsed < TimeSpan.FromSeconds(4), $"the station's 10 frames took {stationTime.Elapsed}");
        Assert.True(answeredAt[4] < TimeSpan.FromSeconds(3), $"the 5 free guesses took {answeredAt[4]}");
        Assert.True(answeredAt[14] - answeredAt[4] >= TimeSpan.FromSeconds(7), $"guesses 6–15 took {answeredAt[14] - answeredAt[4]} (turns 0.2+0.4+0.8+7×1 s)");
        Assert.All(Enumerable.Range(10, 5), i => Assert.True(answeredAt[i] - answeredAt[i - 1] >= TimeSpan.FromSeconds(0.8), $"guess {i + 1} came {answeredAt[i] - answeredAt[i - 1]} after the previous"));
        Assert.Equal(9014, command);
        Assert.True(rightGuess.Elapsed >= TimeSpan.FromSeconds(0.8), $"the right guess was answered after {rightGuess.Elapsed}");
        long delayedAfter = (await gateway.GatewayStatsAsync()).GetProperty("passwordChecksDelayed").GetInt64();
        Assert.True(delayedAfter - delayedBefore >= 11, $"{delayedAfter - delayedBefore} checks delayed");
        Assert.True(await HasAuditEntryAsync(Mn, "security.station-password-rejected"), "no audit entry of the wrong passwords");
    }

    [Fact]
    public async Task ManyConnectionsFromOneAddress_AreSpacedLikeOne()
    {
        const string Mn = "1445A";
        FakeStation[] connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => FakeStation.ConnectFromAsync("127.0.30.2", gateway.Server.GatewayPort, Token)));
        try
        {
            TimeSpan[][] answered = await Task.WhenAll(connections.Select(c => GuessAsync(c, Mn, attempts: 3)));
            TimeSpan last = answered.SelectMany(a => a).Max();

            // 12 guesses: the free ones (5, plus up to 3 more that the other connections start before the fifth failure is
            // counted), then turns of 0.2, 0.4, 0.8, 1 s and more: at least 2.4 s, against ≈ 0.1 s without the backoff.
            Assert.True(last >= TimeSpan.FromSeconds(2.2), $"12 guesses over 4 connections took {last}");
        }
        finally
        {
            foreach (FakeStation connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>Sends wrong passwords one after the other; returns when each refusal (QnRtn 3) arrived, from the first send.</summary>
    private static async Task<TimeSpan[]> GuessAsync(FakeStation attacker, string mn, int attempts)
    {
        var elapsed = Stopwatch.StartNew();
        var answeredAt = new TimeSpan[attempts];
        for (int i = 0; i < attempts; i++)
        {
            (int command, _, int code, _) = await SendAsync(attacker, mn, $"guess{i:D3}", hour: 12 + i);
            Assert.Equal((9011, 3), (command, code));
            answeredAt[i] = elapsed.Elapsed;
        }

        return answeredAt;
    }

    private static async Task<(int Command, string Qn, int ReturnCode, string St)> SendAsync(FakeStation station, string mn, string password, int hour)
    {
        string dataTime = new DateTime(2020, 9, 1, 0, 0, 0, DateTimeKind.Unspecified).AddHours(hour).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await station.SendAsync(Frames.Hour(mn, Frames.NextQn(), dataTime, [("a34004", "20")], password: password), Token);
        return Frames.Read(await station.ReadReplyAsync(ReplyTimeout, Token) ?? throw new Xunit.Sdk.XunitException($"no reply to {mn} hour {hour}"));
    }

    private async Task<bool> HasAuditEntryAsync(string mn, string action)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            using HttpRequestMessage request = new(HttpMethod.Get, new Uri($"/api/v1/audit?subjectType=station&subjectId={mn}", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HardenedGateway.AdminKey);
            using HttpResponseMessage response = await gateway.Server.Client.SendAsync(request, Token);
            response.EnsureSuccessStatusCode();
            JsonElement entries = await ApiFactory.ReadJsonAsync(response);
            if (entries.EnumerateArray().Any(e => e.GetProperty("action").GetString() == action))
            {
                return true;
            }

            await Task.Delay(250, Token);
        }

        return false;
    }
}
