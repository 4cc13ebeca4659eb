using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcoMonitor.Application.Evaluation;

/// <summary>Registration of the air-quality evaluation.</summary>
public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EvaluationBacklog"/> as the <see cref="IObservationCommitListener"/>, <see cref="AirEvaluator"/>,
    /// <see cref="AirStatisticsService"/>, <see cref="DustDayRegister"/> (singletons) and the <see cref="EvaluationWorker"/> hosted service. The stores
    /// (<see cref="IObservationStore"/>, <see cref="IStationStore"/>, <see cref="IEvaluationStore"/>, <see cref="IDustDayStore"/>, <see cref="IClusterLock"/>, <see cref="IPendingWorkStore"/>) must be registered too. Its queue is an <see cref="IPendingWork"/> (<see cref="WorkServiceCollectionExtensions.AddDurableWork"/>).
    /// </summary>
    public static IServiceCollection AddAirEvaluation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EvaluationBacklog>();
        services.AddSingleton<IObservationCommitListener>(sp => sp.GetRequiredService<EvaluationBacklog>());
        services.AddSingleton<IReviewDecisionListener>(sp => sp.GetRequiredService<EvaluationBacklog>());
        services.AddSingleton<IPendingWork>(sp => sp.GetRequiredService<EvaluationBacklog>().Queue);
        services.AddDurableWork();
        services.AddSingleton<AirEvaluator>();
        services.AddSingleton<WaterEvaluator>();
        services.AddSingleton<AirStatisticsService>();
        services.AddSingleton<DustDayRegister>();
        services.AddSingleton<WaterRankingService>();
        services.AddSingleton<WaterBodyAssessmentService>();
        services.AddHostedService<EvaluationWorker>();
        return services;
    }
}
