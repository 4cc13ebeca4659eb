using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Work;

/// <summary>Validates <see cref="WorkOptions"/> on start.</summary>
[OptionsValidator]
internal sealed partial class WorkOptionsValidator : IValidateOptions<WorkOptions>
{
}
