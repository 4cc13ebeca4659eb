using EcoMonitor.Application.Alarms;

namespace EcoMonitor.Web.Alarms;

/// <summary>The alarm runtime in the host, with the webhook and e-mail senders.</summary>
internal static class AlarmHostingExtensions
{
    public static IHostApplicationBuilder AddAlarmRuntime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAlarms();
        builder.Services.AddSingleton<INotificationSender, WebhookNotificationSender>();
        builder.Services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        return builder;
    }
}
