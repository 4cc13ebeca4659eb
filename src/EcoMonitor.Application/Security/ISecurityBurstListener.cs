namespace EcoMonitor.Application.Security;

/// <summary>Hears bursts of security failures (the alarm runtime raises a security alarm). Called from the security event writer's loop; must return quickly and not throw.</summary>
public interface ISecurityBurstListener
{
    /// <summary>A burst was found (and is being recorded in the audit trail).</summary>
    void OnBurst(SecurityBurst burst);
}
