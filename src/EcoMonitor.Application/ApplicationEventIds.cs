namespace EcoMonitor.Application;

/// <summary>Event ids of the Application project (4000s).</summary>
internal static class ApplicationEventIds
{
    public const int IngestBatchCommitted = 4000;
    public const int IngestBatchFailed = 4001;
    public const int IngestWriterDraining = 4002;
    public const int IngestWriterStopped = 4003;
    public const int EvaluationRecomputed = 4010;
    public const int EvaluationFailed = 4011;
    public const int QualityChecked = 4020;
    public const int QualityCheckFailed = 4021;
}
