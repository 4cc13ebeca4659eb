using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EcoMonitor.Application.Access;

namespace EcoMonitor.Web.Tests.Security;

/// <summary>Requests of <see cref="JurisdictionLeakTests"/>: as a signed-in person (their cookie only) or with the emergency key.</summary>
public sealed partial class JurisdictionLeakTests
{
    /// <summary>Creates <paramref name="user"/> with <paramref name="roles"/> in <paramref name="jurisdiction"/> and signs them in.</summary>
    private static async Task<Viewer> ViewerAsync(ApiFactory api, string user, Role[] roles, string jurisdiction, string? enterprise)
    {
        await TestPeople.CreateAsync(api.Services, user, roles, jurisdiction, enterprise);
        PermissionSet permissions = roles.Aggregate(PermissionSet.None, (all, role) => all.Union(RolePermissions.Of(role)));
        return new Viewer(user, await TestPeople.SignInAsync(api.Client.BaseAddress!, user), permissions, jurisdiction, enterprise);
    }

    /// <summary>
    /// <paramref name="method"/> <paramref name="path"/> with <paramref name="cookie"/> (the emergency key when null); a
    /// method other than GET sends <paramref name="body"/> (an empty JSON object when null) as <paramref name="mediaType"/>.
    /// </summary>
    private async Task<Answer> SendAsync(HttpMethod method, string path, string? cookie, string? body = null, string mediaType = "application/json")
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative));
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, mediaType);
        }

        if (cookie is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AdminKey);
        }
        else
        {
            request.Headers.Add("Cookie", cookie);
        }

        using HttpResponseMessage response = await _client.SendAsync(request, Ct);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The emergency key's answer to GET <paramref name="path"/> (asked once per path).</summary>
    private async Task<Answer> AdminAsync(string path)
    {
        if (!_adminAnswers.TryGetValue(path, out Answer? answer))
        {
            answer = await SendAsync(HttpMethod.Get, path, null);
            _adminAnswers[path] = answer;
        }

        return answer;
    }

    /// <summary>An answer: its status and body.</summary>
    private sealed record Answer(HttpStatusCode Status, string Body)
    {
        /// <summary>The RFC 9457 problem's <c>type</c>, or null when the body is none.</summary>
        public string? ProblemType => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

        /// <summary>The problem's <c>detail</c>, or null.</summary>
        public string? Detail => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("detail", out JsonElement detail) && detail.ValueKind == JsonValueKind.String
            ? detail.GetString()
            : null;

        /// <summary>Status and problem type, as compared between an out-of-scope and an unknown resource.</summary>
        public string Shape => $"{(int)Status} {ProblemType ?? "(no problem)"}";

        /// <summary>True for a 2xx.</summary>
        public bool IsSuccess => (int)Status is >= 200 and < 300;

        /// <summary>The body as JSON, or null when it is none.</summary>
        public JsonElement? Json
        {
            get
            {
                try
                {
                    return Body.Length == 0 ? null : JsonDocument.Parse(Body).RootElement;
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }
    }
}
