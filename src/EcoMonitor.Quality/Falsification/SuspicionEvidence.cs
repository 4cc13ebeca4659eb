using EcoMonitor.Domain;
using NodaTime;

namespace EcoMonitor.Quality;

/// <summary>One piece of evidence behind a falsification sign: where in time, which parameter, how many values, and what was seen.</summary>
/// <param name="Parameter">The parameter concerned; null when the evidence is about frames or the whole outlet.</param>
/// <param name="From">First period start (or receive time, for timing evidence) concerned, inclusive.</param>
/// <param name="To">End of what is concerned (exclusive: the last period's end, or the last receive time).</param>
/// <param name="Count">How many values (or frames) the evidence covers.</param>
/// <param name="Detail">What was seen, in words an inspector can check, with the values.</param>
public sealed record SuspicionEvidence(ParameterCode? Parameter, Instant From, Instant To, int Count, string Detail);
