using Microsoft.Extensions.Options;

namespace EcoMonitor.Web.Hosting;

/// <summary>Validates <see cref="ForwardedHeadersSettings"/> from its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>;
