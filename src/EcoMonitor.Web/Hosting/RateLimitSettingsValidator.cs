using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>Validates <see cref="RateLimitSettings"/> from its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>;
