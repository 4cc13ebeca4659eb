using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EcoMonitor.Web.Tests.Alarms;

/// <summary>
/// A webhook receiver on real Kestrel at a loopback port that answers 500 to the first <see cref="FailuresPerMessage"/>
/// calls of each message (by the X-EcoMonitor-Message-Id header) and 200 afterwards, keeping every body it accepted.
/// </summary>
public sealed class FlakyWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    private FlakyWebhook(WebApplication app) => _app = app;

    public const int FailuresPerMessage = 2;

    public int Port { get; private init; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    /// <summary>Accepted bodies by message id.</summary>
    public ConcurrentDictionary<string, string> Accepted { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls received for a message id.</summary>
    public int CallsFor(string messageId) => _calls.GetValueOrDefault(messageId);

    public static async Task<FlakyWebhook> StartAsync()
    {
        int port = FreeTcpPort.Next();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        // Not the host's appsettings.json in the test output (its Kestrel endpoints would win over ours).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{port}" });
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        FlakyWebhook hook = new(app) { Port = port };
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            string id = request.Headers["X-EcoMonitor-Message-Id"].ToString();
            using StreamReader reader = new(request.Body);
            string body = await reader.ReadToEndAsync();
            int call = hook._calls.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (call <= FailuresPerMessage)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            hook.Accepted[id] = body;
            return Results.Ok();
        });
        await app.StartAsync();
        return hook;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
