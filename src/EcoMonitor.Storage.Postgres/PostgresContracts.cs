using EcoMonitor.Application.Access;
using EcoMonitor.Application.Alarms;
using EcoMonitor.Application.Audit;
using EcoMonitor.Application.Configuration;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Quality;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Reports;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;
using EcoMonitor.Application.Storage.Transfer;
using EcoMonitor.Application.Targets;
using EcoMonitor.Application.Work;

namespace EcoMonitor.Storage.Postgres;

/// <summary>
/// The registration table of the PostgreSQL engine: every store contract and the class that serves it, one row each
/// (docs/adr/0033). <see cref="PostgresStorageServiceCollectionExtensions.AddPostgresStorage"/> registers exactly these.
/// </summary>
internal static class PostgresContracts
{
    public static readonly IReadOnlyList<StoreContract> All =
    [
        StoreContract.Of<IStoreSchema, PostgresStoreSchema>(),
        StoreContract.Of<IStoreHealth, PostgresStoreHealth>(),
        StoreContract.Of<IStationStore, PostgresStationStore>(),
        StoreContract.Of<IObservationStore, PostgresObservationStore>(),
        StoreContract.Of<IRawFrameArchive, PostgresRawFrameArchive>(),
        StoreContract.Of<IIngestStore, PostgresIngestStore>(),
        StoreContract.Of<IEvaluationStore, PostgresEvaluationStore>(),
        StoreContract.Of<IDustDayStore, PostgresDustDayStore>(),
        StoreContract.Of<ITargetStore, PostgresTargetStore>(),
        StoreContract.Of<IClusterLock, PostgresClusterLock>(),
        StoreContract.Of<IStoreExport, PostgresStoreExport>(),
        StoreContract.Of<IStoreImport, PostgresStoreImport>(),
        StoreContract.Of<IAuditLog, PostgresAuditLog>(),
        StoreContract.Of<IQualityStore, PostgresQualityStore>(),
        StoreContract.Of<IReviewStore, PostgresReviewStore>(),
        StoreContract.Of<ISuspicionStore, PostgresSuspicionStore>(),
        StoreContract.Of<IAlarmStore, PostgresAlarmStore>(),
        StoreContract.Of<IAlarmRuleStore, PostgresAlarmRuleStore>(),
        StoreContract.Of<IPermitLimitStore, PostgresPermitLimitStore>(),
        StoreContract.Of<IConsoleSessionStore, PostgresConsoleSessionStore>(),
        StoreContract.Of<IDataProtectionKeyStore, PostgresDataProtectionKeyStore>(),
        StoreContract.Of<IPendingWorkStore, PostgresPendingWorkStore>(),
        StoreContract.Of<IConfigurationChanges, PostgresConfigurationChanges>(),
        StoreContract.Of<IScheduledRunStore, PostgresScheduledRunStore>(),
        StoreContract.Of<IAccountStore, PostgresAccountStore>(),
        StoreContract.Of<ISetUpTokenStore, PostgresSetUpTokenStore>(),
        StoreContract.Of<IApiClientStore, PostgresApiClientStore>(),
        StoreContract.Of<IReportArchive, PostgresReportArchive>(),
    ];
}
