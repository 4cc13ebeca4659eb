using System.Reflection;
using EcoMonitor.Testing;
using Xunit.Sdk;
using Xunit.v3;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Runs a contract theory once per store engine, passing the provider name (see <see cref="StoreProviders"/>) to
/// <see cref="TestStores.CreateAsync"/>. An engine that needs a server yields a row with <c>Skip</c> set when no
/// server can be had locally, and fails (no skip) when <c>CI=true</c>. The PostgreSQL rows also carry the trait
/// <c>Area=Postgres</c>, so that <c>--filter Area=Postgres</c> runs the suite against PostgreSQL.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreProvidersAttribute : DataAttribute
{
    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        string? unavailable = PostgresTestServer.UnavailableReason;
        var postgres = new TheoryDataRow<string>(StoreProviders.Postgres)
        {
            Skip = unavailable is not null && !PostgresTestServer.IsCi ? unavailable : null,
        };
        postgres.WithTrait("Area", "Postgres");
        return new([new TheoryDataRow<string>(StoreProviders.Sqlite), postgres]);
    }

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;
}
