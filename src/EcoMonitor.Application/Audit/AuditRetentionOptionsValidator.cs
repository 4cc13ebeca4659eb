using Microsoft.Extensions.Options;

namespace EcoMonitor.Application.Audit;

/// <summary>Refuses a retention below <see cref="AuditRetentionOptions.MinimumDays"/> or beyond 100 years, and a batch outside 1–1,000,000.</summary>
internal sealed class AuditRetentionOptionsValidator : IValidateOptions<AuditRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditRetentionOptions options)
    {
        if (options.RetentionDays is { } days && days is < AuditRetentionOptions.MinimumDays or > 36_500)
        {
            return ValidateOptionsResult.Fail(
                $"Audit:RetentionDays is {days}: keep the audit trail at least {AuditRetentionOptions.MinimumDays} days (等保 2.0, 网络安全法 §21) and at most 36500, or leave it unset to keep it all.");
        }

        return options.BatchSize is < 1 or > 1_000_000
            ? ValidateOptionsResult.Fail($"Audit:BatchSize is {options.BatchSize}: give 1–1000000.")
            : ValidateOptionsResult.Success;
    }
}
