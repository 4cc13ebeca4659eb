using EcoMonitor.Application.Import;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Ingest;

/// <summary>Registration of the ingest pipeline.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="IngestOptions"/> from <c>Ingest</c> (validated on start) and registers <see cref="IngestPipeline"/>,
    /// <see cref="IngestCounters"/>, the one write path <see cref="ObservationWriter"/> (every registered
    /// <see cref="IObservationCommitListener"/>) and <see cref="ObservationImporter"/> as singletons and the batch writer as
    /// a hosted service. A store
    /// (<c>IIngestStore</c>) must be registered too, e.g. by <c>AddSqliteStorage</c> — before this call, so that its
    /// schema migration runs before the writer starts.
    /// </summary>
    public static IServiceCollection AddIngestPipeline(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<IngestCounters>();
        services.AddSingleton<ObservationWriter>();
        services.AddSingleton<ObservationImporter>();
        services.AddHostedService<IngestBatchWriter>();
        return services;
    }
}
