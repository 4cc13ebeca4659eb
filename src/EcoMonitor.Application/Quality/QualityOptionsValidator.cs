using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Quality;

/// <summary>Validates <see cref="QualityOptions"/> at start-up (source-generated from its data annotations).</summary>
[OptionsValidator]
public sealed partial class QualityOptionsValidator : IValidateOptions<QualityOptions>;
