using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using EcoMonitor.Quality;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Quality;

/// <summary>Registration of the automatic quality checks.</summary>
public static class QualityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="QualityOptions"/> (section <c>Quality</c>), loads the rules file once (a missing or wrong file
    /// stops the start with a message saying what is wrong), and registers <see cref="QualityChecker"/>,
    /// <see cref="StationValidity"/>, <see cref="FalsificationDetector"/> and <see cref="SuspicionService"/> (outlets' falsification signs), <see cref="QualityBacklog"/> as an <see cref="IObservationCommitListener"/> and the
    /// <see cref="QualityWorker"/> hosted service, and (when an audit trail is registered) <see cref="QualityRulesAudit"/>. The stores (<see cref="IObservationStore"/>, <see cref="IStationStore"/>,
    /// <see cref="IQualityStore"/>, <see cref="ISuspicionStore"/>, <see cref="IPermitLimitStore"/>, <see cref="IRawFrameArchive"/>) must be registered too.
    /// </summary>
    public static IServiceCollection AddQualityChecks(this IServiceCollection services)
    {
        services.AddOptions<QualityOptions>().BindConfiguration(QualityOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QualityOptions>, QualityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuditTrail();
        services.TryAddSingleton(sp => LoadRules(sp.GetRequiredService<IOptions<QualityOptions>>().Value.RulesFile));
        services.TryAddSingleton(sp => new QualityChecker(sp.GetRequiredService<QualityRuleSet>()));
        services.TryAddSingleton(sp => new FalsificationDetector(sp.GetRequiredService<QualityRuleSet>()));
        services.TryAddSingleton<SuspicionService>();
        services.TryAddSingleton<QualityRecheck>();
        services.TryAddSingleton<StationValidity>();
        services.TryAddSingleton<ReviewService>();
        services.TryAddSingleton<CompletenessService>();
        services.AddSingleton<QualityBacklog>();
        services.AddSingleton<IObservationCommitListener>(sp => sp.GetRequiredService<QualityBacklog>());
        services.AddSingleton<IPendingWork>(sp => sp.GetRequiredService<QualityBacklog>().Queue);
        services.AddDurableWork();
        services.AddHostedService<QualityWorker>();
        services.AddHostedService<QualityRulesAudit>();
        return services;
    }

    /// <summary>Reads a rules file; throws <see cref="InvalidDataException"/> or <see cref="FileNotFoundException"/> naming the file.</summary>
    public static QualityRuleSet LoadRules(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The quality rules file '{Path.GetFullPath(path)}' does not exist (Quality:RulesFile).", path);
        }

        using FileStream stream = File.OpenRead(path);
        try
        {
            return QualityRuleSetFile.Parse(stream);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"{Path.GetFullPath(path)}: {exception.Message}", exception);
        }
    }

}
