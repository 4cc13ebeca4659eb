using EcoMonitor.Application.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Application.Targets;

/// <summary>Registration of the assessment targets (考核目标).</summary>
public static class TargetServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TargetRegister"/>, <see cref="TargetProgressService"/> and the year's section classes the water figures read (<see cref="ISectionTargetClasses"/>; singletons). <see cref="ITargetStore"/>,
    /// the audit trail and the air evaluation (<c>AddAirEvaluation</c>) must be registered too.
    /// </summary>
    public static IServiceCollection AddTargets(this IServiceCollection services)
    {
        services.AddSingleton<TargetRegister>();
        services.AddSingleton<TargetProgressService>();
        services.AddSingleton<ISectionTargetClasses, SectionTargetClasses>();
        return services;
    }
}
