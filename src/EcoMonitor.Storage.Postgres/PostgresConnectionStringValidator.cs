using Microsoft.Extensions.Options;
using Npgsql;

namespace EcoMonitor.Storage.Postgres;

/// <summary>Fails start-up with a readable message when <c>Storage:Postgres:ConnectionString</c> does not parse or names no host.</summary>
internal sealed class PostgresConnectionStringValidator : IValidateOptions<PostgresStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:Postgres:ConnectionString is required when Storage:Provider is Postgres.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(builder.Host)
                ? ValidateOptionsResult.Fail("Storage:Postgres:ConnectionString names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"Storage:Postgres:ConnectionString does not parse: {exception.Message}");
        }
    }
}
