using System.Text.Json;
using EcoMonitor.Domain;
using EcoMonitor.Quality;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>
/// How both store engines keep the signs of an <see cref="OutletSuspicion"/> in one text column: a JSON array of
/// <c>{sign, weight, summary, evidence: [{parameter, from, to, count, detail}]}</c>, instants as Unix milliseconds.
/// </summary>
public static class SuspicionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The signs as stored.</summary>
    public static string Serialize(IReadOnlyList<SuspicionSign> signs)
    {
        ArgumentNullException.ThrowIfNull(signs);
        return JsonSerializer.Serialize(signs.Select(s => new SignRow(s.Sign, s.Weight, s.Summary,
            [.. s.Evidence.Select(e => new EvidenceRow(e.Parameter?.Value, e.From.ToUnixTimeMilliseconds(), e.To.ToUnixTimeMilliseconds(), e.Count, e.Detail))])).ToList(), Options);
    }

    /// <summary>The signs read back.</summary>
    public static IReadOnlyList<SuspicionSign> Deserialize(string json)
    {
        List<SignRow> rows = JsonSerializer.Deserialize<List<SignRow>>(json, Options) ?? [];
        return [.. rows.Select(r => new SuspicionSign(r.Sign, r.Weight, r.Summary,
            [.. r.Evidence.Select(e => new SuspicionEvidence(
                e.Parameter is null ? null : ParameterCode.Parse(e.Parameter), Instant.FromUnixTimeMilliseconds(e.From), Instant.FromUnixTimeMilliseconds(e.To), e.Count, e.Detail))]))];
    }

    private sealed record SignRow(string Sign, int Weight, string Summary, List<EvidenceRow> Evidence);

    private sealed record EvidenceRow(string? Parameter, long From, long To, int Count, string Detail);
}
