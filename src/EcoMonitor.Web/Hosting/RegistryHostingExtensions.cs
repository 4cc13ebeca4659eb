using EcoMonitor.Application.Registry;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>Registers the parameter catalog (loaded once from its file), the station registry and its seeder.</summary>
internal static class RegistryHostingExtensions
{
    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegistryOptions>, RegistryOptionsValidator>();
        services.AddSingleton(LoadCatalog);
        services.AddSingleton(sp => RegionCatalog.Shipped.With(sp.GetRequiredService<IOptions<RegistryOptions>>().Value.ExtraRegionCodes));
        services.AddSingleton<StationRegistry>();
        services.AddSingleton<RegistrySeeder>();
        return builder;
    }

    private static ParameterCatalog LoadCatalog(IServiceProvider services)
    {
        string path = services.GetRequiredService<IOptions<RegistryOptions>>().Value.ParametersFile;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The parameter catalog '{Path.GetFullPath(path)}' does not exist (Registry:ParametersFile).", path);
        }

        using FileStream stream = File.OpenRead(path);
        ParameterCatalogLoadResult loaded = ParameterCatalog.Load(stream);
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("EcoMonitor.Web.Registry");
        foreach (RegistryEntryError error in loaded.Errors)
        {
            WebLog.ParameterRejected(logger, path, error.Index, error.Key, error.Reason);
        }

        return loaded.Catalog;
    }
}
