namespace EcoMonitor.Standards.Air;

/// <summary>A comprehensive index (综合指数): exact single indices, the rounded sum and the largest single index.</summary>
/// <param name="SingleIndices">I_i per <see cref="AirPollutant"/>, exact; null where C_i was not given.</param>
/// <param name="Index">I_sum rounded to 2 decimals; null unless all six items were given.</param>
/// <param name="MaxPollutant">The item with the largest I_i.</param>
public sealed record ComprehensiveIndexResult(IReadOnlyList<decimal?> SingleIndices, decimal? Index, AirPollutant? MaxPollutant);
