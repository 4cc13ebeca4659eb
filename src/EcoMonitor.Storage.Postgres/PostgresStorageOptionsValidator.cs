using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Postgres;

/// <summary>Validates <see cref="PostgresStorageOptions"/> from its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>;
