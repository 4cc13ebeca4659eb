using Microsoft.Extensions.Options;

namespace EcoMonitor.Reports;

/// <summary>Checks <see cref="ReportOptions"/>' attributes at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ReportOptionsValidator : IValidateOptions<ReportOptions>;
