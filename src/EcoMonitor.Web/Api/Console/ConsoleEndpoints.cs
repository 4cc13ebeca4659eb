using System.Security.Claims;
using EcoMonitor.Application.Access;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;

namespace EcoMonitor.Web.Api.Console;

/// <summary>Read endpoints of the staff console: live station status and the raw frame archive. Need a console sign-in or the bearer key.</summary>
internal static class ConsoleEndpoints
{
    private const int RecentFrames = 10_000;
    private static readonly Instant ArchiveStart = Instant.FromUnixTimeSeconds(0);

    public static RouteGroupBuilder MapConsoleEndpoints(this RouteGroupBuilder api)
    {
        RouteGroupBuilder console = api.MapGroup("/console").WithTags("Console");
        console.MapGet("/stations/status", StatusAsync).RequirePermission(Permission.NetworkRead)
            .WithSummary("Every station with its last received frame, last data period and online state, and the last 24 hours' rejected frames by reason.")
            .WithDescription("Online: a frame was received within Console:OfflineAfter (default 10 minutes). Rejected frames by reason are counted over the archived frames received in the last 24 hours (at most the latest 10,000 frames). Only the stations of the caller's jurisdiction (and enterprise) are listed and counted.");
        console.MapGet("/stations/{mn}/frames", FramesAsync).RequirePermission(Permission.FramesRead).AuditsReads("frames.read")
            .WithSummary("A station's archived raw frames, newest first.")
            .WithDescription("`from` (inclusive) and `to` (exclusive) bound the receive time (ISO 8601 with offset or a date; default all); at most `limit` (default 100, at most 1,000). The frame text is decoded in the station's registered encoding (`encoding` utf-8 or gbk), or in the other one when the archived bytes are valid only in that; `textEncoding` says which, `textValid` false means some bytes were valid in neither (shown as U+FFFD). Its password field (PW=) is masked. Each read is recorded in the audit trail (`frames.read`).");
        return api;
    }

    private static async Task<Ok<ConsoleStatusDto>> StatusAsync(
        ClaimsPrincipal user, IStationStore stations, IObservationStore observations, IRawFrameArchive archive, IOptionsMonitor<ConsoleOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var offlineAfter = Duration.FromTimeSpan(options.CurrentValue.OfflineAfter);
        AccessScope scope = StaffScope.Of(user);
        IReadOnlyList<Station> all = await StationLookup.ListAsync(scope, stations, cancellationToken);
        List<StationStatusDto> rows = new(all.Count);
        foreach (Station s in all)
        {
            IReadOnlyList<RawFrame> last = await archive.QueryAsync(s.Id.Value, new Interval(ArchiveStart, now + Duration.FromMinutes(1)), 1, cancellationToken);
            IReadOnlyList<Observation> latest = await observations.LatestAsync(s.Id, cancellationToken);
            Instant? lastFrame = last.Count > 0 ? last[0].ReceivedAt : null;
            rows.Add(new StationStatusDto(
                s.Id.Value, s.Name, s.Type, s.Region.Value, s.IsActive,
                lastFrame is { } f && now - f <= offlineAfter,
                lastFrame is { } at ? ApiTime.Format(at) : null,
                last.Count > 0 ? last[0].Outcome.ToString() : null,
                latest.Count > 0 ? ApiTime.Format(latest.Max(o => o.PeriodStart)) : null));
        }

        IReadOnlyList<RawFrame> recent = await archive.QueryAsync(null, new Interval(now - Duration.FromDays(1), now + Duration.FromMinutes(1)), RecentFrames, cancellationToken);
        // A part of the network counts only its own stations' frames (a frame naming no registered station is nobody's).
        HashSet<string>? visible = scope.IsEverything ? null : all.Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        var rejected = recent.Where(f => f.Outcome == RawFrameOutcome.Rejected && (visible is null || (f.StationId is { } mn && visible.Contains(mn))))
            .GroupBy(f => f.Reason ?? "unknown", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return TypedResults.Ok(new ConsoleStatusDto(ApiTime.Format(now), (int)offlineAfter.TotalMinutes, [.. rows], rejected));
    }

    private static async Task<Results<Ok<RawFrameDto[]>, UnknownStationProblem, InvalidParameterProblem>> FramesAsync(
        string mn, string? from, string? to, int? limit, ClaimsPrincipal user, IStationStore stations, IRawFrameArchive archive, TimeProvider time,
        CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, StaffScope.Of(user), stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        Instant start = ArchiveStart;
        Instant end = Instant.FromDateTimeOffset(time.GetUtcNow()) + Duration.FromMinutes(1);
        if ((from is not null && !ApiTime.TryParse(from, out start)) || (to is not null && !ApiTime.TryParse(to, out end)) || start >= end)
        {
            return new InvalidParameterProblem($"from and to must be {ApiTime.Expected}, from before to.");
        }

        if (limit is < 1 or > 1000)
        {
            return new InvalidParameterProblem("limit must be between 1 and 1000.");
        }

        IReadOnlyList<RawFrame> frames = await archive.QueryAsync(station.Id.Value, new Interval(start, end), limit ?? 100, cancellationToken);
        return TypedResults.Ok(frames.Select(f =>
        {
            DecodedFrameText text = RawFrameText.Decode(f.Bytes.Span, station.Encoding);
            return new RawFrameDto(
                f.Id, ApiTime.Format(f.ReceivedAt), f.Peer, f.CommandCode, f.RequestNumber, f.Outcome.ToString(), f.Reason,
                text.Text, text.Encoding == TextEncoding.Gbk ? "gbk" : "utf-8", text.IsValid);
        }).ToArray());
    }
}
