using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using EcoMonitor.Application.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Web.Security;

/// <summary>
/// The console's cookie sessions kept server-side in the store (<see cref="IConsoleSessionStore"/>), so that every
/// node sees a sign-out: the cookie carries only a random 256-bit session key (protected by data protection); the
/// store keeps the key's SHA-256 with the ticket. A session ends at sign-out (deleted), after
/// <see cref="ConsoleOptions.SessionIdleTimeout"/> without a request, and at the end of its absolute lifetime
/// (<see cref="ConsoleOptions.SessionLifetime"/>); an ended session found on a request is deleted at once, the others
/// by <see cref="ConsoleSessionSweepJob"/>. Activity is recorded at most every <see cref="TouchInterval"/>, so that a
/// busy console does not write on every request. Thread-safe (stateless; the store is).
/// </summary>
internal sealed class ConsoleTicketStore(IConsoleSessionStore sessions, IOptionsMonitor<ConsoleOptions> options, TimeProvider time, ILogger<ConsoleTicketStore> logger)
    : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        string key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        Instant now = Now;
        await sessions.CreateSessionAsync(new ConsoleSession
        {
            Id = IdOf(key),
            User = ticket.Principal.Identity?.Name ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + Duration.FromTimeSpan(options.CurrentValue.SessionLifetime),
        }, cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.RenewSessionAsync(IdOf(key), TicketSerializer.Default.Serialize(ticket), Now, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        ConsoleSession? session = await sessions.FindSessionAsync(IdOf(key), cancellationToken);
        if (session is null)
        {
            return null;
        }

        Instant now = Now;
        var idle = Duration.FromTimeSpan(options.CurrentValue.SessionIdleTimeout);
        if (now >= session.ExpiresAt || now - session.LastSeenAt >= idle)
        {
            await sessions.DeleteSessionAsync(session.Id, cancellationToken);
            WebLog.ConsoleSessionEnded(logger, session.User, now >= session.ExpiresAt ? "lifetime" : "idle");
            return null;
        }

        if (now - session.LastSeenAt >= TouchInterval(idle))
        {
            await sessions.TouchSessionAsync(session.Id, now, cancellationToken);
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => sessions.DeleteSessionAsync(IdOf(key), cancellationToken);

    /// <summary>How stale the recorded activity may get: a tenth of the idle timeout, at most a minute.</summary>
    internal static Duration TouchInterval(Duration idle) => Duration.Min(idle / 10, Duration.FromMinutes(1));

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    private static string IdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
