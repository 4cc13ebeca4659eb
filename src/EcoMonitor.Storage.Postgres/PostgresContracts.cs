using EcoMonitor.Application.Access;
using EcoMonitor.Application.Scheduling;
using EcoMonitor.Application.Security;
using EcoMonitor.Application.Storage;

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
        StoreContract.Of<IObservationStore, PostgresStore>(),
        StoreContract.Of<IRawFrameArchive, PostgresStore>(),
        StoreContract.Of<IIngestStore, PostgresStore>(),
        StoreContract.Of<IEvaluationStore, PostgresEvaluationStore>(),
        StoreContract.Of<IClusterLock, PostgresClusterLock>(),
        StoreContract.Of<IStoreExport, PostgresStore>(),
        StoreContract.Of<IStoreImport, PostgresStore>(),
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
    ];
}
