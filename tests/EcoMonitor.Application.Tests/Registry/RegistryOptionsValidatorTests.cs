using EcoMonitor.Application.Registry;

namespace EcoMonitor.Application.Tests.Registry;

[Trait("Area", "Spine")]
public sealed class RegistryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new RegistryOptions();

        Assert.True(new RegistryOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(("config/stations.json", "config/parameters.json"), (options.StationsFile, options.ParametersFile));
    }

    [Fact]
    public void Validate_EmptyStationsFile_Fails()
    {
        var options = new RegistryOptions { StationsFile = "" };

        Assert.True(new RegistryOptionsValidator().Validate(null, options).Failed);
    }
}
