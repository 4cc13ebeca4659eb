using EcoMonitor.Application.Storage;
using EcoMonitor.Storage.Postgres;
using EcoMonitor.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// The registration tables of the engines (docs/adr/0033): the same contracts in both, each resolved to the class of
/// its row, one instance per class, and no class serving an application contract its table does not name.
/// Resolving opens no connection, so no database is needed.
/// </summary>
[Trait("Area", "Foundation")]
public sealed class StoreContractTableTests
{
    [Fact]
    public void BothEngines_ServeTheSameContracts()
    {
        Assert.Equal(Contracts(SqliteContracts.All), Contracts(PostgresContracts.All));
        Assert.Equal(SqliteContracts.All.Count, Contracts(SqliteContracts.All).Count);
        Assert.Equal(PostgresContracts.All.Count, Contracts(PostgresContracts.All).Count);
    }

    [Theory]
    [InlineData(StoreProviders.Sqlite)]
    [InlineData(StoreProviders.Postgres)]
    public void EveryContract_ResolvesToTheClassOfItsRow_OneInstancePerClass(string provider)
    {
        using ServiceProvider services = Container(provider);
        var instances = new Dictionary<Type, object>();
        foreach (StoreContract row in Table(provider))
        {
            object resolved = services.GetRequiredService(row.Contract);
            Assert.IsType(row.Implementation, resolved);
            Assert.Same(instances.GetValueOrDefault(row.Implementation, resolved), resolved);
            instances[row.Implementation] = resolved;
        }
    }

    [Theory]
    [InlineData(StoreProviders.Sqlite)]
    [InlineData(StoreProviders.Postgres)]
    public void NoClass_ServesAnApplicationContractItsTableLeavesOut(string provider)
    {
        IReadOnlyList<StoreContract> table = Table(provider);
        HashSet<Type> contracts = Contracts(table);
        foreach (Type implementation in table.Select(r => r.Implementation).Distinct())
        {
            Type[] served = [.. implementation.GetInterfaces().Where(i => i.Namespace?.StartsWith("EcoMonitor.Application", StringComparison.Ordinal) == true)];
            Assert.All(served, contract => Assert.Contains(contract, contracts));
            Assert.All(served, contract => Assert.Contains(table, r => r.Contract == contract && r.Implementation == implementation));
        }
    }

    private static IReadOnlyList<StoreContract> Table(string provider) =>
        provider == StoreProviders.Sqlite ? SqliteContracts.All : PostgresContracts.All;

    private static HashSet<Type> Contracts(IEnumerable<StoreContract> table) => [.. table.Select(r => r.Contract)];

    private static ServiceProvider Container(string provider)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var settings = new Dictionary<string, string?>();
        if (provider == StoreProviders.Sqlite)
        {
            settings["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), "ecomonitor-tests", Guid.NewGuid().ToString("N"), "never-opened.db");
            services.AddSqliteStorage();
        }
        else
        {
            settings["Storage:Postgres:ConnectionString"] = "Host=127.0.0.1;Database=never_opened";
            services.AddPostgresStorage();
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
