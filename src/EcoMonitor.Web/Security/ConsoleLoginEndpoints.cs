using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Security;

/// <summary>Sign-in and sign-out of the staff console: user name and password from <see cref="ConsoleOptions"/>, then a cookie.</summary>
internal static class ConsoleLoginEndpoints
{
    /// <summary>The cookie authentication scheme of the console.</summary>
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static WebApplication MapConsoleLogin(this WebApplication app)
    {
        RouteGroupBuilder group = app.MapGroup("/api/v1/console").WithTags("Console");
        group.MapPost("/login", LoginAsync)
            .WithSummary("Signs in to the staff console and sets the session cookie.")
            .WithDescription("Body: {\"user\": \"admin\", \"password\": \"…\"}. 204 with an HttpOnly, SameSite=Strict cookie, or 401 with a problem saying the user name or password is wrong (every refusal is logged and counted in ecomonitor.console.logins).");
        group.MapPost("/logout", (Delegate)LogoutAsync).WithSummary("Signs out of the staff console.");
        group.MapGet("/me", Me).RequireAuthorization(Roles.ConsolePolicy).WithSummary("The signed-in user, or 401.");
        return app;
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult, ProblemHttpResult>> LoginAsync(
        ConsoleLoginRequest request, HttpContext context, IOptionsMonitor<ConsoleOptions> options, ConsoleLoginCounters counters, ILoggerFactory loggers)
    {
        ConsoleOptions o = options.CurrentValue;
        ILogger logger = loggers.CreateLogger(typeof(ConsoleLoginEndpoints));
        string? remote = context.Connection.RemoteIpAddress?.ToString();
        bool isKnownUser = string.Equals(request.User, o.AdminUser, StringComparison.Ordinal);
        bool isRightPassword = !string.IsNullOrEmpty(o.AdminPassword)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Password ?? ""), Encoding.UTF8.GetBytes(o.AdminPassword));
        if (!isKnownUser || !isRightPassword)
        {
            counters.Refuse();
            WebLog.ConsoleLoginRefused(logger, request.User, remote, counters.Refused);
            return TypedResults.Problem(
                title: "用户名或密码错误 / Wrong user name or password",
                detail: string.IsNullOrEmpty(o.AdminPassword) ? "No console password is configured (Console:AdminPassword)." : "The user name or the password is wrong.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        ClaimsIdentity identity = new([new Claim(ClaimTypes.Name, o.AdminUser), new Claim(ClaimTypes.Role, Roles.Administrator)], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        counters.Succeeded();
        WebLog.ConsoleLoginSucceeded(logger, o.AdminUser, remote);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(Scheme);
        return TypedResults.NoContent();
    }

    private static Ok<ConsoleUserDto> Me(ClaimsPrincipal user) => TypedResults.Ok(new ConsoleUserDto(user.Identity?.Name ?? ""));
}

/// <summary>A console sign-in.</summary>
/// <param name="User">User name.</param>
/// <param name="Password">Password.</param>
public sealed record ConsoleLoginRequest(string? User, string? Password);

/// <summary>The signed-in console user.</summary>
/// <param name="User">User name.</param>
public sealed record ConsoleUserDto(string User);
