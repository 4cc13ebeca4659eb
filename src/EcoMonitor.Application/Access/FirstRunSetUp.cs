using System.Security.Cryptography;
using System.Text;
using EcoMonitor.Application.Audit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Application.Access;

/// <summary>
/// The first run (ADR 0036 §6): no password exists anywhere. While no enabled system administrator exists, each start
/// issues a one-time token (printed in the node's log, stored as its SHA-256, good for
/// <see cref="AccountOptions.SetUpTokenLifetime"/>; a later start's token replaces it) that creates the three separated
/// administrators at once, each with a temporary password to hand over and change at the first sign-in. Thread-safe.
/// </summary>
public sealed class FirstRunSetUp(
    IAccountStore accounts, ISetUpTokenStore tokens, AccountService service, IOptions<AccountOptions> options, TimeProvider time)
{
    private const string TokenPrefix = "ecs_";

    /// <summary>True while no enabled account is a system administrator.</summary>
    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken) =>
        await accounts.CountEnabledWithRoleAsync(Role.SystemAdministrator, cancellationToken) == 0;

    /// <summary>When set-up is required, a new token (replacing any earlier one) and its expiry; otherwise null.</summary>
    public async Task<(string Token, Instant ExpiresAt)?> IssueIfRequiredAsync(CancellationToken cancellationToken)
    {
        if (!await IsRequiredAsync(cancellationToken))
        {
            return null;
        }

        string token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        Instant expires = Now() + Duration.FromTimeSpan(options.Value.SetUpTokenLifetime);
        await tokens.ReplaceAsync(Hash(token), expires, cancellationToken);
        return (token, expires);
    }

    /// <summary>
    /// Creates the system, security and audit administrators when <paramref name="token"/> is the current set-up token
    /// and set-up is still required; returns them with their temporary passwords, or null when the token is wrong or
    /// expired or set-up is done (the token is good once). Throws <see cref="AccountRuleException"/> for unusable
    /// names (the token stays good).
    /// </summary>
    public async Task<IReadOnlyList<SetUpAccount>?> CompleteAsync(string token, IReadOnlyList<SetUpRequestAccount> administrators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(administrators);
        await CheckAsync(administrators, cancellationToken);
        if (!await IsRequiredAsync(cancellationToken))
        {
            return null;
        }

        string hash = Hash(token);
        if (await tokens.ConsumeAsync(hash, Now(), cancellationToken) is not { } expires)
        {
            return null;
        }

        List<SetUpAccount> created = [];
        try
        {
            foreach (SetUpRequestAccount administrator in administrators)
            {
                (UserAccount account, string temporary) = await service.CreateAsync(AuditActors.SetUp, administrator.UserName, administrator.DisplayName, cancellationToken);
                account = await service.AssignAccessAsync(AuditActors.SetUp, account.UserName, [administrator.Role], null, null, cancellationToken);
                created.Add(new SetUpAccount(account, temporary));
            }
        }
        catch when (created.Count == 0)
        {
            // Nothing was created (a name taken meanwhile): the token stays good for a corrected request.
            await tokens.ReplaceAsync(hash, expires, CancellationToken.None);
            throw;
        }

        return created;
    }

    private async Task CheckAsync(IReadOnlyList<SetUpRequestAccount> administrators, CancellationToken cancellationToken)
    {
        List<string> problems = [];
        Role[] wanted = [Role.SystemAdministrator, Role.SecurityAdministrator, Role.AuditAdministrator];
        if (administrators.Count != wanted.Length || !wanted.All(r => administrators.Count(a => a.Role == r) == 1))
        {
            problems.Add("set-up creates exactly one system, one security and one audit administrator");
        }

        foreach (SetUpRequestAccount administrator in administrators)
        {
            if (AccountNames.Problem(administrator.UserName) is { } nameProblem)
            {
                problems.Add($"{administrator.Role}: {nameProblem}");
            }
            else if (await accounts.FindAsync(administrator.UserName, cancellationToken) is not null)
            {
                problems.Add($"{administrator.Role}: an account '{administrator.UserName}' exists already");
            }

            if (string.IsNullOrWhiteSpace(administrator.DisplayName))
            {
                problems.Add($"{administrator.Role}: a display name is required");
            }
        }

        if (administrators.Where(a => a.UserName is not null).GroupBy(a => AccountNames.Key(a.UserName)).Any(g => g.Count() > 1))
        {
            problems.Add("the three administrators are three people: three different account names (三员分立)");
        }

        if (problems.Count > 0)
        {
            throw new AccountRuleException(problems);
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
