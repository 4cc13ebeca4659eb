using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Security")]
public sealed class StationPasswordGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly StationPasswordGuard _guard;

    public StationPasswordGuardTests() =>
        _guard = new StationPasswordGuard(Options.Create(new GatewayOptions
        {
            PasswordBackoff = new FailureBackoffOptions { FreeFailures = 5, FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) },
            AuthenticatedAddressMemory = TimeSpan.FromDays(1),
        }), _time);

    [Fact]
    public void OneAddressGuessing_WaitsLongerAndLonger_WhicheverMnItTries()
    {
        var waits = new List<double>();
        for (int attempt = 0; attempt < 10; attempt++)
        {
            TimeSpan wait = _guard.ReserveAddressTurn("10.0.0.9")!.Value;
            waits.Add(wait.TotalSeconds);
            _time.Advance(wait);
            _guard.Failed(attempt % 2 == 0 ? "1001A" : "1002A", "10.0.0.9");
        }

        Assert.Equal([0, 0, 0, 0, 0, 1, 2, 4, 8, 16], waits);
    }

    [Fact]
    public void TheStationsOwnAddress_SkipsTheBackoff_WhileAnotherAddressGuessesItsMn()
    {
        _guard.Succeeded("1001A", "10.0.0.1");
        for (int i = 0; i < 20; i++)
        {
            _guard.Failed("1001A", "10.0.0.9");
        }

        Assert.True(_guard.IsOwnAddress("1001A", "10.0.0.1"));
        Assert.False(_guard.IsOwnAddress("1001A", "10.0.0.9"));
        Assert.True(_guard.ReserveAddressTurn("10.0.0.9") > TimeSpan.Zero);
        Assert.True(_guard.ReserveStationTurn("1001A") > TimeSpan.Zero);
    }

    [Fact]
    public void AnAddressForgotten_OrFailing_IsNoLongerTheStations()
    {
        _guard.Succeeded("1001A", "10.0.0.1");
        _guard.Succeeded("1002A", "10.0.0.2");

        _guard.Failed("1002A", "10.0.0.2");
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.False(_guard.IsOwnAddress("1001A", "10.0.0.1"));
        Assert.False(_guard.IsOwnAddress("1002A", "10.0.0.2"));
    }

    [Fact]
    public void TheRightStationFromANewAddress_WaitsAtMostOneTurnOfItsMn_ThenIsItsOwn()
    {
        for (int i = 0; i < 30; i++)
        {
            _guard.Failed("1001A", "10.0.0.9");
        }

        TimeSpan addressWait = _guard.ReserveAddressTurn("10.0.0.1")!.Value;
        TimeSpan stationWait = _guard.ReserveStationTurn("1001A")!.Value;
        _time.Advance(stationWait);
        _guard.Succeeded("1001A", "10.0.0.1");

        Assert.Equal(TimeSpan.Zero, addressWait);
        Assert.InRange(stationWait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.True(_guard.IsOwnAddress("1001A", "10.0.0.1"));
        Assert.Equal(TimeSpan.Zero, _guard.ReserveStationTurn("1001A"));
    }
}
