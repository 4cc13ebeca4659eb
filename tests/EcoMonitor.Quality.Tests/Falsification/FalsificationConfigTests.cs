using System.Text;
using EcoMonitor.Domain;

namespace EcoMonitor.Quality.Tests;

/// <summary>The <c>falsification</c> section of the rules file: read as written, defaults where absent, refused with where it is wrong.</summary>
[Trait("Area", "Quality")]
public sealed class FalsificationConfigTests
{
    public static QualityRuleSet Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return QualityRuleSetFile.Parse(stream);
    }

    [Fact]
    public void ShippedFile_HasTheFalsificationSection()
    {
        FalsificationRules rules = QualityRules.Shipped.Value.Falsification;

        Assert.Equal(120, rules.IdenticalRunMinMinutes);
        Assert.Equal(40, rules.Weights[FalsificationSignIds.RepeatedBlock]);
        Assert.Contains(StationType.WasteWaterOutlet, rules.StationTypes);
        Assert.All(FalsificationSignIds.All, s => Assert.True(rules.IsEnabled(s), s));
    }

    [Fact]
    public void Section_OverridesOnlyWhatItNames()
    {
        FalsificationRules rules = Parse("""{ "falsification": { "pinnedBand": 0.05, "weights": { "fake.qn-reuse": 0 }, "stationTypes": ["flueGasOutlet"] } }""").Falsification;

        Assert.Equal(0.05m, rules.PinnedBand);
        Assert.Equal(FalsificationRules.Default.PinnedMinShare, rules.PinnedMinShare);
        Assert.False(rules.IsEnabled(FalsificationSignIds.RequestNumberReuse));
        Assert.DoesNotContain(StationType.WasteWaterOutlet, rules.StationTypes);
    }

    [Theory]
    [InlineData("""{ "falsification": { "weights": { "fake.nope": 3 } } }""", "falsification.weights: 'fake.nope' is not a falsification sign")]
    [InlineData("""{ "falsification": { "pinnedBand": 1.5 } }""", "falsification.pinnedBand: 1.5 must lie in (0, 1]")]
    [InlineData("""{ "falsification": { "windowMinutes": 0 } }""", "falsification.windowMinutes: 0 must be a positive whole number")]
    [InlineData("""{ "falsification": { "stationTypes": ["chimney"] } }""", "falsification.stationTypes: 'chimney' is not a station type")]
    [InlineData("""{ "falsification": { "weights": { "fake.qn-reuse": 101 } } }""", "falsification.weights.fake.qn-reuse: 101 is not between 0 and 100")]
    public void WrongSection_IsRefusedWithWhere(string json, string message)
    {
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
