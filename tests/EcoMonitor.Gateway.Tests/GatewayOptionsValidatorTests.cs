using EcoMonitor.Application.Security;
using Microsoft.Extensions.Options;

namespace EcoMonitor.Gateway.Tests;

[Trait("Area", "Security")]
public sealed class GatewayOptionsValidatorTests
{
    private readonly GatewayOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new GatewayOptions()).Succeeded);

    [Fact]
    public void Backoff_WithACapBelowItsFirstDelay_IsRefused()
    {
        ValidateOptionsResult result = _validator.Validate(null, new GatewayOptions
        {
            PasswordBackoff = new FailureBackoffOptions { FirstDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
        });

        Assert.True(result.Failed);
        Assert.Contains("PasswordBackoff", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedSections_AreValidated()
    {
        Assert.True(_validator.Validate(null, new GatewayOptions { RejectedArchive = new GatewayRejectedArchiveOptions { SampleOneIn = 0 } }).Failed);
        Assert.True(_validator.Validate(null, new GatewayOptions { DataTime = new GatewayDataTimeOptions { MaxAhead = TimeSpan.FromDays(-1) } }).Failed);
        Assert.True(_validator.Validate(null, new GatewayOptions { PasswordBackoff = new FailureBackoffOptions { MaxKeys = 1 } }).Failed);
        Assert.True(_validator.Validate(null, new GatewayOptions { MaxConnections = 0 }).Failed);
        Assert.True(_validator.Validate(null, new GatewayOptions { FrameTimeout = TimeSpan.Zero }).Failed);
    }
}
