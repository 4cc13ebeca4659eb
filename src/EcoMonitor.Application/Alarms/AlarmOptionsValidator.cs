using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Alarms;

/// <summary>Validates <see cref="AlarmOptions"/> on start.</summary>
[OptionsValidator]
internal sealed partial class AlarmOptionsValidator : IValidateOptions<AlarmOptions>
{
}
