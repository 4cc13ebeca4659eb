using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Registry;

/// <summary>Validates <see cref="RegistryOptions"/> from its data annotations (source-generated).</summary>
[OptionsValidator]
public sealed partial class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
}
