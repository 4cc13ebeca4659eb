
namespace EcoMonitor.Application.Quality;

/// <summary>
/// Told by <see cref="ReviewService"/> about review decisions right after they were stored (durable, with their audit
/// entries), e.g. so alarms are evaluated again. Implementations return quickly (queue the work) and never throw.
/// </summary>
public interface IReviewDecisionListener
{
    /// <summary>Called once per stored batch of decisions (in the order stored).</summary>
    void OnDecided(IReadOnlyList<ReviewDecision> decisions);
}
