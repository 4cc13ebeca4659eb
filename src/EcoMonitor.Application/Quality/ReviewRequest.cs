using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Application.Quality;

/// <summary>A reviewer's decision as asked for, before it is stored (see <see cref="ReviewDecision"/>).</summary>
/// <param name="Station">The station.</param>
/// <param name="Interval">The interval kind.</param>
/// <param name="Parameter">One parameter, or null for all.</param>
/// <param name="Periods">Period starts covered: one period (one value) or a whole span (bulk).</param>
/// <param name="Verdict">Valid or invalid.</param>
/// <param name="ReasonCode">One of <see cref="ReviewReasons.All"/>.</param>
/// <param name="Comment">Free text.</param>
public sealed record ReviewRequest(StationId Station, ObservationInterval Interval, ParameterCode? Parameter, Interval Periods, ReviewVerdict Verdict, string ReasonCode, string? Comment);
