using EcoMonitor.Storage.Postgres;
using EcoMonitor.Storage.Sqlite;

namespace EcoMonitor.Web.Hosting;

/// <summary>Chooses the storage engine from <c>Storage:Provider</c>. The only place the host touches Storage.*.</summary>
internal static class StorageHostingExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        string provider = builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] ?? StorageOptions.Sqlite;
        if (provider.Equals(StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSqliteStorage();
        }
        else if (provider.Equals(StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddPostgresStorage();
        }
        else
        {
            throw new InvalidOperationException(
                $"Storage:Provider '{provider}' is not available; use '{StorageOptions.Sqlite}' (default) or '{StorageOptions.Postgres}'.");
        }

        return builder;
    }
}
