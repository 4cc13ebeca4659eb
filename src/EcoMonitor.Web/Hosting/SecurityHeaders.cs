using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// Security headers on every response of the host (pages, scripts, API answers, errors): a Content-Security-Policy,
/// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: same-origin</c>, <c>X-Frame-Options: DENY</c>,
/// <c>Cross-Origin-Opener-Policy</c> and <c>Cross-Origin-Resource-Policy: same-origin</c>, and a Permissions-Policy
/// that turns off browser features no page uses. HSTS is sent by <c>UseHsts</c>, on HTTPS only (docs/deploy.md
/// "Hardening").
/// <para>
/// The portal and console (<see cref="SitePolicy"/>) run no inline script, no inline event handler and no inline
/// style: every script is a file of wwwroot, styles come from css/site.css, and the page scripts set dynamic colours
/// through the CSSOM (<c>element.style</c>), which CSP does not govern. ECharts draws into a canvas and styles its
/// own elements through the CSSOM too; the only HTML it writes is a tooltip's content, which our formatters build as
/// DOM nodes (never a markup string), so no <c>'unsafe-inline'</c> is needed for styles either. The API reference
/// (<c>/api-docs</c>, Scalar) has an inline module script and injects style elements at run time: it gets its own
/// policy (<see cref="ApiDocsPolicy"/>) that allows that one script by a per-request nonce (Scalar's
/// <c>WithNonce()</c>) and inline styles on that path only.
/// </para>
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The path of the browsable API reference.</summary>
    public const string ApiDocsPath = "/api-docs";

    private const string Common = "default-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
        + "frame-ancestors 'none'; form-action 'self'";

    /// <summary>The policy of every response except the API reference's.</summary>
    public const string SitePolicy = Common + "; script-src 'self'; style-src 'self'; img-src 'self' data:";

    /// <summary>The API reference's policy: its one inline script by nonce, inline styles, images from data: URLs.</summary>
    public static string ApiDocsPolicy(string? nonce) =>
        Common + "; script-src 'self'" + (nonce is null ? "" : $" 'nonce-{nonce}'") + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

    private const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>Adds the headers to every response; call first in the pipeline (after forwarded headers).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                IHeaderDictionary headers = http.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = http.Request.Path.StartsWithSegments(ApiDocsPath, StringComparison.OrdinalIgnoreCase)
                    ? ApiDocsPolicy(http.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out object? nonce) ? nonce as string : null)
                    : SitePolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
