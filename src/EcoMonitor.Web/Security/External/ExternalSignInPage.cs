using System.Net;
using System.Text;

namespace EcoMonitor.Web.Security.External;

/// <summary>
/// The small pages the provider's callback answers a browser with. Continuing is a page of ours that moves on by
/// <c>meta refresh</c> rather than a redirect: the navigation then starts on this site, so the browser sends the
/// SameSite=Strict session cookie with it (a redirect would still belong to the provider's cross-site navigation).
/// No script (the content security policy allows none inline); every value is HTML-encoded.
/// </summary>
internal static class ExternalSignInPage
{
    /// <summary>Answers a page that continues to <paramref name="target"/> (a path of this site).</summary>
    public static Task ContinueAsync(HttpResponse response, string target)
    {
        ArgumentNullException.ThrowIfNull(response);
        string url = WebUtility.HtmlEncode(target);
        return WriteAsync(response, StatusCodes.Status200OK, $"""
            <meta http-equiv="refresh" content="0;url={url}">
            <title>统一身份认证登录 / Signing in</title>
            <p>正在进入管理控制台… / Signing in… <a href="{url}">继续 / Continue</a></p>
            """);
    }

    /// <summary>Answers the refusal <paramref name="title"/> with <paramref name="detail"/> and a way back to the sign-in page.</summary>
    public static Task RefuseAsync(HttpResponse response, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WriteAsync(response, status, $"""
            <title>{WebUtility.HtmlEncode(title)}</title>
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            <p>{WebUtility.HtmlEncode(detail)}</p>
            <p><a href="/console/login.html">返回登录 / Back to sign-in</a></p>
            """);
    }

    private static async Task WriteAsync(HttpResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync("<!doctype html>\n<html lang=\"zh-CN\">\n<meta charset=\"utf-8\">\n" + body + "</html>\n", Encoding.UTF8, response.HttpContext.RequestAborted);
    }
}
