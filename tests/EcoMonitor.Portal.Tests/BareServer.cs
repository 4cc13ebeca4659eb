namespace EcoMonitor.Portal.Tests;

/// <summary>
/// A started <see cref="PortalServer"/> with the sample network and no data, shared by the tests of a class, and a
/// browser launched when a test first asks for it.
/// </summary>
public sealed class BareServer : IAsyncDisposable
{
    private readonly SemaphoreSlim _launch = new(1, 1);
    private Browser? _browser;

    public BareServer() => _ = Server.Client;

    public PortalServer Server { get; } = new();

    public async Task<Browser> BrowserAsync()
    {
        await _launch.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _browser ??= await Browser.LaunchAsync();
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        Server.Dispose();
        _launch.Dispose();
    }
}
