using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoMonitor.Web.Errors;

namespace EcoMonitor.Web.Tests.Contract;

/// <summary>
/// One HTTP contract (docs/api-errors.md): every error of every endpoint is an RFC 9457 problem of a kind the OpenAPI
/// document declares for that operation and status. Endpoints are found from the document, so a new one is covered
/// without a change here; the framework's own answers (unknown path, wrong method, body too large or of another media
/// type, a parameter that does not bind) are problems too.
/// </summary>
[Trait("Area", "Foundation")]
public sealed partial class ProblemContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly string[] BadValues = ["abc", "-1", "2147483648", "9999-12-31T23:00:00+08:00", "1e309", new string('9', 3000)];

    private static readonly (string MediaType, string Body)[] BadBodies =
    [
        ("application/json", "{not json"),
        ("application/json", """[1, "x"]"""),
        ("application/json", "{}"),
        ("application/json", """{"id": 5, "limit": "abc", "deadline": "soon", "user": 7}"""),
        ("application/json", """{"user": "nobody", "password": "wrong"}"""),
        ("text/plain", "x"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_WithBadInput_AnswersEveryErrorAsAProblemItsDocumentDeclares()
    {
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int errors = 0;
        foreach ((string method, string path, JsonElement operation) in Operations(document))
        {
            foreach (Request request in BadRequests(method, path, operation))
            {
                using HttpResponseMessage response = await SendAsync(request);
                if ((int)response.StatusCode < 400)
                {
                    continue;
                }

                errors++;
                string body = await response.Content.ReadAsStringAsync(Ct);
                string? problem = ProblemAssert.Problem(response, body) ?? Undeclared(operation, response, body, seen);
                if (problem is not null)
                {
                    failures.Add($"{method.ToUpperInvariant()} {request.Url[..Math.Min(request.Url.Length, 90)]}: {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {errors} error answers break the contract:\n" + string.Join('\n', failures.Take(40)));
        Assert.True(errors > 500, $"only {errors} error answers: the document lists fewer operations or parameters than expected");
        string[] expected =
        [
            "malformed-request", "invalid-parameter", "invalid-body", "unauthorized", "sign-in-failed", "unknown-station", "unknown-region",
            "unknown-alarm", "unknown-alarm-rule", "unknown-set-aside-work", "unsupported-media-type",
        ];
        Assert.Empty(expected.Select(k => ProblemType.UriPrefix + k).Except(seen));
    }

    [Fact]
    public async Task UnknownPath_IsANotFoundProblem_AndAWrongMethodAMethodNotAllowedProblemWithAllow()
    {
        using HttpResponseMessage unknown = await api.GetAsync("/api/v1/no-such-thing");
        using HttpRequestMessage delete = new(HttpMethod.Delete, new Uri("/api/v1/stations", UriKind.Relative));
        using HttpResponseMessage wrongMethod = await api.Client.SendAsync(delete, Ct);

        await ProblemAssert.IsAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Contains("GET", wrongMethod.Content.Headers.Allow);
    }

    [Fact]
    public async Task ParameterNotOfItsType_IsAMalformedRequestNamingTheParameter()
    {
        using HttpResponseMessage response = await api.GetAsync("/api/v1/alarms?limit=abc", ApiFactory.AdminKey);

        JsonElement problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "malformed-request");
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyThatIsNotJson_IsAMalformedRequestWithThePlaceAtFault()
    {
        using HttpResponseMessage notJson = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/alarm-rules/x", "{not json");
        using HttpResponseMessage wrongType = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/alarm-rules/x", """{"limit": "abc"}""");

        JsonElement first = await ProblemAssert.IsAsync(notJson, HttpStatusCode.BadRequest, "malformed-request");
        JsonElement second = await ProblemAssert.IsAsync(wrongType, HttpStatusCode.BadRequest, "malformed-request");
        Assert.True(first.GetProperty("errors").TryGetProperty("$", out _), first.ToString());
        Assert.True(second.GetProperty("errors").TryGetProperty("$.limit", out _), second.ToString());
        Assert.DoesNotContain("EcoMonitor.", second.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOfAnotherMediaType_IsAnUnsupportedMediaTypeProblem()
    {
        using HttpRequestMessage request = new(HttpMethod.Post, new Uri("/api/v1/stations", UriKind.Relative))
        {
            Content = new StringContent("mn=1", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new("Bearer", ApiFactory.AdminKey);
        using HttpResponseMessage response = await api.Client.SendAsync(request, Ct);

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("/api/v1/observations/import")]
    [InlineData("/api/v1/stations")]
    public async Task BodyOverTheServersLimit_IsAPayloadTooLargeProblem(string path)
    {
        // A raw request that announces 40 MB (the limit is Kestrel's 30 MB) and sends one byte: refused before reading.
        _ = api.Client;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, api.HttpPort, Ct);
        NetworkStream stream = client.GetStream();
        string head = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {ApiFactory.AdminKey}\r\nContent-Type: application/json\r\nContent-Length: 40000000\r\n\r\n[";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string answer = await reader.ReadToEndAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"urn:ecomonitor:problem:payload-too-large\"", answer, StringComparison.Ordinal);
        Assert.Contains("\"status\":413", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvDownload_RefusedForAClientThatAcceptsOnlyCsv_IsStillAProblem()
    {
        using HttpRequestMessage request = new(HttpMethod.Get, new Uri("/api/v1/downloads/aqi-hourly.csv?region=5", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/csv");
        using HttpResponseMessage response = await api.Client.SendAsync(request, Ct);

        JsonElement problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Contains("is not 2, 4 or 6 digits", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleFileWithoutSignIn_IsAnUnauthorizedProblem()
    {
        using HttpResponseMessage response = await api.GetAsync("/console/console.js");

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task SignInWithoutAUserName_IsAnInvalidBody_AndTheHostKeepsServing()
    {
        // An empty name once reached the audit trail as an empty subject and stopped the host's security event log.
        using HttpResponseMessage empty = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/console/login", "{}", key: null);
        using HttpResponseMessage blank = await api.SendJsonAsync(HttpMethod.Post, "/api/v1/console/login", """{"user": " ", "password": "x"}""", key: null);

        JsonElement problem = await ProblemAssert.IsAsync(empty, HttpStatusCode.BadRequest, "invalid-body");
        await ProblemAssert.IsAsync(blank, HttpStatusCode.BadRequest, "invalid-body");
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.user", out _), problem.ToString());
        await Task.Delay(500, Ct);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/parameters")).StatusCode);
    }

    [Fact]
    public async Task EveryKind_IsDocumented_InTheDocsAndInTheProblemSchema()
    {
        string docs = await File.ReadAllTextAsync(RepoFiles.Path("docs/api-errors.md"), Ct);
        JsonElement document = await api.GetJsonAsync("/openapi/v1.json");
        string schema = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties")
            .GetProperty("type").GetProperty("description").GetString()!;

        Assert.All(ProblemTypes.All, kind =>
        {
            Assert.Contains($"`{kind.Uri}`", schema, StringComparison.Ordinal);
            Assert.Matches($@"\| `{Regex.Escape(kind.Uri)}` \| {kind.Status} \| {Regex.Escape(kind.Title)} \|", docs);
        });
        Assert.Equal(ProblemTypes.All.Length, ProblemTypes.All.Select(k => k.Name).Distinct(StringComparer.Ordinal).Count());
    }

    private async Task<HttpResponseMessage> SendAsync(Request request)
    {
        using HttpRequestMessage message = new(new HttpMethod(request.Method), new Uri(request.Url, UriKind.Relative));
        if (request.Body is { } body)
        {
            message.Content = new StringContent(body.Body, Encoding.UTF8, body.MediaType);
        }

        if (request.IsStaff)
        {
            message.Headers.Authorization = new("Bearer", ApiFactory.AdminKey);
        }

        return await api.Client.SendAsync(message, Ct);
    }

    // The kind must be one the operation's response for that status names (OpenApiProblems writes their type URIs).
    private static string? Undeclared(JsonElement operation, HttpResponseMessage response, string body, HashSet<string> seen)
    {
        string status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string type = JsonDocument.Parse(body).RootElement.GetProperty("type").GetString()!;
        seen.Add(type);
        return operation.GetProperty("responses").TryGetProperty(status, out JsonElement declared)
            && declared.GetProperty("content").TryGetProperty("application/problem+json", out _)
            && declared.GetProperty("description").GetString()!.Contains($"`{type}`", StringComparison.Ordinal)
                ? null
                : $"{status} {type} is not declared for the operation";
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (JsonProperty path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                yield return (operation.Name, path.Name, operation.Value);
            }
        }
    }

    // A stranger once; then, as staff, the route with unknown values, and with known ones (each query parameter
    // given bad values for a read, each bad body for a write). Unknown ids and MNs: no write can succeed.
    private static IEnumerable<Request> BadRequests(string method, string path, JsonElement operation)
    {
        string known = Fill(path, isKnown: true);
        string unknown = Fill(path, isKnown: false);
        yield return new Request(method, known, null, IsStaff: false);
        if (method != "get")
        {
            foreach ((string MediaType, string Body) body in BadBodies)
            {
                yield return new Request(method, unknown, body, IsStaff: true);
                if (!path.Contains("permit-limits", StringComparison.Ordinal) || body.Body != "{}")
                {
                    yield return new Request(method, known, body, IsStaff: true);
                }
            }

            yield break;
        }

        yield return new Request(method, unknown, null, IsStaff: true);
        string[] query = operation.TryGetProperty("parameters", out JsonElement parameters)
            ? [.. parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!)]
            : [];
        foreach (string parameter in query)
        {
            foreach (string value in BadValues)
            {
                yield return new Request(method, $"{known}?{parameter}={Uri.EscapeDataString(value)}", null, IsStaff: true);
            }
        }
    }

    private static string Fill(string template, bool isKnown) => RouteValue().Replace(template, m => (m.Groups[1].Value, isKnown) switch
    {
        ("mn" or "station", true) => "1431A",
        ("mn" or "station", false) => "NOSUCH0",
        ("id", true) => "1",
        ("id", false) => "999999999",
        ("code" or "region", true) => "510100",
        ("code" or "region", false) => "990100",
        ("action", true) => "acknowledge",
        ("action", false) => "explode",
        _ => "no-such-id",
    });

    [GeneratedRegex("{([^}:]+)(:[^}]*)?}")]
    private static partial Regex RouteValue();

    private sealed record Request(string Method, string Url, (string MediaType, string Body)? Body, bool IsStaff);
}
