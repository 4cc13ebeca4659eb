using EcoMonitor.Application.Security;
using NodaTime;

namespace EcoMonitor.Storage.Tests;

/// <summary>The staff console's sessions (<see cref="IConsoleSessionStore"/>), checked against every engine.</summary>
[Trait("Area", "Security")]
public sealed class ConsoleSessionStoreContractTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 1, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, StoreProviders]
    public async Task Create_ThenFind_GivesTheSessionBack_AlsoAfterAReopen(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        ConsoleSession session = Session("a");
        await stores.Sessions.CreateSessionAsync(session, Ct);

        await stores.ReopenAsync();

        AssertSame(session, await stores.Sessions.FindSessionAsync(session.Id, Ct));
        Assert.Null(await stores.Sessions.FindSessionAsync(Session("b").Id, Ct));
    }

    [Theory, StoreProviders]
    public async Task Touch_MovesLastSeenForwardOnly_Renew_ReplacesTheTicket(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        ConsoleSession session = Session("a");
        await stores.Sessions.CreateSessionAsync(session, Ct);

        Assert.True(await stores.Sessions.TouchSessionAsync(session.Id, T0 + Duration.FromMinutes(5), Ct));
        Assert.True(await stores.Sessions.TouchSessionAsync(session.Id, T0 + Duration.FromMinutes(2), Ct));
        Assert.True(await stores.Sessions.RenewSessionAsync(session.Id, [9, 8, 7], T0 + Duration.FromMinutes(7), Ct));
        Assert.False(await stores.Sessions.TouchSessionAsync(Session("b").Id, T0, Ct));
        Assert.False(await stores.Sessions.RenewSessionAsync(Session("b").Id, [1], T0, Ct));

        ConsoleSession found = (await stores.Sessions.FindSessionAsync(session.Id, Ct))!;
        Assert.Equal(T0 + Duration.FromMinutes(7), found.LastSeenAt);
        Assert.Equal([9, 8, 7], found.Ticket);
        Assert.Equal(session.ExpiresAt, found.ExpiresAt);
    }

    [Theory, StoreProviders]
    public async Task Delete_OnOneNode_IsSeenByAnother_AndTwiceIsHarmless(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        IConsoleSessionStore other = stores.OpenSecond<IConsoleSessionStore>();
        ConsoleSession session = Session("a");
        await stores.Sessions.CreateSessionAsync(session, Ct);
        AssertSame(session, await other.FindSessionAsync(session.Id, Ct));

        Assert.True(await stores.Sessions.DeleteSessionAsync(session.Id, Ct));
        Assert.False(await stores.Sessions.DeleteSessionAsync(session.Id, Ct));

        Assert.Null(await other.FindSessionAsync(session.Id, Ct));
    }

    [Theory, StoreProviders]
    public async Task DeleteExpired_RemovesThoseAtTheirAbsoluteEndOrIdleTooLong_AndNoOther(string provider)
    {
        await using TestStores stores = await TestStores.CreateAsync(provider);
        Instant now = T0 + Duration.FromHours(2);
        ConsoleSession ended = Session("ended") with { ExpiresAt = now };
        ConsoleSession idle = Session("idle") with { LastSeenAt = now - Duration.FromMinutes(30) };
        ConsoleSession active = Session("active") with { LastSeenAt = now - Duration.FromMinutes(29) };
        foreach (ConsoleSession s in new[] { ended, idle, active })
        {
            await stores.Sessions.CreateSessionAsync(s, Ct);
        }

        Assert.Equal(2, await stores.Sessions.DeleteExpiredSessionsAsync(now, Duration.FromMinutes(30), Ct));

        Assert.Null(await stores.Sessions.FindSessionAsync(ended.Id, Ct));
        Assert.Null(await stores.Sessions.FindSessionAsync(idle.Id, Ct));
        AssertSame(active, await stores.Sessions.FindSessionAsync(active.Id, Ct));
        Assert.Equal(0, await stores.Sessions.DeleteExpiredSessionsAsync(now, Duration.FromMinutes(30), Ct));
    }

    private static ConsoleSession Session(string key) => new()
    {
        Id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))),
        User = "admin",
        Ticket = [1, 2, 3, 0, 255],
        CreatedAt = T0,
        LastSeenAt = T0,
        ExpiresAt = T0 + Duration.FromHours(8),
    };

    private static void AssertSame(ConsoleSession expected, ConsoleSession? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Ticket, actual.Ticket);
        Assert.Equal(expected with { Ticket = actual.Ticket }, actual);
    }
}
