using EcoMonitor.Application.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Application.Security;

/// <summary>
/// Masks, once, the passwords of the frames an older version archived in clear (<see cref="IRawFrameArchive.MaskStoredPasswordsAsync"/>):
/// in pages of <see cref="PageSize"/> in the background after start, so that a large archive costs the start-up
/// nothing, and logs what it did when it is through. A failure is logged and the pass tried again after a minute;
/// the store remembers how far it got, so a restart goes on from there.
/// </summary>
internal sealed class StoredFramePasswordMasking(IRawFrameArchive archive, IStoreHealth health, TimeProvider time, ILogger<StoredFramePasswordMasking> logger) : BackgroundService
{
    private readonly StoreOutageLog _outage = new(health, logger, "stored frame password masking");

    /// <summary>Frames looked at per transaction.</summary>
    public const int PageSize = 1_000;

    /// <summary>The pause between two pages, so that the store's writer (one on SQLite) serves ingest in between.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long examined = 0;
        try
        {
            while (true)
            {
                int page;
                try
                {
                    page = await archive.MaskStoredPasswordsAsync(PageSize, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (!_outage.TryLogUnavailable(exception))
                    {
                        ApplicationLog.StoredFramePasswordMaskingFailed(logger, exception, examined);
                    }

                    await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                    continue;
                }

                _outage.Succeeded();
                examined += page;
                if (page == 0)
                {
                    if (examined > 0)
                    {
                        ApplicationLog.StoredFramePasswordsMasked(logger, examined);
                    }

                    return;
                }

                await Task.Delay(Pause, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the store remembers how far the pass got.
        }
    }
}
