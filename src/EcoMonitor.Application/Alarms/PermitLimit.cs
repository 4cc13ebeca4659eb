using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>A discharge permit (排污许可证) emission limit of one outlet and parameter, in the parameter's unit.</summary>
/// <param name="Station">The outlet's MN.</param>
/// <param name="Parameter">The pollutant.</param>
/// <param name="Limit">The concentration limit (exceeded when greater).</param>
/// <param name="PermitNumber">The permit's number, for the evidence (may be empty).</param>
public sealed record PermitLimit(StationId Station, ParameterCode Parameter, decimal Limit, string PermitNumber);
