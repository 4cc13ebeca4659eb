using EcoMonitor.Application.Audit;

namespace EcoMonitor.Application.Tests.Audit;

[Trait("Area", "Quality")]
public sealed class AuditRetentionOptionsValidatorTests
{
    [Theory]
    [InlineData(null, 50_000, true)]
    [InlineData(180, 50_000, true)]
    [InlineData(3650, 1, true)]
    [InlineData(179, 50_000, false)]
    [InlineData(0, 50_000, false)]
    [InlineData(36_501, 50_000, false)]
    [InlineData(365, 0, false)]
    [InlineData(365, 1_000_001, false)]
    public void Validate_RetentionOfAtLeast180Days_AndABatchOf1To1000000(int? days, int batch, bool valid)
    {
        var options = new AuditRetentionOptions { RetentionDays = days, BatchSize = batch };

        Assert.Equal(valid, new AuditRetentionOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Defaults_KeepTheWholeTrail()
    {
        var options = new AuditRetentionOptions();

        Assert.Null(options.RetentionDays);
        Assert.True(new AuditRetentionOptionsValidator().Validate(null, options).Succeeded);
    }
}
