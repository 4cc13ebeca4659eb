using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>Validates <see cref="TelemetryOptions"/> on start.</summary>
[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
}
