using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace EcoMonitor.Web.Security.External;

/// <summary>
/// Between the provider's answer and the authenticator's code (<see cref="OidcOptions.TrustProviderMfa"/> false): which
/// account the provider proved and where to go afterwards, in an HttpOnly cookie protected by the platform's
/// data-protection keys (so any node reads it) and good for <see cref="Lifetime"/>. It holds no permission: only
/// <c>POST /api/v1/console/login/oidc/code</c> reads it.
/// </summary>
internal sealed class SecondStepTicket(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "ecomon.oidc-step";

    /// <summary>The path the cookie is sent to.</summary>
    public const string CookiePath = "/api/v1/console/login/oidc";

    /// <summary>How long the person has to give the code.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("EcoMonitor.Web.Security.External.SecondStepTicket").ToTimeLimitedDataProtector();

    /// <summary>Sets the cookie for <paramref name="accountId"/>, to continue to <paramref name="returnUrl"/>.</summary>
    public void Issue(HttpContext context, long accountId, string returnUrl, bool secure)
    {
        ArgumentNullException.ThrowIfNull(context);
        string value = _protector.Protect(accountId.ToString(CultureInfo.InvariantCulture) + "|" + returnUrl, time.GetUtcNow() + Lifetime);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true, Path = CookiePath, SameSite = SameSiteMode.Strict, Secure = secure, MaxAge = Lifetime, IsEssential = true,
        });
    }

    /// <summary>The account and return address of the request's cookie, or null when it is missing, forged or expired.</summary>
    public (long AccountId, string ReturnUrl)? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and <= 4096 } value)
        {
            return null;
        }

        string text;
        try
        {
            text = _protector.Unprotect(value, out DateTimeOffset expires);
            if (expires < time.GetUtcNow())
            {
                return null;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        int bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? (id, ReturnUrls.SameSitePath(text[(bar + 1)..]))
            : null;
    }

    /// <summary>Removes the cookie (used or refused).</summary>
    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
    }
}
