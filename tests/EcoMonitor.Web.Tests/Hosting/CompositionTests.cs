using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EcoMonitor.Web.Tests.Hosting;

/// <summary>
/// The host as composed for production: every value written through the one write path reaches evaluation, quality
/// checks and alarms in this process; every review decision reaches evaluation and alarms; the scheduled jobs are all
/// there. A composition that forgets one fails here rather than silently dropping the work.
/// </summary>
[Trait("Area", "Foundation")]
public sealed class CompositionTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _factory;

    public CompositionTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public void EveryCommit_ReachesEvaluationQualityChecksAndAlarms()
    {
        Type[] listeners = [.. _factory.Services.GetServices<IObservationCommitListener>().Select(l => l.GetType()).Order(TypeOrder.Instance)];

        Assert.Equal([typeof(AlarmBacklog), typeof(EvaluationBacklog), typeof(QualityBacklog)], listeners);
    }

    [Fact]
    public void EveryReviewDecision_ReachesEvaluationAndAlarms()
    {
        Type[] listeners = [.. _factory.Services.GetServices<IReviewDecisionListener>().Select(l => l.GetType()).Order(TypeOrder.Instance)];

        Assert.Equal([typeof(AlarmBacklog), typeof(EvaluationBacklog)], listeners);
    }

    [Fact]
    public void TheScheduledJobs_AreRegisteredOnceEach()
    {
        string[] jobs = [.. _factory.Services.GetServices<IScheduledJob>().Select(j => j.Schedule.Name).Order(StringComparer.Ordinal)];

        // storage.partitions belongs to the PostgreSQL store; this host runs on SQLite.
        Assert.Equal(["audit.retention", "console.sessions", "reports.schedule", "schedule.cleanup"], jobs);
    }

    private sealed class TypeOrder : IComparer<Type>
    {
        public static readonly TypeOrder Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.Name, y?.Name);
    }
}
