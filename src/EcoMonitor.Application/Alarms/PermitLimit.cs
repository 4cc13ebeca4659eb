using EcoMonitor.Domain;

namespace EcoMonitor.Application.Alarms;

/// <summary>A discharge permit (排污许可证) emission limit of one outlet and parameter, in the parameter's unit.</summary>
/// <param name="Station">The outlet's MN.</param>
/// <param name="Parameter">The pollutant.</param>
/// <param name="Limit">The concentration limit (exceeded when greater).</param>
/// <param name="PermitNumber">The permit's number, for the evidence (may be empty).</param>
public sealed record PermitLimit(StationId Station, ParameterCode Parameter, decimal Limit, string PermitNumber)
{
    /// <summary>The longest permit number accepted (a national number, 统一社会信用代码 + serial, has 22 characters).</summary>
    public const int MaxPermitNumberLength = 100;

    /// <summary>Why <paramref name="permitNumber"/> cannot be stored (too long, or a control character), or null when it can.</summary>
    public static string? PermitNumberProblem(string permitNumber) =>
        permitNumber.Length <= MaxPermitNumberLength && !permitNumber.Any(char.IsControl)
            ? null
            : $"at most {MaxPermitNumberLength} characters, no control characters";
}
