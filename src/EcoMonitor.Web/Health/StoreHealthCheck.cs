using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoMonitor.Web.Health;

/// <summary>
/// Ready when the store answers a trivial query (<see cref="IStoreHealth.PingAsync"/>) within the check's timeout
/// (<see cref="HealthHostingExtensions.StoreTimeout"/>). Logs the change from ready to not ready and back, once each,
/// not every probe of the balancer. Singleton; <see cref="_isReady"/> is the only state, swapped atomically.
/// </summary>
internal sealed class StoreHealthCheck(IStoreHealth store, ILogger<StoreHealthCheck> logger) : IHealthCheck
{
    private int _isReady = 1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            await store.PingAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException || store.IsUnavailable(exception))
        {
            if (Interlocked.Exchange(ref _isReady, 0) == 1)
            {
                WebLog.StoreNotReady(logger, exception.GetType().Name, exception.GetBaseException().Message);
            }

            return HealthCheckResult.Unhealthy("store unavailable");
        }

        if (Interlocked.Exchange(ref _isReady, 1) == 0)
        {
            WebLog.StoreReadyAgain(logger);
        }

        return HealthCheckResult.Healthy();
    }
}
