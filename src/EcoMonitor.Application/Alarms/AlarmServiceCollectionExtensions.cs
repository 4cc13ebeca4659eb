using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Alarms;

/// <summary>Registration of the alarm runtime.</summary>
public static class AlarmServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AlarmOptions"/> (section <c>Alarms</c>, validated on start) and registers the rule set, the
    /// commit listener and review-decision listener (<see cref="AlarmBacklog"/>), the engine and its worker, the workflow service, the default <see cref="IAlarmStepRecorder"/>
    /// (replaceable: register another before or decorate it; every step also goes into the audit trail through
    /// <see cref="AuditingAlarmStepRecorder"/>), the audit trail (<see cref="AuditServiceCollectionExtensions.AddAuditTrail"/>) and the notification dispatcher. Needs the stores
    /// (<see cref="IAlarmStore"/>, <see cref="IAlarmRuleStore"/>, <see cref="IPermitLimitStore"/>, …), the station
    /// registry and <see cref="INotificationSender"/>s from the host.
    /// </summary>
    public static IServiceCollection AddAlarms(this IServiceCollection services)
    {
        services.AddOptions<AlarmOptions>().BindConfiguration(AlarmOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlarmOptions>, AlarmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuditTrail();
        services.AddSingleton<AlarmRuleSet>();
        services.AddSingleton<ActiveAlarmSet>();
        services.AddSingleton<RecentSeries>();
        services.AddSingleton<AlarmBacklog>();
        services.AddSingleton<IObservationCommitListener>(sp => sp.GetRequiredService<AlarmBacklog>());
        services.AddSingleton<IPendingWork>(sp => sp.GetRequiredService<AlarmBacklog>().Queue);
        services.AddDurableWork();
        services.AddSingleton<IReviewDecisionListener>(sp => sp.GetRequiredService<AlarmBacklog>());
        services.AddSingleton<NotificationWakeup>();
        services.AddSingleton<SecurityBursts>();
        services.AddSingleton<ISecurityBurstListener>(sp => sp.GetRequiredService<SecurityBursts>());
        services.TryAddSingleton<StoreAlarmStepRecorder>();
        services.TryAddSingleton<IAlarmStepRecorder>(sp => new AuditingAlarmStepRecorder(
            sp.GetRequiredService<StoreAlarmStepRecorder>(), sp.GetRequiredService<IAlarmStore>(), sp.GetRequiredService<IAuditTrail>()));
        services.AddSingleton<AlarmEngine>();
        services.AddSingleton<AlarmWorkflowService>();
        services.AddHostedService<AlarmWorker>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
