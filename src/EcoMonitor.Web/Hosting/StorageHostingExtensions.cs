using EcoMonitor.Storage.Sqlite;

namespace EcoMonitor.Web.Hosting;

/// <summary>Chooses the storage engine from <c>Storage:Provider</c>. The only place the host touches Storage.*.</summary>
internal static class StorageHostingExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        string provider = builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] ?? StorageOptions.Sqlite;
        if (!provider.Equals(StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not available; this build supports '{StorageOptions.Sqlite}'.");
        }

        builder.Services.AddSqliteStorage();
        return builder;
    }
}
