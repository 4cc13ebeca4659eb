namespace EcoMonitor.Web.Tests.Security;

/// <summary>
/// The platform configured to sign people in through <see cref="TestIdentityProvider"/> only
/// (<c>Identity:Oidc:LocalPasswords=false</c>, the provider not trusted for the second factor), both on loopback.
/// </summary>
public sealed class OidcPlatform : IAsyncLifetime
{
    private readonly int _providerPort = FreeTcpPort.Next();
    private TestIdentityProvider? _provider;

    public OidcPlatform() => Api = ApiFactory.With(new Dictionary<string, string?>
    {
        ["Identity:Oidc:Authority"] = $"http://127.0.0.1:{_providerPort}/",
        ["Identity:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Identity:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Identity:Oidc:RequireHttpsMetadata"] = "false",
        ["Identity:Oidc:LocalPasswords"] = "false",
    });

    public ApiFactory Api { get; }

    internal TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException("not started");

    public Uri Server => Api.Client.BaseAddress!;

    public async ValueTask InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync(_providerPort, $"http://127.0.0.1:{Api.HttpPort}/api/v1/console/login/oidc/callback");
        _ = Api.Client;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
