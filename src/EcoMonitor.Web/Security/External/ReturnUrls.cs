namespace EcoMonitor.Web.Security.External;

/// <summary>
/// Where a sign-in may send the browser afterwards: a path of this site only, by the same rule as console/login.js
/// (tests/EcoMonitor.Portal.Tests/OpenRedirectTests) — anything that could leave the site becomes the console's start.
/// </summary>
internal static class ReturnUrls
{
    /// <summary>The console's start page, where a refused or missing return address leads.</summary>
    public const string ConsoleStart = "/console/";

    private const int MaxLength = 2048;

    /// <summary><paramref name="value"/> when it is a path of this site, else <see cref="ConsoleStart"/>.</summary>
    public static string SameSitePath(string? value)
    {
        // "//host" and "/\host" leave the site (browsers read a backslash as a slash); so may control characters.
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value[0] != '/'
            || (value.Length > 1 && (value[1] == '/' || value[1] == '\\'))
            || value.Any(c => c == '\\' || char.IsControl(c)))
        {
            return ConsoleStart;
        }

        Uri site = new("http://site.invalid");
        return Uri.TryCreate(site, value, out Uri? resolved) && resolved.Authority == site.Authority ? value : ConsoleStart;
    }
}
