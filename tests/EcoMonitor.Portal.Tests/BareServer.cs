namespace EcoMonitor.Portal.Tests;

/// <summary>A started <see cref="PortalServer"/> with the sample network and no data, shared by the tests of a class.</summary>
public sealed class BareServer : IDisposable
{
    public BareServer() => _ = Server.Client;

    public PortalServer Server { get; } = new();

    public void Dispose() => Server.Dispose();
}
