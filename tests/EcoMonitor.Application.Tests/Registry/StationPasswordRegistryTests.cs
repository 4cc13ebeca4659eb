using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Registry;
using EcoMonitor.Domain;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Tests.Registry;

/// <summary>The registry stores station passwords only hashed, keeps a hash when the same password comes again, and hashes what an older version stored in clear.</summary>
[Trait("Area", "Security")]
public sealed class StationPasswordRegistryTests : IAsyncLifetime
{
    private static readonly IOptions<RegistryOptions> Options = Microsoft.Extensions.Options.Options.Create(new RegistryOptions { PasswordHashIterations = StationPassword.MinIterations });
    private SqliteAuditedStore _host = null!;
    private IStationStore _store = null!;
    private IAuditTrail _audit = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await SqliteAuditedStore.CreateAsync(Ct);
        _store = _host.Get<IStationStore>();
        _audit = _host.Get<IAuditTrail>();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Upsert_StoresOnlyTheHash_AndTheSamePasswordAgainKeepsIt()
    {
        using var registry = new StationRegistry(_store, _audit, Options);

        await registry.UpsertAsync([Plain("1431A", "9BN7nLyJ")], "tester", null, Ct);
        Station stored = (await _store.ListAsync(Ct)).Single();
        await registry.UpsertAsync([Plain("1431A", "9BN7nLyJ")], "tester", null, Ct);

        Assert.True(stored.Password.IsHashed);
        Assert.True(stored.Password.Matches("9BN7nLyJ"u8));
        Assert.Equal(stored.Password, (await _store.ListAsync(Ct)).Single().Password);
        AuditEntry registered = Assert.Single(await AuditAsync());
        Assert.DoesNotContain("9BN7nLyJ", registered.After, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", registered.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ANewPassword_IsHashedAnew_AndAuditedAsAPasswordChange()
    {
        using var registry = new StationRegistry(_store, _audit, Options);
        await registry.UpsertAsync([Plain("1431A", "9BN7nLyJ")], "tester", null, Ct);

        await registry.UpsertAsync([Plain("1431A", "TcG75yrR")], "tester", null, Ct);

        Station stored = (await _store.ListAsync(Ct)).Single();
        Assert.True(stored.Password.Matches("TcG75yrR"u8));
        Assert.False(stored.Password.Matches("9BN7nLyJ"u8));
        Assert.Contains("\"passwordChanged\":true", (await AuditAsync())[^1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_HashesPasswordsStoredInClear_AndWritesThemBack()
    {
        // As a version before hashing wrote it: the column holds the password itself.
        await _store.UpsertAsync([Some.Station("1431A")], Ct);
        await ClearPasswordColumnAsync("123456");
        using var registry = new StationRegistry(_store, _audit, Options);

        await registry.LoadAsync(Ct);

        Station stored = (await _store.ListAsync(Ct)).Single();
        Assert.True(stored.Password.IsHashed);
        Assert.True(stored.Password.Matches("123456"u8));
        Assert.True(registry.TryGet(StationId.Parse("1431A"), out Station loaded));
        Assert.Equal(stored.Password, loaded.Password);
        AuditEntry hashed = Assert.Single(await AuditAsync());
        Assert.Equal(("system:password-hashing", "station.password-hashed"), (hashed.Actor, hashed.Action));
    }

    [Fact]
    public void Verifier_DerivesOncePerPassword_AndNoticesAChange()
    {
        var verifier = new StationPasswordVerifier();
        Station station = Some.Station("1431A");

        bool[] answers = [verifier.Matches(station, "123456"u8), verifier.Matches(station, "123456"u8), verifier.Matches(station, "654321"u8), verifier.Matches(station, "654321"u8)];
        long derivations = verifier.Derivations;
        Station changed = station with { Password = StationPassword.Plain("654321").Hash(StationPassword.MinIterations) };

        Assert.Equal([true, true, false, false], answers);
        Assert.Equal(2, derivations);
        Assert.True(verifier.Matches(changed, "654321"u8));
        Assert.False(verifier.Matches(changed, "123456"u8));
    }

    private static Station Plain(string mn, string password) => Some.Station(mn) with { Password = StationPassword.Plain(password) };

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => _host.AuditAsync(Ct);

    private async Task ClearPasswordColumnAsync(string password)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_host.File}");
        await connection.OpenAsync(Ct);
        await using Microsoft.Data.Sqlite.SqliteCommand command = connection.CreateCommand();
        command.CommandText = "UPDATE station SET password = $p;";
        command.Parameters.AddWithValue("$p", password);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
