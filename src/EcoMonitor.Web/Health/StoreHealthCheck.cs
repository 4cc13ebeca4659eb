using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EcoMonitor.Web.Health;

/// <summary>
/// Ready when the store answers a trivial query (<see cref="IStoreHealth.PingAsync"/>) within the check's timeout
/// (<see cref="HealthHostingExtensions.StoreTimeout"/>). Does all the logging of readiness (the health-check service's own
/// line per unhealthy probe is turned off in appsettings.json): the change from ready to not ready and back, once each,
/// not every probe of the balancer; any other failure of the ping in full, every time. Singleton; <see cref="_isReady"/> is the only state, swapped atomically.
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
        catch (Exception exception)
        {
            // Not the store being away but a fault of its own: logged in full at every probe, and not ready.
            WebLog.ReadinessCheckFailed(logger, exception);
            return HealthCheckResult.Unhealthy("readiness check failed");
        }

        if (Interlocked.Exchange(ref _isReady, 1) == 0)
        {
            WebLog.StoreReadyAgain(logger);
        }

        return HealthCheckResult.Healthy();
    }
}
