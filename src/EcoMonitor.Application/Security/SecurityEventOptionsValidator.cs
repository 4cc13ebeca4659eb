using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Security;

/// <summary>Validates <see cref="SecurityEventOptions"/> on start.</summary>
[OptionsValidator]
internal sealed partial class SecurityEventOptionsValidator : IValidateOptions<SecurityEventOptions>
{
}
