using System.Diagnostics;
using EcoMonitor.Application.Storage;

namespace EcoMonitor.Application.Ingest;

/// <summary>
/// An item waiting in the pipeline with the promise of its receipt. The batch writer alone sets the fields while it
/// builds a batch; the receipt's task is the only thing shared with the submitter.
/// </summary>
internal sealed class PendingIngest(IngestItem item)
{
    private readonly TaskCompletionSource<IngestReceipt> _receipt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IngestItem Item { get; } = item;

    /// <summary>The trace of the frame's span when it was submitted (default: none), linked from the batch's commit span.</summary>
    public ActivityContext Trace { get; } = Activity.Current?.Context ?? default;

    public Task<IngestReceipt> Receipt => _receipt.Task;

    /// <summary>The outcome the frame is archived with in the batch being built.</summary>
    public RawFrameOutcome Outcome { get; set; }

    /// <summary>Index of the item's first observation in the batch, and how many it has there.</summary>
    public int FirstObservation { get; set; }

    public int ObservationCount { get; set; }

    public void Complete(IngestReceipt receipt) => _receipt.TrySetResult(receipt);

    public void Fail(Exception exception) => _receipt.TrySetException(exception);
}
