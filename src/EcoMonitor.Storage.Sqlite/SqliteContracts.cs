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

namespace EcoMonitor.Storage.Sqlite;

/// <summary>
/// The registration table of the SQLite engine: every store contract and the class that serves it, one row each
/// (docs/adr/0033). <see cref="SqliteStorageServiceCollectionExtensions.AddSqliteStorage"/> registers exactly these.
/// </summary>
internal static class SqliteContracts
{
    public static readonly IReadOnlyList<StoreContract> All =
    [
        StoreContract.Of<IStoreSchema, SqliteStoreSchema>(),
        StoreContract.Of<IStoreHealth, SqliteStoreHealth>(),
        StoreContract.Of<IStationStore, SqliteStationStore>(),
        StoreContract.Of<IObservationStore, SqliteObservationStore>(),
        StoreContract.Of<IRawFrameArchive, SqliteRawFrameArchive>(),
        StoreContract.Of<IIngestStore, SqliteIngestStore>(),
        StoreContract.Of<IEvaluationStore, SqliteEvaluationStore>(),
        StoreContract.Of<IDustDayStore, SqliteDustDayStore>(),
        StoreContract.Of<ITargetStore, SqliteTargetStore>(),
        StoreContract.Of<IClusterLock, SqliteClusterLock>(),
        StoreContract.Of<IStoreExport, SqliteStoreExport>(),
        StoreContract.Of<IStoreImport, SqliteStoreImport>(),
        StoreContract.Of<IAuditLog, SqliteAuditLog>(),
        StoreContract.Of<IQualityStore, SqliteQualityStore>(),
        StoreContract.Of<IReviewStore, SqliteReviewStore>(),
        StoreContract.Of<ISuspicionStore, SqliteSuspicionStore>(),
        StoreContract.Of<IAlarmStore, SqliteAlarmStore>(),
        StoreContract.Of<IAlarmRuleStore, SqliteAlarmRuleStore>(),
        StoreContract.Of<IPermitLimitStore, SqlitePermitLimitStore>(),
        StoreContract.Of<IConsoleSessionStore, SqliteConsoleSessionStore>(),
        StoreContract.Of<IDataProtectionKeyStore, SqliteDataProtectionKeyStore>(),
        StoreContract.Of<IPendingWorkStore, SqlitePendingWorkStore>(),
        StoreContract.Of<IConfigurationChanges, SqliteConfigurationChanges>(),
        StoreContract.Of<IScheduledRunStore, SqliteScheduledRunStore>(),
        StoreContract.Of<IAccountStore, SqliteAccountStore>(),
        StoreContract.Of<ISetUpTokenStore, SqliteSetUpTokenStore>(),
        StoreContract.Of<IApiClientStore, SqliteApiClientStore>(),
        StoreContract.Of<IReportArchive, SqliteReportArchive>(),
    ];
}
