using EcoMonitor.Domain;

namespace EcoMonitor.Quality;

/// <summary>An emission limit of one outlet parameter, with where it comes from (a permit number or the configuration).</summary>
/// <param name="Parameter">The pollutant.</param>
/// <param name="Limit">The limit (exceeded when greater), in the parameter's unit; compared with the converted (折算) value when sent.</param>
/// <param name="Source">Where the limit comes from, for the evidence, e.g. <c>permit 91510100…</c>.</param>
public sealed record EmissionLimit(ParameterCode Parameter, decimal Limit, string Source);
