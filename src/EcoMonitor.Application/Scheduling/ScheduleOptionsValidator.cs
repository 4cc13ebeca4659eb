using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Scheduling;

/// <summary>Validates <see cref="ScheduleOptions"/> on start.</summary>
[OptionsValidator]
internal sealed partial class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
}
