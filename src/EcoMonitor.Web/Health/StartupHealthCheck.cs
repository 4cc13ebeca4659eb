using EcoMonitor.Application.Work;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoMonitor.Web.Health;

/// <summary>
/// Not ready until this node has worked off the background work pending when it started (<see cref="StartupWork"/>,
/// docs/adr/0035): the start-up imports (sample history, registry, alarm rules and permit limits) are done before the
/// port opens, and their evaluation (AQI, water classes, rankings), quality checks and alarms — and whatever else was
/// pending in the store — must be done too, so that what the API answers is complete. Once done it stays done: after
/// that only the store's answer (<see cref="StoreHealthCheck"/>) decides readiness. Logs the moment it is done once.
/// Singleton.
/// </summary>
internal sealed class StartupHealthCheck(StartupWork startup, ILogger<StartupHealthCheck> logger) : IHealthCheck
{
    /// <summary>The result's description while the start-up work goes on (the probe answers <c>starting</c>).</summary>
    public const string Starting = "starting";

    private int _isLogged;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (!startup.IsDone)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(Starting));
        }

        if (Interlocked.Exchange(ref _isLogged, 1) == 0)
        {
            WebLog.StartupWorkDone(logger);
        }

        return Task.FromResult(HealthCheckResult.Healthy());
    }
}
