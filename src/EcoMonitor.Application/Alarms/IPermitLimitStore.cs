
namespace EcoMonitor.Application.Alarms;

/// <summary>Discharge permit limits of outlets (排污许可限值), for permit-based exceedance rules. Part of the store contract; thread-safe.</summary>
public interface IPermitLimitStore
{
    /// <summary>Every permit limit, by station then parameter (ordinal).</summary>
    Task<IReadOnlyList<PermitLimit>> ListPermitLimitsAsync(CancellationToken cancellationToken);

    /// <summary>Replaces all permit limits of <paramref name="station"/> with <paramref name="limits"/> in one transaction.</summary>
    Task ReplacePermitLimitsAsync(Domain.StationId station, IReadOnlyList<PermitLimit> limits, CancellationToken cancellationToken);
}
