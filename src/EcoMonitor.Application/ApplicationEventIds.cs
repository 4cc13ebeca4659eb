namespace EcoMonitor.Application;

/// <summary>Event ids of the Application project (4000s).</summary>
internal static class ApplicationEventIds
{
    public const int IngestBatchCommitted = 4000;
    public const int IngestBatchFailed = 4001;
    public const int IngestWriterDraining = 4002;
    public const int IngestWriterStopped = 4003;
    public const int EvaluationRecomputed = 4010;
    public const int QualityChecked = 4020;
    public const int WorkSetAside = 4030;
    public const int WorkAttemptFailed = 4031;
    public const int WorkStoreFailed = 4032;
    public const int WorkRecovered = 4033;
    public const int WorkCompletionFailed = 4034;
    public const int WorkStartupDone = 4035;
    public const int SecurityEventsNotRecorded = 4040;
    public const int SecurityBurst = 4041;
    public const int StoredFramePasswordsMasked = 4042;
    public const int StoredFramePasswordMaskingFailed = 4043;
    public const int SecurityEventNotRecordable = 4044;
    public const int ConfigurationReloaded = 4050;
    public const int ScheduledRunFinished = 4060;
    public const int ScheduledRunFailed = 4061;
    public const int ScheduledRunTakenOver = 4062;
    public const int ScheduledRunLost = 4063;
    public const int ScheduledRunStoreFailed = 4066;
    public const int StoreUnavailable = 4070;
    public const int StoreStillUnavailable = 4071;
    public const int StoreAvailableAgain = 4072;
    public const int AuditPruned = 4080;
    public const int AlarmRaised = 3000;
    public const int AlarmCleared = 3001;
    public const int AlarmRuleFileProblem = 3003;
    public const int AlarmRulesLoaded = 3004;
    public const int AlarmCheckFailed = 3005;
    public const int AlarmInvalidated = 3006;
    public const int AlarmReviewEvaluated = 3007;
    public const int AlarmReviewsFailed = 3008;
    public const int AlarmSecurityFailed = 3009;
    public const int NotificationFailed = 3010;
    public const int NotificationDelivered = 3011;
    public const int NotificationDead = 3012;
    public const int NotificationPassFailed = 3013;
}
