using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Ingest;

/// <summary>Validates <see cref="IngestOptions"/> from its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>;
