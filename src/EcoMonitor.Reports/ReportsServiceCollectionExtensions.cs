using EcoMonitor.Application.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Reports;

/// <summary>Registers report generation and its schedule.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>The builders, renderers, <see cref="ReportGenerator"/> and the scheduled job; options from section <c>Reports</c>.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>());
        services.AddSingleton<ReportUnits>();
        services.AddSingleton(sp => new ChartRenderer(sp.GetRequiredService<IOptions<ReportOptions>>().Value.ChartFontFamily));
        services.AddSingleton(sp => new PdfRenderer(sp.GetRequiredService<IOptions<ReportOptions>>().Value.PdfFontFile));
        services.AddSingleton<MonthlyAirReportBuilder>();
        services.AddSingleton<AnnualAirReportBuilder>();
        services.AddSingleton<DailyBulletinBuilder>();
        services.AddSingleton<ReportRevisions>();
        services.AddSingleton<MonthlyWaterReportBuilder>();
        services.AddSingleton<ReportGenerator>();
        services.AddSingleton<IScheduledJob, ReportScheduleJob>();
        return services;
    }
}
