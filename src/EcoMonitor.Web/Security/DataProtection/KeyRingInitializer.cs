using EcoMonitor.Application.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security.DataProtection;

/// <summary>
/// At start, before the framework loads the key ring (its hosted service is registered after this one), one node at a
/// time — under the store's cluster lock — makes sure the shared ring holds a key to use, creating the first when it
/// has none. Nodes starting together on a new database so share one key, instead of each making its own and refusing
/// the others' cookies until their key rings refresh. Runs after the schema migration (registered before it).
/// </summary>
internal sealed class KeyRingInitializer(IClusterLock clusterLock, IKeyManager keys, IOptions<KeyManagementOptions> options, TimeProvider time) : IHostedService
{
    /// <summary>The cluster lock held while the ring is checked.</summary>
    public const string LockName = "data-protection-key-ring";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using IAsyncDisposable held = await clusterLock.AcquireAsync(LockName, cancellationToken);
        DateTimeOffset now = time.GetUtcNow();
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && now < k.ExpirationDate))
        {
            keys.CreateNewKey(now, now + options.Value.NewKeyLifetime);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
