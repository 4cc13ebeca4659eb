using System.Net;
using Microsoft.AspNetCore.Connections;

namespace EcoMonitor.Gateway;

/// <summary>
/// The gateway port's listener: admits each accepted connection against <see cref="ConnectionLimiter"/> inside the
/// accept loop, and closes a refused one there before accepting the next. Refusing later, in connection middleware,
/// lets a flood outrun the refusals: Kestrel hands every accepted socket to the thread pool, and on a busy machine
/// hundreds of refused sockets could hold file handles at once — past the process's limit, which the .NET runtime does
/// not survive. Here at most one refused socket is open at a time; the rest wait in the kernel's accept queue.
/// </summary>
internal sealed class AdmittingListener(IConnectionListener inner, ConnectionLimiter limiter, ConnectionReports reports) : IConnectionListener
{
    /// <inheritdoc />
    public EndPoint EndPoint => inner.EndPoint;

    /// <inheritdoc />
    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            ConnectionContext? connection = await inner.AcceptAsync(cancellationToken);
            if (connection is null)
            {
                return null;
            }

            string source = GatewaySource.Key(connection.RemoteEndPoint);
            ConnectionRefusal refusal = limiter.TryAcquire(source);
            if (refusal == ConnectionRefusal.None)
            {
                connection.Features.Set(new AdmittedSource(source));
                return connection;
            }

            // As Kestrel's own connection limit does: end both directions (a FIN, not a reset), then close the socket.
            reports.Refused(refusal, connection.RemoteEndPoint);
            await connection.Transport.Input.CompleteAsync();
            await connection.Transport.Output.CompleteAsync();
            await connection.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public ValueTask UnbindAsync(CancellationToken cancellationToken = default) => inner.UnbindAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
