using EcoMonitor.Application.Access;
using EcoMonitor.Application.Evaluation;
using EcoMonitor.Application.Registry;
using EcoMonitor.Application.Storage;
using EcoMonitor.Domain;
using EcoMonitor.Standards.Noise;
using EcoMonitor.Web.Errors;
using EcoMonitor.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace EcoMonitor.Web.Api;

/// <summary>GB 3096-2008 compliance of a noise station per day and night, from its hourly Leq values.</summary>
internal static class NoiseEndpoints
{
    public static RouteGroupBuilder MapNoiseEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stations/{mn}/noise", NoiseAsync).WithTags("Evaluation").PublicData()
            .WithSummary("A noise station's day and night levels and their compliance (GB 3096-2008).")
            .WithDescription("From the hourly `Leq` values (flag N): Ld is the energy mean of the hours starting 06:00–21:00 of the day, Ln of the hours starting 22:00 of that day to 05:00 of the next (CST), each to 0.1 dB(A); both compared with the limits of the station's functional zone (Table 1), and the night maximum (the hours' maxima where sent) with the night limit + 15 dB(A) (clause 5.4). `from` (inclusive) and `to` (exclusive) are dates or ISO 8601 with offset; days whose 00:00 CST lies in the range; default the last 7 days; at most 3 years. Computed on demand.");
        return api;
    }

    private static async Task<Results<Ok<NoiseDayDto[]>, UnknownStationProblem, InvalidParameterProblem>> NoiseAsync(
        string mn, string? from, string? to, IStationStore stations, IObservationStore observations, TimeProvider time, CancellationToken cancellationToken)
    {
        Station? station = await StationLookup.FindAsync(mn, AccessScope.Everything, stations, cancellationToken);
        if (station is null)
        {
            return StationLookup.NotFound(mn);
        }

        if (station.Type != StationType.Noise || station.NoiseZone is null || Gb3096Limits.Find(station.NoiseZone) is not { } zone)
        {
            return new InvalidParameterProblem($"Station '{mn}' is of type {station.Type} with zone '{station.NoiseZone}'; noise compliance needs a noise station with its GB 3096-2008 zone (noiseZone).");
        }

        if (!EvaluationRange.TryParse(from, to, time.GetUtcNow(), Duration.FromDays(7), out EvaluationRange range, out string? error) || !range.HasDays)
        {
            return new InvalidParameterProblem(error ?? "The range holds no day start (00:00 CST).");
        }

        ObservationQuery query = new()
        {
            Station = station.Id,
            Interval = ObservationInterval.Hour,
            From = NoiseDayEvaluator.Start(range.FirstDay),
            To = NoiseDayEvaluator.Start(range.LastDay.PlusDays(1)),
            Parameters = [NoiseDayEvaluator.Leq],
        };
        IReadOnlyList<Observation> hourly = await observations.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(NoiseDayEvaluator.Evaluate(zone, range.FirstDay, range.LastDay, hourly)
            .Select(d => NoiseDayDto.From(d, zone.Day, zone.Night))
            .ToArray());
    }
}
