using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.FileProviders;

namespace EcoMonitor.Web.Hosting;

/// <summary>
/// The staff console's files (wwwroot/console/, except its sign-in and set-up pages and their scripts) are served only to a signed-in
/// person (each page shows what the person's permissions allow; the API decides). The decision is made on the file the static file middleware is about to serve — after the default
/// document and the precompressed copy were chosen, and only when that file exists — by the path as the file provider
/// resolves it: its non-empty segments (the provider collapses repeated slashes; Kestrel has removed dot segments and
/// decoded percent-encoded letters, and <see cref="PublicFileProvider"/> refuses any remaining dot segment or
/// backslash), the folder name compared without regard to case. So <c>//console/index.html</c>,
/// <c>/console//index.html</c>, <c>/CONSOLE/</c> (on a case-insensitive file system), dot segments or encoded letters
/// cannot reach a console file without sign-in. A page asked for without sign-in is redirected to the sign-in page with its own canonical path as
/// <c>returnUrl</c>; any other console file answers 401. Place between the path rewriting middleware
/// (UseDefaultFiles, precompressed copies) and UseStaticFiles.
/// </summary>
internal static class ConsolePageGuard
{
    private const string ConsoleFolder = "console";
    private static readonly string[] PublicConsoleFiles = ["login.html", "login.js", "setup.html", "setup.js"];

    public static IApplicationBuilder UseConsolePageGuard(this IApplicationBuilder app, IFileProvider files) =>
        app.Use((context, next) => GuardAsync(context, next, files));

    private static async Task GuardAsync(HttpContext context, RequestDelegate next, IFileProvider files)
    {
        string path = context.Request.Path.Value ?? "/";
        string? consoleFile = ConsoleFileOf(files.GetFileInfo(path), path);
        if (consoleFile is not null)
        {
            AuthenticateResult result = await context.AuthenticateAsync(ConsoleLoginEndpoints.Scheme);
            if (!result.Succeeded)
            {
                if (consoleFile.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    string page = consoleFile.Equals("console/index.html", StringComparison.OrdinalIgnoreCase) ? "/console/" : "/" + consoleFile;
                    context.Response.Redirect("/console/login.html?returnUrl=" + Uri.EscapeDataString(page));
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return;
            }
        }

        await next(context);
    }

    /// <summary>
    /// The canonical web-root-relative path (the original's name for a precompressed copy) of the protected console
    /// file that <paramref name="path"/> resolves to, or null when it is none (missing, a directory, outside console/, or
    /// the sign-in page and its script).
    /// </summary>
    private static string? ConsoleFileOf(IFileInfo file, string path)
    {
        if (!file.Exists || file.IsDirectory)
        {
            return null;
        }

        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !segments[0].Equals(ConsoleFolder, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string name = PrecompressedStaticFiles.OriginalName(segments[^1]);
        if (segments.Length == 2 && PublicConsoleFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return string.Join('/', [ConsoleFolder, .. segments[1..^1], name]);
    }
}
