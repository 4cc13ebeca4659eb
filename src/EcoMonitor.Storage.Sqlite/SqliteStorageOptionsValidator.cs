using Microsoft.Extensions.Options;

namespace EcoMonitor.Storage.Sqlite;

/// <summary>Validates <see cref="SqliteStorageOptions"/> from its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>;
