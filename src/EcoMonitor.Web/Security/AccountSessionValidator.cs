using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using EcoMonitor.Application.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using NodaTime;

namespace EcoMonitor.Web.Security;

/// <summary>
/// Keeps each console session in step with its account (ADR 0036): on every request the session's account is read
/// (from a per-node copy at most <see cref="MaxAge"/> old, so a change made through any node reaches every node within
/// it); a session of a disabled, unknown or other account — or without an account at all, such as a ticket from before
/// named accounts — ends, so does one signed in with a password changed or reset since (the person's own change renews
/// the changing session's claims), and one whose account changed otherwise (roles, jurisdiction, a new password, an enrolled
/// authenticator, an administrator's password reaching its age) gets claims rebuilt from it. Thread-safe.
/// </summary>
internal sealed class AccountSessionValidator(IAccountStore store, AccountService accounts, TimeProvider time)
{
    /// <summary>How old the copy of an account a request is judged by may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<long, (UserAccount? Account, long ReadAt)> _copies = new();

    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClaimsPrincipal? principal = context.Principal;
        if (principal?.FindFirst(AccountClaims.AccountId)?.Value is not { } idText
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            await RejectAsync(context);
            return;
        }

        (UserAccount? account, bool isCopy) = await CurrentAsync(id, fresh: false, context.HttpContext.RequestAborted);
        if (!Admits(principal, account) && isCopy)
        {
            // A copy may predate a change made here a moment ago (a request that read the store before the change
            // stored its answer after Forget): a session is ended only on what the store says now.
            (account, _) = await CurrentAsync(id, fresh: true, context.HttpContext.RequestAborted);
        }

        if (!Admits(principal, account))
        {
            await RejectAsync(context);
            return;
        }

        string? signIn = AccountClaims.SignInOf(principal);
        IReadOnlyList<string> pending = AccountClaims.PendingOf(account, accounts, Instant.FromDateTimeOffset(time.GetUtcNow()), signIn);
        if (!string.Equals(principal.FindFirst(AccountClaims.Stamp)?.Value, AccountClaims.StampOf(account, pending), StringComparison.Ordinal))
        {
            context.ReplacePrincipal(AccountClaims.Principal(account, pending, context.Scheme.Name, signIn));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Forgets this node's copy of the account, so that the next request reads the change just made here.</summary>
    public void Forget(long accountId) => _copies.TryRemove(accountId, out _);

    /// <summary>True when <paramref name="account"/> may carry <paramref name="principal"/>'s session: enabled, the same name, the same password.</summary>
    private static bool Admits(ClaimsPrincipal principal, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] UserAccount? account) =>
        account is not null && !account.IsDisabled && string.Equals(account.UserName, principal.Identity?.Name, StringComparison.Ordinal)
        && string.Equals(principal.FindFirst(AccountClaims.Credential)?.Value, AccountClaims.CredentialOf(account), StringComparison.Ordinal);

    /// <summary>The account from this node's copy (when younger than <see cref="MaxAge"/> and not <paramref name="fresh"/>) or the store.</summary>
    private async Task<(UserAccount? Account, bool IsCopy)> CurrentAsync(long id, bool fresh, CancellationToken cancellationToken)
    {
        long now = time.GetTimestamp();
        if (!fresh && _copies.TryGetValue(id, out (UserAccount? Account, long ReadAt) copy) && time.GetElapsedTime(copy.ReadAt, now) < MaxAge)
        {
            return (copy.Account, true);
        }

        UserAccount? account = await store.FindAsync(id, cancellationToken);
        _copies[id] = (account, now);
        return (account, false);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }
}
