using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway;

/// <summary>Validates <see cref="GatewayOptions"/> at start-up (source-generated from its data annotations).</summary>
[OptionsValidator]
internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>;
