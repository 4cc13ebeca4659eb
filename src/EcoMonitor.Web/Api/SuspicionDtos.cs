using EcoMonitor.Domain;
using EcoMonitor.Quality;

namespace EcoMonitor.Web.Api;

/// <summary>One outlet's falsification suspicion (打假) for one CST day: the score and every sign with its evidence.</summary>
/// <param name="Mn">The outlet's MN.</param>
/// <param name="Name">The outlet's name.</param>
/// <param name="Enterprise">The enterprise (排污单位) owning the outlet.</param>
/// <param name="Day">The CST day, yyyy-MM-dd.</param>
/// <param name="Score">0 (examined, nothing found) to 100: the sum of the weights of the signs found, capped at 100. A reason to look, not a verdict.</param>
/// <param name="ValuesExamined">Values flagged N examined.</param>
/// <param name="FramesExamined">Frames received that day examined for timing signs.</param>
/// <param name="ComputedAt">When the day was scored, ISO 8601 +08:00.</param>
/// <param name="Signs">The signs found, highest weight first.</param>
public sealed record OutletSuspicionDto(
    string Mn, string? Name, string? Enterprise, string Day, int Score, int ValuesExamined, int FramesExamined, string ComputedAt, IReadOnlyList<SuspicionSignDto> Signs)
{
    /// <summary>Maps a stored day (with the outlet's registry entry, when known).</summary>
    public static OutletSuspicionDto From(OutletSuspicion s, Station? station) => new(
        s.Station.Value, station?.Name, station?.Enterprise, ApiTime.FormatDate(s.Day), s.Score, s.ValuesExamined, s.FramesExamined, ApiTime.Format(s.ComputedAt),
        [.. s.Signs.Select(SuspicionSignDto.From)]);
}

/// <summary>One falsification sign found, with its weight and evidence.</summary>
/// <param name="Sign">Sign id (docs/quality.md): fake.identical-run, fake.repeated-block, fake.pinned-below-limit, fake.zero-variance, fake.flat-while-running, fake.timing-burst, fake.qn-reuse.</param>
/// <param name="Weight">Points it adds to the day's score.</param>
/// <param name="Summary">What was found, in one sentence.</param>
/// <param name="Evidence">Times, values and counts behind it (at most 20 items).</param>
public sealed record SuspicionSignDto(string Sign, int Weight, string Summary, IReadOnlyList<SuspicionEvidenceDto> Evidence)
{
    /// <summary>Maps a sign.</summary>
    public static SuspicionSignDto From(SuspicionSign s) => new(s.Sign, s.Weight, s.Summary, [.. s.Evidence.Select(SuspicionEvidenceDto.Of)]);
}

/// <summary>One piece of evidence of a sign.</summary>
/// <param name="Parameter">HJ 212 parameter code, or null for evidence about frames or several parameters.</param>
/// <param name="From">Start (a period start, or a receive time for timing evidence), ISO 8601 +08:00.</param>
/// <param name="To">End (exclusive period end, or the last receive time), ISO 8601 +08:00.</param>
/// <param name="Count">Values or frames concerned.</param>
/// <param name="Detail">What was seen, with the values.</param>
public sealed record SuspicionEvidenceDto(string? Parameter, string From, string To, int Count, string Detail)
{
    /// <summary>Maps evidence.</summary>
    public static SuspicionEvidenceDto Of(SuspicionEvidence e) => new(e.Parameter?.Value, ApiTime.Format(e.From), ApiTime.Format(e.To), e.Count, e.Detail);
}
