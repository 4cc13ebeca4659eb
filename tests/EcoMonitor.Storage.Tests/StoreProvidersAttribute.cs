using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace EcoMonitor.Storage.Tests;

/// <summary>
/// Runs a contract theory once per store engine, passing the provider name (see <see cref="StoreProviders"/>) to
/// <see cref="TestStores.CreateAsync"/>. An engine that needs a server yields a row with <c>Skip</c> set when its
/// connection string is absent locally, and fails (no skip) when <c>CI=true</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreProvidersAttribute : DataAttribute
{
    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<string>(StoreProviders.Sqlite)]);

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;
}
